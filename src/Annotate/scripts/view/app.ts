import { ApiError, corpusApi, onUnauthorized, projectsApi, sessionApi } from '../api';
import type { Session } from '../api/types';
import { CorpusMonitor } from '../model/corpus/corpusMonitor';
import { isHelpKey } from '../model/app/keys';
import { chooseProject, DEFAULT_PROJECT_ID, projectDocuments, projectStorageKey } from '../model/app/projects';
import { listRoute, noFilters, parseRoute, routeHref, withProject, type ListFilters, type Route } from '../model/app/routes';
import { CorpusCache, isAbort } from './cache';
import type { AppContext, AppState, View } from './context';
import { h, isEditable, isPlainClick, replace } from './dom';
import { accountView } from './account/page';
import { agreementView } from './agreement/page';
import { attributesDialog } from './agreement/attributesForm';
import { classView } from './classroom/page';
import { curateView } from './curate/page';
import { documentListView } from './documentList';
import { createHelpDialog } from './help';
import { joinView } from './join';
import { ticketJoinView } from './joinTicket';
import { notFoundView } from './notFound';
import { renderProjectSwitch } from './projectSwitch';
import { readerView } from './reader';
import { signInView } from './signIn';
import { statusView } from './status';
import { renderUser } from './userMenu';

export interface Shell {
  main: HTMLElement;
  nav: HTMLElement;
  /** The project switcher, next to the navigation. */
  project: HTMLElement;
  user: HTMLElement;
  error: HTMLElement;
  live: HTMLElement;
}

/** Owns the session, the router and the current page. */
export class App implements AppContext {
  readonly state: AppState = { session: null, filters: { ...noFilters }, selectedId: null, projects: [], project: null };
  readonly corpus = new CorpusMonitor(() => corpusApi.status(), (error) => this.showError(error));
  private readonly cache = new CorpusCache();
  private readonly help = createHelpDialog();
  private readonly attributes = attributesDialog(this);
  private view: View | null = null;
  private projectsLoading: Promise<void> = Promise.resolve();
  private signInShown = false;

  constructor(private readonly shell: Shell) {
    document.body.append(this.help);
    // A finished reload changes every list, so cached answers go.
    this.corpus.subscribe((_, finished) => finished && this.cache.clear());
  }

