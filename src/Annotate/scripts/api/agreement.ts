import { getJson, request } from './http';
import type { Visibility } from './projects';

// Wire types of the agreement endpoints (JSON, camelCase). A coefficient that does not apply is null and `notes`
// says why ("tokenAlpha: fewer than two annotators…").

export type Interval = [number, number];

export interface ProjectAnnotator {
  id: string;
  name: string;
  attributes: Record<string, string>;
}

export interface DocumentAgreement {
  id: string;
  title: string;
  annotators: number;
  spans: number;
  alphaU: number | null;
  tokenAlpha: number | null;
  spanF1Overlap: number | null;
}

export interface Coincidence {
  categories: string[];
  cells: number[][];
}

export interface Disagreements {
  agreements: number;
  boundary: number;
  label: number;
  boundaryAndLabel: number;
  missed: number;
}

export interface LabelAgreement {
  label: string;
  name: string;
  color: string | null;
  spans: number;
  alphaU: number | null;
  tokenAlpha: number | null;
  spanF1Exact: number | null;
  spanF1Overlap: number | null;
}

export interface PairAgreement {
  a: string;
  b: string;
  tokenAlpha: number | null;
  spanF1Overlap: number | null;
  alphaU: number | null;
}

export interface SpanAgreement {
  alphaU: number | null;
  alphaUByLabel: Record<string, number | null>;
  spanF1Exact: number | null;
  spanF1Overlap: number | null;
  tokenAlpha: number | null;
  tokenAlphaCi95: Interval | null;
  disagreements: Disagreements;
  byLabel: LabelAgreement[];
  /** null when the project has more annotators than pairwise tables are listed for. */
  pairs: PairAgreement[] | null;
  coincidence: Coincidence;
}

export interface CodingAgreement {
  units: number;
  coders: number;
  pairableValues: number | null;
  level: string;
  percentAgreement: number | null;
  krippendorffAlpha: number | null;
  /** Null when fewer than two values are pairable (NaN is written as null). */
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  cohenKappa: number | null;
  cohenKappaLinear: number | null;
  cohenKappaQuadratic: number | null;
  scottPi: number | null;
  bennettS: number | null;
  fleissKappa: number | null;
  randolphKappa: number | null;
  gwetAC1: number | null;
  gwetAC2Linear: number | null;
  gwetAC2Quadratic: number | null;
  perCategory: Record<string, { positiveAgreement: number | null; alpha: number | null }>;
  ci95: Record<string, Interval> | null;
  notes: string[];
  coincidence?: Coincidence | null;
  /** The distance alpha used: the level's name, or "custom" (`annotate agreement --distance`; never in project reports). */
  distance?: string | null;
  distanceFile?: string | null;
  cohenKappaWeighted?: number | null;
  gwetAC2Weighted?: number | null;
}

export interface LayerAgreement {
  layer: string;
  name: string;
  scope: 'span' | 'document';
  spans?: SpanAgreement | null;
  coding?: CodingAgreement | null;
}

export interface GroupAgreement {
  value: string;
  annotators: string[];
  tokenAlpha: number | null;
  meanPairwiseAlpha: number | null;
}

export interface Groups {
  attribute: string;
  groups: GroupAgreement[];
  between: { a: string; b: string; meanPairwiseAlpha: number | null }[];
  ungrouped: string[];
}

export interface RelationTypeAgreement {
  type: string;
  name: string;
  color: string | null;
  directed: boolean;
  relations: number;
  relationF1Exact: number | null;
  relationF1Overlap: number | null;
}

/** Relation agreement (null in the report when there is no relation and the codebook declares no relation type). */
export interface RelationAgreement {
  relations: number;
  relationF1Exact: number | null;
  relationF1Overlap: number | null;
  /** Krippendorff's alpha over relation types on the endpoint pairs two or more annotators related. */
  typeAlpha: number | null;
  sharedPairs: number;
  byType: RelationTypeAgreement[];
  coincidence: Coincidence;
}

export interface AgreementReport {
  projectId: string;
  documentId: string | null;
  revision: number;
  visibility: Visibility;
  annotators: ProjectAnnotator[];
  documents: DocumentAgreement[];
  layers: LayerAgreement[];
  groups: Groups | null;
  notes: string[];
  relations?: RelationAgreement | null;
}

export interface TextSegment {
  start: number;
  end: number;
  /** Share of agreeing annotator pairs; null with fewer than two annotators. */
  agreement: number | null;
  /** Annotator id → labels there ([] = marked nothing there). */
  labels: Record<string, string[]>;
}

export interface TextAgreement {
  documentId: string;
  version: number;
  annotators: { id: string; name: string }[];
  segments: TextSegment[];
}

/** Gamma of one span layer (Mathet et al. 2015, pygamma-agreement's defaults). */
export interface GammaLayer {
  layer: string;
  name: string;
  gamma: number | null;
  observedDisorder: number | null;
  expectedDisorder: number | null;
  /** Standard error of the expected disorder: the precision the samples reached. */
  precision: number | null;
  samples: number;
  notes: string[];
}

/** 202 with status "computing" (no layers) while the server computes it in the background, then 200 "ready". */
export interface GammaReport {
  status: 'computing' | 'ready';
  revision: number;
  layers: GammaLayer[];
}

export interface AgreementQuery {
  document?: string | null;
  groupBy?: string | null;
  bootstrap?: number | null;
  /** People named "Student 1", "Student 2", … (numbered by join order), for showing a class. */
  anonymous?: boolean;
}

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export const agreementApi = {
  report: (projectId: string, query: AgreementQuery = {}, signal?: AbortSignal) =>
    getJson<AgreementReport>(`${project(projectId)}/agreement`, {
      document: query.document ?? undefined,
      groupBy: query.groupBy ?? undefined,
      bootstrap: query.bootstrap ? String(query.bootstrap) : undefined,
      anonymous: query.anonymous ? 'true' : undefined,
    }, signal),

  /** Gamma per span layer; answers at once, with status "computing" until the background computation is done. */
  gamma: (projectId: string, document: string | null, signal?: AbortSignal) =>
    getJson<GammaReport>(`${project(projectId)}/agreement/gamma`, { document: document ?? undefined }, signal),

  text: (documentId: string, layer?: string, signal?: AbortSignal, anonymous = false) =>
    getJson<TextAgreement>(`/api/documents/${encodeURIComponent(documentId)}/agreement/text`,
      { layer, anonymous: anonymous ? 'true' : undefined }, signal),
};

/** A member's anonymous name: "Student 1", … by join order; "Teacher", "Curator", "Viewer". */
export interface AnonymousName {
  id: string;
  name: string;
}

export const annotatorsApi = {
  list: (projectId: string, signal?: AbortSignal) =>
    getJson<ProjectAnnotator[]>(`${project(projectId)}/annotators`, undefined, signal),

  /** Every member's anonymous name, for pages shown to a class (in a blind project an annotator gets only their own). */
  anonymousNames: (projectId: string, signal?: AbortSignal) =>
    getJson<AnonymousName[]>(`${project(projectId)}/anonymous-names`, undefined, signal),

  /** Sets the caller's own attributes; an empty value removes one. */
  async setMine(projectId: string, attributes: Record<string, string>): Promise<ProjectAnnotator> {
    const saved = await request<ProjectAnnotator>('PUT', `${project(projectId)}/annotators/me/attributes`, { body: { attributes } });
    if (!saved) throw new Error('PUT annotators/me/attributes returned no body.');
    return saved;
  },
};
