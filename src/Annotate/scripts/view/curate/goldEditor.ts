import type { AttributeValue } from '../../api/annotationTypes';
import type { GoldAnnotation } from '../../api/curation';
import { parseAttribute, withAttribute } from '../../model/annotate/attributes';
import type { GoldEdit } from '../../model/curation/curationEdits';
import { attributeField } from '../annotate/attributeField';
import { h } from '../dom';
import type { Names } from './names';

export interface EditorHost {
  /** Writes the edit; resolves true when it was saved. */
  save(gold: GoldAnnotation, edit: GoldEdit): Promise<boolean>;
  /** The stretch the curator has selected in the article, or null. */
  selectedStretch(): { start: number; end: number } | null;
  close(): void;
}

/**
 * Edits a gold span: its label (from the codebook layer), its stretch (nudged, or re-selected in the text), each
 * attribute the layer defines, a note.
 */
export function goldEditor(gold: GoldAnnotation, names: Names, host: EditorHost): HTMLElement {
  const label = h('select', { 'aria-label': 'Label', 'data-testid': 'edit-label' },
    names.labels(gold.layer).map((l) => h('option', { value: l.id, selected: l.id === gold.label }, l.name)));
  const start = h('input', { type: 'number', min: 0, value: gold.start ?? 0, 'aria-label': 'Start offset', class: 'offset-input' });
  const end = h('input', { type: 'number', min: 0, value: gold.end ?? 0, 'aria-label': 'End offset', class: 'offset-input' });
  const note = h('textarea', { rows: 2, 'aria-label': 'Curator’s note', maxlength: 2000 }, gold.note ?? '');
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const defs = names.attributes(gold.layer);
  // The annotate view's fields; read on Save (a number typed then Enter may not have fired change yet).
  const fields = defs.map((def) => {
    const field = attributeField(def, `gold-${gold.id}`, () => {});
    field.set(gold.attributes?.[def.id]);
    return { def, field };
  });
  const readAttributes = (): Record<string, AttributeValue> | string => {
    // Attributes the codebook no longer defines are dropped: the server would refuse them.
    let attributes: Record<string, AttributeValue> = defs.length ? {} : { ...gold.attributes };
    for (const { def, field } of fields) {
      const input = field.input;
      const box = input instanceof HTMLInputElement && input.type === 'checkbox';
      const parsed = parseAttribute(def, box ? input.checked : input.value);
      if (parsed.error !== undefined) return parsed.error;
      // An unticked box the span never had stays unset rather than becoming "no".
      const unset = box && parsed.value === false && gold.attributes?.[def.id] === undefined;
      attributes = withAttribute(attributes, def.id, unset ? undefined : parsed.value);
    }
    return attributes;
  };
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
    fields.length ? h('fieldset', { class: 'gold-attributes' }, h('legend', null, 'Attributes'), fields.map((f) => f.field.element)) : null,
    h('label', null, 'Curator’s note ', note),
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
    const attributes = readAttributes();
    if (typeof attributes === 'string') {
      problem.textContent = attributes;
      return;
    }
    problem.textContent = '';
    void host.save(gold, { label: label.value, start: s, end: e, note: note.value.trim() || null, attributes }).then((saved) => saved && host.close());
  });
  return form;
}
