import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/codebook';
import { debounce } from '../../model/debounce';
import { h } from '../dom';

export interface DocumentLabelActions {
  /** One-label layers: choose a label (null clears it). */
  choose(layer: CodebookLayer, labelId: string | null): void;
  /** Several-label layers: tick or untick one. */
  toggle(layer: CodebookLayer, labelId: string, on: boolean): void;
  note(annotationId: string, note: string | null): void;
}

/** Labels about the whole article (the codebook's document layers), each layer a fieldset, with a note. */
export function documentLabels(codebook: CodebookIndex, actions: DocumentLabelActions) {
  const syncs: ((mine: Annotation[]) => void)[] = [];
  const element = h('div', { class: 'document-labels', 'data-testid': 'document-labels' },
    codebook.documentLayers.length === 0 ? h('p', { class: 'empty' }, 'This codebook has no document-level labels.') : null,
    codebook.documentLayers.map((layer) => fieldset(layer)));

  function fieldset(layer: CodebookLayer): HTMLElement {
    const name = `doc-${layer.id}`;
    const type = layer.multiple ? 'checkbox' : 'radio';
    const inputs = new Map<string, HTMLInputElement>();
    const option = (value: string, text: string, color: string | null, hint: string | null) => {
      const input = h('input', { type, name, value, id: `${name}-${value || 'none'}` });
      inputs.set(value, input);
      input.addEventListener('change', () => {
        if (layer.multiple) actions.toggle(layer, value, input.checked);
        else if (input.checked) actions.choose(layer, value || null);
      });
      return h('div', { class: 'choice' }, input,
        h('label', { for: input.id, style: color ? `--c:${color}` : null },
          color ? h('span', { class: 'swatch', 'aria-hidden': 'true' }) : null, text),
        hint ? h('p', { class: 'hint' }, hint) : null);
    };
    const noteId = `${name}-note`;
    const note = h('textarea', { id: noteId, rows: 2, dir: 'auto', disabled: true });
    let noteTarget: string | null = null;
    const saveNote = debounce(() => noteTarget && actions.note(noteTarget, note.value.trim() || null), 500);
    note.addEventListener('input', () => saveNote.call());
    note.addEventListener('change', () => saveNote.flush());

    syncs.push((mine) => {
      const chosen = mine.filter((a) => a.layer === layer.id);
      for (const [value, input] of inputs) {
        input.checked = value ? chosen.some((a) => a.label === value) : chosen.length === 0;
      }
      noteTarget = chosen[0]?.id ?? null;
      note.disabled = !noteTarget;
      if (document.activeElement !== note) note.value = chosen[0]?.note ?? '';
    });

    return h('fieldset', { class: 'doc-layer', 'data-layer': layer.id },
      h('legend', null, layer.name),
      layer.description ? h('p', { class: 'hint' }, layer.description) : null,
      layer.multiple ? null : option('', 'Not chosen yet', null, null),
      layer.labels.map((l) => option(l.id, l.name, l.color, null)),
      h('div', { class: 'field' }, h('label', { for: noteId }, layer.multiple ? 'Note (on the first label)' : 'Note'), note));
  }

  return {
    element,
    render(mine: Annotation[]) {
      for (const sync of syncs) sync(mine);
    },
  };
}
