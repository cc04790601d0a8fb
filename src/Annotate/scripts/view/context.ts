import type { ProjectSummary } from '../api/projects';
import type { Collection, DocumentList, Session } from '../api/types';
import type { CorpusMonitor } from '../model/corpus/corpusMonitor';
import type { ListFilters, Route } from '../model/app/routes';

/** What the pages share: the person, the last list (for next/previous in the reader), cached facets. */
export interface AppState {
  session: Session | null;
  /** The list filters last used, so the reader's n/p and "back" follow the same list. */
  filters: ListFilters;
  selectedId: string | null;
  /** The person's projects (GET /api/projects), and the current one: the header's switcher shows both. */
  projects: ProjectSummary[];
  project: ProjectSummary | null;
}

export interface AppContext {
  readonly state: AppState;
  readonly corpus: CorpusMonitor;
  /** The project that pages about a project show (pages about one document use that document's). */
  projectId(): string;
  navigate(route: Route, options?: { replace?: boolean }): void;
  /** Updates the address bar without rendering again (e.g. while typing a search). */
  updateUrl(route: Route, options?: { push?: boolean }): void;
  setTitle(title: string): void;
  showError(error: unknown): void;
  announce(message: string): void;
  openHelp(): void;
  /** The current project's documents for these filters, cached until the corpus reloads. */
  documents(filters: ListFilters, signal?: AbortSignal): Promise<DocumentList>;
  collections(signal?: AbortSignal): Promise<Collection[]>;
  /** Languages across the whole corpus, for the filter. */
  languages(signal?: AbortSignal): Promise<string[]>;
}

/** A page: built once per visit, disposed when the person leaves it. */
export interface View {
  readonly element: HTMLElement;
  /** Where focus goes after an in-app navigation, for keyboard and screen-reader users. */
  focus?(): void;
  /** A key pressed outside any text field; true when the page used it. */
  onKey?(event: KeyboardEvent): boolean;
  dispose?(): void;
}
