import type { CorpusStatus } from '../api/types';
import { problemSummary, progressText, sortProblems } from '../model/corpus/corpus';
import { formatDateTime, plural } from '../model/shared/format';
import type { AppContext, View } from './context';
import { progressBar } from './corpusBanner';
import { h, replace } from './dom';

/** The corpus load: state, progress, counts and every file that could not be loaded. */
export function statusView(ctx: AppContext): View {
  ctx.setTitle('Corpus status');
  const heading = h('h1', { tabindex: -1 }, 'Corpus status');
  const refresh = h('button', { type: 'button', class: 'button' }, 'Refresh');
  const live = h('div', { role: 'status', class: 'status-live' });
  const body = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading the corpus status…'));
  const element = h('section', { class: 'page status-page', 'aria-labelledby': 'status-title' },
    h('div', { class: 'page-heading' }, heading, refresh),
    live,
    body);
  heading.id = 'status-title';

  function render(status: CorpusStatus): void {
    body.removeAttribute('aria-busy');
    const loading = status.state === 'loading';
    replace(live, loading ? h('div', { class: 'banner info' }, h('p', null, progressText(status)), progressBar(status)) : null);
    const errors = status.problems.filter((p) => p.severity === 'error').length;
    const warnings = status.problems.length - errors;
    const stat = (label: string, value: Node | string, testId?: string) =>
      h('div', { class: 'stat' }, h('dt', null, label), h('dd', { 'data-testid': testId ?? null }, value));
    replace(body,
      h('dl', { class: 'stats' },
        stat('State', h('span', { class: `state-pill ${status.state}` }, loading ? 'Loading' : 'Idle'), 'corpus-state'),
        stat('Documents', status.documentCount.toLocaleString('en'), 'document-count'),
        // The loader reads only new or changed files: 0 of 0 means nothing changed since the last load.
        stat('Files read', status.total > 0 ? `${status.processed.toLocaleString('en')} of ${status.total.toLocaleString('en')}` : 'No changes'),
        stat('Problems', status.problems.length ? `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}` : 'None'),
        stat('Last loaded', status.lastLoadedAt ? h('time', { datetime: status.lastLoadedAt }, formatDateTime(status.lastLoadedAt)) : 'Not yet'),
        // Only the server owner is told the folder.
        status.root ? stat('Folder', h('code', { class: 'path' }, status.root)) : null),
      h('h2', null, 'Problems'),
      status.problems.length ? problemTable(status) : h('p', { class: 'empty' }, 'Every file loaded without problems.'));
  }

  function problemTable(status: CorpusStatus): HTMLElement {
    return h('div', { class: 'table-wrap' },
      h('table', { class: 'problem-table' },
        h('caption', { class: 'visually-hidden' }, problemSummary(status.problems) ?? 'Problems'),
        h('thead', null, h('tr', null, ['Severity', 'Path', 'Code', 'Message'].map((name) => h('th', { scope: 'col' }, name)))),
        h('tbody', null, sortProblems(status.problems).map((p) =>
          h('tr', null,
            h('td', null, h('span', { class: `severity ${p.severity}` }, p.severity === 'error' ? 'Error' : 'Warning')),
            h('td', { class: 'path-cell' }, h('code', { class: 'path' }, p.path)),
            h('td', null, h('code', null, p.code)),
            h('td', { class: 'message' }, p.message))))));
  }

  if (ctx.corpus.status) render(ctx.corpus.status);
  const unsubscribe = ctx.corpus.subscribe((status) => render(status));
  refresh.addEventListener('click', () => void ctx.corpus.refresh());
  void ctx.corpus.refresh();

  return { element, focus: () => heading.focus(), dispose: unsubscribe };
}
