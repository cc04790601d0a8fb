// When the agreement tables switch to their compact form, and how figures are written there. A class of 30 puts 30
// columns in the pair heat map; at 1280 px each gets about 33 px, so the compact form writes ".45" instead of "0.45"
// and numbers the columns (the full name is the header's accessible name and tooltip).
import { formatValue } from './agreement';

/** From this many people on, the pair heat map is compact (numbered columns, short figures, full width). */
export const compactHeatFrom = 9;

/** From this many categories on, the coincidence matrix stands alone at full width, its column heads upright. */
export const compactCoincidenceFrom = 7;

export const isCompactHeat = (people: number) => people >= compactHeatFrom;

export const isCompactCoincidence = (categories: number) => categories >= compactCoincidenceFrom;

/** ".45", "−.12", "1.0" (or "n/a"): two significant decimals without the leading zero, as statistics tables write them. */
export function compactValue(value: number | null | undefined): string {
  const text = formatValue(value);
  if (text === formatValue(null)) return text;
  if (text === '1.00') return '1.0';
  if (text === '−1.00') return '−1.0';
  return text.replace(/^(−?)0\./, '$1.');
}

/** Coincidence counts in at most four characters: "<0.1", "2.5", "368", "1.2k", "45k"; the exact figure goes in the title. */
export function compactCount(value: number): string {
  if (!Number.isFinite(value)) return formatValue(null);
  const size = Math.abs(value);
  if (size === 0) return '0';
  if (size < 0.05) return '<0.1'; // never "0" for a count that is not zero
  if (size < 10) return trimZero(value.toFixed(1));
  if (size < 1000) return Math.round(value).toString();
  if (size < 10_000) return `${trimZero((value / 1000).toFixed(1))}k`;
  if (size < 1_000_000) return `${Math.round(value / 1000)}k`;
  return `${trimZero((value / 1_000_000).toFixed(1))}M`;
}

const trimZero = (text: string) => text.replace(/\.0$/, '');
