import type { Collection } from '../api/types';
import { plural } from '../model/format';
import { listRoute, routeHref, type ListFilters } from '../model/routes';
import { h, replace } from './dom';

/** The collections as filter links; "All documents" clears the filter. */
export function renderCollections(container: HTMLElement, collections: Collection[], filters: ListFilters): void {
  const total = collections.reduce((sum, c) => sum + c.documentCount, 0);
  // The root ("") cannot be chosen as a filter on its own: its documents are part of "All documents".
  const named = collections.filter((c) => c.path !== '');
  const item = (path: string, name: string, count: number, depth: number) =>
    h('li', null,
      h('a', {
        href: routeHref(listRoute({ ...filters, collection: path })),
        'data-collection': path,
        'aria-current': filters.collection === path ? 'true' : null,
        style: depth > 0 ? `--depth:${depth}` : null,
        title: path || null,
      },
      h('span', { class: 'collection-name' }, name),
      h('span', { class: 'count', 'aria-label': plural(count, 'document', 'documents') }, String(count))));
  replace(container,
    h('ul', { class: 'collection-list' },
      item('', 'All documents', total, 0),
      named.map((c) => item(c.path, c.name, c.documentCount, c.path.split('/').length - 1))));
}
