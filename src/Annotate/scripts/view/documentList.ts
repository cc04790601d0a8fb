import type { Collection, DocumentSummary } from '../api/types';
import { plural } from '../model/shared/format';
import { debounce } from '../model/shared/debounce';
import { listCommand } from '../model/app/keys';
import { canCurate } from '../model/app/projects';
import { moveSelection } from '../model/corpus/listNav';
import { hasFilters, listRoute, noFilters, parseRoute, readerRoute, sameFilters, type ListFilters } from '../model/app/routes';
import { isAbort } from './cache';
import { renderCollections } from './collectionsNav';
import type { AppContext, View } from './context';
import { renderCorpusBanner } from './corpusBanner';
import { h, isPlainClick } from './dom';
import { exportControl } from './exportControl';
import { yourDocumentsPanel } from './classroom/yourDocuments';
import { listToolbar } from './listToolbar';
import { messageRow, renderRows } from './documentTable';

/** The home page: collections, filters and the table of documents. */
export function documentListView(ctx: AppContext, initial: ListFilters): View {
  ctx.setTitle('Documents');
  const controller = new AbortController();
  let filters = { ...initial };
  let items: DocumentSummary[] = [];
  let collections: Collection[] = [];
  let loadId = 0;
  let focusSelectedOnLoad = false;
  ctx.state.filters = filters;

  const heading = h('h1', { tabindex: -1 }, 'Documents');
  const count = h('p', { class: 'result-count', id: 'result-count' });
  const toolbar = listToolbar(filters, {
    search: (q) => searchLater.call(q),
    searchNow: () => searchLater.flush(),
    language: (language) => setFilters({ ...filters, language }, true),
    clearTag: () => setFilters({ ...filters, tag: '' }, true),
    toResults: () => move(1),
  });
  const searchLater = debounce((q: string) => setFilters({ ...filters, q: q.trim() }, false), 250);
  const tbody = h('tbody');
  const table = h('table', { class: 'doc-table', 'aria-describedby': 'result-count' },
    h('caption', { class: 'visually-hidden' }, 'Documents'),
    h('thead', null, h('tr', null,
      ['Title', 'Outlet', 'Date', 'Language', 'Tags'].map((name) => h('th', { scope: 'col', class: `col-${name.toLowerCase()}` }, name)))),
    tbody);
  const collectionList = h('div');
  const banner = h('div', { class: 'banner-slot' });
  // A student (an annotator of the current project) sees first what to do: their documents and the teacher's instruction.
  const student = ctx.state.project?.role === 'annotator' ? yourDocumentsPanel(ctx, ctx.projectId(), controller.signal) : null;
  const element = h('div', { class: 'list-page' },
    student?.element,
    h('nav', { class: 'collections', 'aria-labelledby': 'collections-title' },
      h('h2', { id: 'collections-title' }, 'Collections'), collectionList),
    h('section', { class: 'documents', 'aria-labelledby': 'documents-title' },
      banner,
      h('div', { class: 'list-heading' }, heading, count,
        // Owners and curators take the project's annotations and gold layer away in a research format.
        canCurate(ctx.state.projects, ctx.projectId()) ? exportControl(ctx.projectId()) : null),
      toolbar.element,
      h('div', { class: 'table-wrap' }, table)));
  heading.id = 'documents-title';

  const rows = () => [...tbody.querySelectorAll<HTMLTableRowElement>('tr.doc-row')];
  const selectedIndex = () => items.findIndex((d) => d.id === ctx.state.selectedId);

  function select(id: string | null, focus: boolean): void {
    ctx.state.selectedId = id;
    for (const row of rows()) {
      const selected = row.dataset['id'] === id;
      row.classList.toggle('is-selected', selected);
      if (selected && focus) {
        row.querySelector<HTMLAnchorElement>('a.doc-link')?.focus();
        row.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  function move(delta: number): void {
    const next = items[moveSelection(selectedIndex(), delta, items.length)];
    if (next) select(next.id, true);
  }

  function open(id: string): void {
    ctx.state.selectedId = id;
    ctx.navigate(readerRoute(id));
  }

  function setFilters(next: ListFilters, push: boolean): void {
    if (sameFilters(next, filters)) return;
    filters = next;
    ctx.state.filters = filters;
    ctx.updateUrl(listRoute(filters), { push });
    toolbar.update(filters);
    renderCollections(collectionList, collections, filters);
    void loadDocuments(true);
  }

  async function loadDocuments(announce: boolean): Promise<void> {
    const id = ++loadId;
    table.setAttribute('aria-busy', 'true');
    count.textContent = 'Loading…';
    try {
      const list = await ctx.documents(filters, controller.signal);
      if (id !== loadId) return;
      items = list.items;
      const text = items.length < list.total
        ? `Showing ${items.length} of ${plural(list.total, 'document', 'documents')}`
        : plural(list.total, 'document', 'documents');
      count.textContent = text;
      if (announce) ctx.announce(text);
      if (items.length) renderRows(tbody, items, collections, filters);
      else messageRow(tbody, emptyMessage());
      select(ctx.state.selectedId, focusSelectedOnLoad && selectedIndex() >= 0);
      focusSelectedOnLoad = false;
    } catch (error) {
      if (id !== loadId || isAbort(error)) return;
      count.textContent = '';
      messageRow(tbody, 'The documents could not be loaded.');
      ctx.showError(error);
    } finally {
      if (id === loadId) table.removeAttribute('aria-busy');
    }
  }

  function emptyMessage(): Node | string {
    if (hasFilters(filters)) {
      return h('span', null, 'No documents match these filters. ',
        h('button', { type: 'button', class: 'button link', onclick: () => setFilters({ ...noFilters }, true) }, 'Clear filters'));
    }
    return ctx.corpus.status?.state === 'loading' ? 'The corpus is still loading…' : 'The corpus has no documents yet.';
  }

  async function loadFacets(): Promise<void> {
    try {
      collections = await ctx.collections(controller.signal);
      renderCollections(collectionList, collections, filters);
      toolbar.setLanguages(await ctx.languages(controller.signal), filters.language);
    } catch (error) {
      ctx.showError(error);
    }
  }

  async function loadAll(announce: boolean): Promise<void> {
    await loadFacets(); // rows name their collection, so facets first
    await loadDocuments(announce);
  }

  // In-page filter links (collections, tags, "All documents") change the list without a new page.
  element.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    const target = event.target as Element;
    const link = target.closest('a[href]');
    if (link instanceof HTMLAnchorElement) {
      const route = parseRoute(link.pathname, link.search);
      if (route.kind !== 'list') return;
      event.preventDefault();
      setFilters(route.filters, true);
      return;
    }
    const row = target.closest<HTMLTableRowElement>('tr.doc-row');
    if (row?.dataset['id'] && !target.closest('button')) open(row.dataset['id']);
  });
  tbody.addEventListener('focusin', (event) => {
    const row = (event.target as Element).closest<HTMLTableRowElement>('tr.doc-row');
    if (row?.dataset['id']) select(row.dataset['id'], false);
  });

  renderCorpusBanner(banner, ctx.corpus.status);
  const unsubscribe = ctx.corpus.subscribe((status, finished) => {
    renderCorpusBanner(banner, status);
    if (finished) void loadAll(false);
  });
  void ctx.corpus.refresh();
  void loadAll(false);

  return {
    element,
    focus() {
      heading.focus();
      focusSelectedOnLoad = true;
    },
    onKey(event) {
      const command = listCommand(event);
      const target = event.target as Element;
      switch (command) {
        case 'focusSearch':
          toolbar.focusSearch();
          return true;
        case 'next':
        case 'previous':
          move(command === 'next' ? 1 : -1);
          return true;
        case 'open': {
          // Enter on another link or button keeps its own meaning.
          if (target.closest('a, button') && !target.closest('a.doc-link')) return false;
          const selected = items[selectedIndex()];
          if (selected) open(selected.id);
          return !!selected;
        }
        default:
          return false;
      }
    },
    dispose() {
      controller.abort();
      searchLater.cancel();
      unsubscribe();
    },
  };
}
