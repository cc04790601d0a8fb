import type { Annotation } from '../../api/annotationTypes';
import { isGoldLayer } from './goldLayer';
import { History, type Change } from './history';
import { newId } from '../shared/ids';
import { Outbox, type OutboxOp } from './outbox';
import type { PendingEntry, PendingStore } from './pendingStore';
import { typedRefusal, type Refusal } from './refusal';
import type { SaveState } from './saveText';
import { editable, targetOf, toPayload, type Editable, type SaveBody, type SessionContext, type SessionEvent, type SessionNotices, type SessionTransport } from './sessionTypes';

export type { Editable, SaveBody, SessionContext, SessionEvent, SessionNotices, SessionTransport, Target } from './sessionTypes';

/**
 * The annotations of one document as this person sees them, kept optimistic: a change shows at once, goes into
 * the outbox, and is undoable. What the server answers (its version, or a conflict's stored annotation) is
 * adopted when it arrives.
 */
export class AnnotationSession {
  readonly items = new Map<string, Annotation>();
  readonly history = new History<Annotation>();
  readonly outbox: Outbox<SaveBody, Annotation>;
  private readonly confirmed = new Map<string, Annotation>();
  /** Ids the server may have seen: never reused for a re-created annotation. */
  private readonly known = new Set<string>();
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  /** Changes the server refused for what was typed in a field: kept on screen, as typed, until corrected. */
  readonly refusals = new Map<string, Refusal>();
  /** False when the unsent changes could not be kept in the browser's storage. */
  persisted = true;
  /** Ids re-created under new ids (old → new), so a relation re-created later in the same undo follows its ends. */
  private readonly renamed = new Map<string, string>();

  constructor(
    private readonly ctx: SessionContext,
    transport: SessionTransport,
    private readonly notices: SessionNotices,
    private readonly store: PendingStore | null = null,
  ) {
    this.outbox = new Outbox<SaveBody, Annotation>(
      {
        put: (id, body, version) => transport.put(body.target, id, { ...body.payload, version }),
        remove: (id, body, version) => transport.remove(body.target, id, version),
        classify: (error) => transport.classify(error),
      },
      {
        saved: (op, result) => this.onSaved(op, result),
        conflict: (op, current) => this.onConflict(op, current),
        rejected: (op, error, errors) => this.onRejected(op, error, errors),
        changed: () => {
          this.persist();
          notices.saveState(this.saveState);
        },
      });
  }

