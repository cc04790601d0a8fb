import type { DifferenceKind, ExerciseDifferences, ExerciseSpan } from '../../api';
import { differenceSummary, excerpt, kindInfo, kindsPresent } from '../../model/classroom/exercise';
import { h } from '../dom';
import type { LabelName } from './scoreView';

/** Where the difference is drawn in the text: the key's spans, the student's flagged ones, the parts with a miss. */
export type MarkStyle = 'key' | 'flag' | 'region';

const MARK_TEXT: Record<MarkStyle, string> = {
  key: 'blue tint and dotted underline: the key’s span',
  flag: 'wavy red underline: your span that differs',
  region: 'yellow background: a part with something you missed',
};

/**
 * The differences as a list a screen reader reads in order: a legend (each kind's symbol, line style and words, so
 * colour is never the only cue), then one row per difference with short excerpts of the text, yours beside the
 * key's ("where you differ") or yours flagged and the parts holding a missed span ("guided fix").
 */
export function differencesView(differences: ExerciseDifferences, text: string, labelName: LabelName): HTMLElement {
  const guided = differences.mode === 'guided';
  const quote = (span: ExerciseSpan, who: string) => {
    const part = excerpt(text, span.start, span.end);
    return h('span', { class: 'exercise-quote' }, `${who === 'Key' ? 'The key’s' : 'Your'} ${labelName(span.layer, span.label)} span: `,
      h('q', null, part.before, h('mark', { class: `exercise-mark mark-${who === 'Key' ? 'key' : 'yours'}` }, part.marked), part.after));
  };
  const row = (kind: DifferenceKind, ...content: (HTMLElement | null)[]) => {
    const info = kindInfo(kind, differences.mode);
    return h('li', { class: `exercise-diff diff-${kind}`, 'data-kind': kind, 'data-testid': 'exercise-difference' },
      h('span', { class: 'diff-symbol', 'aria-hidden': 'true' }, info.symbol), h('strong', null, info.text), ' ', ...content);
  };
  const rows = differences.spans.filter((d) => d.kind !== 'matched').map((d) =>
    row(d.kind, d.yours ? quote(d.yours, 'Yours') : null, d.key ? quote(d.key, 'Key') : null));
  const regions = differences.missedRegions.map((r) => {
    const part = excerpt(text, r.start, Math.min(r.end, r.start + 60), 0, 60);
    return row('missed', h('span', { class: 'exercise-quote', 'data-testid': 'exercise-region' },
      `${r.spans === 1 ? 'One span' : `${r.spans} spans`} of the key in the part starting `, h('q', null, part.marked)));
  });
  const labels = differences.labels.filter((l) => !l.agrees).map((l) => h('li', { class: 'exercise-diff diff-label', 'data-testid': 'exercise-label-difference' },
    h('span', { class: 'diff-symbol', 'aria-hidden': 'true' }, '≠'), h('strong', null, `${labelName(l.layer, '')}: `),
    `yours ${l.yours.map((x) => labelName(l.layer, x)).join(', ') || 'none'}`,
    l.key ? `; the key’s ${l.key.map((x) => labelName(l.layer, x)).join(', ') || 'none'}` : ' is not the key’s (think again)'));
  const styles = Object.entries(marks(differences)).filter(([, spans]) => spans.length > 0).map(([style]) => style as MarkStyle);
  const legend = [
    ...kindsPresent(differences).map((kind) => h('li', null,
      h('span', { class: 'diff-symbol', 'aria-hidden': 'true' }, kindInfo(kind, differences.mode).symbol), ' ', kindInfo(kind, differences.mode).text)),
    ...styles.map((style) => h('li', { 'data-testid': `legend-${style}` }, h('span', { class: `legend-swatch swatch-${style}`, 'aria-hidden': 'true' }, 'abc'),
      ' In the text, ', MARK_TEXT[style])),
  ];
  return h('div', { class: 'exercise-differences', 'data-testid': 'exercise-differences', 'data-mode': differences.mode },
    h('h3', null, guided ? 'What to look at again' : 'Where you differ from the key'),
    h('p', { 'data-testid': 'exercise-difference-summary' }, differenceSummary(differences)),
    legend.length > 0 ? h('ul', { class: 'exercise-legend', 'aria-label': 'Legend' }, legend) : null,
    h('ul', { class: 'exercise-diff-list' }, rows, regions, labels));
}

/** The CSS Custom Highlight API paints ranges without touching the article's DOM (which the annotations map onto). */
const registry = (): HighlightRegistry | null => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null);

/** What is drawn in the text: the key's differing spans, the student's differing ones, the parts holding a miss. */
function marks(differences: ExerciseDifferences | null): Record<MarkStyle, { start: number; end: number }[]> {
  const differing = (differences?.spans ?? []).filter((d) => d.kind !== 'matched');
  return {
    key: differing.flatMap((d) => (d.key ? [d.key] : [])),
    flag: differing.flatMap((d) => (d.yours ? [d.yours] : [])),
    region: differences?.missedRegions ?? [],
  };
}

/** Draws the differences on the article (or clears them with null): underlines in a colour and a line style per side. */
export function drawDifferences(differences: ExerciseDifferences | null, range: (start: number, end: number) => Range | null): void {
  const highlights = registry();
  if (!highlights) return;
  for (const [style, spans] of Object.entries(marks(differences))) {
    const ranges = spans.map((s) => range(s.start, s.end)).filter((r): r is Range => r !== null);
    if (ranges.length === 0) highlights.delete(`exercise-${style}`);
    else highlights.set(`exercise-${style}`, new Highlight(...ranges));
  }
}
