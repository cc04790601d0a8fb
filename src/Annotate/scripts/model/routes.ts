// The app's three pages and their URLs (the server answers index.html for each of them).

export interface ListFilters {
  q: string;
  collection: string;
  language: string;
  tag: string;
}

export type Route =
  | { kind: 'list'; filters: ListFilters }
  | { kind: 'reader'; id: string }
  | { kind: 'status' }
  | { kind: 'notFound'; path: string };

export const noFilters: ListFilters = { q: '', collection: '', language: '', tag: '' };

const filterKeys = ['q', 'collection', 'language', 'tag'] as const;

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') {
    const params = new URLSearchParams(search);
    const filters = { ...noFilters };
    for (const key of filterKeys) filters[key] = params.get(key) ?? '';
    return { kind: 'list', filters };
  }
  if (path === '/status') return { kind: 'status' };
  const reader = /^\/documents\/([^/]+)$/.exec(path);
  if (reader?.[1]) {
    try {
      return { kind: 'reader', id: decodeURIComponent(reader[1]) };
    } catch {
      // A malformed %-escape cannot name a document.
    }
  }
  return { kind: 'notFound', path: pathname };
}

export function routeHref(route: Route): string {
  switch (route.kind) {
    case 'list': {
      const params = new URLSearchParams();
      for (const key of filterKeys) if (route.filters[key]) params.set(key, route.filters[key]);
      const search = params.toString();
      return search ? `/?${search}` : '/';
    }
    case 'reader':
      return `/documents/${encodeURIComponent(route.id)}`;
    case 'status':
      return '/status';
    case 'notFound':
      return route.path;
  }
}

export const listRoute = (filters: ListFilters = noFilters): Route => ({ kind: 'list', filters });
export const readerRoute = (id: string): Route => ({ kind: 'reader', id });
export const statusRoute: Route = { kind: 'status' };

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return filterKeys.every((key) => a[key] === b[key]);
}

export function hasFilters(filters: ListFilters): boolean {
  return filterKeys.some((key) => filters[key] !== '');
}
