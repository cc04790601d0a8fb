// Wire types of the codebook and annotation endpoints (JSON, camelCase). Keep in step with the backend's records.

export type AttributeType = 'choice' | 'integer' | 'number' | 'text' | 'boolean';
export type AttributeValue = string | number | boolean;

export interface CodebookAttribute {
  id: string;
  name: string;
  type: AttributeType;
  values: string[];
  min: number | null;
  max: number | null;
  required: boolean;
  description: string | null;
}

export interface CodebookExample {
  text: string;
  note: string | null;
}

export interface CodebookLabel {
  id: string;
  name: string;
  key: string | null;
  color: string | null;
  definition: string | null;
  examples: CodebookExample[];
}

export interface CodebookLayer {
  id: string;
  name: string;
  scope: 'span' | 'document';
  description: string | null;
  multiple: boolean;
  attributes: CodebookAttribute[];
  labels: CodebookLabel[];
}

export interface CodebookActor {
  id: string;
  name: string;
  description: string | null;
}

/** Which spans may stand at one end of a relation type: empty lists allow any span. */
export interface CodebookRelationEnd {
  layers: string[];
  labels: string[];
}

export interface CodebookRelationExample {
  source: string;
  target: string;
  note: string | null;
}

/** A typed link between two spans (docs/codebook.md, Relations). */
export interface CodebookRelation {
  id: string;
  name: string;
  key: string | null;
  color: string | null;
  definition: string | null;
  /** false: a line, either end first. */
  directed: boolean;
  source: CodebookRelationEnd;
  target: CodebookRelationEnd;
  attributes: CodebookAttribute[];
  examples: CodebookRelationExample[];
}

/** A label (kind 'label', of a layer) or relation type (kind 'relation', no layer) renamed between codebook versions: its annotations are carried over. */
export interface CodebookRename {
  kind: 'label' | 'relation';
  layer: string;
  from: string;
  to: string;
}

export interface Codebook {
  name: string;
  version: string | null;
  description: string | null;
  actors: CodebookActor[];
  layers: CodebookLayer[];
  relations: CodebookRelation[];
  renames: CodebookRename[];
}

export interface CodebookInfo {
  collection: string;
  version: number;
  contentHash: string;
  createdAt: string;
  codebook: Codebook;
}

/** Whose voice a span expresses: an actor of the codebook. (Who says a claim is a said-by relation between two spans.) */
export interface Attribution {
  actor?: string | null;
}

/** 'misfit' only for a relation: its ends no longer fit its type's rules (kept, never lost; docs/api.md, Relations). */
export type AnnotationStatus = 'ok' | 'orphan' | 'unknown-label' | 'misfit';

export interface Annotation {
  id: string;
  documentId: string;
  documentVersion: number;
  codebookVersion: number;
  /**
   * 'rejected' and 'rejected-relation' only in the gold layer (a curator's decision that a stretch, or annotators'
   * relations, have no gold counterpart). 'relation' only in the browser: a relation (api/relations.ts) rides in the
   * annotation session as an item of its own kind, its type as the label and its ends in sourceSpan and targetSpan,
   * so saving, undo and live changes treat it like any annotation.
   */
  kind: 'span' | 'document' | 'rejected' | 'rejected-relation' | 'relation';
  layer: string;
  label: string;
  start: number | null;
  end: number | null;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  attributes: Record<string, AttributeValue>;
  attribution: Attribution | null;
  note: string | null;
  annotatorId: string;
  annotatorName: string;
  version: number;
  status: AnnotationStatus;
  /** Only on a conflict's `current`: the annotation was deleted. */
  deleted?: boolean;
  createdAt: string;
  updatedAt: string;
  /** A relation's ends (span ids), in the browser only: never on the wire's annotations. */
  sourceSpan?: string;
  targetSpan?: string;
}

export interface AnnotationList {
  items: Annotation[];
}

/** Body of PUT …/annotations/{id} and …/labels/{id}; `version` is the version the edit is based on (0 = create). */
export interface AnnotationPut {
  layer: string;
  label: string;
  start?: number;
  end?: number;
  quote?: string;
  attributes?: Record<string, AttributeValue>;
  attribution?: Attribution | null;
  note?: string | null;
  documentVersion?: number;
  version?: number;
}
