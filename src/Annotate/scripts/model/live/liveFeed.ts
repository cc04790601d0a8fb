// Following one document's annotation changes live: which pushed changes to apply, which to drop as already
// seen, and when to ask the server again (after a reconnect, a visibility change, or a gap in the sequence).
// Pure: the hub call and what "apply" means are passed in, so the rules can be tested without a browser.

export interface FeedChange<A> {
  seq: number;
  kind: 'upsert' | 'delete';
  annotation: A;
}

export interface FeedJoin<A> {
  changes: readonly FeedChange<A>[];
  lastSeq: number;
  visibility: string;
  /** Whether the answer covers everyone's work or only the caller's own. */
  seesOthers: boolean;
}

export interface FeedSink<A> {
  apply(change: FeedChange<A>): void;
  /** A join answered; `full` when it started from 0 (first join or a visibility change): replace what is shown. */
  joined?(result: FeedJoin<A>, full: boolean): void;
  failed?(error: unknown): void;
}

export type SeqVerdict = 'apply' | 'stale' | 'gap';

/**
 * What to do with a pushed change's sequence number, given the highest applied so far. Only in open and reveal
 * modes are the numbers a client receives consecutive; in blind mode gaps are by design.
 */
export function judgeSeq(seq: number, lastSeq: number, consecutive: boolean): SeqVerdict {
  if (seq <= lastSeq) return 'stale';
  if (consecutive && seq !== lastSeq + 1) return 'gap';
  return 'apply';
}

export class LiveFeed<A> {
  /** The highest sequence number applied. */
  lastSeq = 0;
  /** The project's visibility mode, as the last join reported it. */
  mode = 'blind';
  /** Whether the last join covered everyone's work (null before the first). */
  private seesOthers: boolean | null = null;
  private joining: Promise<void> | null = null;
  private needed = false;
  private needFull = false;
  private buffer: FeedChange<A>[] = [];
  private disposed = false;

  constructor(private readonly join: (afterSeq: number) => Promise<FeedJoin<A>>, private readonly sink: FeedSink<A>) {}

  get consecutive(): boolean {
    return this.mode === 'open' || this.mode === 'reveal';
  }

  get busy(): boolean {
    return this.joining !== null;
  }

  /** First join: everything from seq 0. */
  start(): Promise<void> {
    return this.catchUp(true);
  }

  /** After a reconnect (or a gap): whatever came after the last applied seq. `full` starts again from 0. */
  catchUp(full = false): Promise<void> {
    this.needed = true;
    this.needFull ||= full;
    if (this.joining) return this.joining;
    this.joining = this.run();
    return this.joining;
  }

  /** A change the hub pushed. */
  push(change: FeedChange<A>): void {
    if (this.disposed) return;
    if (this.joining) {
      this.buffer.push(change); // sorted out once the join has answered
      return;
    }
    this.handle(change);
  }

  /** A new visibility mode: everything visible changes, so join again from 0. */
  visibilityChanged(mode: string): Promise<void> {
    this.mode = mode;
    return this.catchUp(true);
  }

  dispose(): void {
    this.disposed = true;
    this.buffer = [];
  }

  private handle(change: FeedChange<A>): void {
    const verdict = judgeSeq(change.seq, this.lastSeq, this.consecutive);
    if (verdict === 'stale') return;
    if (verdict === 'gap') {
      this.buffer.push(change);
      void this.catchUp();
      return;
    }
    this.sink.apply(change);
    this.lastSeq = change.seq;
  }

  private async run(): Promise<void> {
    let ok = true;
    try {
      while (this.needed && !this.disposed) {
        this.needed = false;
        const full = this.needFull;
        this.needFull = false;
        const result = await this.join(full ? 0 : this.lastSeq);
        if (this.disposed) return;
        const scopeChanged = this.seesOthers !== null && result.seesOthers !== this.seesOthers;
        this.seesOthers = result.seesOthers;
        if (scopeChanged && !full) {
          // Whose work is visible changed while away (a role or mode change met on a reconnect): lastSeq may be past
          // others' earlier work that is now visible, or what is shown may hold work that no longer is. Start again.
          this.needed = true;
          this.needFull = true;
          continue;
        }
        if (full) this.lastSeq = 0;
        this.mode = result.visibility;
        this.sink.joined?.(result, full);
        for (const change of result.changes) {
          if (change.seq <= this.lastSeq && !full) continue;
          this.sink.apply(change);
          this.lastSeq = Math.max(this.lastSeq, change.seq);
        }
        this.lastSeq = Math.max(this.lastSeq, result.lastSeq);
      }
    } catch (error) {
      ok = false;
      this.needed = false;
      this.needFull = false;
      this.buffer = []; // the next catch-up (after a reconnect) brings these again
      if (!this.disposed) this.sink.failed?.(error);
    } finally {
      this.joining = null;
    }
    if (!ok || this.disposed) return;
    const buffered = this.buffer.splice(0).sort((a, b) => a.seq - b.seq);
    for (const change of buffered) {
      if (this.joining) this.buffer.push(change);
      else this.handle(change);
    }
  }
}

/** Sends a value at most once per interval, and only when it differs from the last one sent. */
export class ChangeThrottle<T> {
  private last: T | undefined;
  private sentAt = -Infinity;
  private pending: { value: T } | null = null;
  private timer: (() => void) | null = null;

  constructor(
    private readonly send: (value: T) => void,
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => Date.now(),
    private readonly schedule: (run: () => void, ms: number) => () => void = (run, ms) => {
      const t = setTimeout(run, ms);
      return () => clearTimeout(t);
    },
  ) {}

  update(value: T): void {
    this.pending = { value };
    if (this.timer) return;
    const wait = this.sentAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = this.schedule(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Forgets what was sent (after a rejoin the server has forgotten it too). */
  reset(): void {
    this.last = undefined;
  }

  dispose(): void {
    this.timer?.();
    this.timer = null;
    this.pending = null;
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending || pending.value === this.last) return;
    this.last = pending.value;
    this.sentAt = this.now();
    this.send(pending.value);
  }
}