  /** The outbox's state and the refused changes, for the save indicator. */
  get saveState(): SaveState {
    return { ...this.outbox.state, refused: [...this.refusals.values()] };
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server's annotations, replacing what was there (no events: the views draw them in bulk); never the gold layer. */
  load(items: readonly Annotation[]): void {
    this.items.clear();
    for (const a of items) {
      if (isGoldLayer(a)) continue;
      this.items.set(a.id, a);
      this.confirmed.set(a.id, a);
      this.known.add(a.id);
      this.outbox.versions.set(a.id, a.version);
    }
  }

  /**
   * A change the server announced (another tab, another person, or the echo of one of ours). A local edit still
   * on its way wins: the outbox sends it based on the version it knew, and the server's 409 sorts out a real
   * conflict. Returns true when something changed on screen. The gold layer (a curator's work) is nobody's spans here.
   */
  applyRemote(kind: 'upsert' | 'delete', remote: Annotation): boolean {
    if (isGoldLayer(remote)) return false;
    if (this.outbox.isPending(remote.id)) return false;
    const current = this.items.get(remote.id);
    if (kind === 'delete' || remote.deleted) {
      this.known.add(remote.id);
      this.confirmed.delete(remote.id);
      this.outbox.versions.delete(remote.id);
      if (!current) return false;
      this.items.delete(remote.id);
      this.emit({ kind: 'delete', annotation: current });
      return true;
    }
    if (current && current.version >= remote.version) return false; // already have it (or newer)
    this.known.add(remote.id);
    this.confirmed.set(remote.id, remote);
    this.outbox.versions.set(remote.id, remote.version);
    this.set(remote);
    return true;
  }

  /** After a visibility change: others' annotations not in `keep` are no longer visible to this person. */
  dropOthers(keep: ReadonlySet<string>): void {
    for (const a of [...this.items.values()]) {
      if (this.isMine(a) || keep.has(a.id)) continue;
      this.items.delete(a.id);
      this.confirmed.delete(a.id);
      this.emit({ kind: 'delete', annotation: a });
    }
  }

  /**
   * Replays the changes an earlier page left unsent (call after load): shown at once and queued again, each based
   * on the version it was based on then, so a change made meanwhile elsewhere is a conflict, not overwritten.
   */
  restorePending(): number {
    if (!this.store) return 0;
    const entries = this.store.take();
    for (const entry of entries) {
      if (entry.baseVersion > 0) this.outbox.versions.set(entry.id, entry.baseVersion);
      else if (!this.confirmed.has(entry.id)) this.outbox.versions.delete(entry.id);
      this.known.add(entry.id);
      if (entry.kind === 'put' && entry.annotation) this.set(entry.annotation);
      else if (entry.kind === 'delete') {
        const current = this.items.get(entry.id);
        if (current) {
          this.items.delete(entry.id);
          this.emit({ kind: 'delete', annotation: current });
        }
      }
      this.outbox.enqueue({ kind: entry.kind, id: entry.id, body: entry.body });
    }
    return entries.length;
  }

  private persist(): void {
    if (!this.store) return;
    const ops = this.outbox.pendingOps();
    // A refused change is kept too: after a reload it is shown (and refused, with its reason) again, not lost.
    for (const id of this.refusals.keys()) {
      const a = this.items.get(id);
      if (a && !this.outbox.isPending(id)) ops.push({ kind: 'put', id, body: { target: targetOf(a), payload: toPayload(a) } });
    }
    const entries: PendingEntry[] = ops.map((op) => ({
      kind: op.kind, id: op.id, body: op.body,
      annotation: op.kind === 'put' ? this.items.get(op.id) ?? null : null,
      baseVersion: this.outbox.versions.get(op.id) ?? 0,
    }));
    this.persisted = this.store.save(entries);
  }

  isMine(a: Annotation): boolean {
    return a.annotatorId === this.ctx.userId;
  }

  /** This person's live span with exactly this layer, label and offsets, if there is one: a second would count twice. */
  twinOf(layer: string, label: string, start: number, end: number): Annotation | undefined {
    for (const a of this.items.values()) {
      if (a.kind === 'span' && !a.deleted && this.isMine(a) && a.layer === layer && a.label === label && a.start === start && a.end === end) return a;
    }
    return undefined;
  }

  /** This person's live relation of this type between these spans (either way round when undirected), if any. */
  relationTwin(type: string, source: string, target: string, directed: boolean): Annotation | undefined {
    for (const a of this.items.values()) {
      if (a.kind !== 'relation' || !this.isMine(a) || a.label !== type) continue;
      if ((a.sourceSpan === source && a.targetSpan === target) || (!directed && a.sourceSpan === target && a.targetSpan === source)) return a;
    }
    return undefined;
  }

  /** The live relations that have this span at one end. */
  relationsOf(spanId: string): Annotation[] {
    return [...this.items.values()].filter((a) => a.kind === 'relation' && (a.sourceSpan === spanId || a.targetSpan === spanId));
  }

  /** A new relation of this person between two spans (ids); shown at once, saved and undoable like a span. */
  createRelation(type: string, source: string, target: string, fields: Partial<Pick<Editable, 'attributes' | 'note'>> = {}): Annotation {
    return this.create('relation', { layer: '', label: type, sourceSpan: source, targetSpan: target, ...fields });
  }

  create(kind: 'span' | 'document' | 'relation', fields: Partial<Editable> & Pick<Editable, 'layer' | 'label'>): Annotation {
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: newId(), documentId: this.ctx.documentId, documentVersion: this.ctx.documentVersion, codebookVersion: this.ctx.codebookVersion,
      kind, start: null, end: null, quote: null, prefix: null, suffix: null, attributes: {}, attribution: null, note: null,
      ...fields,
      annotatorId: this.ctx.userId, annotatorName: this.ctx.displayName, version: 0, status: 'ok', createdAt: now, updatedAt: now,
    };
    this.applyAndRecord([{ before: null, after: annotation }]);
    return annotation;
  }

