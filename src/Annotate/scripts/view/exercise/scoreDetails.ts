import { ApiError, exercisesApi } from '../../api';
import { isAbort } from '../cache';
import { h, replace } from '../dom';
import { scoreView } from './scoreView';

/**
 * A done document's score in "Your documents", asked for when the list shows it. Nothing is drawn when the server
 * says no (off, not done, no key); while blind it says when the score will come.
 */
export function scoreDetails(documentId: string, title: string, signal: AbortSignal): HTMLElement {
  const body = h('div', { class: 'exercise-body' }, 'Loading your score…');
  const element = h('details', { class: 'exercise-details', 'data-testid': 'work-score', open: true },
    h('summary', null, 'Your score', h('span', { class: 'visually-hidden' }, `: ${title}`)), body);
  exercisesApi.score(documentId, signal).then((score) => replace(body, scoreView(score, (layer, label) => label || layer)), (failure: unknown) => {
    if (isAbort(failure)) return;
    if (failure instanceof ApiError && failure.title === 'Blind project') replace(body, 'Your score is shown once your teacher ends the blind round.');
    else element.remove();
  });
  return element;
}
