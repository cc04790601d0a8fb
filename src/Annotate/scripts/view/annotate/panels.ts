import type { Visibility } from '../../api';
import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import type { CodebookIndex } from '../../model/annotate/codebook';
import type { AnnotationSession, SessionEvent } from '../../model/session/annotationSession';
import type { SaveState } from '../../model/session/saveText';
import { h } from '../dom';
import { codebookPanel } from './codebookPanel';
import { ConnectionWatch } from './connection';
import { documentLabels } from './documentLabels';
import { hoverCard } from './hoverCard';
import { labelBar } from './labelBar';
import { saveStatus } from './saveStatus';
import { settings } from './settings';
import { sidePanel } from './sidePanel';
import { spanEditor } from './spanEditor';
import { SpanList } from './spanList';
import { annotateToolbar } from './toolbar';
import type { AnnotateState } from './viewState';

/** What the buttons and fields of the panels do (the actions, bound to the view). */
export interface PanelActions {
  applyLabel(layer: string, label: string): void;
  setLayer(layer: string): void;
  deleteSelected(): void;
  undo(): void;
  redo(): void;
  setVisibility(mode: Visibility): Promise<void>;
  toggleDocumentLabel(layer: CodebookLayer, label: string, on: boolean): void;
  chooseDocumentLabel(layer: CodebookLayer, label: string | null): void;
}

export interface PanelContext {
  readonly state: AnnotateState;
  readonly codebook: CodebookIndex;
  readonly session: AnnotationSession;
  readonly lens: AnnotationLens;
  readonly actions: PanelActions;
}

/**
 * The toolbar above the text and the side panel beside it. They follow the view's state (selection, layer, mode,
 * presence, notices) and the session's changes through their events, and act through the actions given.
 */
