import { ApiError, classroomApi, type DocumentWork, type ExerciseMode } from '../../api';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h } from '../dom';

/**
 * Done / Reopen on a student's document page, beside the other tools: a student who finishes a document need not go
 * back to "Your documents" to say so. Shown only to students (as "Your documents" is) and only on their documents.
 */
export function readerDone(ctx: AppContext, projectId: string, documentId: string, signal: AbortSignal,
  onChange: (done: boolean, exercise: ExerciseMode) => void = () => {}): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'reader-done' }, 'Done');
  let work: DocumentWork | null = null;
  /** Whether a Done brings feedback against a key: when off, nothing is asked for. */
  let exercise: ExerciseMode = 'off';

  function show(): void {
    if (!work) return;
    button.textContent = work.done ? '✓ Done · Reopen' : 'Done';
    button.setAttribute('aria-pressed', String(work.done));
    button.title = work.done ? 'You marked this document done; press to reopen it' : 'Mark this document done';
    button.hidden = false;
  }

  button.addEventListener('click', async () => {
    if (!work) return;
    button.disabled = true;
    try {
      const mark = await classroomApi.setDone(documentId, !work.done);
      work = { ...work, done: mark.done, doneAt: mark.doneAt };
      show();
      onChange(mark.done, exercise);
      ctx.announce(mark.done ? 'Marked done. Your teacher sees it.' : 'Reopened: no longer marked done.');
    } catch (failure) {
      ctx.showError(failure instanceof ApiError && failure.status === 404
        ? new ApiError(404, 'Not your document any more', 'Your teacher may have shared the documents out again.')
        : failure);
    } finally {
      button.disabled = false;
    }
  });

  classroomApi.myDocuments(projectId, signal).then((mine) => {
    work = mine.student ? mine.documents.find((d) => d.documentId === documentId) ?? null : null;
    exercise = mine.exercise ?? 'off';
    show();
    if (work) onChange(work.done, exercise);
  }, (failure: unknown) => {
    // Nothing to offer then; the page itself works without it.
    if (!isAbort(failure) && !(failure instanceof ApiError)) ctx.showError(failure);
  });
  return button;
}
