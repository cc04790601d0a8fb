import type { GoldAnnotation } from '../../api/curation';
import type { GoldEdit } from '../../model/curationEdits';
import { h } from '../dom';
import type { Names } from './names';

export interface EditorHost {
  /** Writes the edit; resolves true when it was saved. */
  save(gold: GoldAnnotation, edit: GoldEdit): Promise<boolean>;
  /** The stretch the curator has selected in the article, or null. */
  selectedStretch(): { start: number; end: number } | null;
  close(): void;
}

/** Edits a gold span: its label (from the codebook layer), its stretch (nudged, or re-selected in the text), a note. */
export function goldEditor(gold: GoldAnnotation, names: Names, host: EditorHost): HTMLElement {
  const label = h('select', { 'aria-label': 'Label', 'data-testid': 'edit-label' },
    names.labels(gold.layer).map((l) => h('option', { value: l.id, selected: l.id === gold.label }, l.name)));
  const start = h('input', { type: 'number', min: 0, value: gold.start ?? 0, 'aria-label': 'Start offset', class: 'offset-input' });
  const end = h('input', { type: 'number', min: 0, value: gold.end ?? 0, 'aria-label': 'End offset', class: 'offset-input' });
  const note = h('textarea', { rows: 2, 'aria-label': 'Note', maxlength: 2000 }, gold.note ?? '');
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const nudge = (input: HTMLInputElement, by: number, name: string) =>
    h('button', { type: 'button', class: 'button subtle nudge', 'aria-label': `${name} ${by < 0 ? 'one character earlier' : 'one character later'}`,
      onclick: () => (input.value = String(Math.max(0, Number(input.value) + by))) }, by < 0 ? '−' : '+');
  const reselect = h('button', { type: 'button', class: 'button subtle' }, 'Use the selected text');
  reselect.addEventListener('click', () => {
    const stretch = host.selectedStretch();
    if (!stretch) {
      problem.textContent = 'Select the new stretch in the article first.';
      return;
    }
    start.value = String(stretch.start);
    end.value = String(stretch.end);
    problem.textContent = '';
  });
  const form = h('form', { class: 'gold-editor', 'aria-label': 'Edit the gold span' },
    h('label', null, 'Label ', label),
    h('div', { class: 'offset-row' },
      h('span', null, 'Start ', nudge(start, -1, 'Start'), start, nudge(start, 1, 'Start')),
      h('span', null, 'End ', nudge(end, -1, 'End'), end, nudge(end, 1, 'End')),
      reselect),
    h('label', null, 'Note ', note),
    problem,
    h('div', { class: 'curate-actions' },
      h('button', { type: 'submit', class: 'button primary' }, 'Save'),
      h('button', { type: 'button', class: 'button subtle', onclick: () => host.close() }, 'Cancel')));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      host.close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const s = Number(start.value);
    const e = Number(end.value);
    if (!Number.isInteger(s) || !Number.isInteger(e) || s >= e) {
      problem.textContent = 'The start must come before the end.';
      return;
    }
    void host.save(gold, { label: label.value, start: s, end: e, note: note.value.trim() || null }).then((saved) => saved && host.close());
  });
  return form;
}