  async start(): Promise<void> {
    onUnauthorized(() => this.signedOut());
    window.addEventListener('popstate', () => this.render(false));
    document.addEventListener('click', (event) => this.followLink(event));
    document.addEventListener('keydown', (event) => this.onKey(event));
    let session: Session | null;
    try {
      session = await sessionApi.current();
    } catch (error) {
      this.showError(error);
      replace(this.shell.main, h('p', { class: 'empty' }, 'Annotate could not start. ', h('a', { href: location.href }, 'Try again')));
      return;
    }
    if (session) this.signedIn(session, false);
    else this.signedOut();
  }

  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const href = routeHref(route);
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    this.render(true);
  }

  updateUrl(route: Route, options: { push?: boolean } = {}): void {
    const href = routeHref(route);
    if (href === location.pathname + location.search) return;
    if (options.push) history.pushState(null, '', href);
    else history.replaceState(null, '', href);
  }

  setTitle(title: string): void {
    document.title = title ? `${title} · Annotate` : 'Annotate';
  }

  showError(error: unknown): void {
    if (isAbort(error)) return;
    if (error instanceof ApiError && error.status === 401) return; // the sign-in form says it all
    const title = error instanceof ApiError ? error.title : 'Something went wrong';
    const detail = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
    replace(
      this.shell.error,
      h('div', { class: 'alert', role: 'alert' },
        h('div', null, h('strong', null, title), detail ? h('p', null, detail) : null),
        h('button', { type: 'button', class: 'button subtle', onclick: () => this.clearError() }, 'Dismiss')),
    );
  }

  announce(message: string): void {
    // Clear first so repeating the same message is announced again.
    this.shell.live.textContent = '';
    setTimeout(() => (this.shell.live.textContent = message), 50);
  }

  openHelp(): void {
    if (!this.help.open) this.help.showModal();
  }

  projectId(): string {
    return this.state.project?.id ?? DEFAULT_PROJECT_ID;
  }

  async documents(filters: ListFilters, signal?: AbortSignal) {
    const list = await this.cache.documents(filters, signal);
    const items = projectDocuments(list.items, this.state.projects.length, this.state.project?.id ?? null);
    return items.length === list.items.length ? list : { items, total: list.total - (list.items.length - items.length) };
  }

  collections(signal?: AbortSignal) {
    return this.cache.collections(signal);
  }

  languages(signal?: AbortSignal) {
    return this.cache.languages(signal);
  }

  private signedIn(session: Session, moveFocus: boolean): void {
    this.signInShown = false;
    this.state.session = session;
    renderUser(this.shell.user, session, { signOut: () => void this.signOut(), attributes: () => this.attributes.open() });
    this.shell.nav.hidden = false;
    void this.corpus.refresh();
    this.projectsLoading = this.loadProjects(session);
    void this.projectsLoading.then(() => this.state.session === session && this.render(moveFocus));
  }

  /** The person's projects and the current one: named by the address, else remembered, else the first. */
  private async loadProjects(session: Session): Promise<void> {
    let failure: unknown = null;
    try {
      this.state.projects = await projectsApi.list();
    } catch (error) {
      failure = error;
      this.state.projects = [];
    }
    // The class page is the teacher's: only those who manage a project are led to it (a student who joined is not).
    const classLink = this.shell.nav.querySelector<HTMLElement>('a[href="/class"]');
    if (classLink) classLink.hidden = !this.state.projects.some((p) => p.mayManage);
    const route = parseRoute(location.pathname, location.search);
    const url = 'project' in route ? route.project : null;
    this.setProject(chooseProject(this.state.projects, { url, remembered: this.remembered(session) })?.id ?? null);
    if (failure) queueMicrotask(() => this.showError(failure)); // after the page is shown (showing clears the error slot)
  }

  private remembered(session: Session): string | null {
    try {
      return localStorage.getItem(projectStorageKey(session.userId));
    } catch {
      return null; // storage blocked: the first project it is
    }
  }

  /** Makes a project current, remembers it for this person, and redraws the switcher. */
  private setProject(id: string | null): void {
    const session = this.state.session;
    this.state.project = this.state.projects.find((p) => p.id === id) ?? null;
    if (session && this.state.project) {
      try {
        localStorage.setItem(projectStorageKey(session.userId), this.state.project.id);
      } catch {
        // Not remembered, still current.
      }
    }
    renderProjectSwitch(this.shell.project, this.state.projects, this.state.project?.id ?? null, (next) => this.switchProject(next));
  }

  /** The switcher's choice: the same page again, about the chosen project. */
  private switchProject(id: string): void {
    this.setProject(id);
    const route = parseRoute(location.pathname, location.search);
    const next = withProject(route, 'project' in route && route.project ? id : '');
    if (next !== route) this.updateUrl(next);
    this.render(false);
    this.announce(`Project: ${this.state.project?.name ?? id}.`);
  }

  private async signOut(): Promise<void> {
    try {
      // An answer still on its way could renew the session cookie after the sign-out cleared it.
      await this.projectsLoading;
      await sessionApi.signOut();
    } catch (error) {
      this.showError(error);
      return;
    }
    this.signedOut();
  }

  private signedOut(): void {
    // Several calls may answer 401 at once: show the form once, and keep what the person typed.
    if (!this.state.session && this.view && this.signInShown) return;
    this.signInShown = true;
    this.state.session = null;
    this.state.selectedId = null;
    this.cache.clear();
    this.corpus.stop();
    this.shell.nav.hidden = true;
    this.shell.user.replaceChildren();
    this.shell.project.replaceChildren();
    this.state.projects = [];
    this.state.project = null;
    // A student following a class's join link has no session yet: the join form is their way in.
    const route = parseRoute(location.pathname, location.search);
    this.show(route.kind === 'join' ? this.joinView(route) : signInView(this, (session) => this.signedIn(session, true)), true);
  }

  private render(moveFocus: boolean): void {
    const route = parseRoute(location.pathname, location.search);
    if (!this.state.session) {
      if (route.kind === 'join') this.show(this.joinView(route), moveFocus);
      return;
    }
    // An address that names one of the person's projects makes it the current one.
    if ('project' in route && route.project && route.project !== this.state.project?.id && this.state.projects.some((p) => p.id === route.project)) {
      this.setProject(route.project);
    }
    this.show(this.createView(route), moveFocus);
  }

  /** Joining signs the student in (as someone new, or as themselves with a personal link): on to the document list. */
  private joinView(route: Extract<Route, { kind: 'join' }>): View {
    const joined = (session: Session) => {
      history.replaceState(null, '', routeHref(listRoute()));
      this.signedIn(session, true);
      this.announce(route.ticket ? `Signed in as ${session.displayName}.` : `You joined the class as ${session.displayName}.`);
    };
    return route.ticket ? ticketJoinView(this, route.ticket, joined) : joinView(this, route.code, joined);
  }

  private createView(route: Route): View {
    for (const link of this.shell.nav.querySelectorAll('a')) {
      const current = parseRoute(link.pathname).kind === (route.kind === 'reader' || route.kind === 'curate' ? 'list' : route.kind);
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    switch (route.kind) {
      case 'list': return documentListView(this, route.filters);
      case 'reader': return readerView(this, route.id, route.anonymous ?? false);
      case 'curate': return curateView(this, route.id);
      case 'status': return statusView(this);
      case 'account': return accountView(this);
      case 'agreement': return agreementView(this, route.documentId, route.groupBy, route.anonymous ?? false, route.project ?? '');
      case 'join': return this.joinView(route);
      case 'class': return classView(this, route.anonymous, route.project ?? '');
      case 'notFound': return notFoundView(this, route.path);
    }
  }

  private show(view: View, moveFocus: boolean): void {
    this.view?.dispose?.();
    this.clearError();
    this.view = view;
    replace(this.shell.main, view.element);
    if (moveFocus) view.focus?.();
  }

  private clearError(): void {
    this.shell.error.replaceChildren();
  }

  /** In-app links change the page without reloading it; anything else is left to the browser. */
  private followLink(event: MouseEvent): void {
    if (event.defaultPrevented || !isPlainClick(event)) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download')) return;
    if (link.closest('.article-body') || link.origin !== location.origin || link.getAttribute('href')?.startsWith('#')) return;
    const route = parseRoute(link.pathname, link.search);
    if (route.kind === 'notFound' || (!this.state.session && route.kind !== 'join')) return;
    event.preventDefault();
    this.navigate(route);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || this.help.open || this.attributes.element.open || !this.state.session) return;
    if (isEditable(event.target)) return;
    if (isHelpKey(event)) {
      event.preventDefault();
      this.openHelp();
    } else if (this.view?.onKey?.(event)) {
      event.preventDefault();
    }
  }
}
