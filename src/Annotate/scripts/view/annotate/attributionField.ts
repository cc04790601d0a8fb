import type { Annotation, Attribution } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { h, replace } from '../dom';

/** "Whose voice": none, an actor of the codebook, or a source span in this text. */
export function attributionField(codebook: CodebookIndex, idPrefix: string, commit: (value: Attribution | null) => void, goTo: (id: string) => void) {
  const id = `${idPrefix}-attribution`;
  const select = h('select', { id, 'data-field': 'attribution', 'aria-describedby': `${id}-hint ${id}-error` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const link = h('button', { type: 'button', class: 'button link', hidden: true }, 'Show the source span');
  const element = h('div', { class: 'field' },
    h('label', { for: id }, 'Attributed to'),
    select,
    h('p', { class: 'hint', id: `${id}-hint` }, 'Whose voice the span expresses: an actor, or a source span marked in this text.'),
    error,
    link);
  select.addEventListener('change', () => {
    const [kind, value] = splitOnce(select.value);
    commit(kind === 'actor' ? { actor: value } : kind === 'span' ? { span: value } : null);
  });
  link.addEventListener('click', () => {
    const [kind, value] = splitOnce(select.value);
    if (kind === 'span') goTo(value);
  });

  let shown: { sources: readonly Annotation[]; value: string } | null = null;

  /** Fills the options (sources nearest the span first) and shows the current value. */
  function set(attribution: Attribution | null, sources: readonly Annotation[], describe: (a: Annotation) => string): void {
    if (document.activeElement === select) return;
    const current = attribution?.actor ? `actor:${attribution.actor}` : attribution?.span ? `span:${attribution.span}` : '';
    if (shown && shown.sources === sources && shown.value === current) return;
    shown = { sources, value: current };
    const value = attribution?.actor ? `actor:${attribution.actor}` : attribution?.span ? `span:${attribution.span}` : '';
    const linked = attribution?.span && !sources.some((s) => s.id === attribution.span)
      ? h('option', { value }, 'A span that is no longer in this text')
      : null;
    replace(select,
      h('option', { value: '' }, 'Nobody in particular'),
      codebook.codebook.actors.length
        ? h('optgroup', { label: 'Actors' }, codebook.codebook.actors.map((a) => h('option', { value: `actor:${a.id}`, title: a.description ?? '' }, a.name)))
        : null,
      sources.length || linked
        ? h('optgroup', { label: 'Source spans in this text' }, linked, sources.map((s) => h('option', { value: `span:${s.id}` }, describe(s))))
        : null);
    select.value = value;
    link.hidden = !attribution?.span;
  }

  /** The server's reason for refusing the attribution chosen (kept as chosen), or null. */
  function refused(message: string | null): void {
    error.textContent = message ?? '';
    if (message) select.setAttribute('aria-invalid', 'true');
    else select.removeAttribute('aria-invalid');
  }

  return { element, select, set, refused };
}

function splitOnce(value: string): [string, string] {
  const i = value.indexOf(':');
  return i < 0 ? ['', ''] : [value.slice(0, i), value.slice(i + 1)];
}
