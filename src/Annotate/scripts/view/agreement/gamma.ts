import type { GammaReport } from '../../api/agreement';
import { GAMMA_DEFINITION, gammaDetail, gammaState, pollGamma, type GammaState } from '../../model/agreement/gamma';
import { isAbort } from '../cache';
import { h, replace } from '../dom';
import { figure } from './cells';

/** The Gamma row of a span layer's headline figures: "computing…" until the background computation is done. */
export function gammaStat(): { element: HTMLElement; show: (state: GammaState) => void } {
  const value = h('dd', null);
  const element = h('div', { class: 'stat agreement-stat', 'data-testid': 'gamma' },
    h('dt', { title: GAMMA_DEFINITION }, 'γ (gamma)'), value);
  const show = (state: GammaState) => {
    element.dataset['state'] = state.kind;
    if (state.kind === 'computing') {
      replace(value, h('span', { class: 'na', role: 'status' }, 'computing…'));
    } else if (state.kind === 'failed') {
      replace(value, figure(null, 'Gamma could not be computed.'));
    } else {
      const shown = figure(state.layer?.gamma ?? null, gammaDetail(state.layer));
      shown.title = gammaDetail(state.layer);
      replace(value, shown);
    }
  };
  show({ kind: 'computing' });
  return { element, show };
}

/**
 * Follows gamma for the revision the report shows: polls the endpoint (politely, backing off) until it is ready,
 * and starts again when a new revision comes; each layer's row shows the latest state.
 */
export class GammaFollower {
  private controller: AbortController | null = null;
  private revision: number | null = null;
  private latest: GammaReport | null = null;
  private failed = false;

  constructor(
    private readonly fetch: (signal: AbortSignal) => Promise<GammaReport>,
    private readonly rows: () => Iterable<[string, (state: GammaState) => void]>) {}

  follow(revision: number): void {
    if (revision !== this.revision) {
      this.revision = revision;
      this.latest = null;
      this.failed = false;
      this.controller?.abort();
      const controller = (this.controller = new AbortController());
      pollGamma({ fetch: this.fetch, onReport: (r) => { this.latest = r; this.paint(); } }, controller.signal)
        .catch((error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return;
          this.failed = true;
          this.paint();
        });
    }
    this.paint();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private paint(): void {
    for (const [layer, show] of this.rows()) show(this.failed ? { kind: 'failed' } : gammaState(this.latest, layer));
  }
}
