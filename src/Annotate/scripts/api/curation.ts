import { getJson, request } from './http';
import type { Annotation, AttributeValue, Attribution } from './annotationTypes';
import type { Relation } from './relations';

// Wire types of the curation endpoints (JSON, camelCase): the curation view, the gold layer with its provenance,
// rejections, and accepting everything agreed. Keep in step with src/Annotate/Curation/*.cs.

export type CurationAction = 'accepted' | 'merged' | 'edited' | 'created';
export type DisagreementKind = 'boundary' | 'label' | 'missed' | 'attributes';
export type CurationStatus = 'open' | 'curated' | 'rejected';

export interface ProvenanceSource {
  id: string;
  annotatorId: string;
  annotatorName: string;
  label: string;
  start: number | null;
  end: number | null;
}

export interface Provenance {
  action: CurationAction | 'rejected';
  curatorId: string;
  curatorName: string;
  sources: ProvenanceSource[];
}

/** A gold annotation or a rejection: an annotation of the reserved annotator "gold", with where it came from. */
export type GoldAnnotation = Annotation & { provenance?: Provenance | null };

export interface SpanCluster {
  /** "layer:start-end", stable while the spans in it stay the same. */
  id: string;
  layer: string;
  start: number;
  end: number;
  kinds: DisagreementKind[];
  agreed: boolean;
  /** Annotator ids who marked nothing here. */
  missing: string[];
  spans: string[];
  gold: string[];
  rejections: string[];
  status: CurationStatus;
}

export interface LabelDecision {
  layer: string;
  kinds: DisagreementKind[];
  agreed: boolean;
  missing: string[];
  labels: string[];
  gold: string[];
  status: 'open' | 'curated';
}

/** Annotators' relations of one type between the same two span clusters (docs/api.md, Curation). */
export interface RelationCluster {
  /** "type:sourceCluster>targetCluster" ("~" for an undirected type), stable while those clusters are. */
  id: string;
  type: string;
  directed: boolean;
  sourceCluster: string;
  targetCluster: string;
  kinds: RelationDisagreement[];
  agreed: boolean;
  /** Annotator ids who made it, and who did not. */
  annotators: string[];
  missing: string[];
  relations: string[];
  /** Per relation: the gold spans its ends are in gold as (null: that span is not accepted yet). */
  ends: RelationGoldEnds[];
  gold: string[];
  rejections: string[];
  status: CurationStatus;
}

export type RelationDisagreement = 'missed' | 'type' | 'ends' | 'attributes';

export interface RelationGoldEnds {
  relation: string;
  source: string | null;
  target: string | null;
}

/** A gold relation: the gold layer's, with where it came from. */
export type GoldRelation = Relation;

export interface CurationView {
  documentId: string;
  version: number;
  annotators: { id: string; name: string }[];
  spans: Annotation[];
  labels: Annotation[];
  gold: GoldAnnotation[];
  goldLabels: GoldAnnotation[];
  rejections: GoldAnnotation[];
  clusters: SpanCluster[];
  labelLayers: LabelDecision[];
  relations: Relation[];
  goldRelations: GoldRelation[];
  /** Rejections of relations: gold annotations of kind "rejected-relation", the type as their label. */
  relationRejections: GoldAnnotation[];
  relationClusters: RelationCluster[];
}

/** Where a gold write goes: gold spans, gold document labels, rejections, gold relations, or rejections of relations. */
export type GoldTarget = 'gold' | 'gold-labels' | 'rejections' | 'gold-relations' | 'relation-rejections';

/**
 * Body of PUT …/gold-relations/{id}. With an action, source and target may name annotators' spans: the relation
 * joins their gold copies (409 with `field` and `span` while one has none).
 */
export interface GoldRelationPut {
  type: string;
  source: string;
  target: string;
  attributes?: Record<string, AttributeValue | null>;
  note?: string | null;
  version?: number;
  action?: CurationAction;
  sources?: string[];
}

/** Body of PUT …/relation-rejections/{id}: the type rejected and the annotators' relations rejected. */
export interface RelationRejectionPut {
  type: string;
  sources: string[];
  note?: string | null;
  version?: number;
}

/** Whatever a curation write sends. */
export type CurationPut = GoldPut | GoldRelationPut | RelationRejectionPut;

/** What accept-agreed created: spans and labels, then relations. */
export interface AcceptAgreedResult {
  created: GoldAnnotation[];
  relations: GoldRelation[];
}

/** Body of PUT …/gold/{id}, …/gold-labels/{id}, …/rejections/{id}; version: the one the edit is based on (omit to create). */
export interface GoldPut {
  layer: string;
  label: string;
  start?: number;
  end?: number;
  attributes?: Record<string, AttributeValue>;
  attribution?: Attribution | null;
  note?: string | null;
  version?: number;
  action?: CurationAction;
  sources?: string[];
}

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const curationApi = {
  view: (documentId: string, signal?: AbortSignal) => getJson<CurationView>(`${doc(documentId)}/curation`, undefined, signal),

  /** Creates (201) or updates (200); 409 with `current` when the version is stale. */
  async put(target: GoldTarget, documentId: string, id: string, body: CurationPut): Promise<GoldAnnotation | GoldRelation> {
    const saved = await request<GoldAnnotation | GoldRelation>('PUT', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { body });
    if (!saved) throw new Error(`PUT ${target}/${id} returned no body.`);
    return saved;
  },

  /** Leaves a tombstone whose version is `version + 1` (a PUT with that version restores it). */
  async remove(target: GoldTarget, documentId: string, id: string, version: number): Promise<void> {
    await request('DELETE', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { query: { version: String(version) } });
  },

  async acceptAgreed(documentId: string, layer?: string): Promise<AcceptAgreedResult> {
    const answer = await request<AcceptAgreedResult>('POST', `${doc(documentId)}/gold/accept-agreed`, { body: layer ? { layer } : {} });
    return { created: answer?.created ?? [], relations: answer?.relations ?? [] };
  },
};

/** The export formats the server offers (GET /api/projects/{p}/export?format=F answers a zip). */
export const exportFormats = [
  { id: 'jsonl', name: 'JSON Lines (every perspective and the gold layer)' },
  { id: 'csv', name: 'CSV' },
  { id: 'spacy', name: 'spaCy' },
  { id: 'webanno', name: 'W3C Web Annotation' },
  { id: 'conll', name: 'CoNLL' },
  { id: 'brat', name: 'brat standoff' },
  { id: 'agreement', name: 'Agreement tables' },
] as const;

export const exportApi = {
  /** Owners and curators: a link the browser downloads. */
  href: (projectId: string, format: string, documentId?: string) =>
    `/api/projects/${encodeURIComponent(projectId)}/export?format=${encodeURIComponent(format)}${documentId ? `&document=${encodeURIComponent(documentId)}` : ''}`,
};
