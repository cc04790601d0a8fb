import type { CodebookLabel, CodebookLayer } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { h } from '../dom';

/** The codebook while annotating: every layer, every label's definition and examples, and the actors. */
export function codebookPanel(codebook: CodebookIndex) {
  const { name, description, actors } = codebook.codebook;
  const element = h('div', { class: 'codebook-panel', 'data-testid': 'codebook-panel' },
    h('p', { class: 'codebook-name' }, name),
    description ? h('p', { class: 'hint' }, description) : null,
    codebook.codebook.layers.map(layerSection),
    actors.length
      ? h('section', { class: 'codebook-layer' },
          h('h3', null, 'Actors'),
          h('dl', { class: 'actor-list' }, actors.map((a) => [h('dt', null, a.name), h('dd', null, a.description ?? '')])))
      : null);

  function layerSection(layer: CodebookLayer): HTMLElement {
    return h('section', { class: 'codebook-layer', id: `codebook-${layer.id}` },
      h('h3', null, layer.name, h('span', { class: 'scope' }, layer.scope === 'document' ? 'whole article' : 'spans')),
      layer.description ? h('p', { class: 'hint' }, layer.description) : null,
      layer.labels.map((label) => labelEntry(layer, label)));
  }

  function labelEntry(layer: CodebookLayer, label: CodebookLabel): HTMLElement {
    return h('details', { class: 'codebook-label', id: `codebook-${layer.id}-${label.id}`, style: `--c:${label.color ?? '#6b7280'}` },
      h('summary', null,
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('span', { class: 'chip-name' }, label.name),
        label.key ? h('kbd', { title: `Key ${label.key}` }, label.key) : null),
      label.definition ? h('p', null, label.definition) : null,
      label.examples.length
        ? h('div', { class: 'examples' }, h('h4', null, 'Examples'),
            h('ul', null, label.examples.map((e) => h('li', null,
              h('q', { dir: 'auto' }, e.text), e.note ? h('p', { class: 'hint' }, e.note) : null))))
        : null);
  }

  return {
    element,
    /** Opens a label's entry (or the layer) and brings it into view. */
    reveal(layerId: string, labelId?: string): HTMLElement | null {
      const target = element.querySelector<HTMLElement>(`#${CSS.escape(labelId ? `codebook-${layerId}-${labelId}` : `codebook-${layerId}`)}`);
      if (target instanceof HTMLDetailsElement) target.open = true;
      target?.scrollIntoView({ block: 'start' });
      return target;
    },
  };
}
