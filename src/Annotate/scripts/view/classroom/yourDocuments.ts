import { ApiError, classroomApi, type DocumentWork } from '../../api';
import { problemText } from '../../model/account/accountForms';
import { readerRoute, routeHref } from '../../model/app/routes';
import { plural } from '../../model/shared/format';
import { stanceText, stateText, workState, workSummary } from '../../model/classroom/work';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h, replace } from '../dom';
import { scoreDetails } from '../exercise/scoreDetails';

/**
 * "Your documents", at the top of a student's home page: the teacher's instruction (as text, never HTML), how far
 * they are, and each of their documents with its state, their stance, and a Done button (Reopen once done). Only
 * for students (annotators who joined the class, or who were given documents of their own); a Done that fails says
 * why next to the document, and focus stays on it.
 */
export function yourDocumentsPanel(ctx: AppContext, projectId: string, signal: AbortSignal) {
  const instruction = h('div', { class: 'class-instruction', 'data-testid': 'class-instruction', hidden: true });
  const summary = h('p', { class: 'work-summary', 'data-testid': 'work-summary' }, 'Loading your documents…');
  const list = h('ol', { class: 'work-list', 'aria-labelledby': 'your-documents-title' });
  const element = h('section', { class: 'your-documents', 'aria-labelledby': 'your-documents-title', 'data-testid': 'your-documents', hidden: true },
    h('h2', { id: 'your-documents-title' }, 'Your documents'), instruction, summary, list);
  let documents: DocumentWork[] = [];
  /** The exercise mode: when on, a done document shows the student's score against the key. */
  let exercise = 'off';

  function item(work: DocumentWork): HTMLLIElement {
    const state = workState(work);
    const titleId = `work-title-${work.documentId}`;
    const error = h('p', { class: 'field-error', role: 'alert' });
    const button = h('button', {
      type: 'button', class: state === 'done' ? 'button' : 'button primary', 'data-testid': 'done-button',
      'aria-label': `${state === 'done' ? 'Reopen' : 'Done'}: ${work.title}`,
    }, state === 'done' ? 'Reopen' : 'Done');
    button.addEventListener('click', () => void toggle(work, button, error));
    return h('li', { class: 'work-item', 'data-id': work.documentId, 'data-state': state, 'data-testid': 'work-item' },
      h('a', { class: 'work-title', id: titleId, href: routeHref(readerRoute(work.documentId)), dir: 'auto' }, work.title),
      h('p', { class: 'work-facts' },
        h('span', { class: `work-state state-${state}`, 'data-testid': 'work-state' }, state === 'done' ? `✓ ${stateText(state)}` : stateText(state)),
        h('span', null, plural(work.annotations, 'annotation', 'annotations')),
        h('span', { 'data-testid': 'work-stance', 'data-stance': String(work.stance) }, stanceText(work))),
      button, error,
      state === 'done' && exercise !== 'off' ? scoreDetails(work.documentId, work.title, signal) : null);
  }

  function render(): void {
    summary.textContent = workSummary(documents);
    replace(list, documents.map(item));
  }

  async function toggle(work: DocumentWork, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
    const done = !work.done;
    button.disabled = true;
    error.textContent = '';
    try {
      const mark = await classroomApi.setDone(work.documentId, done);
      documents = documents.map((d) => (d.documentId === work.documentId ? { ...d, done: mark.done, doneAt: mark.doneAt } : d));
      render();
      // The list was drawn again: the same document's button keeps the focus, now saying the opposite.
      list.querySelector<HTMLButtonElement>(`li[data-id="${CSS.escape(work.documentId)}"] [data-testid="done-button"]`)?.focus();
      ctx.announce(`${work.title}: ${mark.done ? 'done' : 'reopened'}. ${workSummary(documents)}`);
    } catch (failure) {
      button.disabled = false;
      if (!(failure instanceof ApiError) || failure.status === 401) return ctx.showError(failure);
      error.textContent = failure.status === 404
        ? 'This document is no longer yours (your teacher may have shared the documents out again). The list is brought up to date.'
        : problemText(failure.title, failure.detail);
      if (failure.status === 404) void load();
    }
  }

  async function load(): Promise<void> {
    try {
      const mine = await classroomApi.myDocuments(projectId, signal);
      // Someone annotating on their own (local mode, an account with every document) has the list below for that.
      element.hidden = !mine.student;
      instruction.hidden = !mine.instruction;
      // Plain text: textContent, and CSS keeps its line breaks.
      replace(instruction, mine.instruction ? [h('h3', { class: 'instruction-title' }, 'From your teacher'), h('p', { 'data-testid': 'instruction-text' }, mine.instruction)] : []);
      documents = mine.documents;
      exercise = mine.exercise ?? 'off';
      render();
    } catch (failure) {
      if (isAbort(failure)) return;
      summary.textContent = 'Your documents could not be loaded.';
      if (!(failure instanceof ApiError) || failure.status === 401) ctx.showError(failure);
    }
  }

  void load();
  return { element };
}
