// The save path: every local change becomes an operation in this queue, sent one at a time in order, retried
// with back-off while the server cannot be reached. Each write names the version it is based on; that version
// is read when the write is sent, not when it was queued, so queued edits build on each other.

export type OutboxOp<B> =
  | { kind: 'put'; id: string; body: B }
  | { kind: 'delete'; id: string; body: B };

export type SendFailure<R> =
  | { kind: 'conflict'; current: R | null }
  /** errors: the server's reasons by field (a 400's ProblemDetails `errors`). */
  | { kind: 'rejected'; errors?: Record<string, string[]> | undefined }
  | { kind: 'retry' };

export interface OutboxTransport<B, R> {
  put(id: string, body: B, version: number): Promise<R>;
  remove(id: string, body: B, version: number): Promise<void>;
  /** What an error means for the outbox: conflict (409), rejected (other 4xx), or retry later. */
  classify(error: unknown): SendFailure<R>;
}

export interface OutboxHooks<B, R> {
  saved?(op: OutboxOp<B>, result: R | null): void;
  conflict?(op: OutboxOp<B>, current: R | null): void;
  rejected?(op: OutboxOp<B>, error: unknown, errors: Record<string, string[]> | undefined): void;
  changed?(state: OutboxState): void;
}

export interface OutboxState {
  status: 'saved' | 'saving' | 'failed';
  pending: number;
  error: unknown;
}

type Schedule = (run: () => void, ms: number) => () => void;
const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export class Outbox<B, R extends { id: string; version: number }> {
  readonly versions = new Map<string, number>();
  private queue: OutboxOp<B>[] = [];
  private inFlight: OutboxOp<B> | null = null;
  private error: unknown = null;
  private attempts = 0;
  private cancelRetry: (() => void) | null = null;
  /** Asked to retry now: the next failure is retried after hurriedMs, not after the back-off built up so far. */
  private hurried = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly transport: OutboxTransport<B, R>,
    private readonly hooks: OutboxHooks<B, R> = {},
    private readonly schedule: Schedule = defaultSchedule,
    private readonly backoffMs: readonly number[] = [1000, 2000, 5000, 10000, 30000],
    private readonly hurriedMs = 250,
  ) {}

  get state(): OutboxState {
    const pending = this.queue.length + (this.inFlight ? 1 : 0);
    const status = this.error !== null ? 'failed' : pending > 0 ? 'saving' : 'saved';
    return { status, pending, error: this.error };
  }

  /** Every change not yet acknowledged, in sending order (the one on its way first). */
  pendingOps(): OutboxOp<B>[] {
    return this.inFlight ? [this.inFlight, ...this.queue] : [...this.queue];
  }

  /** True while a change of this annotation has not reached the server. */
  isPending(id: string): boolean {
    return this.inFlight?.id === id || this.queue.some((op) => op.id === id);
  }

  enqueue(op: OutboxOp<B>): void {
    const i = this.queue.findIndex((q) => q.id === op.id);
    const queued = i >= 0 ? this.queue[i]! : null;
    if (queued?.kind === 'put' && op.kind === 'put') {
      this.queue[i] = op; // the newer body replaces the unsent one
    } else if (queued?.kind === 'put' && op.kind === 'delete') {
      const known = this.versions.has(op.id) || this.inFlight?.id === op.id;
      if (known) this.queue[i] = op;
      else this.queue.splice(i, 1); // created and deleted before the server heard of it
    } else if (!(queued?.kind === 'delete' && op.kind === 'delete')) {
      this.queue.push(op);
    }
    this.changed();
    this.pump();
  }

  /**
   * Sends now instead of waiting for the next retry (the network is back, or the user asked). A failure soon after
   * (the network not quite back, or a send already on its way failing) is retried within a moment, and the back-off
   * starts again from its first step.
   */
  retryNow(): void {
    this.attempts = 0;
    this.hurried = this.inFlight !== null || this.cancelRetry !== null;
    if (this.cancelRetry) {
      this.cancelRetry();
      this.cancelRetry = null;
      this.pump();
    }
  }

  /** Resolves once every queued change has been sent (or given up on). */
  idle(): Promise<void> {
    return this.state.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    if (this.inFlight || this.cancelRetry) return;
    const op = this.queue.shift();
    if (!op) {
      for (const resolve of this.waiters.splice(0)) resolve();
      return;
    }
    this.inFlight = op;
    void this.send(op);
  }

  private async send(op: OutboxOp<B>): Promise<void> {
    const version = this.versions.get(op.id) ?? 0;
    try {
      if (op.kind === 'put') {
        const saved = await this.transport.put(op.id, op.body, version);
        this.versions.set(saved.id, saved.version);
        this.finish();
        this.hooks.saved?.(op, saved);
      } else {
        await this.transport.remove(op.id, op.body, version);
        this.versions.delete(op.id);
        this.finish();
        this.hooks.saved?.(op, null);
      }
    } catch (error) {
      this.fail(op, error);
    }
    this.changed();
    this.pump();
  }

  private finish(): void {
    this.hurried = false;
    this.inFlight = null;
    this.error = null;
    this.attempts = 0;
  }

  private fail(op: OutboxOp<B>, error: unknown): void {
    const failure = this.transport.classify(error);
    if (failure.kind === 'retry') {
      this.inFlight = null;
      this.queue.unshift(op);
      this.error = error;
      const delay = this.hurried ? this.hurriedMs : this.backoffMs[Math.min(this.attempts++, this.backoffMs.length - 1)] ?? 1000;
      this.hurried = false;
      this.cancelRetry = this.schedule(() => {
        this.cancelRetry = null;
        this.pump();
      }, delay);
      return;
    }
    // The server has answered for this annotation: later queued edits of it were based on a state it refused.
    this.finish();
    this.queue = this.queue.filter((q) => q.id !== op.id);
    if (failure.kind === 'conflict') {
      if (failure.current) this.versions.set(failure.current.id, failure.current.version);
      this.hooks.conflict?.(op, failure.current);
    } else {
      this.hooks.rejected?.(op, error, failure.kind === 'rejected' ? failure.errors : undefined);
    }
  }

  private changed(): void {
    this.hooks.changed?.(this.state);
  }
}
