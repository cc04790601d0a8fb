// Undo and redo of a curator's own actions on the gold layer. A step is one action (an accept-all-agreed is one
// step however many spans it created); each change says what an id held before and after (null: nothing).
// Writes carry versions, so the history remembers the version it last wrote of each id: an undo based on it meets
// 409 when another curator changed the annotation since, and that step is dropped rather than forced.

import type { GoldTarget } from '../../api/curation';
import type { GoldContent } from './curationEdits';
import type { GoldRelationContent, RelationRejectionContent } from './curationRelations';

/** What one id holds in the gold layer: a span or label, a rejection, a gold relation, or a rejection of relations. */
export type CurationContent = GoldContent | GoldRelationContent | RelationRejectionContent;

export interface GoldChange {
  target: GoldTarget;
  id: string;
  before: CurationContent | null;
  after: CurationContent | null;
}

export interface GoldStep {
  /** What the step did, for the announcement ("Accepted Ana's span"). */
  description: string;
  changes: GoldChange[];
}

/** One write that brings an id to the content wanted: a PUT (version omitted to create) or a DELETE. */
export type GoldOp =
  | { kind: 'put'; target: GoldTarget; id: string; body: CurationContent; version?: number }
  | { kind: 'delete'; target: GoldTarget; id: string; version: number };

/**
 * The write that applies a change, given the version the server holds of the id (undefined: it never existed).
 * Deleting needs the current version; writing over a tombstone needs the tombstone's (the deleted version + 1).
 */
export function opFor(change: GoldChange, version: number | undefined): GoldOp {
  if (change.after === null) {
    if (version === undefined) throw new Error(`No version known for ${change.id}.`);
    return { kind: 'delete', target: change.target, id: change.id, version };
  }
  return { kind: 'put', target: change.target, id: change.id, body: change.after, ...(version === undefined ? {} : { version }) };
}

/** The version the id has after an op: a DELETE leaves a tombstone one above; a PUT says its own. */
export function versionAfter(op: GoldOp, saved?: { version: number }): number {
  if (op.kind === 'delete') return op.version + 1;
  if (!saved) throw new Error(`PUT ${op.id} answered no version.`);
  return saved.version;
}

/** The change that undoes another. */
export const inverse = (change: GoldChange): GoldChange => ({ ...change, before: change.after, after: change.before });

export class CurationHistory {
  private undoStack: GoldStep[] = [];
  private redoStack: GoldStep[] = [];
  /** The version this curator's last write of each id left on the server. */
  readonly versions = new Map<string, number>();

  constructor(private readonly limit = 100) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** What the next undo and redo would do, for the buttons' titles. */
  get nextUndo(): string | null {
    return this.undoStack.at(-1)?.description ?? null;
  }

  get nextRedo(): string | null {
    return this.redoStack.at(-1)?.description ?? null;
  }

  /** A step done (its writes have succeeded and noted their versions). Forgets what could be redone. */
  record(step: GoldStep): void {
    if (step.changes.length === 0) return;
    this.redoStack = [];
    this.undoStack.push(step);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
  }

  /** Remembers the version a write of ours left. */
  noteVersion(id: string, version: number): void {
    this.versions.set(id, version);
  }

  /** The writes that would undo the last step (its changes backwards), without taking it off the stack yet. */
  planUndo(): { step: GoldStep; ops: GoldOp[] } | null {
    const step = this.undoStack.at(-1);
    return step ? { step, ops: [...step.changes].reverse().map((c) => opFor(inverse(c), this.versions.get(c.id))) } : null;
  }

  planRedo(): { step: GoldStep; ops: GoldOp[] } | null {
    const step = this.redoStack.at(-1);
    return step ? { step, ops: step.changes.map((c) => opFor(c, this.versions.get(c.id))) } : null;
  }

  /** The undo's writes went through: the step can be redone. */
  undone(step: GoldStep): void {
    if (this.undoStack.at(-1) !== step) return;
    this.undoStack.pop();
    this.redoStack.push(step);
  }

  redone(step: GoldStep): void {
    if (this.redoStack.at(-1) !== step) return;
    this.redoStack.pop();
    this.undoStack.push(step);
  }

  /** Someone else changed what the step touched: it can no longer be undone or redone safely. */
  drop(step: GoldStep): void {
    this.undoStack = this.undoStack.filter((s) => s !== step);
    this.redoStack = this.redoStack.filter((s) => s !== step);
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.versions.clear();
  }
}
