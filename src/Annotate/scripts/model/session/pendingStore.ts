// The outbox's unsent changes kept in the browser (localStorage, per user and document), so a reload or a crash
// loses nothing: they are replayed when the document is opened again. Storage is injected for tests.

import type { Annotation } from '../../api/annotationTypes';
import type { SaveBody } from './sessionTypes';

export interface PendingEntry {
  kind: 'put' | 'delete';
  id: string;
  body: SaveBody;
  /** The annotation as shown (for a put), so it can be drawn again before the server has it. */
  annotation: Annotation | null;
  /** The server version the change is based on (0: a new annotation). */
  baseVersion: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Stored {
  v: 1;
  tab: string;
  entries: PendingEntry[];
}

export function pendingKey(userId: string, documentId: string): string {
  return `annotate.outbox.${userId}.${documentId}`;
}

export class PendingStore {
  constructor(private readonly storage: KeyValueStorage | null, private readonly key: string, private readonly tab: string) {}

  /** Saves the current unsent changes; false when storage refused (private mode, full). */
  save(entries: readonly PendingEntry[]): boolean {
    if (!this.storage) return false;
    try {
      if (entries.length === 0) {
        // Another tab's unsent changes of the same document stay.
        const stored = this.read();
        if (!stored || stored.tab === this.tab) this.storage.removeItem(this.key);
      } else {
        const value: Stored = { v: 1, tab: this.tab, entries: [...entries] };
        this.storage.setItem(this.key, JSON.stringify(value));
      }
      return true;
    } catch {
      return false;
    }
  }

  /** The changes left unsent by an earlier page (taken over by this one), in the order they were made. */
  take(): PendingEntry[] {
    const stored = this.read();
    if (!stored) return [];
    return stored.entries.filter((e) => (e.kind === 'put' || e.kind === 'delete') && typeof e.id === 'string' && !!e.body);
  }

  private read(): Stored | null {
    try {
      const text = this.storage?.getItem(this.key);
      if (!text) return null;
      const parsed = JSON.parse(text) as Stored;
      return parsed?.v === 1 && Array.isArray(parsed.entries) ? parsed : null;
    } catch {
      return null;
    }
  }
}

/** This tab's id, kept across reloads of the same tab (sessionStorage), new for each tab. */
export function tabId(storage: KeyValueStorage | null): string {
  const fresh = () => Math.random().toString(36).slice(2, 10);
  try {
    if (!storage) return fresh();
    let id = storage.getItem('annotate.tab');
    if (!id) {
      id = fresh();
      storage.setItem('annotate.tab', id);
    }
    return id;
  } catch {
    return fresh();
  }
}
