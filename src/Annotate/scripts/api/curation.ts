import { getJson, request } from './http';
import type { Annotation, AttributeValue, Attribution } from './annotationTypes';

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
}

/** Where a gold write goes: gold spans, gold document labels, or rejections. */
export type GoldTarget = 'gold' | 'gold-labels' | 'rejections';

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
  async put(target: GoldTarget, documentId: string, id: string, body: GoldPut): Promise<GoldAnnotation> {
    const saved = await request<GoldAnnotation>('PUT', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { body });
    if (!saved) throw new Error(`PUT ${target}/${id} returned no body.`);
    return saved;
  },

  /** Leaves a tombstone whose version is `version + 1` (a PUT with that version restores it). */
  async remove(target: GoldTarget, documentId: string, id: string, version: number): Promise<void> {
    await request('DELETE', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { query: { version: String(version) } });
  },

  async acceptAgreed(documentId: string, layer?: string): Promise<GoldAnnotation[]> {
    const answer = await request<{ created: GoldAnnotation[] }>('POST', `${doc(documentId)}/gold/accept-agreed`, { body: layer ? { layer } : {} });
    return answer?.created ?? [];
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
