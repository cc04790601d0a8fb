// The app's pages and their URLs (the server answers index.html for each of them).

export interface ListFilters {
  q: string;
  collection: string;
  language: string;
  tag: string;
}

export type Route =
  | { kind: 'list'; filters: ListFilters }
  /** One document; anonymous (present only when true): other people named Student 1, … (for a class). */
  | { kind: 'reader'; id: string; anonymous?: true }
  /** A curator's page for one document: everyone's spans side by side, the gold layer, accept/merge/reject. */
  | { kind: 'curate'; id: string }
  | { kind: 'status' }
  /**
   * Agreement of the project (documentId null) or of one document; groupBy: an annotator attribute, or "";
   * anonymous (present only when true): people shown as "Student 1", "Student 2", … for a class; project (present
   * only when named, and only on the project page: a document's page is about the document's own project).
   */
  | { kind: 'agreement'; documentId: string | null; groupBy: string; anonymous?: true; project?: string }
  /**
   * A student joins a class with the code their teacher gave (prefilled from ?code=), or signs in with the
   * personal link from the teacher's list (?ticket=; present only when given).
   */
  | { kind: 'join'; code: string; ticket?: string }
  /**
   * The teacher's class: join code, mode, students, live agreement; anonymous hides the students' names; project
   * (present only when named) opens that project's class instead of the current project's.
   */
  | { kind: 'class'; anonymous: boolean; project?: string }
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
  const params = new URLSearchParams(search);
  if (path === '/join') {
    const ticket = params.get('ticket')?.trim() ?? '';
    return { kind: 'join', code: params.get('code') ?? '', ...(ticket ? { ticket } : {}) };
  }
  const project = params.get('project')?.trim() ?? '';
  if (path === '/class') return classRoute(isOn(params.get('anonymous')), project);
  const agreement = (documentId: string | null): Route =>
    agreementRoute(documentId, params.get('groupBy') ?? '', isOn(params.get('anonymous')), project);
  if (path === '/agreement') return agreement(null);
  const reader = /^\/documents\/([^/]+)(\/agreement|\/curate)?$/.exec(path);
  if (reader?.[1]) {
    try {
      const id = decodeURIComponent(reader[1]);
      if (reader[2] === '/curate') return { kind: 'curate', id };
      return reader[2] ? agreement(id) : readerRoute(id, isOn(params.get('anonymous')));
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
      return withSearch(`/documents/${encodeURIComponent(route.id)}`, new URLSearchParams(route.anonymous ? { anonymous: '1' } : {}));
    case 'curate':
      return `/documents/${encodeURIComponent(route.id)}/curate`;
    case 'status':
      return '/status';
    case 'account':
      return '/account';
    case 'agreement': {
      const path = route.documentId === null ? '/agreement' : `/documents/${encodeURIComponent(route.documentId)}/agreement`;
      const params = new URLSearchParams();
      if (route.project) params.set('project', route.project);
      if (route.groupBy) params.set('groupBy', route.groupBy);
      if (route.anonymous) params.set('anonymous', '1');
      return withSearch(path, params);
    }
    case 'join':
      return withSearch('/join', new URLSearchParams({ ...(route.code ? { code: route.code } : {}), ...(route.ticket ? { ticket: route.ticket } : {}) }));
    case 'class':
      return withSearch('/class', new URLSearchParams({ ...(route.project ? { project: route.project } : {}), ...(route.anonymous ? { anonymous: '1' } : {}) }));
    case 'notFound':
      return route.path;
  }
}

export const listRoute = (filters: ListFilters = noFilters): Route => ({ kind: 'list', filters });
export const readerRoute = (id: string, anonymous = false): Route => ({ kind: 'reader', id, ...(anonymous ? { anonymous: true } : {}) });
export const curateRoute = (id: string): Route => ({ kind: 'curate', id });
export const statusRoute: Route = { kind: 'status' };
export const accountRoute: Route = { kind: 'account' };
/** A project is named only on the project page (a document's agreement is about the document's own project). */
export const agreementRoute = (documentId: string | null = null, groupBy = '', anonymous = false, project = ''): Route =>
  ({ kind: 'agreement', documentId, groupBy, ...(anonymous ? { anonymous: true } : {}), ...(project && documentId === null ? { project } : {}) });
export const joinRoute = (code = '', ticket = ''): Route => ({ kind: 'join', code, ...(ticket ? { ticket } : {}) });
export const classRoute = (anonymous = false, project = ''): Route => ({ kind: 'class', anonymous, ...(project ? { project } : {}) });

/** The same page for another project (the switcher's choice): only the project pages name one in their address. */
export function withProject(route: Route, project: string): Route {
  if (route.kind === 'agreement' && route.documentId === null) return agreementRoute(null, route.groupBy, route.anonymous ?? false, project);
  if (route.kind === 'class') return classRoute(route.anonymous, project);
  return route;
}

/** "1", "true", "yes" and "on" switch a flag in the address on; anything else (or nothing) leaves it off. */
function isOn(value: string | null): boolean {
  return value !== null && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function withSearch(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function sameFilters(a: ListFilters, b: ListFilters): boolean {
  return filterKeys.every((key) => a[key] === b[key]);
}

export function hasFilters(filters: ListFilters): boolean {
  return filterKeys.some((key) => filters[key] !== '');
}
