import { ApiError, classroomApi } from '../../api';
import { problemText } from '../../model/account/accountForms';
import { rosterMaxNames, rosterProblems, rosterRows, rosterServerErrors, rosterTsv, type RosterRow } from '../../model/classroom/roster';
import type { AppContext } from '../context';
import { h, replace } from '../dom';

/**
 * "Add students from a list": one name per line; each becomes a student at once and gets a personal link that
 * signs them in as themselves. The links are in the server's answer only, so the table says so and offers them
 * for copying into a spreadsheet.
 */
export function rosterPanel(ctx: AppContext, projectId: string, added: () => void) {
  const names = h('textarea', {
    id: 'roster-names', rows: 6, spellcheck: 'false', 'aria-describedby': 'roster-hint', 'data-testid': 'roster-names',
  });
  const errors = h('div', { id: 'roster-error', class: 'field-error', role: 'alert', 'data-testid': 'roster-errors' });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'roster-add' }, 'Add students');
  const result = h('div', { class: 'roster-result', 'data-testid': 'roster-result' });
  const form = h('form', { class: 'roster-form', novalidate: true, 'aria-labelledby': 'roster-title' },
    h('div', { class: 'field' },
      h('label', { for: 'roster-names' }, 'Names, one per line'),
      names,
      h('p', { id: 'roster-hint', class: 'hint' }, `Up to ${rosterMaxNames} names. Each gets a personal link that signs them in without a code.`),
      errors),
    h('div', { class: 'form-actions' }, submit));
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'roster-title', 'data-testid': 'class-roster' },
    h('h2', { id: 'roster-title' }, 'Add students from a list'), form, result);

  function showErrors(list: string, lines: readonly string[]): boolean {
    const any = list !== '' || lines.length > 0;
    replace(errors, list ? h('p', null, list) : null, lines.length ? h('ul', null, lines.map((line) => h('li', null, line))) : null);
    if (any) names.setAttribute('aria-invalid', 'true');
    else names.removeAttribute('aria-invalid');
    names.setAttribute('aria-describedby', any ? 'roster-hint roster-error' : 'roster-hint');
    if (any) names.focus();
    return any;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = names.value;
    const local = rosterProblems(text);
    if (showErrors(local.list, local.lines)) return;
    submit.disabled = true;
    try {
      const students = await classroomApi.addStudents(text, projectId);
      names.value = '';
      showResult(rosterRows(students, location.origin));
      ctx.announce(`${students.length} ${students.length === 1 ? 'student' : 'students'} added. Their personal links are shown once: copy them now.`);
      added();
    } catch (error) {
      if (!(error instanceof ApiError)) return ctx.showError(error);
      if (error.status === 400 && error.problem.errors) {
        const server = rosterServerErrors(error.problem.errors, text);
        showErrors(server.list, server.lines);
      } else if (error.status === 400 || error.status === 403) {
        showErrors(problemText(error.title, error.detail), []);
      } else {
        ctx.showError(error);
      }
    } finally {
      submit.disabled = false;
    }
  });

  function showResult(rows: readonly RosterRow[]): void {
    const copy = h('button', { type: 'button', class: 'button', 'data-testid': 'roster-copy' }, 'Copy all');
    const tsv = rosterTsv(rows);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(tsv);
        copy.textContent = 'Copied';
        ctx.announce('Names and links copied: paste them into a spreadsheet.');
      } catch {
        const table = result.querySelector('table');
        if (table) getSelection()?.selectAllChildren(table);
        ctx.announce('Could not copy: the table is selected, press Ctrl+C to copy it.');
      }
    });
    const heading = h('h3', { id: 'roster-links-title', tabindex: -1 }, 'Personal links');
    replace(result,
      heading,
      h('p', { class: 'banner warning roster-once', 'data-testid': 'roster-once' },
        h('strong', null, 'These links are shown once. '),
        'Copy them now and give each student their own: anyone with a link signs in as that student. A lost link cannot be shown again.'),
      h('div', { class: 'table-scroll' },
        h('table', { class: 'class-students roster-links', 'data-testid': 'roster-links', 'aria-labelledby': 'roster-links-title' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Personal link'))),
          h('tbody', null, rows.map((row) => h('tr', { 'data-user': row.userId },
            h('th', { scope: 'row' }, row.name),
            h('td', { class: 'roster-link' }, h('code', { 'data-testid': 'roster-link' }, row.link))))))),
      h('div', { class: 'form-actions' }, copy));
    heading.focus();
  }

  return { element };
}
