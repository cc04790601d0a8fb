import type { Visibility } from '../../api';
import type { CodebookLayer } from '../../api/annotationTypes';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import type { CodebookIndex } from '../../model/annotate/codebook';
import type { AnnotationSession } from '../../model/session/annotationSession';
import type { SaveState } from '../../model/session/saveText';
import { ConnectionWatch } from './connection';
import { hoverCard } from './hoverCard';
import { labelBar } from './labelBar';
import { saveStatus } from './saveStatus';
import { settings } from './settings';
import { SpansSide } from './spansSide';
import { annotateToolbar } from './toolbar';
import type { AnnotateState } from './viewState';

/** What the buttons and fields of the panels do (the actions, bound to the view). */
export interface PanelActions {
  applyLabel(layer: string, label: string): void;
  holdSelection(): void;
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
  /** Whether this person may switch the project's visibility mode (else it is only shown). */
  readonly mayChangeVisibility: boolean;
  /** The side panel's Relations tab, when the codebook has relation types. */
  readonly relationsTab?: { element: HTMLElement; refresh(): void; startLinking(): void } | undefined;
}

/**
 * The toolbar above the text (labels, undo, save and connection state, who is here) and the side panel beside it.
 * They follow the view's state (layer, mode, presence, notices) and the session through their events, and act
 * through the actions given.
 */
export class AnnotatorPanels {
  readonly toolbar;
  readonly palette;
  readonly status;
  readonly connection: ConnectionWatch;
  readonly side: SpansSide;
  readonly hover = hoverCard();
  private countFrame = 0;
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
      lookUp: (layer, label) => this.side.showCodebook(layer, label),
      showDocumentPanel: () => this.side.showDocumentPanel(),
      holdSelection: () => actions.holdSelection(),
      link: () => cx.relationsTab?.startLinking(),
      cancelLink: () => {
        state.setLinking(null);
        state.notice('Linking cancelled.');
      },
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
    }, { words: settings.words, others: state.others, mayChangeVisibility: cx.mayChangeVisibility });
    this.side = new SpansSide(cx);
    this.palette.render(state.layer);
    // How much sticks to the top of the window (header + toolbar): scrolling to text keeps clear of it.
    this.stickyObserver.observe(this.toolbar.element);
    this.unsubscribe = [
      session.subscribe(() => this.counts()),
      state.events.on('layer', (layer) => this.palette.render(layer)),
      state.events.on('mode', (mode) => this.toolbar.setVisibility(mode)),
      state.events.on('shown', () => this.counts()),
      state.events.on('connection', () => this.showPresence()),
      state.events.on('presence', () => this.showPresence()),
      state.events.on('notice', (message) => this.toolbar.notice(message)),
      state.events.on('selected', () => this.showLink()),
      state.events.on('linking', () => this.showLink()),
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

  /** The session's annotations have been loaded: list and count them. */
  loaded(): void {
    this.side.loaded();
    this.counts();
  }

  saveState(state: SaveState): void {
    const { session } = this.cx;
    this.status.render(state, this.cx.state.connection);
    if (this.cx.state.inert === null) this.toolbar.setHistory(session.history.canUndo, session.history.canRedo);
    this.side.refreshSelected();
  }

  /** Switches the tools off for good (labels, undo, the side panel's fields): the person can no longer work here. */
  lock(): void {
    for (const part of [this.palette.element, this.side.element]) {
      part.inert = true;
      part.classList.add('locked');
    }
    this.toolbar.setHistory(false, false);
  }

  /** Switches the tools off while a discussion freezes editing (frozen) or on again (a revise round), unless locked for good. */
  setFrozen(frozen: boolean): void {
    this.status.setFrozen(frozen);
    if (this.cx.state.locked !== null) return;
    if (frozen) {
      this.lock();
      return;
    }
    for (const part of [this.palette.element, this.side.element]) {
      part.inert = false;
      part.classList.remove('locked');
    }
    this.toolbar.setHistory(this.cx.session.history.canUndo, this.cx.session.history.canRedo);
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.side.dispose();
    this.connection.dispose();
    this.stickyObserver.disconnect();
    document.documentElement.style.removeProperty('--annotate-sticky');
    cancelAnimationFrame(this.countFrame);
    this.hover.dispose();
  }

  /** The palette's Link button: for one's own selected span while the codebook has relations; Cancel while linking. */
  private showLink(): void {
    const { state, session, lens } = this.cx;
    const selected = state.selectedId ? session.items.get(state.selectedId) : undefined;
    this.palette.setLink(!this.cx.relationsTab ? 'hidden' : state.linking ? 'cancel' : selected && lens.isMine(selected) ? 'link' : 'hidden');
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
    this.side.setCounts(mine, others, state.others);
    this.toolbar.setOthersCount(others);
    this.toolbar.setAnnotators(lens.otherAnnotators(), state.hidden, state.others);
    this.toolbar.setHistory(session.history.canUndo, session.history.canRedo);
  }

  /** "Show" in the save indicator: the first refused change, with the field that needs correcting focused. */
  private showRefused(): void {
    const [id] = this.cx.session.refusals.keys();
    const a = id ? this.cx.session.items.get(id) : undefined;
    if (a) this.side.showRefused(a);
  }
}
