import type { AttributeValue, CodebookAttribute, CodebookLayer } from '../../api/annotationTypes';

export type Parsed = { value: AttributeValue | undefined; error?: never } | { value?: never; error: string };

/** Reads what a form field holds as the attribute's value; an empty field means "not set". */
export function parseAttribute(def: CodebookAttribute, raw: string | boolean): Parsed {
  if (def.type === 'boolean') return { value: raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined };
  const text = String(raw).trim();
  if (text === '') return { value: undefined };
  switch (def.type) {
    case 'choice':
      return def.values.includes(text) ? { value: text } : { error: `${def.name} must be one of ${def.values.join(', ')}.` };
    case 'integer':
    case 'number': {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) return { error: `${def.name} must be a number.` };
      if (def.type === 'integer' && !Number.isInteger(n)) return { error: `${def.name} must be a whole number.` };
      if (def.min !== null && def.min !== undefined && n < def.min) return { error: `${def.name} must be at least ${def.min}.` };
      if (def.max !== null && def.max !== undefined && n > def.max) return { error: `${def.name} must be at most ${def.max}.` };
      return { value: n };
    }
    default:
      return { value: text };
  }
}

/** The attributes with a value set, with one changed (undefined removes it). */
export function withAttribute(
  attributes: Record<string, AttributeValue>, id: string, value: AttributeValue | undefined,
): Record<string, AttributeValue> {
  const next = { ...attributes };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/** Required attributes of the layer that have no value yet. */
export function missingRequired(layer: CodebookLayer, attributes: Record<string, AttributeValue>): CodebookAttribute[] {
  return layer.attributes.filter((a) => a.required && (attributes[a.id] === undefined || attributes[a.id] === ''));
}

/** "Veracity: disputed · Coder confidence: 4" */
export function describeAttributes(layer: CodebookLayer | undefined, attributes: Record<string, AttributeValue>): string {
  const parts: string[] = [];
  for (const [id, value] of Object.entries(attributes)) {
    const def = layer?.attributes.find((a) => a.id === id);
    const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    parts.push(`${def?.name ?? id}: ${shown}`);
  }
  return parts.join(' · ');
}
