import type { AttributeValue, CodebookAttribute } from '../../api/annotationTypes';
import { parseAttribute } from '../../model/annotate/attributes';
import { MAX_TEXT_ATTRIBUTE_LENGTH } from '../../model/annotate/limits';
import { h } from '../dom';

export interface FieldControl {
  element: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
  /** Shows a value (unless the person is typing in this field). */
  set(value: AttributeValue | undefined): void;
  /** The server's reason for refusing this field's value (kept as typed), or null. */
  refused(message: string | null): void;
}

/**
 * One codebook attribute as a form field: choice → select, integer/number → number input, boolean → checkbox,
 * text → text input. Calls commit with a checked value (undefined = cleared), or shows why it cannot.
 */
export function attributeField(def: CodebookAttribute, idPrefix: string, commit: (value: AttributeValue | undefined, typing: boolean) => void): FieldControl {
  const id = `${idPrefix}-attr-${def.id}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const hint = [def.description, def.type === 'integer' || def.type === 'number' ? range(def) : null].filter(Boolean).join(' ');
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  let input: HTMLInputElement | HTMLSelectElement;
  if (def.type === 'choice') {
    input = h('select', { id, 'data-attribute': def.id, 'aria-describedby': describedBy },
      h('option', { value: '' }, '—'), def.values.map((v) => h('option', { value: v }, v)));
  } else if (def.type === 'boolean') {
    input = h('input', { id, type: 'checkbox', 'data-attribute': def.id, 'aria-describedby': describedBy });
  } else if (def.type === 'integer' || def.type === 'number') {
    input = h('input', {
      id, type: 'number', inputmode: def.type === 'integer' ? 'numeric' : 'decimal', step: def.type === 'integer' ? 1 : 'any',
      min: def.min ?? null, max: def.max ?? null, 'data-attribute': def.id, 'aria-describedby': describedBy,
    });
  } else {
    input = h('input', { id, type: 'text', 'data-attribute': def.id, 'aria-describedby': describedBy, autocomplete: 'off', maxlength: MAX_TEXT_ATTRIBUTE_LENGTH });
  }

  let serverError = false;
  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const read = (typing: boolean) => {
    serverError = false;
    const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    const parsed = parseAttribute(def, raw);
    showError(parsed.error ?? null);
    if (!parsed.error) commit(parsed.value, typing);
  };
  input.addEventListener('change', () => read(false));
  if (def.type === 'text') input.addEventListener('input', () => read(true));

  const label = h('label', { for: id }, def.name, def.required ? h('span', { class: 'required' }, ' (required)') : null);
  const element = h('div', { class: `field attribute-field type-${def.type}` },
    def.type === 'boolean' ? h('div', { class: 'checkbox-row' }, input, label) : [label, input],
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    error);

  return {
    element,
    input,
    set(value) {
      if (document.activeElement === input) return;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
      else input.value = value === undefined ? '' : String(value);
      if (!serverError) showError(null);
    },
    refused(message) {
      if (!message && !serverError) return; // a check of the page's own stays until the value changes
      serverError = !!message;
      showError(message);
    },
  };
}

function range(def: CodebookAttribute): string | null {
  const min = def.min ?? null;
  const max = def.max ?? null;
  if (min !== null && max !== null) return `${min} to ${max}.`;
  if (min !== null) return `At least ${min}.`;
  if (max !== null) return `At most ${max}.`;
  return null;
}
