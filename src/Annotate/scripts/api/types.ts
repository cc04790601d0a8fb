// Wire types of the Annotate HTTP API (JSON, camelCase). Keep in step with the backend's records.

export interface Session {
  userId: string;
  displayName: string;
}

export interface Collection {
  /** "" for the corpus root. */
  path: string;
  name: string;
  documentCount: number;
}

export interface DocumentSummary {
  id: string;
  collection: string;
  path: string;
  title: string;
  outlet: string | null;
  author: string | null;
  /** yyyy-mm-dd */
  date: string | null;
  language: string | null;
  tags: string[];
  version: number;
  wordCount: number;
  /** The project that owns the document's collection ("default" for the rest of the corpus). */
  projectId: string;
}

export interface DocumentList {
  items: DocumentSummary[];
  total: number;
}

export interface DocumentQuery {
  q?: string;
  collection?: string;
  language?: string;
  tag?: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'quote' | 'code' | 'tableCell';

/** Offsets are UTF-16 code units into DocumentDetail.text. */
export interface Block {
  index: number;
  kind: BlockKind;
  level: number;
  start: number;
  end: number;
}

export interface DocumentDetail extends DocumentSummary {
  /** The document's latest version (differs from `version` when an older one was asked for with ?version=). */
  currentVersion: number;
  url: string | null;
  metadata: Record<string, unknown>;
  contentHash: string;
  text: string;
  blocks: Block[];
  /** Sanitised server-side; each block carries data-block/data-start/data-end. */
  html: string;
  /** The codebook that applies to this document (its collection's, else the nearest parent's); null when none. */
  codebook?: { collection: string; version: number } | null;
}

export type CorpusState = 'idle' | 'loading';

export interface CorpusProblem {
  path: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CorpusStatus {
  state: CorpusState;
  root: string;
  processed: number;
  total: number;
  documentCount: number;
  lastLoadedAt: string | null;
  /** How long the last load took; null before the first one finishes. */
  lastLoadSeconds: number | null;
  problems: CorpusProblem[];
}

/** RFC 7807 body of every API error. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  /** On 409 Conflict from an annotation write: the stored annotation the edit collided with. */
  current?: unknown;
  /** On 409 from a gold relation write: the end ("source" or "target") whose span is not in the gold layer, and that span. */
  field?: string;
  span?: string;
}
