import type { StudentRow } from '../../model/classroom/classroom';
import { formatDateTime, plural } from '../../model/shared/format';
import { h, replace } from '../dom';

export interface StudentActions {
  /** A new personal link for the student (the old one stops working), shown to the teacher once. */
  newLink(row: StudentRow): Promise<string>;
}

/**
 * The live table of students: who is in and when they actually arrived, how much they did, which document they
 * have open, (when the documents are spread) how many documents each was given, and a new personal link for a
 * student who lost theirs.
 */
export function studentsPanel(actions: StudentActions) {
  const count = h('p', { class: 'class-count', 'data-testid': 'student-count' });
  const body = h('tbody');
  const assignedHead = h('th', { scope: 'col', class: 'num', hidden: true }, 'Assigned');
  const table = h('table', { class: 'class-students', 'data-testid': 'class-students' },
    h('caption', { class: 'visually-hidden' }, 'Students'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Arrived'), h('th', { scope: 'col', class: 'num' }, 'Annotations'),
      h('th', { scope: 'col', class: 'num' }, 'Documents'), assignedHead, h('th', { scope: 'col' }, 'Now on'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Personal link')))),
    body);
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-students-title' },
    h('h2', { id: 'class-students-title' }, 'Students'), count, h('div', { class: 'table-scroll' }, table));
  /** Links issued on this page, kept across the 3-second refresh until the teacher leaves. */
  const issued = new Map<string, string>();
  let last: readonly StudentRow[] = [];

  function linkCell(row: StudentRow) {
    if (!row.personalLink) return h('td');
    const link = issued.get(row.userId);
    if (link) return h('td', { class: 'roster-link' }, h('code', { 'data-testid': 'new-link' }, link));
    const button = h('button', { type: 'button', class: 'button subtle', 'data-testid': 'new-link-button', title: 'Their old link stops working' }, 'New link');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        issued.set(row.userId, await actions.newLink(row));
        render(last);
      } finally {
        button.disabled = false;
      }
    });
    return h('td', null, button);
  }

  function render(rows: readonly StudentRow[]): void {
    last = rows;
    const spread = rows.some((row) => row.assigned !== null);
    assignedHead.hidden = !spread;
    count.textContent = rows.length ? plural(rows.length, 'student', 'students') : 'No students yet: they appear here as they join.';
    replace(body, rows.map((row) => h('tr', { 'data-user': row.userId },
      h('th', { scope: 'row' }, row.name),
      h('td', { 'data-testid': 'student-arrived', 'data-arrived': String(row.arrivedAt !== null) },
        row.arrivedAt ? formatDateTime(row.arrivedAt) : h('span', { class: 'muted', title: `Added ${formatDateTime(row.joinedAt)}; their personal link has not been used yet` }, 'Not yet')),
      h('td', { class: 'num', 'data-testid': 'student-annotations' }, row.annotations),
      h('td', { class: 'num' }, row.documents),
      spread ? h('td', { class: 'num', 'data-testid': 'student-assigned' }, row.assigned ?? 0) : null,
      h('td', { class: 'now-on' }, row.nowOn),
      linkCell(row))));
  }

  return { element, render };
}
