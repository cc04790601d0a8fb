import type { RoundKind, RoundMeasures, RoundsOverview } from '../../api/rounds';
import { formatFigure, roundNameMaxLength, roundNameProblem, roundStatus, roundsTable, roundSteps, suggestedNext } from '../../model/classroom/rounds';
import { h, replace } from '../dom';

export interface RoundActions {
  start(kind: RoundKind, name: string): Promise<boolean>;
  end(): Promise<boolean>;
}

/**
 * Norming rounds on the class page: the open round and whether students can edit, one button per step (the likely
 * next one stands out), and agreement at the end of each round side by side, with the open round's live figures.
 */
export function roundsPanel(actions: RoundActions) {
  const status = h('p', { class: 'round-status', 'data-testid': 'round-status', role: 'status' }, 'Loading the rounds…');
  const name = h('input', { type: 'text', id: 'round-name', maxlength: roundNameMaxLength, autocomplete: 'off', 'aria-describedby': 'round-name-problem' });
  const nameProblem = h('span', { id: 'round-name-problem', class: 'field-error' });
  const steps = roundSteps.map((step) => h('button', {
    type: 'button', class: 'button round-step', 'data-kind': step.kind, 'data-testid': `round-${step.kind}`, 'aria-describedby': `round-${step.kind}-hint`,
    onclick: () => void run(() => actions.start(step.kind, name.value)),
  }, step.action));
  const endButton = h('button', { type: 'button', class: 'button', 'data-testid': 'round-end', onclick: () => void run(() => actions.end()) }, 'End round');
  const table = h('div', { class: 'table-scroll', 'data-testid': 'rounds-table-area' });
  const controls = h('div', { class: 'round-controls' },
    h('div', { class: 'round-name' }, h('label', { for: 'round-name' }, 'Name of the next round (optional)'), name, nameProblem),
    h('div', { class: 'round-steps', role: 'group', 'aria-label': 'Start a round' }, steps, endButton),
    h('ul', { class: 'mode-hints' }, roundSteps.map((step) => h('li', { id: `round-${step.kind}-hint` }, h('strong', null, step.action), ': ', step.hint))));
  const ownersOnly = h('p', { class: 'empty', hidden: true }, 'Only an owner of the project starts and ends rounds.');
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-rounds-title', 'data-testid': 'class-rounds' },
    h('h2', { id: 'class-rounds-title' }, 'Rounds'),
    status, controls, ownersOnly, table);
  let busy = false;

  name.addEventListener('input', () => {
    const problem = roundNameProblem(name.value);
    nameProblem.textContent = problem ?? '';
    name.setAttribute('aria-invalid', String(problem !== null));
  });

  async function run(action: () => Promise<boolean>): Promise<void> {
    if (busy || roundNameProblem(name.value)) return;
    busy = true;
    for (const button of [...steps, endButton]) button.disabled = true;
    try {
      if (await action()) name.value = '';
    } finally {
      busy = false;
      for (const button of [...steps, endButton]) button.disabled = false;
      endButton.disabled = !element.dataset['open'];
    }
  }

  function render(overview: RoundsOverview, live: RoundMeasures | null): void {
    const current = overview.current;
    // A curator follows the rounds here; only owners run them (the server refuses anyone else).
    controls.hidden = !overview.mayManage;
    ownersOnly.hidden = overview.mayManage;
    status.textContent = roundStatus(overview);
    status.dataset['frozen'] = String(overview.frozen);
    element.dataset['open'] = current ? current.kind : '';
    element.dataset['frozen'] = String(overview.frozen);
    const next = suggestedNext(current);
    for (const button of steps) button.dataset['suggested'] = String(button.dataset['kind'] === next);
    endButton.disabled = busy || current === null;
    const model = roundsTable(overview.rounds, current && live ? { round: current, measures: live } : null);
    if (model.columns.length === 0) {
      replace(table, h('p', { class: 'empty' }, 'Agreement at the end of each round appears here, side by side, once a round has ended.'));
      return;
    }
    replace(table, h('table', { class: 'rounds-table', 'data-testid': 'rounds-table' },
      h('caption', null, 'Agreement at the end of each round'),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Measure'),
        model.columns.map((c) => h('th', { scope: 'col', class: c.open ? 'open-round' : null, 'data-round': c.roundId ?? '' }, c.label)),
        model.columns.length > 1 ? h('th', { scope: 'col' }, 'Change') : null)),
      h('tbody', null, model.rows.map((row) => h('tr', null,
        h('th', { scope: 'row' }, row.label),
        row.values.map((v, i) => h('td', { class: model.columns[i]!.open ? 'open-round' : null }, formatFigure(v))),
        model.columns.length > 1 ? h('td', { class: 'change' }, formatFigure(row.change, true)) : null)))));
  }

  return { element, render };
}
