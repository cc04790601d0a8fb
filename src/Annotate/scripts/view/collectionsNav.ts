import type { Collection } from '../api/types';
import { plural } from '../model/shared/format';
import { listRoute, routeHref, type ListFilters } from '../model/app/routes';
import { h, replace } from './dom';

/** The filter value of documents directly in the corpus folder ("" is every document); the API knows it too. */
export const ROOT_COLLECTION = '.';

/** The collections as filter links; "All documents" clears the filter, "Corpus root" shows the loose files. */
export function renderCollections(container: HTMLElement, collections: Collection[], filters: ListFilters): void {
  const total = collections.reduce((sum, c) => sum + c.documentCount, 0);
  const root = collections.find((c) => c.path === '');
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
      root && root.documentCount > 0 && named.length > 0 ? item(ROOT_COLLECTION, 'Corpus root', root.documentCount, 0) : null,
      named.map((c) => item(c.path, c.name, c.documentCount, c.path.split('/').length - 1))));
}
