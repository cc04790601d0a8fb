import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import type { CodebookIndex } from '../../model/annotate/codebook';
import type { AnnotationSession, SessionEvent } from '../../model/session/annotationSession';
import { h } from '../dom';
import { codebookPanel } from './codebookPanel';
import { documentLabels } from './documentLabels';
import { sidePanel } from './sidePanel';
import { spanEditor } from './spanEditor';
import { SpanList } from './spanList';
import type { AnnotateState } from './viewState';

export interface SideContext {
  readonly state: AnnotateState;
  readonly codebook: CodebookIndex;
  readonly session: AnnotationSession;
  readonly lens: AnnotationLens;
  /** The Relations tab, when the codebook has relation types. */
  readonly relationsTab?: { element: HTMLElement; refresh(): void; startLinking(): void } | undefined;
  readonly actions: {
    deleteSelected(): void;
    toggleDocumentLabel(layer: CodebookLayer, label: string, on: boolean): void;
    chooseDocumentLabel(layer: CodebookLayer, label: string | null): void;
  };
}

/**
 * The side panel beside the text: the spans (the selected one's editor and the list), the document's labels and
 * the codebook. Follows the selection and the session's changes through their events.
 */
export class SpansSide {
  readonly list: SpanList;
  readonly editor;
  readonly documentLabels;
  readonly codebookView;
  readonly side;
  private readonly spanCount = h('span', { class: 'count' });
  /** Under the selected span's editor: its relations and the way to link it (when the codebook has relations). */
  private readonly linkBar = h('div', { class: 'span-links', 'data-testid': 'span-links' });
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly cx: SideContext) {
    const { state, session, codebook, actions } = cx;
    this.list = new SpanList((id) => state.select(id, { scroll: true }));
    this.editor = spanEditor({
      codebook,
      isMine: (a) => cx.lens.isMine(a),
      annotatorName: (a) => cx.lens.annotatorName(a),
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
      { id: 'spans', label: 'Spans', panel: h('div', { class: 'spans-panel' }, this.editor.element, this.linkBar,
        h('div', { class: 'list-head' }, h('h2', null, 'Spans'), this.spanCount), this.list.element) },
      ...(cx.relationsTab ? [{ id: 'relations', label: 'Relations', panel: cx.relationsTab.element }] : []),
      { id: 'document', label: 'Document', panel: this.documentLabels.element },
      { id: 'codebook', label: 'Codebook', panel: this.codebookView.element },
    ], (id) => {
      if (id === 'relations') cx.relationsTab?.refresh();
    });
    this.unsubscribe = [
      session.subscribe((event) => this.onChange(event)),
      state.events.on('selected', ({ id }) => this.showSelected(id)),
      state.events.on('relation', ({ id }) => id && cx.relationsTab && this.side.show('relations')),
      state.events.on('shown', () => this.relist()),
    ];
  }

  get element(): HTMLElement {
    return this.side.element;
  }

  /** The session's annotations have been loaded: list them all. */
  loaded(): void {
    this.relist();
    this.documentLabels.render(this.cx.lens.myLabels());
  }

  /** The selected span's editor again (its save state changed). */
  refreshSelected(): void {
    const id = this.cx.state.selectedId;
    const selected = id ? this.cx.session.items.get(id) : undefined;
    if (selected) this.editor.show(selected);
  }

  setCounts(mine: number, others: number, showOthers: boolean): void {
    this.spanCount.textContent = showOthers ? `${mine.toLocaleString('en')} yours, ${others.toLocaleString('en')} others’` : `${mine.toLocaleString('en')} yours`;
    this.side.setLabel('spans', `Spans (${mine.toLocaleString('en')})`);
  }

  showDocumentPanel(): void {
    this.side.show('document', true);
    this.side.element.scrollIntoView({ block: 'start' });
  }

  showCodebook(layerId: string, labelId?: string): void {
    this.side.show('codebook');
    this.codebookView.reveal(layerId, labelId)?.querySelector<HTMLElement>('summary')?.focus();
  }

  /** A refused change: the field that needs correcting, focused. */
  showRefused(a: Annotation): void {
    let panel = this.editor.element;
    if (a.kind === 'document') {
      this.side.show('document');
      panel = this.documentLabels.element;
    } else {
      this.cx.state.select(a.id, { scroll: true });
    }
    panel.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
  }

  /** Lists every span again (after a load, or a change of who is shown). */
  private relist(): void {
    const items = [...this.cx.session.items.values()];
    this.list.set(items.filter((a) => this.cx.lens.listed(a)).map((a) => this.cx.lens.row(a)));
  }

  /** A change in the session: its row, the editor when it is the selected span, the document's labels. */
  private onChange(event: SessionEvent): void {
    const { lens } = this.cx;
    const a = event.annotation;
    if (a.kind === 'relation') {
      const selected = this.cx.state.selectedId;
      if (selected && (a.sourceSpan === selected || a.targetSpan === selected)) this.showLinks(this.cx.session.items.get(selected) ?? null);
      return;
    }
    if (a.kind === 'document') {
      this.documentLabels.render(lens.myLabels());
    } else if (event.kind === 'delete') {
      this.list.remove(a.id);
    } else {
      if (lens.listed(a)) this.list.upsert(lens.row(a));
      else this.list.remove(a.id);
      if (this.cx.state.selectedId === a.id) this.editor.show(a);
    }
  }

  private showSelected(id: string | null): void {
    const annotation = id ? this.cx.session.items.get(id) ?? null : null;
    this.list.select(id);
    this.editor.show(annotation);
    this.showLinks(annotation);
    if (annotation) this.side.show('spans');
  }

  /** The selected span's relations (each selects the relation) and, for one's own span, the Link button. */
  private showLinks(span: Annotation | null): void {
    const tab = this.cx.relationsTab;
    this.linkBar.hidden = !span || !tab;
    if (!span || !tab) return;
    const relations = this.cx.session.relationsOf(span.id).filter((r) => this.cx.lens.shown(r));
    const link = h('button', { type: 'button', class: 'button', 'data-testid': 'link-span' }, 'Link to another span… ', h('kbd', null, 'Shift+L'));
    link.addEventListener('click', () => tab.startLinking());
    const list = relations.map((r) => {
      const other = this.cx.session.items.get(r.sourceSpan === span.id ? r.targetSpan ?? '' : r.sourceSpan ?? '');
      const type = this.cx.codebook.codebook.relations.find((t) => t.id === r.label);
      const go = h('button', { type: 'button', class: 'button link', 'data-relation': r.id },
        `${type?.name ?? r.label} ${r.sourceSpan === span.id ? '→' : '←'} “${(other?.quote ?? '').slice(0, 40)}”`);
      go.addEventListener('click', () => this.cx.state.selectRelation(r.id, { scroll: true }));
      return h('li', null, go);
    });
    this.linkBar.replaceChildren(
      ...(this.cx.lens.isMine(span) ? [link] : []),
      ...(list.length ? [h('ul', { class: 'span-relations', 'aria-label': 'Relations of this span' }, list)] : []));
  }

}
