import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation, SpanCluster } from '../../api/curation';
import { attributeEntries, disagreedAttributes } from '../../model/curation/curationAttributes';
import { mergeLabels } from '../../model/curation/curationEdits';
import { kindsText } from '../../model/curation/curationNav';
import { offsets, provenanceText, shortQuote } from '../../model/curation/curationText';
import { h, replace } from '../dom';
import { attributeList } from './attributeList';
import type { Curation } from './controller';
import { goldEditor, type EditorHost } from './goldEditor';
import type { Names } from './names';
import { relationsSection, type RelationActions } from './relationsPanel';

export interface ClusterActions extends RelationActions {
  accept(spans: Annotation[], annotatorName: string): void;
  merge(spans: Annotation[], label: string): void;
  reject(cluster: SpanCluster): void;
  remove(gold: GoldAnnotation): void;
  save: EditorHost['save'];
  selectedStretch: EditorHost['selectedStretch'];
}

/**
 * The chosen cluster: each annotator's spans in it side by side (with Accept, and a checkbox to merge), who marked
 * nothing, the gold and rejections already there with their provenance, and the actions on them.
 */
export class ClusterPanel {
  readonly element = h('section', { class: 'curate-panel', 'aria-labelledby': 'cluster-title', 'data-testid': 'cluster-panel' });
  /** The gold span being edited: the panel keeps its form through live refreshes. */
  editing: string | null = null;

  constructor(private readonly curation: Curation, private readonly names: Names, private readonly text: string, private readonly actions: ClusterActions) {}

  render(): void {
    // Focus inside a relation block stays in that block when the panel is redrawn: going back to the title would
    // scroll the side column up, away from the relations at its foot.
    const focusedRelation = this.element.contains(document.activeElement)
      ? document.activeElement?.closest('[data-relation-cluster]')?.getAttribute('data-relation-cluster') ?? null
      : null;
    this.draw();
    if (focusedRelation) this.relationButton(focusedRelation)?.focus({ preventScroll: true });
  }

  private relationButton(id: string): HTMLElement | null {
    return [...this.element.querySelectorAll<HTMLElement>('[data-relation-cluster]')].find((e) => e.dataset['relationCluster'] === id)
      ?.querySelector<HTMLElement>('.relation-choose') ?? null;
  }

