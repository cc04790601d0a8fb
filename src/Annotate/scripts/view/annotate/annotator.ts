import { ApiError } from '../../api';
import type { Visibility } from '../../api';
import type { Annotation, CodebookInfo } from '../../api/annotationTypes';
import { annotatorColor } from '../../model/annotate/annotators';
import type { DocumentDetail } from '../../api/types';
import { AnnotationSession, type SessionEvent } from '../../model/session/annotationSession';
import { describeAttributes, missingRequired } from '../../model/annotate/attributes';
import { CodebookIndex } from '../../model/annotate/codebook';
import { PendingStore, pendingKey, tabId, type KeyValueStorage } from '../../model/session/pendingStore';
import { TextModel } from '../../model/text/textModel';
import type { AppContext } from '../context';
import { h } from '../dom';
import type { ArticleDom } from './articleDom';
import { Highlighter, type SpanStyle } from './highlighter';
import { LiveDocument } from './live';
import { PresenceMarkers } from './presence';
import { AnnotatorPanels } from './panels';
import { settings } from './settings';
import type { SpanRow } from './spanList';
import { TextMap } from './textMap';
import { TextSelection } from './textSelection';
import { apiTransport } from '../../api/sessionTransport';

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
 * Annotating one document: the text model and its DOM map, the highlights, the selection, the session (changes,
 * undo, saving) and the panels, kept in step through the session's events.
 */
export class Annotator {
  readonly codebook: CodebookIndex;
  readonly model: TextModel;
  readonly map: TextMap;
  readonly highlighter: Highlighter;
  readonly selection: TextSelection;
  readonly session: AnnotationSession;
  readonly panels: AnnotatorPanels;
  layer: string;
  selectedId: string | null = null;
  /** The project's visibility mode, once the hub (or the project) has told. */
  mode: Visibility | null = null;
  /** Other annotators whose spans are switched off. */
  readonly hidden = new Set<string>();
  readonly live: LiveDocument;
  readonly markers: PresenceMarkers;
  private readonly unsubscribe: () => void;

  constructor(
    readonly ctx: AppContext,
    readonly doc: DocumentDetail,
    info: CodebookInfo,
    readonly container: HTMLElement,
    body: HTMLElement,
    readonly dom: ArticleDom,
  ) {
    const me = ctx.state.session!;
    this.codebook = new CodebookIndex(info.codebook);
    this.model = new TextModel(doc.text, doc.blocks, doc.language ?? undefined);
    this.map = new TextMap(body, this.model, doc.blocks, dom.blockEls);
    this.highlighter = new Highlighter(container, this.map, dom, doc.blocks);
    this.selection = new TextSelection(this.map, this.highlighter.layer, () => settings.words,
      () => this.panels.toolbar.element.getBoundingClientRect().bottom);
    const stored = settings.layer;
    this.layer = this.codebook.spanLayers.some((l) => l.id === stored) ? stored! : (this.codebook.spanLayers[0]?.id ?? '');
    this.session = new AnnotationSession(
      { documentId: doc.id, documentVersion: doc.version, codebookVersion: info.version, userId: me.userId, displayName: me.displayName },
      apiTransport(doc.id),
      {
        problem: (message, error) => this.problem(message, error),
        attributeName: (id) => this.codebook.codebook.layers.flatMap((l) => l.attributes ?? []).find((d) => d.id === id)?.name ?? id,
        saveState: (state) => {
          this.panels.saveState(state);
          if (state.pending > 0) unsaved.set(doc.id, this.session);
          else if (unsaved.get(doc.id) === this.session) unsaved.delete(doc.id);
        },
      },
      new PendingStore(storage(() => localStorage), pendingKey(me.userId, doc.id), tabId(storage(() => sessionStorage))));
    this.panels = new AnnotatorPanels(this);
    this.unsubscribe = this.session.subscribe((event) => this.onEvent(event));
    this.markers = new PresenceMarkers(container, dom.blockEls);
    this.live = new LiveDocument(this, () => this.presenceChanged(), (mode) => this.setMode(mode), (version) => this.newVersion(version));
    window.addEventListener('beforeunload', this.warnUnsaved);
  }

