import type { CorpusStatus } from '../api/types';
import { problemSummary, progressPercent, progressText } from '../model/corpus/corpus';
import { routeHref, statusRoute } from '../model/app/routes';
import { h, replace } from './dom';

/** Load progress while the corpus loads, and a link to the status page when files failed. */
export function renderCorpusBanner(container: HTMLElement, status: CorpusStatus | null): void {
  if (!status) return void container.replaceChildren();
  const problems = problemSummary(status.problems);
  const hasErrors = status.problems.some((p) => p.severity === 'error');
  replace(container,
    status.state === 'loading'
      ? h('div', { class: 'banner info', 'data-testid': 'corpus-progress' },
          h('p', { role: 'status' }, progressText(status)),
          progressBar(status))
      : null,
    problems
      ? h('div', { class: `banner ${hasErrors ? 'warning' : 'info'}`, 'data-testid': 'corpus-problems' },
          h('p', null, `${problems} — `, h('a', { href: routeHref(statusRoute) }, 'see status')))
      : null);
}

export function progressBar(status: CorpusStatus): HTMLProgressElement {
  const percent = progressPercent(status);
  const bar = h('progress', { class: 'progress', max: 100, 'aria-label': 'Corpus load progress' });
  if (percent !== null) bar.value = percent; // no value = indeterminate
  return bar;
}
