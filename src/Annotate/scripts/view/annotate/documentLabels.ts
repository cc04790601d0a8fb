import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import type { Refusal } from '../../model/session/refusal';
import { h } from '../dom';
import { noteField } from './noteField';

export interface DocumentLabelActions {
  /** One-label layers: choose a label (null clears it). */
  choose(layer: CodebookLayer, labelId: string | null): void;
  /** Several-label layers: tick or untick one. */
  toggle(layer: CodebookLayer, labelId: string, on: boolean): void;
  note(annotationId: string, note: string | null): void;
  /** Why the server refused a label's last change, if it did (the note stays as typed). */
  refusal(annotationId: string): Refusal | undefined;
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
    const option = (value: string, text: string, color: string | null, hint: string | null, key: string | null = null) => {
      const input = h('input', { type, name, value, id: `${name}-${value || 'none'}` });
      inputs.set(value, input);
      input.addEventListener('change', () => {
        if (layer.multiple) actions.toggle(layer, value, input.checked);
        else if (input.checked) actions.choose(layer, value || null);
      });
      return h('div', { class: 'choice' }, input,
        h('label', { for: input.id, style: color ? `--c:${color}` : null },
          color ? h('span', { class: 'swatch', 'aria-hidden': 'true' }) : null, text,
          // With nothing selected in the text, the key sets this label (see the ? help).
          key ? h('kbd', { title: `Key ${key}, with no text selected` }, key) : null),
        hint ? h('p', { class: 'hint' }, hint) : null);
    };
    let noteTarget: string | null = null;
    const note = noteField(`${name}-note`, layer.multiple ? 'Note (on the first label)' : 'Note', (value) => noteTarget && actions.note(noteTarget, value));
    note.textarea.disabled = true;

    syncs.push((mine) => {
      const chosen = mine.filter((a) => a.layer === layer.id);
      for (const [value, input] of inputs) {
        input.checked = value ? chosen.some((a) => a.label === value) : chosen.length === 0;
      }
      noteTarget = chosen[0]?.id ?? null;
      note.textarea.disabled = !noteTarget;
      note.set(chosen[0]?.note ?? null);
      note.refused((noteTarget && actions.refusal(noteTarget)?.fields['note']) || null);
    });

    return h('fieldset', { class: 'doc-layer', 'data-layer': layer.id },
      h('legend', null, layer.name),
      layer.description ? h('p', { class: 'hint' }, layer.description) : null,
      layer.multiple ? null : option('', 'Not chosen yet', null, null),
      layer.labels.map((l) => option(l.id, l.name, l.color, null, l.key ?? null)),
      note.element);
  }

  return {
    element,
    render(mine: Annotation[]) {
      for (const sync of syncs) sync(mine);
    },
  };
}
