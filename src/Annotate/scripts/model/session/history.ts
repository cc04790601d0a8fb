// Undo and redo as a pair of stacks of changes. A change says what an annotation was before and after; undo
// applies it backwards. Re-created annotations get new ids, so the stacks can rename an id everywhere.

export interface Change<T extends { id: string }> {
  before: T | null;
  after: T | null;
}

interface Entry<T extends { id: string }> {
  changes: Change<T>[];
  mergeKey: string | undefined;
  at: number;
}

export class History<T extends { id: string }> {
  private undoStack: Entry<T>[] = [];
  private redoStack: Entry<T>[] = [];

  constructor(
    private readonly limit = 200,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /**
   * Records changes made together. With a mergeKey equal to the last entry's, made within mergeMs, the two
   * become one step (typing in a note is one undo, not one per pause).
   */
  record(changes: Change<T>[], mergeKey?: string, mergeMs = 2000): void {
    if (changes.length === 0) return;
    this.redoStack = [];
    const top = this.undoStack.at(-1);
    const at = this.now();
    if (mergeKey && top?.mergeKey === mergeKey && at - top.at <= mergeMs && top.changes.length === 1 && changes.length === 1) {
      top.changes = [{ before: top.changes[0]!.before, after: changes[0]!.after }];
      top.at = at;
      return;
    }
    this.undoStack.push({ changes, mergeKey, at });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
  }

  /** The changes to apply to undo the last step (already reversed), or null. */
  undo(): Change<T>[] | null {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    this.redoStack.push(entry);
    return [...entry.changes].reverse().map((c) => ({ before: c.after, after: c.before }));
  }

  redo(): Change<T>[] | null {
    const entry = this.redoStack.pop();
    if (!entry) return null;
    entry.mergeKey = undefined; // a redone step never swallows the next edit
    this.undoStack.push(entry);
    return entry.changes.map((c) => ({ ...c }));
  }

  /** An annotation got a new id (re-created after a delete): later undo/redo steps follow it. */
  renameId(from: string, to: string, rename: (item: T, id: string) => T): void {
    this.rewrite((item) => (item.id === from ? rename(item, to) : item));
  }

  /** Rewrites every remembered state (e.g. links to a renamed annotation). */
  rewrite(fn: (item: T) => T): void {
    for (const entry of [...this.undoStack, ...this.redoStack]) {
      for (const change of entry.changes) {
        if (change.before) change.before = fn(change.before);
        if (change.after) change.after = fn(change.after);
      }
    }
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
