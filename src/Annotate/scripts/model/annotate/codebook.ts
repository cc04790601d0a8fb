import type { Codebook, CodebookLabel, CodebookLayer } from '../../api/annotationTypes';

const fallbackColor = '#6b7280';

/** Look-ups into one codebook version. */
export class CodebookIndex {
  readonly spanLayers: CodebookLayer[];
  readonly documentLayers: CodebookLayer[];
  private readonly layers = new Map<string, CodebookLayer>();

  constructor(readonly codebook: Codebook) {
    for (const layer of codebook.layers) this.layers.set(layer.id, layer);
    this.spanLayers = codebook.layers.filter((l) => l.scope !== 'document');
    this.documentLayers = codebook.layers.filter((l) => l.scope === 'document');
  }

  layer(id: string): CodebookLayer | undefined {
    return this.layers.get(id);
  }

  label(layerId: string, labelId: string): CodebookLabel | undefined {
    return this.layers.get(layerId)?.labels.find((l) => l.id === labelId);
  }

  labelByKey(layerId: string, key: string): CodebookLabel | undefined {
    const k = key.toLowerCase();
    return this.layers.get(layerId)?.labels.find((l) => l.key?.toLowerCase() === k);
  }

  color(layerId: string, labelId: string): string {
    return this.label(layerId, labelId)?.color ?? fallbackColor;
  }

  /** "Frame: Blockade", or the raw ids for a label the codebook no longer has. */
  describe(layerId: string, labelId: string): string {
    const layer = this.layers.get(layerId);
    return `${layer?.name ?? layerId}: ${this.label(layerId, labelId)?.name ?? `${labelId} (not in the codebook)`}`;
  }

  actorName(id: string): string {
    return this.codebook.actors.find((a) => a.id === id)?.name ?? id;
  }
}
