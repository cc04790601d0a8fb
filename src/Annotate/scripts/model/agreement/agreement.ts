// Formatting agreement figures: null is "n/a" with the server's reason, colours come in bins (CSS classes, no inline
// styles), and the coefficients of a coding report are listed in one fixed order.
import type { CodingAgreement, Disagreements, Interval } from '../../api/agreement';

export const NA = 'n/a';

/** "0.61", "−0.12" (a true minus sign), or "n/a" for a coefficient the data leave undefined. */
export function formatValue(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NA;
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** "95% CI 0.52 to 0.70", or "" without an interval. */
export function formatInterval(ci: Interval | null | undefined): string {
  if (!ci || ci.length !== 2) return '';
  return `95% CI ${formatValue(ci[0])} to ${formatValue(ci[1])}`;
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NA;
  return `${Math.round(share * 100)}%`;
}

/**
 * Why a figure is missing: the note that names it ("tokenAlpha: fewer than two annotators"), with the name taken
 * off; else a note that mentions it; else null.
 */
export function noteFor(notes: readonly string[] | null | undefined, ...keys: string[]): string | null {
  if (!notes?.length) return null;
  for (const key of keys) {
    const lower = key.toLowerCase();
    const named = notes.find((n) => n.toLowerCase().startsWith(`${lower}:`));
    if (named) return named.slice(key.length + 1).trim();
  }
  for (const key of keys) {
    const pattern = new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    const mentioned = notes.find((n) => pattern.test(n));
    if (mentioned) return mentioned;
  }
  return null;
}

/**
 * The notes of one layer, with the layer's name taken off ("Claim: spanF1Exact: no pair…" → "spanF1Exact: no pair…"),
 * and the notes that belong to no layer, for the top of the page.
 */
export function splitNotes(notes: readonly string[], layerNames: readonly string[]): { general: string[]; byLayer: Map<string, string[]> } {
  const byLayer = new Map<string, string[]>(layerNames.map((name) => [name, []]));
  const general: string[] = [];
  for (const note of notes) {
    const layer = layerNames.find((name) => note.startsWith(`${name}: `));
    if (layer === undefined) general.push(note);
    else byLayer.get(layer)!.push(note.slice(layer.length + 2));
  }
  return { general, byLayer };
}

/** Heat bins of an agreement coefficient: -1 below zero, 0–9 for [0, 1] in tenths, null when undefined. */
export function heatBin(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (value < 0) return -1;
  return Math.min(9, Math.floor(value * 10));
}

/** The CSS class that colours a cell by its value (red low, green high, grey n/a). */
export function heatClass(value: number | null | undefined): string {
  const bin = heatBin(value);
  return bin === null ? 'heat heat-na' : bin < 0 ? 'heat heat-neg' : `heat heat-${bin}`;
}

/** The legend of the heat colours, low to high. */
export const heatLegend: { className: string; text: string }[] = [
  { className: 'heat heat-neg', text: '< 0' },
  ...Array.from({ length: 10 }, (_, i) => ({ className: `heat heat-${i}`, text: (i / 10).toFixed(1) })),
  { className: 'heat heat-na', text: NA },
];

export interface DisagreementRow {
  key: keyof Disagreements;
  name: string;
  description: string;
  count: number;
  /** Share of all compared units, for the bar beside the count. */
  share: number;
}

const disagreementKinds: { key: keyof Disagreements; name: string; description: string }[] = [
  { key: 'agreements', name: 'Agreements', description: 'Same stretch, same label' },
  { key: 'boundary', name: 'Boundary', description: 'Same label, different start or end' },
  { key: 'label', name: 'Label', description: 'Same stretch, different label' },
  { key: 'boundaryAndLabel', name: 'Boundary and label', description: 'Overlapping, with different bounds and labels' },
  { key: 'missed', name: 'Missed', description: 'Marked by one annotator, not by the other' },
];

export function disagreementRows(d: Disagreements | null | undefined): DisagreementRow[] {
  if (!d) return [];
  const total = disagreementKinds.reduce((sum, k) => sum + (d[k.key] ?? 0), 0);
  return disagreementKinds.map((k) => ({ ...k, count: d[k.key] ?? 0, share: total > 0 ? (d[k.key] ?? 0) / total : 0 }));
}

export type CodingKey = keyof Pick<CodingAgreement,
  'percentAgreement' | 'krippendorffAlpha' | 'cohenKappa' | 'cohenKappaLinear' | 'cohenKappaQuadratic' | 'scottPi' |
  'bennettS' | 'fleissKappa' | 'randolphKappa' | 'gwetAC1' | 'gwetAC2Linear' | 'gwetAC2Quadratic'>;

export const codingCoefficients: { key: CodingKey; name: string }[] = [
  { key: 'krippendorffAlpha', name: 'Krippendorff’s α' },
  { key: 'percentAgreement', name: 'Percent agreement' },
  { key: 'cohenKappa', name: 'Cohen’s κ' },
  { key: 'cohenKappaLinear', name: 'Cohen’s κ (linear weights)' },
  { key: 'cohenKappaQuadratic', name: 'Cohen’s κ (quadratic weights)' },
  { key: 'scottPi', name: 'Scott’s π' },
  { key: 'fleissKappa', name: 'Fleiss’ κ' },
  { key: 'randolphKappa', name: 'Randolph’s κ (free-marginal)' },
  { key: 'bennettS', name: 'Bennett’s S' },
  { key: 'gwetAC1', name: 'Gwet’s AC1' },
  { key: 'gwetAC2Linear', name: 'Gwet’s AC2 (linear)' },
  { key: 'gwetAC2Quadratic', name: 'Gwet’s AC2 (quadratic)' },
];

export interface CoefficientRow {
  key: string;
  name: string;
  value: number | null;
  ci: Interval | null;
  /** Why the value is null. */
  note: string | null;
}

export function codingRows(coding: CodingAgreement): CoefficientRow[] {
  return codingCoefficients.map(({ key, name }) => {
    const value = coding[key] ?? null;
    return { key, name, value, ci: coding.ci95?.[key] ?? null, note: value === null ? noteFor(coding.notes, key) : null };
  });
}

/** Row sums and the grand total of a coincidence matrix. */
export function coincidenceTotals(cells: readonly (readonly number[])[]): { rows: number[]; total: number } {
  const rows = cells.map((row) => row.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0));
  return { rows, total: rows.reduce((a, b) => a + b, 0) };
}

/** 12 → "12", 3.5 → "3.5", 0.3333 → "0.33": coincidences are doubles but mostly whole. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return NA;
  return Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 });
}