  private draw(): void {
    const cluster = this.curation.selected;
    const view = this.curation.view;
    if (!cluster || !view) {
      replace(this.element, h('h2', { id: 'cluster-title', tabindex: -1 }, 'No cluster chosen'),
        h('p', { class: 'hint' }, 'Click a coloured stretch, or press j / k to move through the clusters (Shift+N: the next open one).'));
      return;
    }
    if (this.editing && !cluster.gold.includes(this.editing) && !this.curation.relationsAt(cluster).some((r) => r.gold.includes(this.editing!))) this.editing = null;
    const checked = new Set([...this.element.querySelectorAll<HTMLInputElement>('input[name="merge"]:checked')].map((c) => c.value));
    const disagreed = disagreedAttributes(cluster.spans.map((id) => this.curation.annotation(id)).filter((a): a is Annotation => !!a), cluster.layer);
    const rows = view.annotators.map((person, i) => this.annotatorRow(cluster, person, i, checked, disagreed));
    const label = h('select', { 'aria-label': 'Label of the merged span', 'data-testid': 'merge-label' });
    const mergeButton = h('button', { type: 'button', class: 'button', 'data-testid': 'merge' }, 'Merge chosen');
    const chosen = () => [...this.element.querySelectorAll<HTMLInputElement>('input[name="merge"]:checked')]
      .map((c) => this.curation.annotation(c.value)).filter((a): a is Annotation => !!a);
    const refreshLabels = () => {
      const labels = mergeLabels(chosen());
      replace(label, labels.map((l) => h('option', { value: l }, this.names.label(cluster.layer, l))));
      mergeButton.disabled = labels.length === 0 || this.curation.busy;
    };
    this.element.onchange = (event) => (event.target as HTMLInputElement).name === 'merge' && refreshLabels();
    mergeButton.addEventListener('click', () => this.actions.merge(chosen(), label.value));

    replace(this.element,
      h('h2', { id: 'cluster-title', tabindex: -1 },
        `${this.names.layer(cluster.layer)} ${offsets(cluster.start, cluster.end)}`,
        h('span', { class: `tone-pill ${cluster.status}` }, cluster.status)),
      h('p', { class: 'cluster-kinds', 'data-testid': 'cluster-kinds' }, kindsText(cluster)),
      disagreed.size ? h('p', { class: 'attr-disagreement', 'data-testid': 'attribute-disagreement' }, 'Attributes differ: ',
        attributeEntries(this.names.attributes(cluster.layer), null, disagreed).map((e) => e.name).join(', ')) : null,
      h('blockquote', { class: 'cluster-quote' }, shortQuote(this.text, cluster.start, cluster.end, 300)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'curate-table' },
        h('caption', { class: 'visually-hidden' }, 'Each annotator’s spans in this cluster'),
        h('thead', null, h('tr', null, ['Merge', 'Annotator', 'Spans', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, rows))),
      cluster.missing.length ? h('p', { class: 'missing', 'data-testid': 'cluster-missing' },
        'Marked nothing here: ', cluster.missing.map((id) => view.annotators.find((a) => a.id === id)?.name ?? id).join(', ')) : null,
      h('div', { class: 'curate-actions' },
        cluster.spans.length > 1 ? h('span', { class: 'merge-controls' }, label, mergeButton) : null,
        h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'r', 'data-testid': 'reject', disabled: this.curation.busy,
          onclick: () => this.actions.reject(cluster) }, 'Reject (r)')),
      h('h3', null, 'Gold here'),
      this.goldList(cluster),
      relationsSection(this.curation, this.names, this.text, this.actions, {
        editing: this.editing,
        edit: (id) => (id ? this.edit(id, '.gold-editor select') : this.stopEditing()),
      }));
    refreshLabels();
  }

  focus(): void {
    const relation = this.curation.chosenRelation();
    ((relation ? this.relationButton(relation.id) : null) ?? this.element.querySelector<HTMLElement>('#cluster-title'))?.focus();
  }

  private annotatorRow(cluster: SpanCluster, person: { id: string; name: string }, index: number, checked: Set<string>, disagreed: ReadonlySet<string>): HTMLElement {
    const spans = this.curation.spansOf(cluster, person.id);
    const key = index < 9 ? String(index + 1) : null;
    return h('tr', { 'data-testid': 'annotator-row', 'data-annotator': person.id },
      h('td', null, spans.map((s) => h('input', { type: 'checkbox', name: 'merge', value: s.id, checked: checked.has(s.id), 'aria-label': `Merge ${person.name}’s ${s.label} ${offsets(s.start, s.end)}` }))),
      h('th', { scope: 'row' }, key ? h('kbd', null, key) : null, ' ', person.name),
      h('td', null, spans.length
        ? h('ul', { class: 'plain' }, spans.map((s) => h('li', null,
          h('strong', null, this.names.label(s.layer, s.label)), ' ', h('q', null, shortQuote(this.text, s.start!, s.end!)), ' ',
          h('span', { class: 'offsets' }, offsets(s.start, s.end)),
          attributeList(attributeEntries(this.names.attributes(s.layer), s.attributes, disagreed)))))
        : h('span', { class: 'hint' }, 'marked nothing here')),
      h('td', null, spans.length ? h('button', {
        type: 'button', class: 'button', disabled: this.curation.busy, 'aria-keyshortcuts': key,
        'aria-label': `Accept ${person.name}’s span`, onclick: () => this.actions.accept(spans, person.name),
      }, 'Accept') : null));
  }

  private goldList(cluster: SpanCluster): HTMLElement {
    const gold = cluster.gold.map((id) => this.curation.gold(id)).filter((g): g is GoldAnnotation => !!g);
    const rejections = cluster.rejections.map((id) => this.curation.gold(id)).filter((g): g is GoldAnnotation => !!g);
    if (gold.length === 0 && rejections.length === 0) return h('p', { class: 'hint', 'data-testid': 'no-gold' }, 'Nothing curated here yet.');
    return h('ul', { class: 'plain gold-list' },
      gold.map((g) => h('li', { 'data-testid': 'gold-item', 'data-gold': g.id },
        h('strong', null, this.names.label(g.layer, g.label)), ' ', h('q', null, shortQuote(this.text, g.start!, g.end!)), ' ',
        h('span', { class: 'offsets' }, offsets(g.start, g.end)),
        attributeList(attributeEntries(this.names.attributes(g.layer), g.attributes)),
        h('p', { class: 'provenance' }, provenanceText(g.provenance), g.note ? ` · note: ${g.note}` : ''),
        this.editing === g.id
          ? goldEditor(g, this.names, { save: this.actions.save, selectedStretch: this.actions.selectedStretch, close: () => this.stopEditing() })
          : h('div', { class: 'curate-actions' },
            h('button', { type: 'button', class: 'button subtle', disabled: this.curation.busy, onclick: () => this.edit(g.id) }, 'Edit'),
            h('button', { type: 'button', class: 'button subtle', disabled: this.curation.busy, onclick: () => this.actions.remove(g) }, 'Remove')))),
      rejections.map((r) => h('li', { 'data-testid': 'rejection-item' },
        h('strong', null, 'Rejected'), ' ', h('span', { class: 'offsets' }, offsets(r.start, r.end)),
        h('p', { class: 'provenance' }, provenanceText(r.provenance)),
        h('button', { type: 'button', class: 'button subtle', disabled: this.curation.busy, onclick: () => this.actions.remove(r) }, 'Remove rejection'))));
  }

  private edit(id: string, focus = '.gold-editor select'): void {
    this.editing = id;
    this.render();
    this.element.querySelector<HTMLElement>(focus)?.focus();
  }

  /** Brings the chosen relation block into view (within the panel's scroller) and onto the keyboard's focus path. */
  showChosenRelation(): void {
    const chosen = this.curation.chosenRelation();
    const button = chosen ? this.relationButton(chosen.id) : null;
    button?.focus({ preventScroll: true });
    button?.scrollIntoView({ block: 'nearest' });
  }

  private stopEditing(): void {
    this.editing = null;
    this.render();
    this.focus();
  }
}
