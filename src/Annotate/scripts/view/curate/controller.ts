import { ApiError } from '../../api';
import type { Annotation } from '../../api/annotationTypes';
import { curationApi, type CurationView, type GoldAnnotation, type RelationCluster, type SpanCluster } from '../../api/curation';
import type { Relation } from '../../api/relations';
import { goldRelationContent, relationsAt } from '../../model/curation/curationRelations';
import { contentOf, targetOf } from '../../model/curation/curationEdits';
import { CurationHistory, opFor, versionAfter, type GoldChange, type GoldOp, type GoldStep } from '../../model/curation/curationHistory';
import { keepSelection, readingOrder } from '../../model/curation/curationNav';
import { coalescedRefresh } from '../../model/shared/coalesce';

export interface CurationNotices {
  /** A line for the page's status area; problem: it went wrong. */
  status(message: string, problem?: boolean): void;
  announce(message: string): void;
}

/**
 * The curation of one document: the server's curation view, the chosen cluster, and the curator's writes with
 * their undo history. Every write is followed by fetching the view again (the server classifies the clusters).
 */
export class Curation {
  view: CurationView | null = null;
  ordered: SpanCluster[] = [];
  selected: SpanCluster | null = null;
  readonly history = new CurationHistory();
  readonly byId = new Map<string, Annotation>();
  /** Annotators' relations and the gold layer's, by id. */
  readonly relationById = new Map<string, Relation>();
  /** The relation cluster chosen within the chosen cluster (keys 1–9 and r then act on it), or null. */
  selectedRelation: string | null = null;
  private readonly listeners = new Set<() => void>();
  busy = false;

  constructor(readonly documentId: string, private readonly notices: CurationNotices, private readonly signal: AbortSignal) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fetches the view again (calls during a fetch are folded into one more), keeping the chosen cluster. */
  readonly refresh = coalescedRefresh(async () => this.adopt(await curationApi.view(this.documentId, this.signal)));

  select(cluster: SpanCluster | null, relation: string | null = null): void {
    if (cluster?.id !== this.selected?.id || relation) this.selectedRelation = relation;
    this.selected = cluster;
    this.emit();
  }

  /** Chooses a relation cluster of the chosen cluster (null: back to the cluster itself). */
  selectRelation(id: string | null): void {
    this.selectedRelation = id;
    this.emit();
  }

  /** The relation clusters with an end in a span cluster (all of them for null). */
  relationsAt(cluster: SpanCluster | null): RelationCluster[] {
    return relationsAt(this.view?.relationClusters ?? [], cluster?.id ?? null);
  }

  /** The chosen relation cluster, while it is still one of the chosen cluster's. */
  chosenRelation(): RelationCluster | null {
    return this.selected ? this.relationsAt(this.selected).find((c) => c.id === this.selectedRelation) ?? null : null;
  }

  relation(id: string): Relation | undefined {
    return this.relationById.get(id);
  }

  /** An annotator's relations in a relation cluster. */
  relationsOf(cluster: RelationCluster, annotatorId: string): Relation[] {
    return cluster.relations.map((id) => this.relationById.get(id)).filter((r): r is Relation => r?.annotatorId === annotatorId);
  }

  annotation(id: string): Annotation | undefined {
    return this.byId.get(id);
  }

  /** The annotators' spans of a cluster, by annotator in the view's order. */
  spansOf(cluster: SpanCluster, annotatorId: string): Annotation[] {
    return cluster.spans.map((id) => this.byId.get(id)).filter((a): a is Annotation => a?.annotatorId === annotatorId)
      .sort((a, b) => a.start! - b.start! || a.end! - b.end!);
  }

  /** Does one action: its writes in order, then one undo step for whatever of it went through. */
  async perform(description: string, changes: GoldChange[], versions: ReadonlyMap<string, number> = new Map()): Promise<boolean> {
    const done: GoldChange[] = [];
    let ok = false;
    await this.writing(async () => {
      try {
        for (const change of changes) {
          await this.write(opFor(change, versions.get(change.id) ?? this.history.versions.get(change.id)));
          done.push(change);
        }
        ok = true;
      } catch (error) {
        this.problem(error, description);
      }
      this.history.record({ description, changes: done });
    });
    if (ok) this.notices.status(`${description}.`);
    return ok;
  }

