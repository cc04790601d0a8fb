import { h, type Attrs } from './dom';

/** A labelled input with its hint and its own error line, wired for screen readers (aria-describedby/-invalid). */
export interface FormField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows or clears this field's error; the message is read out when it appears. */
  setError(message: string | null | undefined): void;
}

export function formField(id: string, label: string, attrs: Attrs, hint?: string): FormField {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const input = h('input', { id, ...attrs, 'aria-describedby': hintId });
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const element = h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error);

  const setError = (message: string | null | undefined) => {
    error.textContent = message ?? '';
    const described = [hintId, message ? errorId : null].filter(Boolean).join(' ');
    if (described) input.setAttribute('aria-describedby', described);
    else input.removeAttribute('aria-describedby');
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => setError(null));
  return { element, input, setError };
}
