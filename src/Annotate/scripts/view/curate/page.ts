import { ApiError, codebookApi, documentsApi } from '../../api';
import type { CodebookInfo } from '../../api/annotationTypes';
import type { SpanCluster } from '../../api/curation';
import type { DocumentDetail } from '../../api/types';
import { curationCommand } from '../../model/curation/curationKeys';
import { nextOpen, stepCluster } from '../../model/curation/curationNav';
import { stepRelation } from '../../model/curation/curationRelations';
import { agreementRoute, readerRoute, routeHref } from '../../model/app/routes';
import { isAbort } from '../cache';
import type { AppContext, View } from '../context';
import { h, replace } from '../dom';
import { curateActions } from './actions';
import { ClusterPanel } from './clusterPanel';
import { clusterList } from './clusterList';
import { Curation } from './controller';
import { labelsPanel } from './labelsPanel';
import { followCuration } from './live';
import { MergedText } from './merged';
import { Names } from './names';
import { sideBySide } from './sideBySide';
import { curateToolbar, type CurateMode } from './toolbar';

const MODE_KEY = 'annotate.curate.view';

function storedMode(): CurateMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'side' ? 'side' : 'merged';
  } catch {
    return 'merged';
  }
}

/** A curator's page for one document: the disagreements, the gold layer, and accepting, merging and rejecting. */
export function curateView(ctx: AppContext, id: string): View {
  ctx.setTitle('Curate');
  const controller = new AbortController();
  const heading = h('h1', { tabindex: -1, id: 'curate-title' }, 'Curate');
  const status = h('p', { class: 'curate-status', role: 'status', 'data-testid': 'curation-status' });
  const content = h('div', { class: 'curate-content', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading the curation…'));
  const element = h('div', { class: 'page curate-page' },
    h('nav', { class: 'reader-nav', 'aria-label': 'Document navigation' },
      h('a', { href: routeHref(readerRoute(id)), class: 'back-link' }, '← Document'),
      h('div', { class: 'reader-tools' }, h('a', { href: routeHref(agreementRoute(id)), class: 'button subtle' }, 'Agreement'))),
    heading, status, content);
  const setStatus = (message: string, problem = false) => {
    status.textContent = message;
    status.classList.toggle('problem', problem);
    if (!problem) ctx.announce(message);
  };
  const curation = new Curation(id, { status: setStatus, announce: (m) => ctx.announce(m) }, controller.signal);
  let page: ReturnType<typeof build> | null = null;
  let stopLive: (() => void) | null = null;

  function build(doc: DocumentDetail, info: CodebookInfo) {
    ctx.setTitle(`Curate: ${doc.title}`);
    replace(heading, 'Curate: ', h('span', { class: 'curate-doc-title', dir: 'auto' }, doc.title));
    const names = new Names(info);
    let mode = storedMode();
    const pick = (cluster: SpanCluster | null, scroll = false, relation: string | null = null) => {
      curation.select(cluster, relation);
      if (scroll) merged.showSelected(true);
    };
    const merged = new MergedText(doc, curation, (c) => pick(c));
    const actions = curateActions(curation, names, doc.text, setStatus);
    const panel = new ClusterPanel(curation, names, doc.text, { ...actions, selectedStretch: () => merged.selectedStretch() });
    const labels = labelsPanel(curation, names, { accept: actions.acceptLabel, remove: actions.remove });
    const list = clusterList(curation, names, doc.text, (c) => pick(c, true));
    const side = sideBySide(curation, names, doc.text, (c, relation) => pick(c, false, relation ?? null));
    const empty = h('p', { class: 'empty', 'data-testid': 'curation-empty' }, 'No one has annotated this document yet.');
    const setMode = (next: CurateMode) => {
      mode = next;
      try {
        localStorage.setItem(MODE_KEY, next);
      } catch {
        // Not remembered; still switched.
      }
      render();
    };
    const toolbar = curateToolbar(curation, doc.projectId, {
      setMode, acceptAgreed: () => void curation.acceptAgreed(), undo: () => void curation.undo(), redo: () => void curation.redo(),
      nextOpen: () => pickNextOpen(),
    }, doc.id);
    const legend = h('p', { class: 'curate-legend', 'aria-label': 'Colours' },
      ['agreed', 'label', 'boundary', 'missed', 'attributes', 'curated', 'rejected'].map((t) => h('span', { class: `legend tone-${t}` }, t)),
      h('span', { class: 'legend gold' }, 'gold span'));
    const main = h('div', { class: 'curate-main' }, legend, h('article', { class: 'article' }, merged.element), side.element);
    replace(content, toolbar.progress, toolbar.element, empty,
      h('div', { class: 'curate-layout' }, main, h('aside', { class: 'curate-side' }, panel.element, labels.element, list.element)));
    content.removeAttribute('aria-busy');

    let painted: unknown = null;
    function render(): void {
      const view = curation.view;
      if (!view) return;
      const hadFocus = panel.element.contains(document.activeElement);
      empty.hidden = view.annotators.length > 0;
      merged.element.closest('article')!.hidden = mode !== 'merged';
      legend.hidden = mode !== 'merged';
      side.element.hidden = mode !== 'side';
      toolbar.render(mode);
      list.render();
      labels.render();
      if (mode === 'side') side.render();
      if (!panel.editing) panel.render();
      if (painted !== view) {
        painted = view;
        void merged.paint();
      } else merged.showSelected(false);
      if (hadFocus && !panel.element.contains(document.activeElement)) panel.focus();
    }

    function pickNextOpen(): void {
      // A decided cluster with an open relation starting there is still work: Shift+N stops there, on that relation.
      const openRelations = curation.view?.relationClusters.filter((r) => r.status === 'open') ?? [];
      const work = curation.ordered.map((c) => (c.status !== 'open' && openRelations.some((r) => r.sourceCluster === c.id) ? { ...c, status: 'open' as const } : c));
      const next = nextOpen(work, curation.selected?.id ?? null);
      const cluster = next && curation.ordered.find((c) => c.id === next.id);
      if (!cluster) {
        setStatus(curation.view?.relationClusters.length ? 'Every cluster and relation is curated or rejected.' : 'Every cluster is curated or rejected.');
        return;
      }
      pick(cluster, true, cluster.status === 'open' ? null : openRelations.find((r) => r.sourceCluster === cluster.id)?.id ?? null);
      if (curation.selectedRelation) page?.showChosenRelation();
    }

    const unsubscribe = curation.subscribe(render);
    render();
    return {
      pick, pickNextOpen, accept: actions.accept, reject: actions.reject, acceptRelation: actions.acceptRelation, rejectRelation: actions.rejectRelation,
      showChosenRelation: () => panel.showChosenRelation(),
      relationName: (type: string) => names.relation(type),
      toggleMode: () => setMode(mode === 'merged' ? 'side' : 'merged'),
      dispose: () => {
        unsubscribe();
        merged.dispose();
      },
    };
  }

  void (async () => {
    try {
      const [doc, info] = await Promise.all([documentsApi.get(id, controller.signal), codebookApi.forDocument(id, controller.signal), curation.refresh()]);
      page = build(doc, info);
      stopLive = followCuration(id, () => void curation.refresh().catch((e: unknown) => curation.problem(e, 'Reloading the curation')),
        (e) => curation.problem(e, 'Following the document live'));
    } catch (error) {
      if (isAbort(error)) return;
      content.removeAttribute('aria-busy');
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        replace(content, h('p', { class: 'empty' }, error.status === 403
          ? 'Only the curators and owners of this document’s project can curate it.'
          : 'There is no such document, or it has no codebook.'));
      } else replace(content, h('p', { class: 'empty' }, 'The curation could not be loaded.'));
      setStatus(error instanceof ApiError ? `${error.title}${error.detail ? `: ${error.detail}` : ''}` : String(error), true);
    }
  })();

  return {
    element,
    focus: () => heading.focus(),
    onKey(event) {
      const command = page ? curationCommand(event) : null;
      if (!page || !command) return false;
      const selected = curation.selected;
      const relation = curation.chosenRelation();
      switch (command.kind) {
        case 'next': case 'previous':
          page.pick(stepCluster(curation.ordered, selected?.id ?? null, command.kind === 'next' ? 1 : -1), true);
          return true;
        case 'nextOpen': page.pickNextOpen(); return true;
        case 'undo': void curation.undo(); return true;
        case 'redo': void curation.redo(); return true;
        case 'toggleView': page.toggleMode(); return true;
        case 'nextRelation': case 'previousRelation': {
          if (!selected) {
            setStatus('Choose a cluster first (j / k), then its relations with ] / [.');
            return true;
          }
          const next = stepRelation(curation.relationsAt(selected), curation.selectedRelation, command.kind === 'nextRelation' ? 1 : -1);
          if (!next) setStatus('No relation starts or ends in this cluster.');
          else {
            curation.selectRelation(next.id);
            page.showChosenRelation();
            ctx.announce(`Relation ${page.relationName(next.type)}: ${next.status}`);
          }
          return true;
        }
        case 'close':
          if (relation) {
            curation.selectRelation(null);
            return true;
          }
          if (!selected) return false;
          page.pick(null);
          return true;
        case 'reject':
          if (relation) page.rejectRelation(relation);
          else if (selected) page.reject(selected);
          return !!selected;
        case 'accept': {
          if (!selected) {
            setStatus('Choose a cluster first (j / k).');
            return true;
          }
          const person = curation.view?.annotators[command.annotator];
          if (relation) {
            const mine = person ? curation.relationsOf(relation, person.id) : [];
            if (mine[0] && person) page.acceptRelation(relation, mine[0], person.name);
            else setStatus(person ? `${person.name} made no such relation.` : 'No annotator has that number.');
            return true;
          }
          const spans = person ? curation.spansOf(selected, person.id) : [];
          if (spans.length && person) page.accept(spans, person.name);
          else setStatus(person ? `${person.name} marked nothing in this cluster.` : 'No annotator has that number.');
          return true;
        }
      }
    },
    dispose() {
      controller.abort();
      stopLive?.();
      page?.dispose();
    },
  };
}
