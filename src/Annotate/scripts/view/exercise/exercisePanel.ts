import { ApiError, exercisesApi, type ExerciseDifferences } from '../../api';
import { showsDifferences } from '../../model/classroom/exercise';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h, replace } from '../dom';
import { differencesView, drawDifferences } from './differencesView';
import { scoreView, type LabelName } from './scoreView';

export interface ExerciseSource {
  documentId: string;
  text: string;
  labelName: LabelName;
  /** Offsets to a range of the article, for drawing the differences in the text. */
  range: (start: number, end: number) => Range | null;
  /** Reopens the document (the page's Done button): a guided fix is revised, then marked Done again. */
  reopen: () => void;
}

/**
 * A student's feedback on the document page, asked for whenever their Done mark changes: the score, then (in the
 * "where you differ" and "guided fix" modes) the differences, listed and drawn in the text. The server decides what
 * may be shown: before Done, while blind, or with the exercise off it answers 409/404 and the panel stays empty.
 */
export function exercisePanel(ctx: AppContext, source: ExerciseSource, signal: AbortSignal) {
  const body = h('div', { class: 'exercise-body' });
  const element = h('section', { class: 'exercise-panel', 'aria-labelledby': 'exercise-title', 'data-testid': 'exercise-panel', hidden: true },
    h('h2', { id: 'exercise-title' }, 'Your work against the key'), body);
  let asked = 0;

  function clear(): void {
    element.hidden = true;
    replace(body);
    drawDifferences(null, source.range);
  }

  async function refresh(done: boolean): Promise<void> {
    const ask = ++asked;
    if (!done) return clear();
    try {
      const score = await exercisesApi.score(source.documentId, signal);
      let differences: ExerciseDifferences | null = null;
      if (showsDifferences(score.mode)) differences = await exercisesApi.differences(source.documentId, signal);
      if (ask !== asked) return;
      const reopen = score.mode === 'guided'
        ? h('button', { type: 'button', class: 'button primary', 'data-testid': 'exercise-reopen' }, 'Reopen to revise')
        : null;
      reopen?.addEventListener('click', () => source.reopen());
      replace(body, scoreView(score, source.labelName),
        differences ? differencesView(differences, source.text, source.labelName) : null,
        reopen ? h('p', { class: 'exercise-next' }, 'Change your spans where flagged, then press Done again: your first and latest scores are kept. ', reopen) : null);
      drawDifferences(differences, source.range);
      element.hidden = false;
    } catch (failure) {
      if (isAbort(failure) || ask !== asked) return;
      clear();
      if (failure instanceof ApiError && failure.status === 409 && failure.title === 'Blind project') {
        replace(body, h('p', { 'data-testid': 'exercise-waiting' }, 'Your score is shown once your teacher ends the blind round.'));
        element.hidden = false;
      } else if (!(failure instanceof ApiError)) {
        ctx.showError(failure);
      }
    }
  }

  return { element, refresh, dispose: () => drawDifferences(null, source.range) };
}
