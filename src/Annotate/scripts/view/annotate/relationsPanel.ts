import type { Annotation, AttributeValue } from '../../api/annotationTypes';
import { withAttribute } from '../../model/annotate/attributes';
import type { RelationLens } from '../../model/relations/relationLens';
import { typesFor } from '../../model/relations/relationRules';
import type { AnnotationSession, SessionEvent } from '../../model/session/annotationSession';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { h, replace } from '../dom';
import { attributeField } from './attributeField';
import type { AnnotateState } from './viewState';

export interface RelationsContext {
  readonly state: AnnotateState;
  readonly session: AnnotationSession;
  readonly codebook: CodebookIndex;
  readonly relations: RelationLens;
  /** Outlines a relation's two ends while its row is hovered. */
  emphasise(id: string | null): void;
  /** Starts linking from the selected span (the same as Shift+L). */
  startLinking(): void;
}

/**
 * The side panel's Relations tab: the selected relation (its type, its two ends, its attributes, delete) and every
 * drawn relation in text order, each a button that selects it. Redrawn in the next frame after a change, and only
 * while the tab is shown: an article may have thousands.
 */
export class RelationsPanel {
  readonly element: HTMLElement;
  private readonly editor = h('section', { class: 'relation-editor', 'aria-label': 'Selected relation', 'data-testid': 'relation-editor' });
  private readonly list = h('ul', { class: 'relation-list', 'aria-label': 'Relations in text order', 'data-testid': 'relation-list' });
  private readonly count = h('span', { class: 'count' });
  private frame = 0;
  private readonly unsubscribe: (() => void)[];

  constructor(private readonly cx: RelationsContext, private readonly setTabLabel: (label: string) => void) {
    const link = h('button', { type: 'button', class: 'button', 'data-testid': 'start-linking' }, 'Link selected span… ', h('kbd', null, 'Shift+L'));
    link.addEventListener('click', () => cx.startLinking());
    this.element = h('div', { class: 'relations-panel' }, this.editor,
      h('div', { class: 'list-head' }, h('h2', null, 'Relations'), this.count),
      h('p', { class: 'muted relation-help' }, 'Select a span, press ', h('kbd', null, 'Shift+L'), ', then click the span it links to (or ←/→ and Enter).'),
      link, this.list);
    this.list.addEventListener('click', (event) => {
      const id = (event.target as Element).closest<HTMLElement>('[data-relation]')?.dataset['relation'];
      if (id) cx.state.selectRelation(id, { scroll: true });
    });
    this.list.addEventListener('pointerover', (event) => cx.emphasise((event.target as Element).closest<HTMLElement>('[data-relation]')?.dataset['relation'] ?? null));
    this.list.addEventListener('pointerleave', () => cx.emphasise(null));
    this.unsubscribe = [
      cx.session.subscribe((event) => this.onChange(event)),
      cx.state.events.on('relation', () => this.schedule()),
      cx.state.events.on('shown', () => this.schedule()),
    ];
    this.editor.hidden = true;
  }

  /** Lists (again) now: the tab was shown, or the annotations loaded. */
  refresh(): void {
    this.schedule();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribe.forEach((off) => off());
  }

  private onChange(event: SessionEvent): void {
    const a = event.annotation;
    // A span's quote appears in its relations' rows; anything else is no concern of this panel.
    if (a.kind === 'relation' || (a.kind === 'span' && this.cx.session.relationsOf(a.id).length > 0) || event.kind === 'delete') this.schedule();
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    const { relations, state } = this.cx;
    const drawn = relations.drawn();
    const mine = drawn.filter((r) => this.cx.session.isMine(r)).length;
    this.count.textContent = drawn.length === mine ? `${mine} yours` : `${mine} yours, ${drawn.length - mine} others’`;
    this.setTabLabel(`Relations (${mine})`);
    this.renderEditor(state.relationId ? this.cx.session.items.get(state.relationId) : undefined);
    if (this.element.closest('[hidden]')) return; // listed when the tab is shown
    replace(this.list, drawn.map((r) => {
      const row = relations.row(r);
      return h('li', null, h('button', {
        type: 'button', class: `relation-row${row.mine ? '' : ' other'}`, 'data-relation': row.id, style: `--c:${row.color}`,
        'aria-current': row.id === state.relationId ? 'true' : null,
      }, h('span', { class: 'swatch' }), h('strong', null, row.name), ' ', h('span', { class: 'relation-text' }, row.text),
      row.by ? h('span', { class: 'muted' }, ` · ${row.by}`) : null));
    }));
  }

  private renderEditor(relation: Annotation | undefined): void {
    this.editor.hidden = !relation;
    if (!relation) return replace(this.editor);
    const { session, codebook, relations, state } = this.cx;
    const row = relations.row(relation);
    const mine = session.isMine(relation);
    const source = session.items.get(relation.sourceSpan ?? '');
    const target = session.items.get(relation.targetSpan ?? '');
    const end = (label: string, span: Annotation | undefined) => {
      const go = h('button', { type: 'button', class: 'button link' }, `“${(span?.quote ?? '').slice(0, 60)}”`);
      go.addEventListener('click', () => span && state.select(span.id, { scroll: true }));
      return h('p', { class: 'relation-end' }, h('span', { class: 'muted' }, `${label} `), go,
        span ? h('span', { class: 'muted' }, ` (${codebook.describe(span.layer, span.label)})`) : null);
    };
    const parts: (HTMLElement | null)[] = [
      h('h3', { class: 'relation-title', style: `--c:${row.color}` }, h('span', { class: 'swatch' }), row.name, row.by ? h('span', { class: 'muted' }, ` · ${row.by}`) : null),
      end(row.directed ? 'From' : 'Between', source), end(row.directed ? 'To' : 'and', target),
    ];
    if (mine && source && target) {
      const allowed = typesFor(codebook.codebook, source, target);
      if (allowed.length > 1) {
        const select = h('select', { id: 'relation-type', 'data-testid': 'relation-type' },
          allowed.map((t) => h('option', { value: t.id, selected: t.id === relation.label }, t.name)));
        select.addEventListener('change', () => session.update(relation.id, { label: select.value, attributes: {} }));
        parts.push(h('label', { class: 'field', for: 'relation-type' }, 'Type'), select);
      }
      for (const def of relations.type(relation.label)?.attributes ?? []) {
        const field = attributeField(def, `relation-${relation.id}`, (value: AttributeValue | undefined, typing) => {
          const current = session.items.get(relation.id);
          if (current) session.update(current.id, { attributes: withAttribute(current.attributes, def.id, value) }, typing ? `${current.id}:${def.id}` : undefined);
        });
        field.set(relation.attributes[def.id]);
        parts.push(field.element);
      }
      const remove = h('button', { type: 'button', class: 'button danger', 'data-testid': 'delete-relation' }, 'Delete relation');
      remove.addEventListener('click', () => {
        session.remove(relation.id);
        state.notice(`Deleted the ${row.name} relation. Ctrl+Z brings it back.`);
      });
      parts.push(h('div', { class: 'relation-actions' }, remove));
    }
    replace(this.editor, parts);
  }
}
