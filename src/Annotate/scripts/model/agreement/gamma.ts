import type { GammaLayer, GammaReport } from '../../api/agreement';

/** What the Gamma row of a span layer shows: still computing, or the layer's figures (none when the layer has no gamma). */
export type GammaState = { kind: 'computing' } | { kind: 'ready'; layer: GammaLayer | null } | { kind: 'failed' };

/** The definition line of the Gamma row, in the words of the other measures' hints. */
export const GAMMA_DEFINITION =
  'γ (Mathet et al. 2015): 1 − observed / expected disorder of the best alignment of everyone\'s spans, positions and labels together; expected from random continua (pygamma-agreement\'s defaults).';

/** Waits between polls while gamma is computing: quick at first, then every 10 s at most. */
export const GAMMA_POLL_DELAYS: readonly number[] = [500, 1000, 2000, 4000, 8000, 10000];

export function gammaState(report: GammaReport | null, layer: string): GammaState {
  if (!report || report.status !== 'ready') return { kind: 'computing' };
  return { kind: 'ready', layer: report.layers.find((l) => l.layer === layer) ?? null };
}

/** The hover text of a ready gamma: observed, expected and the precision reached. */
export function gammaDetail(layer: GammaLayer | null): string {
  if (!layer) return 'No gamma for this layer.';
  if (layer.gamma === null) return layer.notes.join(' ') || 'Not defined for these data.';
  const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
  return `Observed disorder ${f(layer.observedDisorder)}, expected ${f(layer.expectedDisorder)} ± ${f(layer.precision)} (${layer.samples} samples).`;
}

export interface GammaPoll {
  fetch: (signal: AbortSignal) => Promise<GammaReport>;
  onReport: (report: GammaReport) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  delays?: readonly number[];
}

/** Asks for gamma until it is ready (then stops), backing off between asks; resolves null when aborted. */
export async function pollGamma(poll: GammaPoll, signal: AbortSignal): Promise<GammaReport | null> {
  const delays = poll.delays ?? GAMMA_POLL_DELAYS;
  const sleep = poll.sleep ?? wait;
  for (let attempt = 0; !signal.aborted; attempt++) {
    const report = await poll.fetch(signal);
    if (signal.aborted) return null;
    poll.onReport(report);
    if (report.status === 'ready') return report;
    await sleep(delays[Math.min(attempt, delays.length - 1)] ?? 10000, signal);
  }
  return null;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