  /** The server's annotations have arrived: draw and list them. */
  load(spans: readonly Annotation[], labels: readonly Annotation[]): void {
    this.session.load([...spans, ...labels]);
    this.redrawAll();
    this.panels.documentLabels.render(this.myLabels());
  }

  get caretMode(): boolean {
    return document.activeElement === this.container;
  }

  isMine(a: Annotation): boolean {
    return this.session.isMine(a);
  }

  /** Spans of the current user, and others' too when that overlay is on; orphans (no place in this text) are listed only. */
  drawable(a: Annotation): boolean {
    // Offsets belong to one version of the text: a span moved onto a newer version waits for the reload.
    return a.kind === 'span' && a.status !== 'orphan' && a.documentVersion === this.doc.version && a.start !== null &&
      a.end !== null && a.start < a.end && a.end <= this.model.text.length && this.shown(a);
  }

  listed(a: Annotation): boolean {
    return a.kind === 'span' && this.shown(a);
  }

  /** Mine always; others' while their overlay is on and that annotator is not switched off. */
  shown(a: Annotation): boolean {
    return this.isMine(a) || (settings.others && !this.hidden.has(a.annotatorId));
  }

  /** Others' spans take their annotator's colour, so who marked what can be told apart. */
  color(a: Annotation): string {
    return this.isMine(a) ? this.codebook.color(a.layer, a.label) : annotatorColor(a.annotatorId);
  }

  style(a: Annotation): SpanStyle {
    return { id: a.id, start: a.start!, end: a.end!, color: this.color(a), other: !this.isMine(a) };
  }

  /** Switches one other annotator's spans on or off. */
  toggleAnnotator(userId: string, on: boolean): void {
    if (on) this.hidden.delete(userId);
    else this.hidden.add(userId);
    this.redrawAll();
  }

