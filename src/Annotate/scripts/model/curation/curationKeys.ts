// The curation page's keys, as data so the mapping is tested without a browser.

import type { KeyPress } from '../app/keys';

export type CurationCommand =
  | { kind: 'next' | 'previous' | 'nextOpen' | 'reject' | 'undo' | 'redo' | 'toggleView' | 'close' }
  /** Choose the next or previous relation of the chosen cluster (] and [, or . and ,); 1–9 and r then act on that relation. */
  | { kind: 'nextRelation' | 'previousRelation' }
  /** Accept the span (or, with a relation chosen, the relation) of the annotator at this place in the panel (0-based; keys 1–9). */
  | { kind: 'accept'; annotator: number };

export function curationCommand(e: KeyPress & { shiftKey: boolean }): CurationCommand | null {
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) {
    const key = e.key.toLowerCase();
    if (key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
    if (key === 'y' && !e.shiftKey) return { kind: 'redo' };
    return null;
  }
  switch (e.key) {
    case 'j': case 'n': return { kind: 'next' };
    case 'k': case 'p': return { kind: 'previous' };
    case 'N': return { kind: 'nextOpen' };
    case 'r': return { kind: 'reject' };
    case 'v': return { kind: 'toggleView' };
    // . and , too: on many layouts (German, French) the brackets need AltGr, which reads as Alt here.
    case ']': case '.': return { kind: 'nextRelation' };
    case '[': case ',': return { kind: 'previousRelation' };
    case 'Escape': return { kind: 'close' };
    default:
      if (/^[1-9]$/.test(e.key)) return { kind: 'accept', annotator: Number(e.key) - 1 };
      return null;
  }
}
