import type { CorpusStatus } from '../../api/types';

type Listener = (status: CorpusStatus, finishedLoading: boolean) => void;

/** Keeps the latest corpus status, polling only while the corpus is loading. */
export class CorpusMonitor {
  status: CorpusStatus | null = null;
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly fetchStatus: () => Promise<CorpusStatus>,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 1000,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fetches the status now (joining a fetch already under way). */
  refresh(): Promise<void> {
    this.stopped = false;
    this.inFlight ??= this.poll().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Stops polling (on sign-out); the next refresh() starts again. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    clearTimeout(this.timer);
    let status: CorpusStatus;
    try {
      status = await this.fetchStatus();
    } catch (error) {
      this.onError(error);
      // A load under way is still worth following once the server answers again.
      if (this.status?.state === 'loading') this.schedule(this.intervalMs * 5);
      return;
    }
    const finishedLoading = this.status?.state === 'loading' && status.state !== 'loading';
    this.status = status;
    for (const listener of this.listeners) listener(status, finishedLoading);
    if (status.state === 'loading') this.schedule(this.intervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight ??= this.poll().finally(() => (this.inFlight = null));
    }, delayMs);
  }
}
