import type { TextSegment } from '../../api/agreement';
import { describeSegment, textLegend, type SegmentVote } from '../../model/agreement/agreementText';
import { h, replace } from '../dom';

export interface HeatPanelActions {
  close(): void;
  step(direction: 1 | -1): void;
}

/**
 * The floating panel of the text heat map: legend, state, and who labelled the chosen stretch how. It floats over
 * the page's corner, so opening it does not move the text.
 */
export function heatPanel(actions: HeatPanelActions) {
  const status = h('p', { class: 'heat-status', role: 'status', 'data-testid': 'heat-status' }, 'Loading agreement…');
  const details = h('div', { class: 'heat-details', 'aria-live': 'polite', 'data-testid': 'heat-details' },
    h('p', { class: 'hint' }, 'Click a coloured stretch, or use Previous and Next, to see who labelled it how.'));
  const previous = h('button', { type: 'button', class: 'button', disabled: true }, '‹ Previous');
  const next = h('button', { type: 'button', class: 'button', disabled: true }, 'Next ›');
  const position = h('span', { class: 'position' });
  const close = h('button', { type: 'button', class: 'button subtle icon', 'aria-label': 'Close the heat map', title: 'Close (Shift+A)', 'aria-keyshortcuts': 'Shift+A' }, '×');
  const element = h('aside', { class: 'heat-panel', 'aria-labelledby': 'heat-title', 'data-testid': 'heat-panel' },
    h('div', { class: 'heat-head' }, h('h2', { id: 'heat-title' }, 'Agreement heat map'), close),
    h('ul', { class: 'heat-legend text-legend', 'aria-label': 'Colours: share of annotator pairs who agree' },
      textLegend.map((step) => h('li', { class: `agree-swatch step-${step.step}` }, step.text))),
    status,
    h('div', { class: 'heat-nav' }, previous, position, next),
    details);
  close.addEventListener('click', actions.close);
  previous.addEventListener('click', () => actions.step(-1));
  next.addEventListener('click', () => actions.step(1));

  return {
    element,
    setStatus(text: string, tone: 'info' | 'problem' = 'info') {
      status.textContent = text;
      status.classList.toggle('problem', tone === 'problem');
    },
    setPosition(index: number, count: number) {
      previous.disabled = count === 0;
      next.disabled = count === 0;
      position.textContent = count === 0 ? '' : index < 0 ? `${count} stretches` : `${index + 1} of ${count}`;
    },
    show(segment: TextSegment | null, quote: string, votes: readonly SegmentVote[]) {
      if (!segment) {
        replace(details, h('p', { class: 'hint' }, 'Click a coloured stretch, or use Previous and Next, to see who labelled it how.'));
        return;
      }
      replace(details,
        h('blockquote', { class: 'heat-quote' }, quote),
        h('p', { class: 'heat-share' }, describeSegment(segment, votes).split('. ')[0]),
        h('dl', { class: 'heat-votes', 'data-testid': 'heat-votes' }, votes.map((v) => [
          h('dt', null, v.name),
          h('dd', { class: v.labels.length ? null : 'nothing' }, v.labels.length ? v.labels.join(', ') : 'nothing marked'),
        ])));
    },
  };
}
