import { ApiError } from '../../api';
import type { Annotation, CodebookInfo } from '../../api/annotationTypes';
import type { DocumentDetail } from '../../api/types';
import type { Relation } from '../../api/relations';
import { fromRelation } from '../../model/relations/relationItems';
import { apiTransport } from '../../api/sessionTransport';
import { AnnotationLens } from '../../model/annotate/annotationLens';
import { ownNames, type PeopleNames } from '../../model/annotate/peopleNames';
import { CodebookIndex } from '../../model/annotate/codebook';
import { AnnotationSession, type SessionEvent } from '../../model/session/annotationSession';
import { PendingStore, pendingKey, tabId, type KeyValueStorage } from '../../model/session/pendingStore';
import { TextModel } from '../../model/text/textModel';
import type { AppContext } from '../context';
import { h } from '../dom';
import { applyLabel, chooseDocumentLabel, deleteSelected, redo, setLayer, toggleDocumentLabel, undo } from './actions';
import type { ArticleDom } from './articleDom';
import { Highlighter } from './highlighter';
import { NearViewport } from './nearViewport';
import { annotateKey, bindPointer, type InputContext } from './input';
import { LiveDocument } from './live';
import { AnnotatorPanels } from './panels';
import { PresenceMarkers } from './presence';
import { settings } from './settings';
import { TextMap } from './textMap';
import { TextSelection } from './textSelection';
import { AnnotateState } from './viewState';
import { RelationLens } from '../../model/relations/relationLens';
import { ArcLayer } from './arcLayer';
import { startLinking, type LinkContext } from './linking';
import { RelationsPanel } from './relationsPanel';

/** The server's words (Rounds/Round.cs), for a refusal that came before the push. */
const FROZEN_MESSAGE = 'Editing is frozen while the class discusses. Your work so far is saved; you can edit again when the teacher opens a revise round.';

