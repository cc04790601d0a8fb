import { ApiError, documentsApi } from '../api';
import type { CodebookInfo } from '../api/annotationTypes';
import type { DocumentDetail } from '../api/types';
import { langAttribute } from '../model/shared/format';
import { readerCommand } from '../model/app/keys';
import { neighbours, type Neighbours } from '../model/corpus/listNav';
import { canCurate } from '../model/app/projects';
import { agreementRoute, curateRoute, listRoute, readerRoute, routeHref } from '../model/app/routes';
import { labelTitle } from '../model/agreement/agreementText';
import { opensWithTitle } from '../model/corpus/articleTitle';
import { TextModel } from '../model/text/textModel';
import { isAbort } from './cache';
import type { AppContext, View } from './context';
import { h, replace } from './dom';
import { articleHeader } from './articleHeader';
import { renderArticle } from './annotate/articleDom';
import { mountAnnotation, prefetchAnnotations, type AnnotationMount } from './annotate/mount';
import { TextMap } from './annotate/textMap';
import { TextHeatMap } from './agreement/textHeat';
import { readerExercise } from './exercise/readerExercise';
import { trackActivity } from './annotate/activity';
import { PeopleNames } from '../model/annotate/peopleNames';
import { annotatorsApi } from '../api';

/** One article, with next/previous through the list the person came from. */
export function readerView(ctx: AppContext, id: string, anonymous = false): View {
  ctx.setTitle('Loading…');
  ctx.state.selectedId = id;
  const controller = new AbortController();
  const filters = ctx.state.filters;
  let around: Neighbours = { position: -1, count: 0, previous: null, next: null };
  let heading: HTMLElement | null = null;
  let focusWhenLoaded = false;
  let annotation: AnnotationMount | null = null;
  let heat: TextHeatMap | null = null;
  let exercise: { dispose: () => void } | null = null;
  let stopActivity: (() => void) | null = null;
  const documentRequest = documentsApi.get(id, controller.signal);
  const requests = prefetchAnnotations(id, controller.signal, documentRequest);
  const names = anonymousNames(anonymous, documentRequest, controller.signal);

  const backHref = routeHref(listRoute(filters));
  const pager = h('div', { class: 'pager' });
  const heatButton = h('button', {
    type: 'button', class: 'button', 'aria-pressed': 'false', disabled: true, 'aria-keyshortcuts': 'Shift+A',
    title: 'Colour the text by how far annotators agree (Shift+A)', 'data-testid': 'heat-toggle',
  }, 'Agreement heat map');
  heatButton.addEventListener('click', () => heat?.toggle());
  let codebook: CodebookInfo | null = null;
  requests.codebook.then((info) => (codebook = info), () => {});
  const labelNames = {
    layer: (layerId: string) => codebook?.codebook.layers.find((l) => l.id === layerId)?.name,
    label: (layerId: string | null, labelId: string) => codebook?.codebook.layers
      .filter((l) => layerId === null || l.id === layerId).flatMap((l) => l.labels).find((l) => l.id === labelId)?.name,
  };
  const content = h('div', { class: 'reader-content', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading the document…'));
  const tools = h('div', { class: 'reader-tools' },
    h('a', { href: routeHref(agreementRoute(id, '', anonymous)), class: 'button subtle', 'data-testid': 'agreement-link' }, 'Agreement'),
    heatButton);
  const element = h('div', { class: 'reader-page' },
    h('nav', { class: 'reader-nav', 'aria-label': 'Document navigation' },
      h('a', { href: backHref, class: 'back-link', 'aria-keyshortcuts': 'Alt+ArrowUp u Escape' }, '← Documents'),
      tools,
      pager),
    anonymous ? h('p', { class: 'banner info', 'data-testid': 'reader-anonymous' },
      'Names are anonymised: other people are shown as Student 1, Student 2, … in the order they joined. ',
      h('a', { href: routeHref(readerRoute(id)) }, 'Show names')) : null,
    content);

  function renderPager(): void {
    const link = (target: string | null, label: string, keys: string, rel: string) =>
      target
        ? h('a', { href: routeHref(readerRoute(target, anonymous)), class: 'button', rel, 'aria-keyshortcuts': keys }, label)
        : h('span', { class: 'button', 'aria-disabled': 'true' }, label);
    replace(pager,
      around.position >= 0 ? h('span', { class: 'position' }, `${around.position + 1} of ${around.count}`) : null,
      link(around.previous, '‹ Previous', 'Alt+ArrowLeft p', 'prev'),
      link(around.next, 'Next ›', 'Alt+ArrowRight n', 'next'));
  }

  function render(doc: DocumentDetail): void {
    ctx.setTitle(doc.title);
    // Only the curators and owners of the document's project see the way to curate it.
    if (canCurate(ctx.state.projects, doc.projectId)) {
      tools.prepend(h('a', { href: routeHref(curateRoute(doc.id)), class: 'button subtle', 'data-testid': 'curate-link' }, 'Curate'));
    }
    const { header, title } = articleHeader(doc, filters);
    heading = title;
    const body = h('div', { class: 'article-body', 'data-testid': 'article-body', dir: 'auto', lang: langAttribute(doc.language) });
    // The one place HTML goes in: sanitised by the server, kept exactly as given (annotations map onto it).
    const dom = renderArticle(body, doc.html, doc.blocks);
    if (opensWithTitle(doc.title, doc.text, doc.blocks)) {
      // The text's first line is the title (a plain-text article): show it once, in the title's place and style;
      // the heading above stays for screen readers and for focus.
      title.classList.add('visually-hidden');
      dom.blockEls[0]?.classList.add('article-title', 'opening-title');
    }
    const container = h('div', { class: 'annotated' }, body);
    // The heat map maps offsets onto the article with the same TextMap the annotations use.
    const map = new TextMap(body, new TextModel(doc.text, doc.blocks, doc.language ?? undefined), doc.blocks, dom.blockEls);
    heat = new TextHeatMap(ctx, {
      documentId: doc.id, projectId: doc.projectId, version: doc.version, text: doc.text, map, container, complete: dom.complete,
      labelName: (label) => labelTitle(label, labelNames), anonymous,
    }, (on) => heatButton.setAttribute('aria-pressed', String(on)));
    heatButton.disabled = false;
    // A student's own documents can be marked done from here too, and their feedback against the key shows here.
    if (ctx.state.projects.find((p) => p.id === doc.projectId)?.role === 'annotator') {
      const own = readerExercise(ctx, doc, map, (layer, label) => (label ? labelNames.label(layer, label) ?? label : labelNames.layer(layer) ?? layer), controller.signal);
      exercise = own;
      tools.append(own.button);
      content.before(own.panel);
      // Their active time on it, for the teacher's grade sheet (idle excluded).
      stopActivity = trackActivity(doc.id);
    }
    const article = h('article', { class: 'article' }, header, container);
    if (doc.codebook === null) {
      replace(content, article);
    } else {
      // Room for the toolbar and side panel from the start, so the text does not move when they arrive.
      const toolbarSlot = h('div', { class: 'annotate-toolbar placeholder' });
      const sideSlot = h('aside', { class: 'side-panel placeholder' });
      element.classList.add('annotating');
      replace(content, h('div', { class: 'annotate-layout' }, h('div', { class: 'annotate-main' }, toolbarSlot, article), sideSlot));
      annotation = mountAnnotation(ctx, doc, { container, body, dom, toolbarSlot, sideSlot }, requests, names);
    }
    content.removeAttribute('aria-busy');
    window.scrollTo(0, 0);
    // For the long-article benchmark: after the frame that shows the first text.
    requestAnimationFrame(() => setTimeout(() => performance.mark('annotate:text-visible'), 0));
    if (focusWhenLoaded) title.focus();
  }

  function renderFailure(error: unknown): void {
    content.removeAttribute('aria-busy');
    if (error instanceof ApiError && error.status === 404) {
      ctx.setTitle('Document not found');
      heading = h('h1', { tabindex: -1 }, 'Document not found');
      replace(content, h('div', { class: 'page narrow' }, heading,
        h('p', null, 'There is no document with the id ', h('code', null, id), '. It may have been removed from the corpus.'),
        h('p', null, h('a', { href: backHref }, 'Back to the documents'))));
    } else {
      ctx.setTitle('Document unavailable');
      replace(content, h('p', { class: 'empty' }, 'The document could not be loaded.'));
      ctx.showError(error);
    }
    if (focusWhenLoaded) heading?.focus();
  }

  documentRequest.then(render, (error) => !isAbort(error) && renderFailure(error));
  // Neighbours are a convenience: without the list, the pager just stays empty.
  ctx.documents(filters, controller.signal).then(
    (list) => {
      around = neighbours(list.items.map((d) => d.id), id);
      renderPager();
    },
    () => renderPager(),
  );

  return {
    element,
    focus() {
      focusWhenLoaded = true;
      heading?.focus();
    },
    onKey(event) {
      if (annotation?.onKey(event)) return true;
      const command = readerCommand(event);
      // On a page one annotates, letters and Esc belong to the annotation view, also in the moment before it is
      // ready: a label key pressed then must not leave the document. Alt+arrows navigate.
      if (annotation && !event.altKey && (command === 'next' || command === 'previous' || command === 'back')) return true;
      switch (command) {
        case 'next':
          if (around.next) ctx.navigate(readerRoute(around.next, anonymous));
          else ctx.announce(around.position >= 0 ? 'This is the last document in the list.' : 'No list to move through.');
          return true;
        case 'previous':
          if (around.previous) ctx.navigate(readerRoute(around.previous, anonymous));
          else ctx.announce(around.position >= 0 ? 'This is the first document in the list.' : 'No list to move through.');
          return true;
        case 'back':
          ctx.navigate(listRoute(filters));
          return true;
        case 'heatMap':
          heat?.toggle();
          return !!heat;
        default:
          return false;
      }
    },
    dispose() {
      controller.abort();
      annotation?.dispose();
      heat?.dispose();
      exercise?.dispose();
      stopActivity?.();
    },
  };
}

/**
 * The names this page shows for other people: their own, or (anonymised for a class) the server's numbering,
 * asked again when someone new turns up. Until the numbers arrive nobody is named.
 */
function anonymousNames(anonymous: boolean, documentRequest: Promise<DocumentDetail>, signal: AbortSignal) {
  const people = new PeopleNames(anonymous);
  if (!anonymous) return { people, ready: Promise.resolve() };
  const fetchNames = async () => people.set(await annotatorsApi.anonymousNames((await documentRequest).projectId, signal));
  let again: Promise<void> | null = null;
  people.onUnknown = () => {
    again ??= new Promise<void>((resolve) => setTimeout(resolve, 500)).then(fetchNames).catch(() => {}).finally(() => (again = null));
  };
  // A failure leaves everyone unnamed ("A student"), never named.
  return { people, ready: fetchNames().catch(() => {}) };
}