export class AnnotatorPanels {
  readonly toolbar;
  readonly palette;
  readonly status;
  readonly connection: ConnectionWatch;
  readonly list: SpanList;
  readonly editor;
  readonly documentLabels;
  readonly codebookView;
  readonly side;
  readonly hover = hoverCard();
  private readonly spanCount = h('span', { class: 'count' });
  private countFrame = 0;
  /** Source spans change rarely; the editor asks for them on every redraw. */
  private sourceCache: { key: string; list: Annotation[] } | null = null;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly cx: PanelContext) {
    const { state, session, codebook, actions } = cx;
    this.status = saveStatus(() => session.outbox.retryNow(), () => this.showRefused());
    this.connection = new ConnectionWatch((connection) => {
      this.status.render(undefined, connection);
      state.setConnection(connection);
    }, () => session.outbox.retryNow());
    this.palette = labelBar(codebook, {
      chooseLayer: (id) => actions.setLayer(id),
      applyLabel: (layer, label) => actions.applyLabel(layer, label),
      lookUp: (layer, label) => this.showCodebook(layer, label),
    });
    this.toolbar = annotateToolbar(this.palette.element, this.status.element, this.connection.element, {
      undo: () => actions.undo(),
      redo: () => actions.redo(),
      snapWords: (on) => (settings.words = on),
      showOthers: (on) => {
        settings.others = on;
        state.showOthers(on);
      },
      setVisibility: (mode) => {
        actions.setVisibility(mode).catch((error: unknown) => state.problem('The visibility mode could not be changed.', error));
      },
      toggleAnnotator: (userId, on) => state.toggleAnnotator(userId, on),
    }, { words: settings.words, others: state.others });

    this.list = new SpanList((id) => state.select(id, { scroll: true }));
    this.editor = spanEditor({
      codebook,
      isMine: (a) => cx.lens.isMine(a),
      sources: (a) => this.sources(a),
      describe: (s) => `“${(s.quote ?? '').slice(0, 50)}” (${codebook.label(s.layer, s.label)?.name ?? s.label})`,
      pending: (id) => session.outbox.isPending(id),
      refusal: (id) => session.refusals.get(id),
    }, {
      update: (id, patch, mergeKey) => session.update(id, patch, mergeKey),
      remove: () => actions.deleteSelected(),
      goTo: (id) => state.select(id, { scroll: true }),
      close: () => state.select(null),
    });
    this.documentLabels = documentLabels(codebook, {
      choose: (layer, label) => actions.chooseDocumentLabel(layer, label),
      toggle: (layer, label, on) => actions.toggleDocumentLabel(layer, label, on),
      note: (id, note) => session.update(id, { note }, `${id}:note`),
      refusal: (id) => session.refusals.get(id),
    });
    this.codebookView = codebookPanel(codebook);
    this.side = sidePanel([
      { id: 'spans', label: 'Spans', panel: h('div', { class: 'spans-panel' }, this.editor.element,
        h('div', { class: 'list-head' }, h('h2', null, 'Spans'), this.spanCount), this.list.element) },
      { id: 'document', label: 'Document', panel: this.documentLabels.element },
      { id: 'codebook', label: 'Codebook', panel: this.codebookView.element },
    ]);
    this.palette.render(state.layer);
    // How much sticks to the top of the window (header + toolbar): scrolling to text keeps clear of it.
    this.stickyObserver.observe(this.toolbar.element);
    this.unsubscribe = [
      session.subscribe((event) => this.onChange(event)),
      state.events.on('selected', ({ id }) => this.showSelected(id)),
      state.events.on('layer', (layer) => this.palette.render(layer)),
      state.events.on('mode', (mode) => this.toolbar.setVisibility(mode)),
      state.events.on('shown', () => this.relist()),
      state.events.on('connection', () => this.showPresence()),
      state.events.on('presence', () => this.showPresence()),
      state.events.on('notice', (message) => this.toolbar.notice(message)),
    ];
  }

  private readonly stickyObserver = new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize[0]?.blockSize ?? 0;
    document.documentElement.style.setProperty('--annotate-sticky', `${Math.ceil(56 + 12 + height + 16)}px`);
  });

  /** Where the sticky toolbar ends on screen: text scrolled to keeps below it. */
  stickyBottom(): number {
    return this.toolbar.element.getBoundingClientRect().bottom;
  }

  /** The session's annotations have been loaded: list them all. */
  loaded(): void {
    this.relist();
    this.documentLabels.render(this.cx.lens.myLabels());
  }

  /** Lists every span again (after a load, or a change of who is shown). */
  private relist(): void {
    const items = [...this.cx.session.items.values()];
    this.list.set(items.filter((a) => this.cx.lens.listed(a)).map((a) => this.cx.lens.row(a)));
    this.counts();
  }

  saveState(state: SaveState): void {
    const { session } = this.cx;
    this.status.render(state, this.cx.state.connection);
    this.toolbar.setHistory(session.history.canUndo, session.history.canRedo);
    const selectedId = this.cx.state.selectedId;
    const selected = selectedId ? session.items.get(selectedId) : undefined;
    if (selected) this.editor.show(selected);
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.connection.dispose();
    this.stickyObserver.disconnect();
    document.documentElement.style.removeProperty('--annotate-sticky');
    cancelAnimationFrame(this.countFrame);
    this.hover.dispose();
  }

  /** A change in the session: its row, the editor when it is the selected span, the document's labels. */
  private onChange(event: SessionEvent): void {
    const { lens } = this.cx;
    const a = event.annotation;
    if (a.kind === 'span' && (a.layer === 'source' || event.kind === 'delete' || event.previous?.layer === 'source')) this.sourceCache = null;
    if (a.kind === 'document') {
      this.documentLabels.render(lens.myLabels());
    } else if (event.kind === 'delete') {
      this.list.remove(a.id);
    } else {
      if (lens.listed(a)) this.list.upsert(lens.row(a));
      else this.list.remove(a.id);
      if (this.cx.state.selectedId === a.id) this.editor.show(a);
    }
    this.counts();
  }

  private showSelected(id: string | null): void {
    const annotation = id ? this.cx.session.items.get(id) ?? null : null;
    this.list.select(id);
    this.editor.show(annotation);
    if (annotation) this.side.show('spans');
  }

  /** Who else is here (greyed while the connection is down: they may have left). */
  private showPresence(): void {
    this.toolbar.setPresence(this.cx.state.present.map((p) => p.displayName), this.cx.state.connection);
  }

  /** Recounts in the next frame: many changes in one task count once. */
  private counts(): void {
    if (!this.countFrame) this.countFrame = requestAnimationFrame(() => this.countNow());
  }

  private countNow(): void {
    const { session, lens, state } = this.cx;
    this.countFrame = 0;
    const { mine, others } = lens.counts();
    this.spanCount.textContent = state.others ? `${mine.toLocaleString('en')} yours, ${others.toLocaleString('en')} others’` : `${mine.toLocaleString('en')} yours`;
    this.side.setLabel('spans', `Spans (${mine.toLocaleString('en')})`);
    this.toolbar.setOthersCount(others);
    this.toolbar.setAnnotators(lens.otherAnnotators(), state.hidden, state.others);
    this.toolbar.setHistory(session.history.canUndo, session.history.canRedo);
  }

  private showCodebook(layerId: string, labelId?: string): void {
    this.side.show('codebook');
    this.codebookView.reveal(layerId, labelId)?.querySelector<HTMLElement>('summary')?.focus();
  }

  /** "Show" in the save indicator: the first refused change, with the field that needs correcting focused. */
  private showRefused(): void {
    const { session } = this.cx;
    const [id] = session.refusals.keys();
    const a = id ? session.items.get(id) : undefined;
    if (!a) return;
    let panel = this.editor.element;
    if (a.kind === 'document') {
      this.side.show('document');
      panel = this.documentLabels.element;
    } else {
      this.cx.state.select(a.id, { scroll: true });
    }
    panel.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Sources a span may be attributed to: the source layer's spans (any other layer's if there is none), nearest first. */
  private sources(a: Annotation): Annotation[] {
    const key = `${a.id}:${a.start}`;
    if (this.sourceCache?.key === key) return this.sourceCache.list;
    const hasSourceLayer = !!this.cx.codebook.layer('source');
    const at = a.start ?? 0;
    const list = [...this.cx.session.items.values()]
      .filter((s) => s.kind === 'span' && s.id !== a.id && this.cx.lens.isMine(s) && (hasSourceLayer ? s.layer === 'source' : s.layer !== a.layer))
      .sort((x, y) => Math.abs((x.start ?? 0) - at) - Math.abs((y.start ?? 0) - at))
      .slice(0, 200);
    this.sourceCache = { key, list };
    return list;
  }
}
