import type { Annotation } from '../../api/annotationTypes';
import { annotatorColor } from './annotators';
import { describeAttributes, missingRequired } from './attributes';
import type { CodebookIndex } from './codebook';

// How the annotation view sees each annotation: whose it is, whether it is drawn and listed, its colour, its row in
// the span list. Pure, so the rules are tested without a browser.

/** A span as the highlighter draws it. */
export interface SpanStyle {
  id: string;
  start: number;
  end: number;
  color: string;
  /** Someone else's span: drawn fainter and dashed. */
  other: boolean;
}

/** A span as the span list shows it. */
export interface SpanRow {
  id: string;
  start: number;
  end: number;
  color: string;
  title: string;
  layer: string;
  quote: string;
  meta: string;
  other: boolean;
  warning: string | null;
}

export interface LensSource {
  readonly items: ReadonlyMap<string, Annotation>;
  isMine(a: Annotation): boolean;
  readonly codebook: CodebookIndex;
  /** The text (of this version) that offsets point into. */
  readonly text: string;
  readonly documentVersion: number;
  /** Others' overlay on, and the other annotators switched off. */
  readonly view: { readonly others: boolean; readonly hidden: ReadonlySet<string> };
  /** The name to show for an annotator (anonymised for a class); their own name when absent. */
  nameOf?(userId: string, own: string): string;
}

export class AnnotationLens {
  constructor(private readonly src: LensSource) {}

  isMine(a: Annotation): boolean {
    return this.src.isMine(a);
  }

  /** Who made it, as this page names people. */
  annotatorName(a: Annotation): string {
    return this.src.nameOf?.(a.annotatorId, a.annotatorName) ?? a.annotatorName;
  }

  /** Mine always; others' while their overlay is on and that annotator is not switched off. */
  shown(a: Annotation): boolean {
    return this.isMine(a) || (this.src.view.others && !this.src.view.hidden.has(a.annotatorId));
  }

  /** Shown spans with a place in this text; orphans (no place in it) are listed only. */
  drawable(a: Annotation): boolean {
    // Offsets belong to one version of the text: a span moved onto a newer version waits for the reload.
    return a.kind === 'span' && a.status !== 'orphan' && a.documentVersion === this.src.documentVersion && a.start !== null &&
      a.end !== null && a.start < a.end && a.end <= this.src.text.length && this.shown(a);
  }

  listed(a: Annotation): boolean {
    return a.kind === 'span' && this.shown(a);
  }

  /** Others' spans take their annotator's colour, so who marked what can be told apart. */
  color(a: Annotation): string {
    return this.isMine(a) ? this.src.codebook.color(a.layer, a.label) : annotatorColor(a.annotatorId);
  }

  style(a: Annotation): SpanStyle {
    return { id: a.id, start: a.start!, end: a.end!, color: this.color(a), other: !this.isMine(a) };
  }

  row(a: Annotation): SpanRow {
    const { codebook } = this.src;
    const label = codebook.label(a.layer, a.label);
    const layer = codebook.layer(a.layer);
    const quote = a.quote ?? (a.start !== null && a.end !== null ? this.src.text.slice(a.start, a.end) : '');
    const missing = layer ? missingRequired(layer, a.attributes) : [];
    const warning = a.status === 'orphan' ? 'This span could not be placed in the current text.'
      : a.status === 'unknown-label' || !label ? 'Its label is not in the current codebook.'
      : missing.length ? `Missing: ${missing.map((d) => d.name).join(', ')}` : null;
    return {
      id: a.id, start: a.start ?? -1, end: a.end ?? -1, color: this.color(a),
      title: label?.name ?? a.label, layer: layer?.name ?? a.layer,
      quote: quote.length > 140 ? `${quote.slice(0, 140)}…` : quote,
      meta: [this.voice(a), describeAttributes(layer, a.attributes), this.isMine(a) ? '' : `by ${this.annotatorName(a)}`].filter(Boolean).join(' · '),
      other: !this.isMine(a), warning,
    };
  }

  /** "Voice: Government of Dalmor" for a span attributed to an actor; empty otherwise. */
  voice(a: Annotation): string {
    if (a.attribution?.actor) return `Voice: ${this.src.codebook.actorName(a.attribution.actor)}`;
    return '';
  }

  myLabels(): Annotation[] {
    return [...this.src.items.values()].filter((a) => a.kind === 'document' && this.isMine(a));
  }

  /** Others who have spans here, by name. */
  otherAnnotators(): { userId: string; name: string; count: number }[] {
    const byId = new Map<string, { userId: string; name: string; count: number }>();
    for (const a of this.src.items.values()) {
      if (a.kind !== 'span' || this.isMine(a)) continue;
      const entry = byId.get(a.annotatorId) ?? { userId: a.annotatorId, name: this.annotatorName(a), count: 0 };
      entry.count++;
      byId.set(a.annotatorId, entry);
    }
    // Numeric collation: "Student 9" before "Student 10" on a page anonymised for a class.
    return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name, 'en', { numeric: true }));
  }

  /** Mine and others' spans (all of them, shown or not). */
  counts(): { mine: number; others: number } {
    let mine = 0;
    let others = 0;
    for (const a of this.src.items.values()) {
      if (a.kind !== 'span') continue;
      if (this.isMine(a)) mine++;
      else others++;
    }
    return { mine, others };
  }
}
