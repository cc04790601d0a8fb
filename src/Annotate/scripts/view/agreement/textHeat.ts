import { agreementApi, ApiError } from '../../api';
import type { TextAgreement, TextSegment } from '../../api/agreement';
import { cleanSegments, segmentAt, segmentVotes, TEXT_STEPS, textStep } from '../../model/agreement/agreementText';
import { coalescedRefresh } from '../../model/shared/coalesce';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import type { TextMap } from '../annotate/textMap';
import { followAgreement } from './follow';
import { heatPanel } from './heatPanel';

const STEP_NAMES = [...Array.from({ length: TEXT_STEPS }, (_, i) => `agree-${i}`), 'agree-na'];
const CURRENT = 'agree-current';

/** The CSS Custom Highlight API paints ranges without touching the article's DOM (which the annotations map onto). */
const highlights = (): HighlightRegistry | null => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null);

export interface HeatSource {
  documentId: string;
  /** The document's own project: the one whose AgreementChanged the map follows. */
  projectId: string;
  version: number;
  text: string;
  map: TextMap;
  /** Where clicks choose a stretch. */
  container: HTMLElement;
  /** Resolves once the whole article is in the page (long ones arrive in parts). */
  complete: Promise<void>;
  labelName: (label: string) => string;
  /** People named Student 1, … (a page shown to a class). */
  anonymous?: boolean;
}

/**
 * Paints the article by how far the annotators agree on each stretch (GET …/agreement/text), from red to green,
 * using the reader's TextMap to turn offsets into ranges. Clicking a stretch lists who labelled it how; the panel's
 * Previous/Next do the same from the keyboard. Follows AgreementChanged for the document while it is on.
 */
export class TextHeatMap {
  private segments: TextSegment[] = [];
  private annotators: TextAgreement['annotators'] = [];
  private current = -1;
  private controller: AbortController | null = null;
  private stopFollowing: (() => void) | null = null;
  private readonly panel = heatPanel({ close: () => this.toggle(false), step: (d) => this.step(d) });

  constructor(private readonly ctx: AppContext, private readonly source: HeatSource, private readonly onToggle: (on: boolean) => void) {}

  get on(): boolean {
    return this.controller !== null;
  }

  toggle(on = !this.on): boolean {
    if (on === this.on) return on;
    if (on) {
      this.controller = new AbortController();
      document.body.append(this.panel.element);
      this.source.container.addEventListener('click', this.onClick);
      this.stopFollowing = followAgreement(this.source.projectId, this.source.documentId, () => void this.load());
      void this.load();
    } else {
      this.controller?.abort();
      this.controller = null;
      this.stopFollowing?.();
      this.stopFollowing = null;
      this.source.container.removeEventListener('click', this.onClick);
      this.panel.element.remove();
      this.clearPaint();
      this.segments = [];
      this.current = -1;
    }
    this.onToggle(on);
    this.ctx.announce(on ? 'Agreement heat map on.' : 'Agreement heat map off.');
    return on;
  }

  dispose(): void {
    if (this.on) this.toggle(false);
  }

  /** One fetch at a time; pushes meanwhile fold into one more while the map is on. */
  private readonly load = coalescedRefresh(async () => {
    const signal = this.controller?.signal;
    if (!signal) return;
    try {
      const [answer] = await Promise.all([agreementApi.text(this.source.documentId, undefined, signal, this.source.anonymous ?? false), this.source.complete]);
      if (this.on) this.apply(answer);
    } catch (error) {
      if (isAbort(error) || !this.on) return;
      this.clearPaint();
      this.segments = [];
      this.panel.show(null, '', []);
      this.panel.setPosition(-1, 0);
      if (error instanceof ApiError && error.status === 403) {
        this.panel.setStatus(`${error.title || 'Blind project'}: ${error.detail ?? 'agreement is hidden while the project is blind.'}`, 'problem');
      } else {
        this.panel.setStatus(error instanceof ApiError ? `Could not load the agreement: ${error.title}` : 'Could not load the agreement.', 'problem');
      }
    }
  }, () => this.on);

  private apply(answer: TextAgreement): void {
    const chosen = this.segments[this.current];
    if (answer.version !== this.source.version) {
      this.clearPaint();
      this.segments = [];
      this.panel.setPosition(-1, 0);
      this.panel.setStatus(`These figures are for version ${answer.version} of the text, not the version ${this.source.version} shown: reload the page.`, 'problem');
      return;
    }
    this.segments = cleanSegments(answer.segments, this.source.text.length);
    this.annotators = answer.annotators;
    // Keep the chosen stretch when it is still there, so a live refresh does not lose the reader's place.
    this.current = chosen ? this.segments.findIndex((s) => s.start === chosen.start && s.end === chosen.end) : -1;
    this.paint();
    const full = this.segments.filter((s) => s.agreement === 1).length;
    const count = this.segments.length;
    this.panel.setStatus(count === 0
      ? 'Nobody has labelled this text yet.'
      : `${count} labelled ${count === 1 ? 'stretch' : 'stretches'}, ${full} with full agreement${highlights() ? '' : ' (this browser cannot colour the text: use Previous and Next)'}.`);
    this.showCurrent(false);
  }

  private paint(): void {
    const registry = highlights();
    if (!registry) return;
    const steps = STEP_NAMES.map(() => new Highlight());
    for (const segment of this.segments) {
      const step = textStep(segment.agreement);
      const range = this.source.map.range(segment.start, segment.end);
      if (range) steps[step === 'na' ? TEXT_STEPS : step]!.add(range);
    }
    // Replaced whole, in one task: the old colours never show beside the new.
    STEP_NAMES.forEach((name, i) => registry.set(name, steps[i]!));
  }

  private clearPaint(): void {
    const registry = highlights();
    for (const name of [...STEP_NAMES, CURRENT]) registry?.delete(name);
  }

  private step(direction: 1 | -1): void {
    if (this.segments.length === 0) return;
    const n = this.segments.length;
    this.current = this.current < 0 ? (direction > 0 ? 0 : n - 1) : (this.current + direction + n) % n;
    this.showCurrent(true);
  }

  private showCurrent(scroll: boolean): void {
    const segment = this.segments[this.current] ?? null;
    this.panel.setPosition(this.current, this.segments.length);
    const registry = highlights();
    const range = segment ? this.source.map.range(segment.start, segment.end) : null;
    if (range) registry?.set(CURRENT, new Highlight(range));
    else registry?.delete(CURRENT);
    if (!segment) return this.panel.show(null, '', []);
    const quote = this.source.text.slice(segment.start, segment.end);
    this.panel.show(segment, quote.length > 160 ? `${quote.slice(0, 157)}…` : quote, segmentVotes(segment, this.annotators, this.source.labelName));
    if (scroll && range) scrollIntoView(range);
  }

  private readonly onClick = (event: MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the person was selecting text to label
    const offset = this.source.map.offsetAtPoint(event.clientX, event.clientY);
    const segment = offset === null ? null : segmentAt(this.segments, offset);
    if (!segment) return;
    this.current = this.segments.indexOf(segment);
    this.showCurrent(false);
  };
}

function scrollIntoView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const top = (document.querySelector('.annotate-toolbar')?.getBoundingClientRect().bottom ?? 0) + 24;
  if (rect.top < top || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - (top + window.innerHeight) / 3 });
}
