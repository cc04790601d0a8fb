import type { Visibility } from '../../api';
import { modeSteps } from '../../model/classroom/classroom';
import { h } from '../dom';

/** Blind → Reveal → Open: one button per step, the current one pressed. */
export function modePanel(choose: (mode: Visibility) => void) {
  const buttons = modeSteps.map((step) => h('button', {
    type: 'button', class: 'button mode-step', 'aria-pressed': 'false', 'data-mode': step.mode, 'aria-describedby': `mode-${step.mode}-hint`,
    onclick: () => choose(step.mode),
  }, step.name));
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-mode-title', 'data-testid': 'class-modes' },
    h('h2', { id: 'class-mode-title' }, 'Mode'),
    h('div', { class: 'mode-steps', role: 'group', 'aria-label': 'Visibility mode' },
      buttons.map((button, i) => [i ? h('span', { class: 'mode-arrow', 'aria-hidden': 'true' }, '→') : null, button])),
    h('ul', { class: 'mode-hints' }, modeSteps.map((step) =>
      h('li', { id: `mode-${step.mode}-hint` }, h('strong', null, step.name), ': ', step.hint))));

  function render(mode: Visibility): void {
    element.dataset['mode'] = mode;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['mode'] === mode));
  }

  return { element, render };
}
