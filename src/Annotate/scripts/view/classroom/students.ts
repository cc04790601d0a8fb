import type { StudentRow } from '../../model/classroom/classroom';
import { formatDateTime, plural } from '../../model/shared/format';
import { h, replace } from '../dom';

/**
 * The live table of students: who is in, since when, how much they did, which document they have open, and (when
 * the documents are spread) how many documents each was given.
 */
export function studentsPanel() {
  const count = h('p', { class: 'class-count', 'data-testid': 'student-count' });
  const body = h('tbody');
  const assignedHead = h('th', { scope: 'col', class: 'num', hidden: true }, 'Assigned');
  const table = h('table', { class: 'class-students', 'data-testid': 'class-students' },
    h('caption', { class: 'visually-hidden' }, 'Students'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Joined'), h('th', { scope: 'col', class: 'num' }, 'Annotations'),
      h('th', { scope: 'col', class: 'num' }, 'Documents'), assignedHead, h('th', { scope: 'col' }, 'Now on'))),
    body);
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-students-title' },
    h('h2', { id: 'class-students-title' }, 'Students'), count, h('div', { class: 'table-scroll' }, table));

  function render(rows: readonly StudentRow[]): void {
    const spread = rows.some((row) => row.assigned !== null);
    assignedHead.hidden = !spread;
    count.textContent = rows.length ? plural(rows.length, 'student', 'students') : 'No students yet: they appear here as they join.';
    replace(body, rows.map((row) => h('tr', { 'data-user': row.userId },
      h('th', { scope: 'row' }, row.name),
      h('td', null, formatDateTime(row.joinedAt)),
      h('td', { class: 'num', 'data-testid': 'student-annotations' }, row.annotations),
      h('td', { class: 'num' }, row.documents),
      spread ? h('td', { class: 'num', 'data-testid': 'student-assigned' }, row.assigned ?? 0) : null,
      h('td', { class: 'now-on' }, row.nowOn))));
  }

  return { element, render };
}