  /** Others who have spans here, by name. */
  otherAnnotators(): { userId: string; name: string; count: number }[] {
    const byId = new Map<string, { userId: string; name: string; count: number }>();
    for (const a of this.session.items.values()) {
      if (a.kind !== 'span' || this.isMine(a)) continue;
      const entry = byId.get(a.annotatorId) ?? { userId: a.annotatorId, name: a.annotatorName, count: 0 };
      entry.count++;
      byId.set(a.annotatorId, entry);
    }
    return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name));
  }

  /** The article's file changed on the server: say so, with a way to load the new text. */
  newVersion(version: number): void {
    if (this.container.parentElement?.querySelector('.new-version')) return;
    const reload = h('button', { type: 'button', class: 'button' }, 'Reload');
    reload.addEventListener('click', () => window.location.reload());
    const notice = h('div', { class: 'new-version', role: 'status' },
      `This article was updated (version ${version}); your annotations have been moved onto the new text. `, reload);
    this.container.before(notice);
    this.ctx.announce(`This article was updated to version ${version}. Reload to see it.`);
  }

  setMode(mode: Visibility): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.panels.setMode(mode);
  }

  /** Who else is here (greyed while the connection is down: they may have left). */
  presenceChanged(): void {
    if (!this.live) return; // the connection state arrives while the panels are built
    const people = [...this.live.present.values()].sort((x, y) => x.displayName.localeCompare(y.displayName));
    this.panels.setPresence(people);
    this.markers.render(people, this.panels.connection.state !== 'live');
  }

  row(a: Annotation): SpanRow {
    const label = this.codebook.label(a.layer, a.label);
    const layer = this.codebook.layer(a.layer);
    const quote = a.quote ?? (a.start !== null && a.end !== null ? this.model.text.slice(a.start, a.end) : '');
    const missing = layer ? missingRequired(layer, a.attributes) : [];
    const warning = a.status === 'orphan' ? 'This span could not be placed in the current text.'
      : a.status === 'unknown-label' || !label ? 'Its label is not in the current codebook.'
      : missing.length ? `Missing: ${missing.map((d) => d.name).join(', ')}` : null;
    return {
      id: a.id, start: a.start ?? -1, end: a.end ?? -1, color: this.color(a),
      title: label?.name ?? a.label, layer: layer?.name ?? a.layer,
      quote: quote.length > 140 ? `${quote.slice(0, 140)}…` : quote,
      meta: [this.voice(a), describeAttributes(layer, a.attributes), this.isMine(a) ? '' : `by ${a.annotatorName}`].filter(Boolean).join(' · '),
      other: !this.isMine(a), warning,
    };
  }

  /** "Voice: Government of Dalmor", or the quote of the linked source span. */
  voice(a: Annotation): string {
    if (a.attribution?.actor) return `Voice: ${this.codebook.actorName(a.attribution.actor)}`;
    const source = a.attribution?.span ? this.session.items.get(a.attribution.span) : null;
    if (a.attribution?.span) return source?.quote ? `Voice: “${source.quote.slice(0, 40)}”` : 'Voice: a source span';
    return '';
  }

  myLabels(): Annotation[] {
    return [...this.session.items.values()].filter((a) => a.kind === 'document' && this.isMine(a));
  }

  /** Selects a span (or none): its underline is filled, its row active, its details shown. */
  select(id: string | null, options: { scroll?: boolean } = {}): void {
    const annotation = id ? this.session.items.get(id) ?? null : null;
    this.selectedId = annotation?.id ?? null;
    this.highlighter.select(this.selectedId);
    this.panels.list.select(this.selectedId);
    this.panels.editor.show(annotation);
    if (annotation) this.panels.showSpans();
    if (annotation && options.scroll && this.drawable(annotation)) this.scrollToSpan(annotation);
  }

  scrollToSpan(a: Annotation): void {
    if (a.start === null || a.end === null) return;
    const range = this.map.range(a.start, Math.min(a.end, a.start + 200));
    const rect = range?.getBoundingClientRect();
    if (!rect) return;
    const top = this.panels.toolbar.element.getBoundingClientRect().bottom + 24;
    if (rect.top < top || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - (top + window.innerHeight) / 3 });
  }

  /** Redraws and relists everything (after a load, or the others' overlay switched). */
  redrawAll(): void {
    const items = [...this.session.items.values()];
    this.highlighter.reset(items.filter((a) => this.drawable(a)).map((a) => this.style(a)));
    this.panels.list.set(items.filter((a) => this.listed(a)).map((a) => this.row(a)));
    this.panels.counts();
  }

  /** Says something visibly (beside the tools) and to screen readers. */
  notice(message: string): void {
    this.panels.toolbar.notice(message);
    this.ctx.announce(message);
  }

  problem(message: string, error?: unknown): void {
    const detail = error instanceof ApiError ? `${error.title}${error.detail ? `: ${error.detail}` : ''}` : '';
    this.ctx.showError(new ApiError(error instanceof ApiError ? error.status : 0, message, detail || undefined));
    this.notice(message); // beside the tools too: the banner may be scrolled out of view
  }

  dispose(): void {
    this.live.dispose();
    this.markers.dispose();
    this.unsubscribe();
    this.highlighter.dispose();
    this.panels.dispose();
    window.removeEventListener('beforeunload', this.warnUnsaved);
  }

  private readonly warnUnsaved = (event: BeforeUnloadEvent) => {
    // Unsent changes kept in the browser's storage come back with the page; warn only when they could not be kept.
    if (this.session.outbox.state.pending > 0 && !this.session.persisted) event.preventDefault();
  };

  private onEvent(event: SessionEvent): void {
    const a = event.annotation;
    if (a.kind === 'span' && (a.layer === 'source' || event.kind === 'delete' || event.previous?.layer === 'source')) this.panels.sourcesChanged();
    if (a.kind === 'document') {
      this.panels.documentLabels.render(this.myLabels());
    } else if (event.kind === 'delete') {
      this.highlighter.remove(a.id);
      this.panels.list.remove(a.id);
      if (this.selectedId === a.id) this.select(null);
    } else {
      if (this.drawable(a)) this.highlighter.upsert(this.style(a));
      else this.highlighter.remove(a.id);
      if (this.listed(a)) this.panels.list.upsert(this.row(a));
      else this.panels.list.remove(a.id);
      if (this.selectedId === a.id) this.panels.editor.show(a);
    }
    this.panels.counts();
  }
}
