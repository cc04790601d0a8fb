import { getJson, request } from './http';
import type { AttributeValue } from './annotationTypes';
import type { Provenance } from './curation';

// Wire types and calls of the relations endpoints (docs/api.md, Relations): typed links between two spans of one
// author, or of the gold layer ("gold-relations", curators only).

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Annotators' relations ("relations") and the gold layer's ("gold-relations") share one shape and one set of verbs. */
export type RelationTarget = 'relations' | 'gold-relations';

/** 'misfit': ends its type would refuse, kept from a span attribution converted by schema step 0022. */
export type RelationStatus = 'ok' | 'unknown-label' | 'misfit';

export interface Relation {
  id: string;
  documentId: string;
  codebookVersion: number;
  /** A relation type of the codebook (Codebook.relations). */
  type: string;
  /** Span ids; for an undirected type simply the order they were sent in. */
  source: string;
  target: string;
  attributes: Record<string, AttributeValue>;
  note: string | null;
  annotatorId: string;
  annotatorName: string;
  version: number;
  deleted: boolean;
  status: RelationStatus;
  createdAt: string;
  updatedAt: string;
  /** The gold layer's only: how a curator arrived at it. */
  provenance?: Provenance | null;
}

export interface RelationList {
  items: Relation[];
}

/** Body of PUT …/relations/{id}; `version` is the version the edit is based on (0 or absent = create). */
export interface RelationPut {
  type: string;
  source: string;
  target: string;
  attributes?: Record<string, AttributeValue | null>;
  note?: string | null;
  version?: number;
}

/** A committed relation change, as the hub pushes it (RelationChanged) and JoinResult.relations lists it. */
export interface RelationChange {
  seq: number;
  documentId: string;
  kind: 'upsert' | 'delete';
  relation: Relation;
}

export const relationsApi = {
  /** The document's live relations the caller may see; `annotator: 'gold'` for the gold layer's. */
  list: (documentId: string, filter: { annotator?: string } = {}, signal?: AbortSignal) =>
    getJson<RelationList>(`${doc(documentId)}/relations`, { ...filter }, signal),

  /** Creates (201) or updates (200) one relation; idempotent, so a retry after a lost answer is safe. */
  async put(target: RelationTarget, documentId: string, id: string, body: RelationPut): Promise<Relation> {
    const saved = await request<Relation>('PUT', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { body });
    if (!saved) throw new Error(`PUT ${target}/${id} returned no body.`);
    return saved;
  },

  /** 204 also when it was already deleted. */
  async remove(target: RelationTarget, documentId: string, id: string, version: number): Promise<void> {
    await request('DELETE', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { query: { version: String(version) } });
  },
};
