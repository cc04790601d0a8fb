// Span and document-label attributes on the curation page: where the annotators differ, and how each reads
// ("Veracity: fake"). Pure, so the rules are tested without a browser.

import type { AttributeValue, CodebookAttribute } from '../../api/annotationTypes';

export interface WithAttributes {
  layer: string;
  attributes?: Record<string, AttributeValue> | null;
}

/**
 * The attributes the annotations of one layer differ on: set with different values, or set on some and missing
 * on others. Annotations of other layers are not compared (their attributes are another codebook's).
 */
export function disagreedAttributes(annotations: readonly WithAttributes[], layer: string): Set<string> {
  const same = annotations.filter((a) => a.layer === layer);
  const ids = new Set(same.flatMap((a) => Object.keys(a.attributes ?? {})));
  const differ = new Set<string>();
  for (const id of ids) {
    const values = same.map((a) => a.attributes?.[id] ?? undefined);
    if (values.some((v) => v !== values[0])) differ.add(id);
  }
  return differ;
}

export interface AttributeEntry {
  id: string;
  name: string;
  /** The value as shown: yes/no for booleans, "—" when not set. */
  value: string;
  disagreed: boolean;
}

/**
 * What to show beside one annotation: its attributes in the codebook's order (then any the codebook no longer
 * defines), and "—" for an attribute the annotators differ on that this one lacks.
 */
export function attributeEntries(
  defs: readonly CodebookAttribute[], attributes: Record<string, AttributeValue> | null | undefined, disagreed: ReadonlySet<string> = new Set(),
): AttributeEntry[] {
  const set = attributes ?? {};
  const known = new Set(defs.map((d) => d.id));
  const ids = [...defs.map((d) => d.id), ...Object.keys(set).filter((id) => !known.has(id)).sort()];
  return ids.filter((id) => set[id] !== undefined || disagreed.has(id)).map((id) => ({
    id,
    name: defs.find((d) => d.id === id)?.name ?? id,
    value: shown(set[id]),
    disagreed: disagreed.has(id),
  }));
}

const shown = (value: AttributeValue | undefined): string =>
  value === undefined ? '—' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

/** Whether two sets of attributes hold the same values (a missing set is an empty one). */
export function sameAttributes(a: Record<string, AttributeValue> | null | undefined, b: Record<string, AttributeValue> | null | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}