  /** Changes some fields; edits with the same mergeKey in quick succession undo as one step. */
  update(id: string, patch: Partial<Editable>, mergeKey?: string): Annotation | null {
    const current = this.items.get(id);
    if (!current) return null;
    const next = { ...current, ...patch, updatedAt: new Date().toISOString() };
    this.applyAndRecord([{ before: current, after: next }], mergeKey);
    return this.items.get(id) ?? null;
  }

  /**
   * Deletes an annotation. A span's own relations go with it in the same step, sent before the span (the server
   * would tombstone them anyway), so undo brings the span back first and then its relations, re-linked to it.
   */
  remove(id: string): void {
    const current = this.items.get(id);
    if (!current) return;
    const relations = current.kind === 'span' ? this.relationsOf(id).filter((r) => this.isMine(r)) : [];
    this.applyAndRecord([...relations.map((r) => ({ before: r, after: null })), { before: current, after: null }]);
  }

  /** Undoes the last step; returns the annotations it touched (as they are now), or null with nothing to undo. */
  undo(): Annotation[] | null {
    return this.replay(this.history.undo());
  }

  redo(): Annotation[] | null {
    return this.replay(this.history.redo());
  }

  private replay(changes: Change<Annotation>[] | null): Annotation[] | null {
    if (!changes) return null;
    const touched = new Set<string>();
    const off = this.subscribe((e) => touched.add(e.annotation.id));
    this.apply(changes);
    off();
    return [...touched].map((id) => this.items.get(id)).filter((a): a is Annotation => !!a);
  }

  private applyAndRecord(changes: Change<Annotation>[], mergeKey?: string): void {
    this.history.record(changes, mergeKey);
    this.apply(changes);
  }

  private apply(changes: Change<Annotation>[]): void {
    for (const { before, after } of changes) {
      if (!before && after) this.recreate(after);
      else if (before && !after) this.delete(before.id);
      else if (after) this.edit(after);
    }
  }

  private recreate(target: Annotation): void {
    let annotation = this.followRenames(target);
    // An id the server may have seen and deleted is never reused: the undone delete becomes a new annotation.
    if (this.known.has(target.id)) {
      annotation = { ...annotation, id: newId(), version: 0 };
      this.history.renameId(target.id, annotation.id, (a, id) => ({ ...a, id }));
      this.relink(target.id, annotation.id);
    }
    this.set(annotation);
    this.send(annotation);
  }

  private edit(target: Annotation): void {
    const current = this.items.get(target.id);
    if (!current) return; // gone meanwhile (a conflict): nothing to change
    const next = { ...current, ...editable(target), updatedAt: new Date().toISOString() };
    this.set(next);
    this.send(next);
  }

  private delete(id: string): void {
    const current = this.items.get(id);
    if (!current) return;
    this.refusals.delete(id);
    this.items.delete(id);
    this.emit({ kind: 'delete', annotation: current });
    this.outbox.enqueue({ kind: 'delete', id, body: { target: targetOf(current), payload: { layer: current.layer, label: current.label } } });
  }

