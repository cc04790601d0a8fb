import type { Collection, DocumentSummary } from '../api/types';
import { formatDate, langAttribute, languageName } from '../model/shared/format';
import { listRoute, readerRoute, routeHref, type ListFilters } from '../model/app/routes';
import { h, replace } from './dom';

/** Rows of the document table, with a heading row whenever the collection changes. */
export function renderRows(
  tbody: HTMLTableSectionElement,
  items: DocumentSummary[],
  collections: Collection[],
  filters: ListFilters,
): void {
  const names = new Map(collections.map((c) => [c.path, c.name]));
  const grouped = !filters.collection && new Set(items.map((d) => d.collection)).size > 1;
  const rows: HTMLTableRowElement[] = [];
  let collection: string | null = null;
  for (const doc of items) {
    if (grouped && doc.collection !== collection) {
      collection = doc.collection;
      rows.push(h('tr', { class: 'group-row' },
        h('th', { colspan: 5, scope: 'colgroup' }, names.get(collection) || collection || 'Corpus root')));
    }
    rows.push(row(doc, filters));
  }
  replace(tbody, rows);
}

function row(doc: DocumentSummary, filters: ListFilters): HTMLTableRowElement {
  return h('tr', { class: 'doc-row', 'data-id': doc.id },
    h('td', { class: 'col-title' },
      h('a', { class: 'doc-link', href: routeHref(readerRoute(doc.id)), lang: langAttribute(doc.language), dir: 'auto' }, doc.title)),
    h('td', { class: 'col-outlet' }, doc.outlet ?? ''),
    h('td', { class: 'col-date' }, doc.date ? h('time', { datetime: doc.date }, formatDate(doc.date)) : ''),
    h('td', { class: 'col-language' }, doc.language ? h('span', { title: doc.language }, languageName(doc.language)) : ''),
    h('td', { class: 'col-tags' }, tagList(doc.tags, filters, true)));
}

/** Tags as links that filter the list. In table rows they stay out of the Tab order to keep it short. */
export function tagList(tags: string[], filters: ListFilters, compact: boolean): HTMLElement | string {
  if (tags.length === 0) return '';
  return h('ul', { class: 'tags', 'aria-label': 'Tags' },
    tags.map((tag) => h('li', null,
      h('a', {
        class: 'tag',
        href: routeHref(listRoute({ ...filters, q: '', tag })),
        tabindex: compact ? -1 : null,
        title: `Show documents tagged “${tag}”`,
      }, tag))));
}

export function messageRow(tbody: HTMLTableSectionElement, ...content: (Node | string)[]): void {
  replace(tbody, h('tr', { class: 'message-row' }, h('td', { colspan: 5 }, ...content)));
}
