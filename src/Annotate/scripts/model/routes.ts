// The app's pages and their URLs (the server answers index.html for each of them).

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
  /** Agreement of the project (documentId null) or of one document; groupBy: an annotator attribute, or "". */
  | { kind: 'agreement'; documentId: string | null; groupBy: string }
  /** The signed-in person's password and API tokens. */
  | { kind: 'account' }
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
  if (path === '/account') return { kind: 'account' };
  const groupBy = () => new URLSearchParams(search).get('groupBy') ?? '';
  if (path === '/agreement') return { kind: 'agreement', documentId: null, groupBy: groupBy() };
  const reader = /^\/documents\/([^/]+)(\/agreement)?$/.exec(path);
  if (reader?.[1]) {
    try {
      const id = decodeURIComponent(reader[1]);
      return reader[2] ? { kind: 'agreement', documentId: id, groupBy: groupBy() } : { kind: 'reader', id };
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
    case 'account':
      return '/account';
    case 'agreement': {
      const path = route.documentId === null ? '/agreement' : `/documents/${encodeURIComponent(route.documentId)}/agreement`;
      return route.groupBy ? `${path}?${new URLSearchParams({ groupBy: route.groupBy }).toString()}` : path;
    }
    case 'notFound':
      return route.path;
  }
}

export const listRoute = (filters: ListFilters = noFilters): Route => ({ kind: 'list', filters });
export const readerRoute = (id: string): Route => ({ kind: 'reader', id });
export const statusRoute: Route = { kind: 'status' };
export const accountRoute: Route = { kind: 'account' };
export const agreementRoute = (documentId: string | null = null, groupBy = ''): Route => ({ kind: 'agreement', documentId, groupBy });

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return filterKeys.every((key) => a[key] === b[key]);
}

export function hasFilters(filters: ListFilters): boolean {
  return filterKeys.some((key) => filters[key] !== '');
}
