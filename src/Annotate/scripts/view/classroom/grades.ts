import { ApiError, gradesApi, type GradeSheet } from '../../api';
import { gradeColumns, gradeNotes, gradeRows } from '../../model/grades/gradeSheet';
import { coalescedRefresh } from '../../model/shared/coalesce';
import { formatDateTime } from '../../model/shared/format';
import { isAbort } from '../cache';
import { h, replace } from '../dom';

/**
 * The grade sheet card: per student, documents done of those assigned, active minutes, and mean span F1 against the
 * exercise key at the end of each round and now; with the CSV to download. Fetched when the class changes (a Done,
 * a round) or on Refresh, not on every poll: scoring the whole class is more work than the dashboard.
 * On a phone each student's line becomes a block of labelled values, so the page never scrolls sideways.
 */
export function gradesPanel(projectId: string, signal: AbortSignal) {
  let anonymous = false;
  let disposed = false;
  signal.addEventListener('abort', () => (disposed = true));
  const status = h('p', { class: 'class-count', 'aria-live': 'polite', 'data-testid': 'grades-status' }, 'Loading the grade sheet…');
  const notes = h('ul', { class: 'grade-notes', 'data-testid': 'grades-notes' });
  const table = h('table', { class: 'grade-sheet', 'data-testid': 'grade-sheet', hidden: true });
  const download = h('a', { class: 'button', 'data-testid': 'grades-csv', download: '', href: gradesApi.csvHref(projectId, false) }, 'Download CSV');
  const refreshButton = h('button', { type: 'button', class: 'button', 'data-testid': 'grades-refresh', onclick: () => void refresh() }, 'Refresh');
  const element = h('section', { class: 'class-card grades-card', 'aria-labelledby': 'class-grades-title', 'data-testid': 'class-grades' },
    h('div', { class: 'card-heading' }, h('h2', { id: 'class-grades-title' }, 'Grade sheet'), h('div', { class: 'grade-actions' }, refreshButton, download)),
    h('p', { class: 'progress-legend' }, 'Documents done of those assigned, minutes of active work (idle excluded) and mean span F1 against the exercise key (overlap and exact) when each round ended and now.'),
    status, notes, table);

  function render(sheet: GradeSheet): void {
    const columns = gradeColumns(sheet);
    const rows = gradeRows(sheet);
    table.hidden = rows.length === 0;
    status.textContent = rows.length ? `${rows.length} student${rows.length === 1 ? '' : 's'} · updated ${formatDateTime(new Date().toISOString())}` : 'The grade sheet fills once students have joined.';
    replace(notes, gradeNotes(sheet).map((note) => h('li', null, note)));
    replace(table,
      h('caption', { class: 'visually-hidden' }, 'Grade sheet'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Student'), columns.map((c) => h('th', { scope: 'col', class: 'num', title: c.long }, c.label)))),
      h('tbody', null, rows.map((row) => h('tr', { 'data-user': row.userId, 'data-testid': 'grade-row' },
        h('th', { scope: 'row' }, row.name),
        row.cells.map((cell, i) => h('td', { class: 'num', 'data-label': columns[i]!.long }, cell))))));
  }

  const refresh = coalescedRefresh(async () => {
    try {
      const sheet = await gradesApi.sheet(projectId, anonymous, signal);
      if (!disposed) render(sheet);
    } catch (error) {
      if (disposed || isAbort(error)) return;
      status.textContent = error instanceof ApiError ? `The grade sheet could not be loaded: ${error.detail ?? error.title}` : 'The grade sheet could not be loaded.';
    }
  }, () => !disposed);

  return {
    element,
    refresh,
    /** Names as "Student 1, Student 2, …" on screen and in the CSV. */
    setAnonymous(value: boolean): void {
      anonymous = value;
      download.href = gradesApi.csvHref(projectId, value);
      void refresh();
    },
  };
}
