import type { Annotation } from '../../api/annotationTypes';
import type { CodebookRelation } from '../../api/annotationTypes';
import type { AnnotationLens } from '../annotate/annotationLens';

// How the reader sees each relation: whether it is drawn (both ends drawn, and its author shown), its colour, and
// how it reads in the side panel and the hover card. Pure, so it is tested without a browser.

const fallbackColor = '#4b5563';

export interface RelationRow {
  id: string;
  type: string;
  name: string;
  color: string;
  directed: boolean;
  source: string;
  target: string;
  /** “source quote” → “target quote” (— for an undirected type). */
  text: string;
  by: string;
  mine: boolean;
}

export class RelationLens {
  private readonly types: Map<string, CodebookRelation>;

  constructor(private readonly items: ReadonlyMap<string, Annotation>, private readonly lens: Pick<AnnotationLens, 'drawable' | 'shown' | 'isMine' | 'annotatorName'>,
    relations: readonly CodebookRelation[]) {
    this.types = new Map(relations.map((t) => [t.id, t]));
  }

  type(id: string): CodebookRelation | undefined {
    return this.types.get(id);
  }

  /** Drawn when its author is shown and both its ends are drawn spans. */
  drawable(a: Annotation): boolean {
    if (a.kind !== 'relation' || !this.lens.shown(a)) return false;
    const source = a.sourceSpan ? this.items.get(a.sourceSpan) : undefined;
    const target = a.targetSpan ? this.items.get(a.targetSpan) : undefined;
    return !!source && !!target && this.lens.drawable(source) && this.lens.drawable(target);
  }

  color(a: Annotation): string {
    return this.types.get(a.label)?.color ?? fallbackColor;
  }

  name(a: Annotation): string {
    return this.types.get(a.label)?.name ?? `${a.label} (not in the codebook)`;
  }

  row(a: Annotation): RelationRow {
    const type = this.types.get(a.label);
    const directed = type?.directed ?? true;
    const quote = (id: string | undefined) => clip(id ? this.items.get(id)?.quote ?? '' : '');
    return {
      id: a.id, type: a.label, name: this.name(a), color: this.color(a), directed, source: a.sourceSpan ?? '', target: a.targetSpan ?? '',
      text: `“${quote(a.sourceSpan)}” ${directed ? '→' : '—'} “${quote(a.targetSpan)}”`,
      by: this.lens.isMine(a) ? '' : this.lens.annotatorName(a), mine: this.lens.isMine(a),
    };
  }

  /** The drawn relations, in the order of their sources in the text. */
  drawn(): Annotation[] {
    const out: Annotation[] = [];
    for (const a of this.items.values()) if (this.drawable(a)) out.push(a);
    const at = (id: string | undefined) => (id ? this.items.get(id)?.start ?? 0 : 0);
    return out.sort((x, y) => at(x.sourceSpan) - at(y.sourceSpan) || at(x.targetSpan) - at(y.targetSpan));
  }
}

function clip(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
