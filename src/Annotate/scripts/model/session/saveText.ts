import type { Connection } from '../live/connection';
import type { OutboxState } from './outbox';
import type { Refusal } from './refusal';

// The save indicator's words: saved, saving, waiting for the connection, or not saved with the server's reason.

export interface SaveState extends OutboxState {
  /** Changes the server refused, kept as typed until they are corrected. */
  refused: Refusal[];
}

export interface SaveView {
  state: 'saved' | 'saving' | 'failed' | 'refused' | 'frozen';
  /** Bold first words ("Unsaved", "Not saved"), or null. */
  headline: string | null;
  text: string;
  /** Offer "Retry now" (a send that failed and will be tried again). */
  retry: boolean;
  /** Offer "Show" (a refused change to correct). */
  show: boolean;
}

const changes = (n: number) => (n === 1 ? '1 change' : `${n.toLocaleString('en')} changes`);

/** `why` is the reason the last send failed ("The server could not be reached", an error's title). */
/** `frozen`: the project is in a discuss round, so nothing can be changed (said instead of "All changes saved"). */
export function describeSave(s: SaveState, connection: Connection, why: string, frozen = false): SaveView {
  if (s.status === 'failed') {
    return connection === 'offline'
      ? { state: 'failed', headline: 'Unsaved', text: `${changes(s.pending)} waiting for the connection`, retry: false, show: false }
      : { state: 'failed', headline: 'Unsaved', text: `Not saved: ${why}. Retrying…`, retry: true, show: false };
  }
  if (s.refused.length) {
    const first = s.refused[0]!;
    const text = s.refused.length === 1 ? first.reason : `${changes(s.refused.length)} refused. ${first.reason}`;
    return { state: 'refused', headline: 'Not saved', text, retry: false, show: true };
  }
  if (s.status === 'saving') return { state: 'saving', headline: 'Unsaved', text: `Saving ${changes(s.pending)}…`, retry: false, show: false };
  // Not "All changes saved": that reads as "go on working", and no change is taken now.
  if (frozen) return { state: 'frozen', headline: 'Frozen', text: 'Editing is frozen while the class discusses; your earlier work is kept', retry: false, show: false };
  // Saved, but with the connection down "All changes saved" reads as "all is well": say only what is true.
  return { state: 'saved', headline: null, text: connection === 'live' || connection === 'connecting' ? 'All changes saved' : 'No unsaved changes', retry: false, show: false };
}
