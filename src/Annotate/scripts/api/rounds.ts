import { ApiError, getJson, request } from './http';
import type { AgreementReport } from './agreement';

// Wire types of the norming rounds (blind → reveal → discuss → revise) and the freeze a discuss round puts on editing.

export type RoundKind = 'blind' | 'reveal' | 'discuss' | 'revise';

/** One layer's figures when a round ended: span layers have the first three, document-label layers `alpha`. */
export interface RoundLayerMeasures {
  layer: string;
  name: string;
  scope: string;
  tokenAlpha: number | null;
  spanF1Overlap: number | null;
  alphaU: number | null;
  alpha: number | null;
}

export interface RoundMeasures {
  revision: number;
  annotators: number;
  layers: RoundLayerMeasures[];
}

export interface Round {
  id: string;
  number: number;
  name: string;
  kind: RoundKind;
  startedAt: string;
  /** null while the round is open. */
  endedAt: string | null;
  /** Whether annotators' editing is refused while this round is open (a discuss round). */
  frozen: boolean;
  /** The agreement the round ended with; null while open, or when the caller may not see agreement. */
  measures: RoundMeasures | null;
}

export interface RoundsOverview {
  projectId: string;
  frozen: boolean;
  frozenMessage: string | null;
  current: Round | null;
  rounds: Round[];
  mayManage: boolean;
}

export interface RoundStart {
  kind: RoundKind;
  name?: string | null;
}

/** Pushed on the hub when a round starts or ends. */
export interface EditingState {
  projectId: string;
  frozen: boolean;
  message: string | null;
  roundName: string | null;
  roundKind: string | null;
}

const roundsPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/rounds`;

function answered<T>(value: T | undefined): T {
  if (!value) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the rounds.');
  return value;
}

export const roundsApi = {
  list: (projectId: string, signal?: AbortSignal) => getJson<RoundsOverview>(roundsPath(projectId), undefined, signal),

  /** Owners only (403 otherwise); ends the open round and keeps its agreement. */
  start: async (projectId: string, body: RoundStart) => answered(await request<RoundsOverview>('POST', roundsPath(projectId), { body })),

  /** 409 when no round is open. */
  end: async (projectId: string) => answered(await request<RoundsOverview>('POST', `${roundsPath(projectId)}/end`)),

  /** The whole report a round ended with. */
  agreement: (projectId: string, roundId: string, anonymous: boolean, signal?: AbortSignal) =>
    getJson<AgreementReport>(`${roundsPath(projectId)}/${encodeURIComponent(roundId)}/agreement`, anonymous ? { anonymous: 'true' } : undefined, signal),
};
