import type { Annotation, AttributeValue } from '../../api/annotationTypes';
import type { Editable } from '../../model/session/annotationSession';
import { describeAttributes, missingRequired, withAttribute } from '../../model/annotate/attributes';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { debounce } from '../../model/shared/debounce';
import { formatDateTime } from '../../model/shared/format';
import { isTypedField, type Refusal } from '../../model/session/refusal';
import { h, replace } from '../dom';
import { attributeField, type FieldControl } from './attributeField';
import { attributionField } from './attributionField';
import { noteField } from './noteField';

export interface EditorActions {
  update(id: string, patch: Partial<Editable>, mergeKey?: string): void;
  remove(id: string): void;
  goTo(id: string): void;
  close(): void;
}

export interface EditorData {
  codebook: CodebookIndex;
  isMine(a: Annotation): boolean;
  /** Who made it, as this page names people (anonymised for a class). */
  annotatorName(a: Annotation): string;
  /** Spans this one may be attributed to, nearest first. */
  pending(id: string): boolean;
  /** Why the server refused this span's last change, if it did (the change stays as typed). */
  refusal(id: string): Refusal | undefined;
}

/** The selected span: label, attributes, attribution, note; read-only when it is someone else's. */
export function spanEditor(data: EditorData, actions: EditorActions) {
  const element = h('section', { class: 'span-editor', 'aria-labelledby': 'span-editor-title', 'data-testid': 'span-editor', hidden: true });
  let current: Annotation | null = null;
  let sync: ((a: Annotation) => void) | null = null;

  function show(a: Annotation | null): void {
    if (a && current?.id === a.id && sync) {
      current = a;
      sync(a);
      return;
    }
    current = a;
    element.hidden = !a;
    if (!a) return void (sync = null);
    sync = data.isMine(a) ? buildForm(a) : buildReadOnly(a);
  }

  function header(a: Annotation, title: HTMLElement): HTMLElement {
    return h('div', { class: 'editor-header', style: `--c:${data.codebook.color(a.layer, a.label)}` },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }), title,
      h('button', { type: 'button', class: 'button subtle icon', 'aria-label': 'Close the span details', title: 'Close (Esc)', onclick: actions.close }, '×'));
  }

  function quote(a: Annotation): HTMLElement {
    const text = a.quote ?? '';
    return h('blockquote', { class: 'editor-quote', dir: 'auto' }, text.length > 280 ? `${text.slice(0, 280)}…` : text);
  }

  function buildForm(a: Annotation): (a: Annotation) => void {
    const layer = data.codebook.layer(a.layer);
    const prefix = 'span-editor';
    const title = h('h2', { id: 'span-editor-title' }, layer?.name ?? a.layer);
    const label = h('select', { id: `${prefix}-label`, 'data-field': 'label' },
      (layer?.labels ?? []).map((l) => h('option', { value: l.id }, l.key ? `${l.name} (${l.key})` : l.name)),
      layer?.labels.some((l) => l.id === a.label) ? null : h('option', { value: a.label }, `${a.label} (not in the codebook)`));
    label.addEventListener('change', () => current && actions.update(current.id, { label: label.value }));
    const fields = new Map<string, FieldControl>();
    for (const def of layer?.attributes ?? []) {
      const later = debounce((value: AttributeValue | undefined) => commitAttribute(def.id, value, true), 500);
      fields.set(def.id, attributeField(def, prefix, (value, typing) => (typing ? later.call(value) : (later.cancel(), commitAttribute(def.id, value, false)))));
    }
    const attribution = attributionField(data.codebook, prefix, (value) => current && actions.update(current.id, { attribution: value }));
    const note = noteField(`${prefix}-span-note`, 'Note on this span', (value) => current && actions.update(current.id, { note: value }, `${current.id}:note`));
    const status = h('p', { class: 'editor-status' });
    const missing = h('p', { class: 'editor-warning', role: 'status' });

    replace(element,
      header(a, title),
      quote(a),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-label` }, 'Label'), label),
      [...fields.values()].map((f) => f.element),
      missing,
      attribution.element,
      note.element,
      h('div', { class: 'editor-actions' },
        h('button', { type: 'button', class: 'button danger', 'aria-keyshortcuts': 'Delete', onclick: () => current && actions.remove(current.id) }, 'Delete span'),
        status));

    function commitAttribute(id: string, value: AttributeValue | undefined, typing: boolean): void {
      if (!current) return;
      actions.update(current.id, { attributes: withAttribute(current.attributes, id, value) }, typing ? `${current.id}:${id}` : undefined);
    }

    const fill = (x: Annotation) => {
      const color = data.codebook.color(x.layer, x.label);
      element.querySelector<HTMLElement>('.editor-header')?.style.setProperty('--c', color);
      if (document.activeElement !== label) label.value = x.label;
      const refusal = data.refusal(x.id);
      for (const [id, field] of fields) {
        field.set(x.attributes[id]);
        field.refused(refusal?.fields[`attributes.${id}`] ?? null);
      }
      attribution.set(x.attribution);
      attribution.refused(refusal?.fields['attribution'] ?? null);
      note.set(x.note);
      note.refused(refusal?.fields['note'] ?? null);
      const lacking = layer ? missingRequired(layer, x.attributes) : [];
      missing.textContent = lacking.length ? `Still to fill in: ${lacking.map((d) => d.name).join(', ')}.` : '';
      status.classList.toggle('refused', !!refusal);
      // Reasons for the fields above are shown under them; any other reason is shown here.
      const elsewhere = refusal && Object.keys(refusal.fields).some((f) => !isTypedField(f));
      status.textContent = refusal ? (elsewhere ? `Not saved: ${refusal.reason}` : 'Not saved: correct the field marked above.')
        : data.pending(x.id) ? 'Saving…' : x.version > 0 ? `Saved ${formatDateTime(x.updatedAt)}` : '';
    };
    fill(a);
    return fill;
  }

  function buildReadOnly(a: Annotation): (a: Annotation) => void {
    const render = (x: Annotation) => {
      const attrs = describeAttributes(data.codebook.layer(x.layer), x.attributes);
      const who = x.attribution?.actor ? data.codebook.actorName(x.attribution.actor) : null;
      replace(element,
        header(x, h('h2', { id: 'span-editor-title' }, data.codebook.describe(x.layer, x.label))),
        quote(x),
        h('dl', { class: 'editor-facts' },
          h('dt', null, 'By'), h('dd', null, data.annotatorName(x)),
          attrs ? [h('dt', null, 'Attributes'), h('dd', null, attrs)] : null,
          who ? [h('dt', null, 'Attributed to'), h('dd', null, who)] : null,
          x.note ? [h('dt', null, 'Note'), h('dd', null, x.note)] : null),
        h('p', { class: 'hint' }, 'Someone else’s span: you can read it, not change it.'));
    };
    render(a);
    return render;
  }

  return { element, show, current: () => current };
}
