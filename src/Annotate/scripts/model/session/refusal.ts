// A change the server refused (400) because of something typed into a field: the text stays where it was typed,
// and the server's reason is shown under that field and in the save indicator.

export interface Refusal {
  /** The server's reason by the field it belongs to: 'note', 'attribution', 'attributes.<id>' or another field. */
  fields: Record<string, string>;
  /** Every reason in one line, each prefixed with its field's name. */
  reason: string;
}

/** Fields a person types or picks in the editor; a refusal naming one of them keeps what was typed. */
const TYPED = /^(note|attribution(\..+)?|attributes\..+)$/;

export const isTypedField = (field: string): boolean => TYPED.test(field);

const NAMES: Record<string, string> = { note: 'Note', attribution: 'Attributed to' };

/**
 * The refusal to keep from a 400's `errors`, or null when no field a person types in is named (an offset or a
 * label the page made itself: that change is undone as before).
 */
export function typedRefusal(errors: Record<string, readonly string[]> | undefined, attributeName: (id: string) => string = (id) => id): Refusal | null {
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages.length > 0);
  if (!entries.some(([field]) => isTypedField(field))) return null;
  const fields: Record<string, string> = {};
  for (const [field, messages] of entries) {
    // attribution.actor and attribution.span belong under the one attribution field.
    const key = field.startsWith('attribution.') ? 'attribution' : field;
    fields[key] = [fields[key], ...messages].filter(Boolean).join(' ');
  }
  const reason = Object.entries(fields).map(([field, message]) => `${fieldName(field, attributeName)}: ${message}`).join(' ');
  return { fields, reason };
}

function fieldName(field: string, attributeName: (id: string) => string): string {
  if (field.startsWith('attributes.')) return attributeName(field.slice('attributes.'.length));
  return NAMES[field] ?? field;
}
