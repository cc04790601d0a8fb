import type { AttributeValue } from '../../api/annotationTypes';
import type { GoldRelation, RelationCluster } from '../../api/curation';
import { parseAttribute, withAttribute } from '../../model/annotate/attributes';
import type { RelationEdit } from '../../model/curation/curationRelations';
import { offsets, shortQuote } from '../../model/curation/curationText';
import { attributeField } from '../annotate/attributeField';
import { h, replace } from '../dom';
import type { Curation } from './controller';
import type { Names } from './names';

export interface RelationEditorHost {
  save(gold: GoldRelation, edit: RelationEdit): Promise<boolean>;
  close(): void;
}

/**
 * Edits a gold relation: its type, its ends (any gold span of the two clusters it joins), the attributes its type
 * defines, a note. The server checks that the type allows those ends.
 */
export function relationEditor(gold: GoldRelation, cluster: RelationCluster, curation: Curation, names: Names, text: string, host: RelationEditorHost): HTMLElement {
  const spans = [...new Set([cluster.sourceCluster, cluster.targetCluster])]
    .flatMap((id) => curation.ordered.find((c) => c.id === id)?.gold ?? [])
    .map((id) => curation.gold(id)).filter((g) => !!g && g.start !== null && g.end !== null);
  const spanOptions = (current: string) => spans.map((s) => h('option', { value: s!.id, selected: s!.id === current },
    `${names.label(s!.layer, s!.label)} ${offsets(s!.start, s!.end)} “${shortQuote(text, s!.start!, s!.end!, 40)}”`));
  const type = h('select', { 'aria-label': 'Relation type', 'data-testid': 'edit-relation-type' },
    names.relationTypes().map((t) => h('option', { value: t.id, selected: t.id === gold.type }, t.name)));
  const source = h('select', { 'aria-label': 'Source span' }, spanOptions(gold.source));
  const target = h('select', { 'aria-label': 'Target span' }, spanOptions(gold.target));
  const swap = h('button', { type: 'button', class: 'button subtle', onclick: () => ([source.value, target.value] = [target.value, source.value]) }, 'Swap ends');
  const note = h('textarea', { rows: 2, 'aria-label': 'Curator’s note', maxlength: 2000 }, gold.note ?? '');
  const problem = h('p', { class: 'field-error', role: 'alert' });
  const attributeBox = h('div', { class: 'gold-attributes' });
  let fields: { def: ReturnType<Names['relationTypes']>[number]['attributes'][number]; field: ReturnType<typeof attributeField> }[] = [];
  const showFields = () => {
    const defs = names.relationType(type.value)?.attributes ?? [];
    fields = defs.map((def) => {
      const field = attributeField(def, `gold-relation-${gold.id}`, () => {});
      if (type.value === gold.type) field.set(gold.attributes?.[def.id] ?? undefined);
      return { def, field };
    });
    replace(attributeBox, fields.length ? h('fieldset', null, h('legend', null, 'Attributes'), fields.map((f) => f.field.element)) : null);
  };
  type.addEventListener('change', showFields);
  showFields();
  const readAttributes = (): Record<string, AttributeValue> | string => {
    let attributes: Record<string, AttributeValue> = {};
    for (const { def, field } of fields) {
      const input = field.input;
      const box = input instanceof HTMLInputElement && input.type === 'checkbox';
      const parsed = parseAttribute(def, box ? input.checked : input.value);
      if (parsed.error !== undefined) return parsed.error;
      attributes = withAttribute(attributes, def.id, box && parsed.value === false && gold.attributes?.[def.id] === undefined ? undefined : parsed.value);
    }
    return attributes;
  };
  const form = h('form', { class: 'gold-editor', 'aria-label': 'Edit the gold relation' },
    h('label', null, 'Type ', type),
    h('label', null, 'From ', source),
    h('label', null, 'To ', target),
    swap,
    attributeBox,
    h('label', null, 'Curator’s note ', note),
    problem,
    h('div', { class: 'curate-actions' },
      h('button', { type: 'submit', class: 'button primary' }, 'Save'),
      h('button', { type: 'button', class: 'button subtle', onclick: () => host.close() }, 'Cancel')));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      host.close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (source.value === target.value) {
      problem.textContent = 'A relation joins two different spans.';
      return;
    }
    const attributes = readAttributes();
    if (typeof attributes === 'string') {
      problem.textContent = attributes;
      return;
    }
    problem.textContent = '';
    void host.save(gold, { type: type.value, source: source.value, target: target.value, note: note.value.trim() || null, attributes })
      .then((saved) => saved && host.close());
  });
  return form;
}
