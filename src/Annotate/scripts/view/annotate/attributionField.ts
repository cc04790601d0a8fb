import type { Attribution } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { h, replace } from '../dom';

/** "Whose voice": none, or an actor of the codebook. (The span that says a claim is a said-by relation, not an attribution.) */
export function attributionField(codebook: CodebookIndex, idPrefix: string, commit: (value: Attribution | null) => void) {
  const id = `${idPrefix}-attribution`;
  const select = h('select', { id, 'data-field': 'attribution', 'aria-describedby': `${id}-hint ${id}-error` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const element = h('div', { class: 'field' },
    h('label', { for: id }, 'Attributed to'),
    select,
    h('p', { class: 'hint', id: `${id}-hint` }, 'Whose voice the span expresses: an actor of the codebook.'),
    error);
  select.addEventListener('change', () => commit(select.value ? { actor: select.value } : null));

  let shown: string | null = null;

  /** Fills the options once and shows the current value (an actor the codebook no longer has stays visible). */
  function set(attribution: Attribution | null): void {
    if (document.activeElement === select) return;
    const value = attribution?.actor ?? '';
    if (shown === value) return;
    shown = value;
    const actors = codebook.codebook.actors;
    const dropped = value && !actors.some((a) => a.id === value) ? h('option', { value }, `${value} (not in the codebook)`) : null;
    replace(select,
      h('option', { value: '' }, 'Nobody in particular'),
      actors.length || dropped
        ? h('optgroup', { label: 'Actors' }, dropped, actors.map((a) => h('option', { value: a.id, title: a.description ?? '' }, a.name)))
        : null);
    select.value = value;
  }

  /** The server's reason for refusing the attribution chosen (kept as chosen), or null. */
  function refused(message: string | null): void {
    error.textContent = message ?? '';
    if (message) select.setAttribute('aria-invalid', 'true');
    else select.removeAttribute('aria-invalid');
  }

  return { element, select, set, refused };
}
