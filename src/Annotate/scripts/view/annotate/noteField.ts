import { lengthCounter, MAX_NOTE_LENGTH } from '../../model/annotate/limits';
import { debounce } from '../../model/shared/debounce';
import { h } from '../dom';

/**
 * A note: at most as long as the server keeps (maxlength, with a counter), saved half a second after typing stops,
 * and the server's reason under it when it still refuses (the text stays as typed).
 */
export function noteField(id: string, label: string, save: (note: string | null) => void) {
  const count = h('span', { class: 'char-count', id: `${id}-count` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const textarea = h('textarea', { id, rows: 2, dir: 'auto', 'data-field': 'note', maxlength: MAX_NOTE_LENGTH, 'aria-describedby': `${id}-count ${id}-error` });
  const later = debounce(() => save(textarea.value.trim() || null), 500);
  const recount = () => {
    const counter = lengthCounter(textarea.value.length, MAX_NOTE_LENGTH);
    count.textContent = counter.text;
    count.classList.toggle('near', counter.near);
    count.classList.toggle('over', counter.over);
  };
  textarea.addEventListener('input', () => {
    recount();
    later.call();
  });
  textarea.addEventListener('change', () => later.flush());
  recount();
  const element = h('div', { class: 'field note-field' },
    h('div', { class: 'label-row' }, h('label', { for: id }, label), count), textarea, error);
  return {
    element,
    textarea,
    /** Shows the stored note, unless the person is typing in it. */
    set(note: string | null): void {
      if (document.activeElement === textarea) return;
      textarea.value = note ?? '';
      recount();
    },
    /** The server's reason for refusing this note, or null. */
    refused(message: string | null): void {
      error.textContent = message ?? '';
      if (message) textarea.setAttribute('aria-invalid', 'true');
      else textarea.removeAttribute('aria-invalid');
    },
  };
}