  /** Relations that end at a span that got a new id follow it. */
  private relink(from: string, to: string): void {
    this.renamed.set(from, to);
    const moved = (a: Annotation): Annotation => {
      let next = a;
      if (a.sourceSpan === from) next = { ...next, sourceSpan: to };
      if (a.targetSpan === from) next = { ...next, targetSpan: to };
      return next;
    };
    for (const a of [...this.items.values()]) {
      const next = moved(a);
      if (next !== a && this.isMine(a)) {
        this.set(next);
        this.send(next);
      }
    }
    this.history.rewrite(moved);
  }

  /** A relation being re-created in the middle of an undo: its ends may have got new ids a moment ago. */
  private followRenames(a: Annotation): Annotation {
    if (a.kind !== 'relation' || a.sourceSpan === undefined || a.targetSpan === undefined) return a;
    const follow = (id: string) => {
      let at = id;
      for (let next = this.renamed.get(at); next !== undefined; next = this.renamed.get(at)) at = next;
      return at;
    };
    const sourceSpan = follow(a.sourceSpan);
    const targetSpan = follow(a.targetSpan);
    return sourceSpan === a.sourceSpan && targetSpan === a.targetSpan ? a : { ...a, sourceSpan, targetSpan };
  }

  private send(a: Annotation): void {
    this.known.add(a.id);
    this.outbox.enqueue({ kind: 'put', id: a.id, body: { target: targetOf(a), payload: toPayload(a) } });
  }

  private set(a: Annotation): void {
    const previous = this.items.get(a.id);
    this.items.set(a.id, a);
    this.emit({ kind: 'set', annotation: a, previous });
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private onSaved(op: OutboxOp<SaveBody>, result: Annotation | null): void {
    if (this.refusals.delete(op.id)) {
      const local = this.items.get(op.id);
      if (local) this.emit({ kind: 'set', annotation: local, previous: local }); // the field's error goes
    }
    if (!result) {
      this.confirmed.delete(op.id);
      return;
    }
    this.confirmed.set(result.id, result);
    // Later local edits are still on their way: keep showing those.
    if (this.items.has(result.id) && !this.outbox.isPending(result.id)) this.set(result);
  }

  private onConflict(op: OutboxOp<SaveBody>, current: Annotation | null): void {
    const local = this.items.get(op.id);
    if (current && current.id !== op.id) {
      // One label per person in this layer, and there already is one: change that one instead.
      if (local) {
        this.items.delete(op.id);
        this.emit({ kind: 'delete', annotation: local });
      }
      this.confirmed.set(current.id, current);
      this.history.renameId(op.id, current.id, (a, id) => ({ ...a, id, version: current.version }));
      if (op.kind === 'put' && local) {
        const next = { ...current, ...editable(local) };
        this.set(next);
        this.send(next);
      } else {
        this.set(current);
      }
      return;
    }
    if (current && !current.deleted) {
      this.confirmed.set(current.id, current);
      this.set(current);
    } else if (local) {
      this.items.delete(op.id);
      this.emit({ kind: 'delete', annotation: local });
    }
    this.notices.problem('This annotation was changed elsewhere (another window or person); the saved version is shown now.');
  }

  private onRejected(op: OutboxOp<SaveBody>, error: unknown, errors: Record<string, string[]> | undefined): void {
    const local = this.items.get(op.id);
    const refusal = local ? typedRefusal(errors, this.notices.attributeName) : null;
    if (local && refusal) {
      // What was typed stays in its field, marked with the server's reason; nothing is undone.
      this.refusals.set(op.id, refusal);
      this.emit({ kind: 'set', annotation: local, previous: local });
      // Typed on while the refused change was on its way: that newer text may be fine, so send it.
      if (op.kind === 'put' && JSON.stringify(toPayload(local)) !== JSON.stringify(op.body.payload)) this.send(local);
      return;
    }
    const confirmed = this.confirmed.get(op.id);
    if (confirmed) this.set(confirmed);
    else if (local) {
      this.items.delete(op.id);
      this.emit({ kind: 'delete', annotation: local });
    }
    this.notices.problem('A change could not be saved and was undone.', error);
  }
}
