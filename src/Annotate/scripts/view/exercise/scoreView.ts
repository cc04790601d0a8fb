import type { ExerciseScore } from '../../api';
import { beforeAfter, percent, scoreHeadline } from '../../model/classroom/exercise';
import { h } from '../dom';

/** Names a label for people (the codebook's name when known, else its id). */
export type LabelName = (layer: string, label: string) => string;

/**
 * A student's score against the key: the headline F1 (overlap and exact), before/after once they revised, a table
 * per label, and whether their document labels are the key's. Figures only: the key's spans never come this way.
 */
export function scoreView(score: ExerciseScore, labelName: LabelName): HTMLElement {
  const change = beforeAfter(score.attempts);
  const labels = score.labels.map((l) => h('li', { 'data-testid': 'exercise-doc-label', 'data-agrees': String(l.agrees) },
    h('span', { 'aria-hidden': 'true' }, l.agrees ? '✓ ' : '✗ '), `${labelName(l.layer, '')}: `, l.agrees ? 'same as the key' : 'not the key’s'));
  const rows = score.byLabel.map((l) => h('tr', null,
    h('th', { scope: 'row' }, labelName(l.layer, l.label)),
    h('td', null, String(l.yourSpans)), h('td', null, String(l.keySpans)),
    h('td', null, percent(l.spanF1Overlap)), h('td', null, percent(l.spanF1Exact))));
  return h('div', { class: 'exercise-score', 'data-testid': 'exercise-score' },
    h('p', { class: 'exercise-headline', 'data-testid': 'exercise-headline' }, scoreHeadline(score),
      h('span', { class: 'exercise-counts' }, ` · you marked ${score.yourSpans}, the key ${score.keySpans}`)),
    change ? h('p', { class: 'exercise-change', 'data-testid': 'exercise-before-after' }, change.text) : null,
    rows.length > 0 ? h('div', { class: 'table-scroll' }, h('table', { class: 'exercise-table', 'data-testid': 'exercise-by-label' },
      h('caption', { class: 'visually-hidden' }, 'Your score per label'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Yours'), h('th', { scope: 'col' }, 'Key'),
        h('th', { scope: 'col' }, 'F1 overlap'), h('th', { scope: 'col' }, 'F1 exact'))),
      h('tbody', null, rows))) : null,
    labels.length > 0 ? h('ul', { class: 'exercise-doc-labels' }, labels) : null);
}
