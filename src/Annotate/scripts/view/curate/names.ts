import type { CodebookAttribute, CodebookInfo, CodebookRelation } from '../../api/annotationTypes';
import { CodebookIndex } from '../../model/annotate/codebook';

/** Display names for the codebook's layers and labels, falling back to their ids. */
export class Names {
  readonly codebook: CodebookIndex;

  constructor(info: CodebookInfo) {
    this.codebook = new CodebookIndex(info.codebook);
  }

  layer(id: string): string {
    return this.codebook.layer(id)?.name ?? id;
  }

  label(layer: string, id: string): string {
    return this.codebook.label(layer, id)?.name ?? id;
  }

  /** The labels of a layer, for a select. */
  labels(layer: string): { id: string; name: string }[] {
    return this.codebook.layer(layer)?.labels.map((l) => ({ id: l.id, name: l.name })) ?? [];
  }

  /** A relation type of the codebook. */
  relationType(id: string): CodebookRelation | undefined {
    return this.codebook.codebook.relations.find((r) => r.id === id);
  }

  relation(id: string): string {
    return this.relationType(id)?.name ?? id;
  }

  /** The relation types, for a select. */
  relationTypes(): CodebookRelation[] {
    return this.codebook.codebook.relations;
  }

  /** The attributes a layer defines, in the codebook's order. */
  attributes(layer: string): CodebookAttribute[] {
    return this.codebook.layer(layer)?.attributes ?? [];
  }
}
