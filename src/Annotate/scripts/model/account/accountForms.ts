// What the sign-in and account forms check before asking the server, and how server errors find their field. No DOM.

/** The server's rules (Sessions/Passwords.cs, ApiTokens.MaxNameLength), checked here first for a quicker answer. */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;
export const tokenNameMaxLength = 100;

/** A message per field name; a field without a problem is absent. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export type PasswordField = keyof PasswordChange;
export type SignInField = 'userName' | 'password';

export function signInProblems(userName: string, password: string): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  if (userName.trim() === '') errors.userName = 'Enter your user name.';
  if (password === '') errors.password = 'Enter your password.';
  return errors;
}

export function passwordChangeProblems(change: PasswordChange): FieldErrors<PasswordField> {
  const errors: FieldErrors<PasswordField> = {};
  if (change.currentPassword === '') errors.currentPassword = 'Enter your current password.';
  const next = change.newPassword;
  if (next === '') errors.newPassword = 'Enter a new password.';
  else if (next.length < passwordMinLength) errors.newPassword = `A password needs at least ${passwordMinLength} characters; this one has ${next.length}.`;
  else if (next.length > passwordMaxLength) errors.newPassword = `A password has at most ${passwordMaxLength} characters.`;
  else if (next === change.currentPassword) errors.newPassword = 'Choose a password different from your current one.';
  if (next !== '' && change.repeatPassword !== next) errors.repeatPassword = 'The two new passwords are not the same.';
  return errors;
}

export function tokenNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Name the token, e.g. "export script".';
  if (trimmed.length > tokenNameMaxLength) return `A token name has at most ${tokenNameMaxLength} characters.`;
  return null;
}

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

/** The first field, in form order, that has a problem: where focus goes. */
export function firstInvalid<F extends string>(order: readonly F[], errors: FieldErrors<F>): F | null {
  return order.find((field) => errors[field]) ?? null;
}

/**
 * Splits a ValidationProblem's `errors` between the form's fields (matched without regard to case, as ASP.NET may
 * send "UserName" or "userName") and a message for the whole form (anything naming no known field).
 */
export function serverFieldErrors<F extends string>(
  errors: Record<string, string[]> | undefined,
  fields: readonly F[],
): { fields: FieldErrors<F>; other: string } {
  const result: FieldErrors<F> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const field = fields.find((f) => f.toLowerCase() === key.toLowerCase());
    const text = messages.join(' ');
    if (field) result[field] = result[field] ? `${result[field]} ${text}` : text;
    else other.push(text);
  }
  return { fields: result, other: other.join(' ') };
}

/** A problem's title and detail as one sentence pair: "Too many failed sign-ins. This account had…". */
export function problemText(title: string, detail: string | undefined): string {
  if (!detail) return title;
  return `${/[.!?]$/.test(title) ? title : `${title}.`} ${detail}`;
}

interface TokenDates {
  createdAt: string;
  revokedAt: string | null;
}

/** Working tokens first, then revoked ones; newest first within each. */
export function sortTokens<T extends TokenDates>(tokens: readonly T[]): T[] {
  return [...tokens].sort((a, b) =>
    Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
}

/** How a script uses a token: the header for HTTP, the query parameter for the hub (WebSockets send no headers). */
export function tokenUsage(origin: string, token: string): { header: string; curl: string; hub: string } {
  const header = `Authorization: Bearer ${token}`;
  return {
    header,
    curl: `curl -H "${header}" ${origin}/api/documents`,
    hub: `${origin}/hubs/annotations?access_token=${encodeURIComponent(token)}`,
  };
}
