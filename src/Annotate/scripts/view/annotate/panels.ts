import type { Visibility } from '../../api';
import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { SaveState } from '../../model/saveText';
import { h } from '../dom';
import { applyLabel, deleteSelected, redo, setLayer, undo } from './actions';
import type { Annotator } from './annotator';
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

/** The toolbar above the text and the side panel beside it, wired to the annotator. */
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
  sourcesChanged(): void {
    this.sourceCache = null;
  }

  constructor(private readonly an: Annotator) {
    this.status = saveStatus(() => an.session.outbox.retryNow(), () => this.showRefused());
    this.connection = new ConnectionWatch((state) => {
      this.status.render(undefined, state);
      an.presenceChanged();
    }, () => an.session.outbox.retryNow());
    this.palette = labelBar(an.codebook, {
      chooseLayer: (id) => setLayer(an, id),
      applyLabel: (layer, label) => void applyLabel(an, layer, label),
      lookUp: (layer, label) => this.showCodebook(layer, label),
    });
    this.toolbar = annotateToolbar(this.palette.element, this.status.element, this.connection.element, {
      undo: () => undo(an),
      redo: () => redo(an),
      snapWords: (on) => (settings.words = on),
      showOthers: (on) => {
        settings.others = on;
        an.redrawAll();
      },
      setVisibility: (mode) => {
        an.live.setVisibility(mode).catch((error: unknown) => an.problem('The visibility mode could not be changed.', error));
      },
      toggleAnnotator: (userId, on) => an.toggleAnnotator(userId, on),
    }, { words: settings.words, others: settings.others });

    this.list = new SpanList((id) => an.select(id, { scroll: true }));
    this.editor = spanEditor({
      codebook: an.codebook,
      isMine: (a) => an.isMine(a),
      sources: (a) => this.sources(a),
      describe: (s) => `“${(s.quote ?? '').slice(0, 50)}” (${an.codebook.label(s.layer, s.label)?.name ?? s.label})`,
      pending: (id) => an.session.outbox.isPending(id),
      refusal: (id) => an.session.refusals.get(id),
    }, {
      update: (id, patch, mergeKey) => an.session.update(id, patch, mergeKey),
      remove: () => deleteSelected(an),
      goTo: (id) => an.select(id, { scroll: true }),
      close: () => an.select(null),
    });
    this.documentLabels = documentLabels(an.codebook, {
      choose: (layer, label) => this.chooseDocumentLabel(layer, label),
      toggle: (layer, label, on) => this.toggleDocumentLabel(layer, label, on),
      note: (id, note) => an.session.update(id, { note }, `${id}:note`),
      refusal: (id) => an.session.refusals.get(id),
    });
    this.codebookView = codebookPanel(an.codebook);
    this.side = sidePanel([
      { id: 'spans', label: 'Spans', panel: h('div', { class: 'spans-panel' }, this.editor.element,
        h('div', { class: 'list-head' }, h('h2', null, 'Spans'), this.spanCount), this.list.element) },
      { id: 'document', label: 'Document', panel: this.documentLabels.element },
      { id: 'codebook', label: 'Codebook', panel: this.codebookView.element },
    ]);
    this.renderPalette();
    // How much sticks to the top of the window (header + toolbar): scrolling to text keeps clear of it.
    this.stickyObserver.observe(this.toolbar.element);
  }

  private readonly stickyObserver = new ResizeObserver(([entry]) => {
    const height = entry?.borderBoxSize[0]?.blockSize ?? 0;
    document.documentElement.style.setProperty('--annotate-sticky', `${Math.ceil(56 + 12 + height + 16)}px`);
  });

  renderPalette(): void {
    this.palette.render(this.an.layer);
  }

  setMode(mode: Visibility): void {
    this.toolbar.setVisibility(mode);
  }

  setPresence(people: readonly { displayName: string }[]): void {
    this.toolbar.setPresence(people.map((p) => p.displayName), this.connection.state);
  }

  saveState(state: SaveState): void {
    this.status.render(state, this.connection.state);
    this.toolbar.setHistory(this.an.session.history.canUndo, this.an.session.history.canRedo);
    const selected = this.an.selectedId ? this.an.session.items.get(this.an.selectedId) : undefined;
    if (selected) this.editor.show(selected);
  }

  /** Recounts in the next frame: many changes in one task count once. */
  counts(): void {
    if (!this.countFrame) this.countFrame = requestAnimationFrame(() => this.countNow());
  }

  private countNow(): void {
    this.countFrame = 0;
    let mine = 0;
    let others = 0;
    for (const a of this.an.session.items.values()) {
      if (a.kind !== 'span') continue;
      if (this.an.isMine(a)) mine++;
      else others++;
    }
    this.spanCount.textContent = settings.others ? `${mine.toLocaleString('en')} yours, ${others.toLocaleString('en')} others’` : `${mine.toLocaleString('en')} yours`;
    this.side.setLabel('spans', `Spans (${mine.toLocaleString('en')})`);
    this.toolbar.setOthersCount(others);
    this.toolbar.setAnnotators(this.an.otherAnnotators(), this.an.hidden, settings.others);
    this.toolbar.setHistory(this.an.session.history.canUndo, this.an.session.history.canRedo);
  }

  showSpans(): void {
    this.side.show('spans');
  }

  showCodebook(layerId: string, labelId?: string): void {
    this.side.show('codebook');
    this.codebookView.reveal(layerId, labelId)?.querySelector<HTMLElement>('summary')?.focus();
  }

  dispose(): void {
    this.connection.dispose();
    this.stickyObserver.disconnect();
    document.documentElement.style.removeProperty('--annotate-sticky');
    cancelAnimationFrame(this.countFrame);
    this.hover.dispose();
  }

  /** "Show" in the save indicator: the first refused change, with the field that needs correcting focused. */
  private showRefused(): void {
    const [id] = this.an.session.refusals.keys();
    const a = id ? this.an.session.items.get(id) : undefined;
    if (!a) return;
    let panel = this.editor.element;
    if (a.kind === 'document') {
      this.side.show('document');
      panel = this.documentLabels.element;
    } else {
      this.an.select(a.id, { scroll: true });
    }
    panel.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Sources a span may be attributed to: the source layer's spans (any other layer's if there is none), nearest first. */
  private sources(a: Annotation): Annotation[] {
    const key = `${a.id}:${a.start}`;
    if (this.sourceCache?.key === key) return this.sourceCache.list;
    const hasSourceLayer = !!this.an.codebook.layer('source');
    const at = a.start ?? 0;
    const list = [...this.an.session.items.values()]
      .filter((s) => s.kind === 'span' && s.id !== a.id && this.an.isMine(s) && (hasSourceLayer ? s.layer === 'source' : s.layer !== a.layer))
      .sort((x, y) => Math.abs((x.start ?? 0) - at) - Math.abs((y.start ?? 0) - at))
      .slice(0, 200);
    this.sourceCache = { key, list };
    return list;
  }

  /** A label of a layer that takes several: on or off. */
  toggleDocumentLabel(layer: CodebookLayer, label: string, on: boolean): void {
    const existing = this.an.myLabels().find((a) => a.layer === layer.id && a.label === label);
    if (on && !existing) this.an.session.create('document', { layer: layer.id, label });
    else if (!on && existing) this.an.session.remove(existing.id);
  }

  /** The one label of a single-choice layer (null: none). */
  chooseDocumentLabel(layer: CodebookLayer, label: string | null): void {
    const existing = this.an.myLabels().find((a) => a.layer === layer.id);
    if (!label) {
      if (existing) this.an.session.remove(existing.id);
    } else if (existing) {
      if (existing.label !== label) this.an.session.update(existing.id, { label });
    } else {
      this.an.session.create('document', { layer: layer.id, label });
    }
  }
}
