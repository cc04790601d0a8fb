// Words the curation page shows for provenance and spans. Pure, for tests.

import type { Provenance } from '../../api/curation';

/** "accepted from Ana by cora", "merged from Ana and Bea by cora", "created by cora", "rejected (Ana's, Bea's spans) by cora". */
export function provenanceText(p: Provenance | null | undefined): string {
  if (!p) return 'no provenance recorded';
  const names = [...new Set(p.sources.map((s) => s.annotatorName))];
  const from = names.length === 0 ? '' : names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  if (p.action === 'rejected') return `rejected${from ? ` (spans of ${from})` : ''} by ${p.curatorName}`;
  return `${p.action}${from ? ` from ${from}` : ''} by ${p.curatorName}`;
}

/** A quote for a list: the text of the stretch, shortened in the middle when long. */
export function shortQuote(text: string, start: number, end: number, max = 120): string {
  const quote = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (quote.length <= max) return quote;
  const half = Math.floor((max - 1) / 2);
  return `${quote.slice(0, half)}…${quote.slice(-half)}`;
}

/** "120–135". */
export const offsets = (start: number | null, end: number | null): string => (start === null || end === null ? '' : `${start}–${end}`);
