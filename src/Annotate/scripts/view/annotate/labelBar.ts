import type { CodebookLayer } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { h, replace } from '../dom';

export interface LabelBarActions {
  chooseLayer(layerId: string): void;
  applyLabel(layerId: string, labelId: string): void;
  lookUp(layerId: string, labelId?: string): void;
  /** Shows the document's own labels (the stance) and spans panel: on a phone it lies below the article. */
  showDocumentPanel(): void;
  /** Keeps the text selection for the next label: a tap on a phone may clear it before the click arrives. */
  holdSelection(): void;
  /** Link the selected span to another (Shift+L), or stop linking. */
  link?(): void;
  cancelLink?(): void;
}

/** What the Link button offers: nothing (no span of one's own selected), linking, or a way out of it. */
export type LinkMode = 'hidden' | 'link' | 'cancel';

/** The active layer and its labels, each with its key: the palette both mouse and keyboard label from. */
export function labelBar(codebook: CodebookIndex, actions: LabelBarActions) {
  const layers = h('div', { class: 'layer-tabs', role: 'radiogroup', 'aria-label': 'Layer for new spans ([ and ] switch)' });
  const labels = h('div', { class: 'label-chips', role: 'group', 'aria-label': 'Labels' });
  // Only shown on narrow screens (CSS), where the palette is a bar at the bottom and the side panel follows the article.
  const documentJump = h('button', {
    type: 'button', class: 'button subtle document-jump', 'data-testid': 'document-jump', title: 'The document’s labels (stance) and your spans',
    onclick: () => actions.showDocumentPanel(),
  }, 'Document ↓');
  // Beside the labels, where a thumb is on a phone: the selected span's way to a relation, and out of linking.
  let linkMode: LinkMode = 'hidden';
  const linkButton = h('button', {
    type: 'button', class: 'button subtle link-start', 'data-testid': 'link-start', hidden: true, 'aria-keyshortcuts': 'Shift+L',
    onclick: () => (linkMode === 'cancel' ? actions.cancelLink?.() : actions.link?.()),
  });
  const element = h('div', { class: 'label-palette', 'data-testid': 'label-palette' }, layers, h('div', { class: 'label-row' }, labels, linkButton, documentJump));
  element.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('.label-chip')) actions.holdSelection();
  });
  // A radio group: only the checked layer is in the tab order; arrow keys move between layers.
  layers.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    const all = codebook.spanLayers;
    const i = all.findIndex((l) => l.id === (event.target as HTMLElement).dataset['layer']);
    const next = all[(i + step + all.length) % all.length];
    if (!next) return;
    actions.chooseLayer(next.id);
    layers.querySelector<HTMLElement>(`[data-layer="${CSS.escape(next.id)}"]`)?.focus();
  });
  // Clicking a chip must not take the text selection away: no focus change on mousedown.
  element.addEventListener('mousedown', (event) => {
    if ((event.target as Element).closest('button')) event.preventDefault();
  });

  function render(active: string): void {
    replace(layers, codebook.spanLayers.map((layer) =>
      h('button', {
        type: 'button', role: 'radio', class: 'layer-tab', 'aria-checked': String(layer.id === active), tabindex: layer.id === active ? 0 : -1,
        'data-layer': layer.id, title: layer.description ?? '', onclick: () => actions.chooseLayer(layer.id),
      }, layer.name)));
    const layer = codebook.layer(active);
    replace(labels, layer ? chips(layer) : null);
  }

  function chips(layer: CodebookLayer) {
    return [
      layer.labels.map((label) =>
        h('button', {
          type: 'button', class: 'label-chip', style: `--c:${label.color ?? '#6b7280'}`, 'data-label': label.id,
          'aria-keyshortcuts': label.key ?? null, title: label.definition ? firstSentence(label.definition) : label.name,
          onclick: () => actions.applyLabel(layer.id, label.id),
        },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('span', { class: 'chip-name' }, label.name),
        label.key ? h('kbd', { 'aria-hidden': 'true' }, label.key) : null)),
      h('button', { type: 'button', class: 'button link lookup', onclick: () => actions.lookUp(layer.id) }, 'Definitions'),
    ];
  }

  function setLink(mode: LinkMode): void {
    linkMode = mode;
    linkButton.hidden = mode === 'hidden';
    linkButton.textContent = mode === 'cancel' ? 'Cancel link' : 'Link… ⤳';
  }

  return { element, render, setLink };
}

export function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/s.exec(text.trim());
  return (match ? match[0] : text).trim();
}
