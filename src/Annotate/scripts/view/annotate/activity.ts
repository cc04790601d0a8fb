import { ApiError, gradesApi } from '../../api';
import { ActivityClock } from '../../model/grades/activity';

/** How often the timer looks whether a report is due (reports themselves go at most every 30 s). */
const TICK_MS = 5000;
const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'selectionchange', 'scroll', 'wheel', 'touchstart'] as const;

/**
 * Reports the person's active time on the open document for the teacher's grade sheet: at most every 30 s, only
 * while the tab is visible and they pressed a key, used the pointer, selected or scrolled within the last minute.
 * A refusal (not theirs to annotate) stops it; a network failure just skips a report. Returns the stop function.
 */
export function trackActivity(documentId: string): () => void {
  const clock = new ActivityClock();
  const controller = new AbortController();
  let stopped = false;
  const visible = () => document.visibilityState === 'visible';

  function report(): void {
    clock.reported(Date.now());
    gradesApi.reportActivity(documentId, controller.signal).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) stop();
    });
  }

  const onInteraction = () => {
    if (clock.interacted(Date.now(), visible())) report();
  };
  const timer = window.setInterval(() => {
    if (clock.due(Date.now(), visible())) report();
  }, TICK_MS);
  // Capture: scrolls of inner panels do not bubble, and nothing on the page can stop these from being seen.
  for (const type of EVENTS) document.addEventListener(type, onInteraction, { capture: true, passive: true });

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    controller.abort();
    for (const type of EVENTS) document.removeEventListener(type, onInteraction, { capture: true });
  }

  return stop;
}
