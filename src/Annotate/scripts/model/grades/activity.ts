// When the reader reports activity (active time for the grade sheet): the client half of the idle rule, which the
// server enforces on its side (Grades/ActiveTime.cs) whatever a client sends.

/** At most one report per this many milliseconds. */
export const REPORT_EVERY_MS = 30_000;
/** Interaction (a key, the pointer, a selection, a scroll) counts as activity for this long; after it, idle. */
export const IDLE_AFTER_MS = 60_000;

/**
 * The reader's activity clock. A report goes out when the tab is visible, the person interacted within the last
 * minute, and the last report is at least 30 s old; the first interaction after a pause reports at once, so the
 * server's stretch starts when the work does. A hidden tab is idle however recent the last interaction.
 */
export class ActivityClock {
  private lastInteraction = Number.NEGATIVE_INFINITY;
  private lastReport = Number.NEGATIVE_INFINITY;

  /** A key, pointer, selection or scroll at `now` (ms). Whether to report now. */
  interacted(now: number, visible: boolean): boolean {
    this.lastInteraction = now;
    return this.due(now, visible);
  }

  /** A timer tick at `now`: whether to report now. */
  due(now: number, visible: boolean): boolean {
    return visible && now - this.lastInteraction <= IDLE_AFTER_MS && now - this.lastReport >= REPORT_EVERY_MS;
  }

  /** A report went out at `now`. */
  reported(now: number): void {
    this.lastReport = now;
  }
}
