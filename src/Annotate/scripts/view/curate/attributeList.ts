import type { AttributeEntry } from '../../model/curation/curationAttributes';
import { h } from '../dom';

/** An annotation's attributes in a line ("Veracity: fake · Coder confidence: 4"), those the annotators differ on marked. */
export function attributeList(entries: readonly AttributeEntry[]): HTMLElement | null {
  if (entries.length === 0) return null;
  return h('span', { class: 'attr-list', 'data-testid': 'attributes' }, entries.map((e) =>
    h('span', { class: e.disagreed ? 'attr disagreed' : 'attr', 'data-attribute': e.id, 'data-disagreed': e.disagreed ? 'true' : null,
      title: e.disagreed ? 'The annotators differ on this attribute' : null },
    e.disagreed ? h('span', { 'aria-hidden': 'true', class: 'attr-mark' }, '≠ ') : null,
    `${e.name}: ${e.value}`,
    e.disagreed ? h('span', { class: 'visually-hidden' }, ' (annotators differ)') : null)));
}