function storage(get: () => KeyValueStorage): KeyValueStorage | null {
  try {
    return get();
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

/** Sessions with changes still on their way, by document: coming back to a document waits for them. */
const unsaved = new Map<string, AnnotationSession>();

export async function waitForSaves(documentId: string, maxMs = 3000): Promise<void> {
  const session = unsaved.get(documentId);
  if (session) await Promise.race([session.outbox.idle(), new Promise((r) => setTimeout(r, maxMs))]);
}

/**
 * Annotating one document: builds the parts and wires them together. The parts never see this class: they share
 * the view's state (AnnotateState, with its events) and get only what they use. This class keeps the highlights
 * in step with the session and the state, and turns the state's notices and problems into the page's.
 */
export class Annotator {
  private readonly state: AnnotateState;
  private readonly session: AnnotationSession;
  private readonly lens: AnnotationLens;
  private readonly map: TextMap;
  private readonly near: NearViewport;
  private readonly highlighter: Highlighter;
  private readonly panels: AnnotatorPanels;
  private readonly input: InputContext;
  private readonly live: LiveDocument;
  private readonly markers: PresenceMarkers;
  private readonly relations: RelationLens;
  private readonly arcs: ArcLayer;
  private readonly relationsPanel: RelationsPanel | null;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly unbindPointer: () => void;
  /** Says why editing is frozen, while it is. */
  private banner: HTMLElement | null = null;

  constructor(ctx: AppContext, doc: DocumentDetail, info: CodebookInfo, private readonly container: HTMLElement, body: HTMLElement, dom: ArticleDom,
    names: PeopleNames = ownNames) {
    const me = ctx.state.session!;
    const codebook = new CodebookIndex(info.codebook);
    const model = new TextModel(doc.text, doc.blocks, doc.language ?? undefined);
    this.map = new TextMap(body, model, doc.blocks, dom.blockEls);
    this.near = new NearViewport(body, dom);
    this.highlighter = new Highlighter(container, this.map, dom, doc.blocks, this.near);
    const stickyBottom = () => this.panels.stickyBottom();
    const selection = new TextSelection(this.map, this.highlighter.layer, () => settings.words, stickyBottom);
    const stored = settings.layer;
    const layer = codebook.spanLayers.some((l) => l.id === stored) ? stored! : (codebook.spanLayers[0]?.id ?? '');
    const state = this.state = new AnnotateState(layer, settings.others, (id) => this.session.items.has(id));
    const session = this.session = new AnnotationSession(
      { documentId: doc.id, documentVersion: doc.version, codebookVersion: info.version, userId: me.userId, displayName: me.displayName },
      apiTransport(doc.id),
      {
        problem: (message, error) => state.problem(message, error),
        attributeName: (id) => codebook.codebook.layers.flatMap((l) => l.attributes ?? []).find((d) => d.id === id)?.name ?? id,
        saveState: (saveState) => {
          this.panels.saveState(saveState);
          if (saveState.pending > 0) unsaved.set(doc.id, session);
          else if (unsaved.get(doc.id) === session) unsaved.delete(doc.id);
        },
      },
      new PendingStore(storage(() => localStorage), pendingKey(me.userId, doc.id), tabId(storage(() => sessionStorage))));
    const lens = this.lens = new AnnotationLens({
      items: session.items, isMine: (a) => session.isMine(a), codebook, text: model.text, documentVersion: doc.version, view: state,
      nameOf: (userId, own) => names.name(userId, own),
    });
    const relations = this.relations = new RelationLens(session.items, lens, codebook.codebook.relations);
    body.classList.toggle('has-relations', codebook.codebook.relations.length > 0);
    this.arcs = new ArcLayer(container, this.map, dom, doc.blocks, {
      relations: () => relations.drawn(),
      span: (id) => session.items.get(id),
      style: (r) => ({ color: relations.color(r), name: relations.name(r), directed: relations.type(r.label)?.directed ?? true, other: !session.isMine(r) }),
    }, {
      hover: (id, x, y) => this.hoverRelation(id, x, y),
      click: (id) => state.selectRelation(id),
    }, this.near);
    const link: LinkContext = {
      state, codebook, session, lens,
      scrollTo: (id) => {
        const a = session.items.get(id);
        if (a) this.scrollToSpan(a);
      },
      rectOf: (id) => {
        const a = session.items.get(id);
        return a?.start != null && a.end != null ? this.map.range(a.start, a.end)?.getBoundingClientRect() ?? null : null;
      },
      hint: (text) => this.panels.toolbar.setHint(text),
    };
    this.relationsPanel = codebook.codebook.relations.length === 0 ? null : new RelationsPanel({
      state, session, codebook, relations, emphasise: (id) => this.arcs.emphasise(id), startLinking: () => startLinking(link),
    }, (label) => this.panels.side.side.setLabel('relations', label));
    const relationsTab = this.relationsPanel ? {
      element: this.relationsPanel.element, refresh: () => this.relationsPanel?.refresh(), startLinking: () => void startLinking(link),
    } : undefined;
    // The highlights follow the selection first, then the panels do (they subscribe as they are built).
    this.unsubscribe.push(
      state.events.on('selected', ({ id, scroll }) => this.showSelected(id, scroll)),
      state.events.on('relation', ({ id, scroll }) => this.showRelation(id, scroll)),
      state.events.on('linking', (linking) => this.arcs.setPreview(linking)),
      state.events.on('shown', () => this.redraw()),
      state.events.on('layer', (id) => (settings.layer = id)),
      state.events.on('notice', (message) => ctx.announce(message)),
      state.events.on('announce', (message) => ctx.announce(message)),
      state.events.on('problem', ({ message, error }) => {
        // Refused by a freeze the push has not told of (another instance, a missed message): freeze now.
        if (error instanceof ApiError && error.status === 423) state.setFrozen(FROZEN_MESSAGE);
        const detail = error instanceof ApiError ? `${error.title}${error.detail ? `: ${error.detail}` : ''}` : '';
        ctx.showError(new ApiError(error instanceof ApiError ? error.status : 0, message, detail || undefined));
        state.notice(message); // beside the tools too: the banner may be scrolled out of view
      }),
      state.events.on('locked', (reason) => this.lock(ctx, reason)),
      state.events.on('frozen', (message) => this.frozen(ctx, message)),
      // For the long-article benchmark: from the key (or click) to the highlight being on screen.
      state.events.on('labelled', ({ since }) =>
        requestAnimationFrame(() => setTimeout(() => performance.measure('annotate:span-rendered', { start: since }), 0))),
      session.subscribe((event) => this.onChange(event)),
    );
    this.input = {
      state, codebook, session, lens, text: model.text, selection, container,
      spansAt: (offset) => this.highlighter.spansAt(offset),
      leaveText: () => {
        if (document.activeElement !== container) return false;
        container.blur();
        return true;
      },
      words: () => settings.words,
      offsetAtPoint: (x, y) => this.map.offsetAtPoint(x, y),
      hover: { show: (items, x, y) => this.panels.hover.show(items, x, y), hide: () => this.panels.hover.hide() },
      hint: (text) => this.panels.toolbar.setHint(text),
      link,
    };
    const cx = this.input;
    this.panels = new AnnotatorPanels({
      state, codebook, session, lens,
      mayChangeVisibility: ctx.state.projects.find((p) => p.id === doc.projectId)?.mayChangeVisibility ?? false,
      relationsTab,
      actions: {
        applyLabel: (layerId, labelId) => void applyLabel(cx, layerId, labelId),
        holdSelection: () => selection.hold(),
        setLayer: (id) => setLayer(cx, id),
        deleteSelected: () => void deleteSelected(cx),
        undo: () => void undo(cx),
        redo: () => void redo(cx),
        setVisibility: (mode) => this.live.setVisibility(mode),
        toggleDocumentLabel: (l, label, on) => toggleDocumentLabel(cx, l, label, on),
        chooseDocumentLabel: (l, label) => chooseDocumentLabel(cx, l, label),
      },
    });
    this.markers = new PresenceMarkers(container, dom.blockEls);
    const showMarkers = () => this.markers.render(state.present, state.connection !== 'live');
    this.unsubscribe.push(state.events.on('presence', showMarkers), state.events.on('connection', showMarkers));
    this.live = new LiveDocument({
      documentId: doc.id, documentVersion: doc.version, projectId: doc.projectId, userId: me.userId,
      session, state, blockEls: dom.blockEls, stickyBottom, newVersion: (version) => this.newVersion(ctx, version),
      nameOf: (userId, own) => names.name(userId, own),
    });
    this.unbindPointer = bindPointer(cx);
    window.addEventListener('beforeunload', this.warnUnsaved);
  }

  get toolbarElement(): HTMLElement {
    return this.panels.toolbar.element;
  }

  get sideElement(): HTMLElement {
    return this.panels.side.element;
  }

  /** The server's annotations have arrived: draw and list them, send what waited in the browser, go live. */
  start(spans: readonly Annotation[], labels: readonly Annotation[], relations: readonly Relation[]): void {
    this.session.load([...spans, ...labels, ...relations.map(fromRelation)]);
    this.redraw();
    this.panels.loaded();
    this.relationsPanel?.refresh();
    this.session.restorePending();
    this.live.start();
  }

  /** A key outside form fields; true when the annotation view used it. */
  onKey(event: KeyboardEvent): boolean {
    const acts = !event.altKey && !event.metaKey && (event.key.length === 1 || event.key === 'Delete' || event.key === 'Backspace');
    if (this.state.inert !== null && acts && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) {
      // Nothing is taken (any more, or for now): say why instead of failing the save.
      this.state.notice(this.state.inert);
      return true;
    }
    return annotateKey(this.input, event);
  }

  /** No more work is taken: the tools are switched off (the text stays readable) and the page says why at the top. */
  private lock(ctx: AppContext, reason: string): void {
    this.panels.lock();
    ctx.showError(new ApiError(403, 'No more work is saved here', reason));
    this.state.notice(reason);
  }

  /**
   * A discussion froze editing (message) or a revise round opened it (null): the tools go inert or come back, and a
   * banner above the tools says why for as long as it lasts.
   */
  private frozen(ctx: AppContext, message: string | null): void {
    this.panels.setFrozen(message !== null);
    this.banner?.remove();
    this.banner = null;
    if (message !== null) {
      this.banner = h('div', { class: 'frozen-banner', role: 'status', 'data-testid': 'editing-frozen' },
        h('strong', null, 'Editing is frozen while the class discusses.'), ' ', message.replace(/^Editing is frozen while the class discusses\.\s*/, ''));
      // Above the tools, where the page starts (the text below may be long): the first thing a student sees.
      const toolbar = this.panels.toolbar.element;
      if (toolbar.isConnected) toolbar.before(this.banner);
      else this.container.before(this.banner);
      ctx.announce('Editing is frozen while the class discusses.'); // the banner says it on screen
    } else if (this.state.locked === null) {
      this.state.notice('Editing is open again: you can revise your annotations.');
    }
  }

  dispose(): void {
    this.banner?.remove();
    this.unbindPointer();
    this.live.dispose();
    this.markers.dispose();
    this.unsubscribe.forEach((off) => off());
    this.highlighter.dispose();
    this.arcs.dispose();
    this.near.dispose();
    this.relationsPanel?.dispose();
    this.panels.dispose();
    window.removeEventListener('beforeunload', this.warnUnsaved);
  }

  /** Draws every shown span again (after a load, or a change of who is shown). */
  private redraw(): void {
    const items = [...this.session.items.values()];
    this.highlighter.reset(items.filter((a) => this.lens.drawable(a)).map((a) => this.lens.style(a)));
    this.arcs.changed();
  }

  private onChange(event: SessionEvent): void {
    const a = event.annotation;
    if (a.kind === 'relation') {
      this.arcs.changed();
      if (event.kind === 'delete' && this.state.relationId === a.id) this.state.selectRelation(null);
      return;
    }
    if (a.kind !== 'span') return;
    // Its relations' arcs move with it (a delete takes the relations first, and they redraw on their own).
    if (this.session.relationsOf(a.id).length > 0) this.arcs.changed();
    if (event.kind === 'delete' && (this.state.linking?.source === a.id || this.state.linking?.target === a.id)) this.state.setLinking(null);
    if (event.kind === 'delete') {
      this.highlighter.remove(a.id);
      if (this.state.selectedId === a.id) this.state.select(null);
    } else if (this.lens.drawable(a)) {
      this.highlighter.upsert(this.lens.style(a));
    } else {
      this.highlighter.remove(a.id);
    }
  }

  private showSelected(id: string | null, scroll: boolean): void {
    this.highlighter.select(id);
    const a = id ? this.session.items.get(id) : undefined;
    if (a && scroll && this.lens.drawable(a)) this.scrollToSpan(a);
  }

  /** A relation selected (its arc emphasised and its ends outlined); scroll brings its source into view. */
  private showRelation(id: string | null, scroll: boolean): void {
    this.arcs.select(id);
    const relation = id ? this.session.items.get(id) : undefined;
    const source = relation?.sourceSpan ? this.session.items.get(relation.sourceSpan) : undefined;
    if (source && scroll && this.lens.drawable(source)) this.scrollToSpan(source);
    if (relation) this.state.announce(`Selected relation ${this.relations.name(relation)}: ${this.relations.row(relation).text}. Delete removes it.`);
  }

  /** The pointer over an arc: both its ends outlined and the hover card saying what it links. */
  private hoverRelation(id: string | null, x: number, y: number): void {
    this.arcs.emphasise(id);
    const relation = id ? this.session.items.get(id) : undefined;
    if (!relation) return this.panels.hover.hide();
    const row = this.relations.row(relation);
    this.panels.hover.show([{ color: row.color, title: row.name, detail: [row.text, row.by ? `by ${row.by}` : ''].filter(Boolean).join(' · ') }], x, y);
  }

  private scrollToSpan(a: Annotation): void {
    if (a.start === null || a.end === null) return;
    const range = this.map.range(a.start, Math.min(a.end, a.start + 200));
    const rect = range?.getBoundingClientRect();
    if (!rect) return;
    const top = this.panels.stickyBottom() + 24;
    if (rect.top < top || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - (top + window.innerHeight) / 3 });
  }

  /** The article's file changed on the server: say so, with a way to load the new text. */
  private newVersion(ctx: AppContext, version: number): void {
    if (this.container.parentElement?.querySelector('.new-version')) return;
    const reload = h('button', { type: 'button', class: 'button' }, 'Reload');
    reload.addEventListener('click', () => window.location.reload());
    const notice = h('div', { class: 'new-version', role: 'status' },
      `This article was updated (version ${version}); your annotations have been moved onto the new text. `, reload);
    this.container.before(notice);
    ctx.announce(`This article was updated to version ${version}. Reload to see it.`);
  }

  private readonly warnUnsaved = (event: BeforeUnloadEvent) => {
    // Unsent changes kept in the browser's storage come back with the page; warn only when they could not be kept.
    if (this.session.outbox.state.pending > 0 && !this.session.persisted) event.preventDefault();
  };
}