  /** Accepts everything the annotators agree on as one step. */
  async acceptAgreed(): Promise<void> {
    await this.writing(async () => {
      try {
        const { created, relations } = await curationApi.acceptAgreed(this.documentId);
        for (const a of [...created, ...relations]) this.history.noteVersion(a.id, a.version);
        const changes = [
          ...created.map((a): GoldChange => ({ target: targetOf(a), id: a.id, before: null, after: contentOf(a, targetOf(a)) })),
          // Undone backwards: the relations go before the spans they join.
          ...relations.map((r): GoldChange => ({ target: 'gold-relations', id: r.id, before: null, after: goldRelationContent(r) })),
        ];
        const n = changes.length;
        const what = `${n} agreed ${n === 1 ? 'annotation' : 'annotations'}${relations.length ? ` (${relations.length} ${relations.length === 1 ? 'relation' : 'relations'})` : ''}`;
        this.history.record({ description: `Accepted ${what}`, changes });
        this.notices.status(n ? `Accepted ${what} (one undo step).` : 'Nothing agreed is left to accept.');
      } catch (error) {
        this.problem(error, 'Accept all agreed');
      }
    });
  }

  undo(): Promise<void> {
    return this.replay('undo');
  }

  redo(): Promise<void> {
    return this.replay('redo');
  }

  private async replay(which: 'undo' | 'redo'): Promise<void> {
    let plan: ReturnType<CurationHistory['planUndo']>;
    try {
      plan = which === 'undo' ? this.history.planUndo() : this.history.planRedo();
    } catch (error) {
      this.problem(error, which === 'undo' ? 'Undo' : 'Redo');
      return;
    }
    if (!plan) {
      this.notices.status(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    const { step, ops } = plan;
    await this.writing(async () => {
      try {
        for (const op of ops) await this.write(op);
        if (which === 'undo') this.history.undone(step);
        else this.history.redone(step);
        this.notices.status(`${which === 'undo' ? 'Undone' : 'Redone'}: ${step.description}.`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          this.history.drop(step);
          this.notices.status(`Could not ${which} “${step.description}”: another curator changed it since. That step is no longer in the history.`, true);
        } else {
          this.problem(error, which === 'undo' ? 'Undo' : 'Redo');
        }
      }
    });
  }

  private async write(op: GoldOp): Promise<void> {
    if (op.kind === 'delete') {
      await curationApi.remove(op.target, this.documentId, op.id, op.version);
      this.history.noteVersion(op.id, versionAfter(op));
    } else {
      const saved = await curationApi.put(op.target, this.documentId, op.id, { ...op.body, ...(op.version === undefined ? {} : { version: op.version }) });
      this.history.noteVersion(op.id, versionAfter(op, saved));
    }
  }

  /** Runs writes one action at a time, then shows the server's view of the result. */
  private async writing(run: () => Promise<void>): Promise<void> {
    if (this.busy) {
      this.notices.status('Still saving the last action…');
      return;
    }
    this.busy = true;
    this.emit();
    try {
      await run();
    } finally {
      this.busy = false;
      try {
        await this.refresh();
      } catch (error) {
        this.problem(error, 'Reloading the curation');
      }
    }
  }

  problem(error: unknown, what: string): void {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    // A 409 naming an end is not a race: a relation's span is not in gold yet, which its detail says.
    const endMissing = error instanceof ApiError && error.status === 409 && typeof error.problem.field === 'string';
    const text = error instanceof ApiError
      ? error.status === 409 && !endMissing ? 'another curator changed it meanwhile; the page now shows their version.' : `${error.title}${error.detail ? `: ${error.detail}` : ''}`
      : error instanceof Error ? error.message : String(error);
    this.notices.status(`${what} failed: ${text}`, true);
  }

  private adopt(view: CurationView): void {
    this.view = view;
    this.byId.clear();
    for (const a of [...view.spans, ...view.labels, ...view.gold, ...view.goldLabels, ...view.rejections, ...view.relationRejections]) this.byId.set(a.id, a);
    this.relationById.clear();
    for (const r of [...view.relations, ...view.goldRelations]) this.relationById.set(r.id, r);
    this.ordered = readingOrder(view.clusters);
    this.selected = keepSelection(this.ordered, this.selected);
    if (!this.chosenRelation()) this.selectedRelation = null;
    this.emit();
  }

  gold(id: string): GoldAnnotation | undefined {
    return this.byId.get(id);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export type { GoldStep };
