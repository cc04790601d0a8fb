// The person's own annotator attributes (group, background…): the same rules as the server, so the form can say
// what is wrong before sending.

export const ATTRIBUTE_NAME = /^[a-z0-9_-]{1,40}$/;
export const MAX_VALUE_LENGTH = 100;

export interface AttributeEntry {
  name: string;
  value: string;
}

/** What is wrong with one row, or null. An empty value is allowed: it removes the attribute. */
export function attributeProblem(entry: AttributeEntry): string | null {
  const name = entry.name.trim();
  if (!ATTRIBUTE_NAME.test(name)) return 'Names are 1–40 characters: lower-case letters, digits, _ and -.';
  if (entry.value.trim().length > MAX_VALUE_LENGTH) return `Values are at most ${MAX_VALUE_LENGTH} characters.`;
  return null;
}

/**
 * The body to send: every row (trimmed), and every attribute that was there before but whose row is gone, with an
 * empty value so that the server removes it. Blank rows (no name, no value) are skipped.
 */
export function attributesBody(before: Record<string, string>, rows: readonly AttributeEntry[]): Record<string, string> {
  const body: Record<string, string> = {};
  for (const name of Object.keys(before)) body[name] = '';
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value.trim()) continue;
    body[name] = row.value.trim();
  }
  return body;
}

/** The field a server validation error names ("attributes.group" → "group"), or null for the whole form. */
export function fieldOfError(key: string): string | null {
  const match = /^attributes\.(.+)$/i.exec(key);
  return match ? match[1]! : null;
}
