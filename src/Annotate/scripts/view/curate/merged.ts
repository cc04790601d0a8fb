import type { SpanCluster } from '../../api/curation';
import type { DocumentDetail } from '../../api/types';
import { clusterAt, clusterTone } from '../../model/curation/curationNav';
import { langAttribute } from '../../model/shared/format';
import { TextModel } from '../../model/text/textModel';
import { renderArticle } from '../annotate/articleDom';
import { TextMap } from '../annotate/textMap';
import { h } from '../dom';
import type { Curation } from './controller';

const TONES = ['agreed', 'label', 'boundary', 'missed', 'attributes', 'curated', 'rejected'] as const;
const GOLD = 'cur-gold';
const SELECTED = 'cur-selected';

/** The CSS Custom Highlight API paints ranges without touching the article's DOM (which offsets map onto). */
const highlights = (): HighlightRegistry | null => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null);

/**
 * The article with every cluster coloured by its status and kind of disagreement, the gold spans underlined and
 * the chosen cluster outlined. A click on a coloured stretch chooses its cluster.
 */
export class MergedText {
  readonly element: HTMLElement;
  readonly map: TextMap;
  private readonly complete: Promise<void>;
  private disposed = false;

  constructor(doc: DocumentDetail, private readonly curation: Curation, onPick: (cluster: SpanCluster) => void) {
    const body = h('div', { class: 'article-body', 'data-testid': 'article-body', dir: 'auto', lang: langAttribute(doc.language) });
    // The one place HTML goes in: sanitised by the server, kept exactly as given (offsets map onto it).
    const dom = renderArticle(body, doc.html, doc.blocks);
    this.complete = dom.complete;
    this.map = new TextMap(body, new TextModel(doc.text, doc.blocks, doc.language ?? undefined), doc.blocks, dom.blockEls);
    this.element = h('div', { class: 'annotated curate-text', role: 'region', 'aria-label': 'Article text, clusters coloured' }, body);
    this.element.addEventListener('click', (event) => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return; // selecting text to re-select a gold span's stretch
      const offset = this.map.offsetAtPoint(event.clientX, event.clientY);
      const cluster = offset === null ? null : clusterAt(this.curation.ordered, offset);
      if (cluster) onPick(cluster);
    });
  }

  /** Paints every cluster and gold span again (after a refresh). */
  async paint(): Promise<void> {
    await this.complete;
    const registry = highlights();
    const view = this.curation.view;
    if (!registry || !view || this.disposed) return;
    const tones = new Map(TONES.map((t) => [t, new Highlight()]));
    for (const cluster of view.clusters) {
      const range = this.map.range(cluster.start, cluster.end);
      if (range) tones.get(clusterTone(cluster))!.add(range);
    }
    const gold = new Highlight();
    for (const g of view.gold) {
      const range = g.start !== null && g.end !== null ? this.map.range(g.start, g.end) : null;
      if (range) gold.add(range);
    }
    // Replaced whole, in one task: old colours never show beside new ones.
    for (const [tone, highlight] of tones) registry.set(`cur-${tone}`, highlight);
    registry.set(GOLD, gold);
    this.showSelected(false);
  }

  /** Outlines the chosen cluster; scroll: bring it into view (keyboard moves). */
  showSelected(scroll: boolean): void {
    const registry = highlights();
    const cluster = this.curation.selected;
    const range = cluster ? this.map.range(cluster.start, cluster.end) : null;
    if (range) registry?.set(SELECTED, new Highlight(range));
    else registry?.delete(SELECTED);
    // Only while the text is shown (not in the side-by-side view).
    if (scroll && range && this.element.offsetParent !== null) {
      const rect = range.getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - window.innerHeight / 3 });
    }
  }

  /** The text the curator has selected in the article, as offsets (for re-selecting a gold span's stretch). */
  selectedStretch(): { start: number; end: number } | null {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const r = selection.getRangeAt(0);
    const start = this.map.offsetOf(r.startContainer, r.startOffset, 'start');
    const end = this.map.offsetOf(r.endContainer, r.endOffset, 'end');
    return start !== null && end !== null && start < end ? { start, end } : null;
  }

  dispose(): void {
    this.disposed = true;
    const registry = highlights();
    for (const name of [...TONES.map((t) => `cur-${t}`), GOLD, SELECTED]) registry?.delete(name);
  }
}
