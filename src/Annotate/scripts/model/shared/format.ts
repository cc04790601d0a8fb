// Small text helpers shared by the views. No DOM here.

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "2026-03-04" → "4 Mar 2026"; dates are calendar days, so format in UTC to avoid shifting a day. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

let dateTimeFormat: Intl.DateTimeFormat | undefined;

export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return dateTimeFormat.format(date);
}

const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** A BCP 47-looking tag that can go into a lang attribute, or null. */
export function langAttribute(language: string | null): string | null {
  return language && languageTag.test(language) ? language : null;
}

/** "de" → "German"; unknown or odd codes come back as given. */
export function languageName(language: string | null): string {
  const tag = langAttribute(language);
  if (!tag) return language ?? '';
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) is shown as text. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
