import type { ProgressRow, WorkState } from '../../model/classroom/work';
import { stateText } from '../../model/classroom/work';
import { h, replace } from '../dom';

const MARKS: Record<WorkState, string> = { done: '✓', started: '◐', new: '○' };

/**
 * Progress by document: per student, how many of their documents are done, and each document as a chip that says
 * done / in progress / not started and whether the student gave its stance. Chips wrap, so the table never needs
 * more width than the page has, however many documents there are.
 */
export function progressPanel() {
  const body = h('tbody');
  const empty = h('p', { class: 'class-count' });
  const table = h('table', { class: 'class-progress', 'data-testid': 'class-progress' },
    h('caption', { class: 'visually-hidden' }, 'Progress by document'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'num' }, 'Done'), h('th', { scope: 'col' }, 'Documents'))),
    body);
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-progress-title' },
    h('h2', { id: 'class-progress-title' }, 'Progress by document'),
    h('p', { class: 'progress-legend' }, '✓ done (the student pressed Done) · ◐ in progress · ○ not started; “stance” once they gave the document its stance.'),
    empty, h('div', { class: 'table-scroll' }, table));

  function chip(doc: ProgressRow['documents'][number]) {
    const said = `${stateText(doc.state).toLowerCase()}, ${doc.stance ? 'stance given' : 'no stance'}`;
    return h('li', { class: 'progress-doc', 'data-testid': 'progress-doc', 'data-id': doc.documentId, 'data-state': doc.state, 'data-stance': String(doc.stance), title: `${doc.title}: ${said}` },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[doc.state]),
      h('span', { class: 'doc-name' }, doc.title),
      h('span', { class: 'visually-hidden' }, `: ${said}`),
      h('span', { class: 'stance', 'data-stance': String(doc.stance), 'aria-hidden': 'true' }, doc.stance ? 'stance' : '–'));
  }

  function render(rows: readonly ProgressRow[]): void {
    table.hidden = rows.length === 0;
    empty.textContent = rows.length ? '' : 'Progress shows here once students have joined.';
    empty.hidden = rows.length > 0;
    replace(body, rows.map((row) => h('tr', { 'data-user': row.userId },
      h('th', { scope: 'row' }, row.name),
      h('td', { class: 'num', 'data-testid': 'progress-done' }, `${row.counts.done} / ${row.counts.total}`,
        row.counts.started ? h('div', { class: 'muted' }, `${row.counts.started} in progress`) : null),
      h('td', null, row.documents.length
        ? h('ul', { class: 'progress-docs' }, row.documents.map(chip))
        : h('span', { class: 'muted' }, 'No documents')))));
  }

  return { element, render };
}
