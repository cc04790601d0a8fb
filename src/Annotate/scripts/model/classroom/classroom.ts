// The classroom's pure logic: checking the join form, anonymous names, the teacher's student table and headline
// agreement figures. No DOM.
import type { AgreementReport } from '../../api/agreement';
import type { JoinRequest, StudentProgress } from '../../api/classroom';
import type { Visibility } from '../../api/projects';
import { serverFieldErrors, type FieldErrors } from '../account/accountForms';

/** The server's limits (Sessions/SessionApi.cs, Classroom/ClassroomStore.cs, Projects/AnnotatorStore.cs). */
export const displayNameMaxLength = 64;
export const codeLength = 8;
export const groupMaxLength = 100;

export type JoinField = 'code' | 'displayName' | 'group';
export const joinFields: readonly JoinField[] = ['code', 'displayName', 'group'];

/** A code as the server matches it: upper case, letters and digits only ("k7pq-4xma" → "K7PQ4XMA"). */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export function joinProblems(code: string, displayName: string, group: string): FieldErrors<JoinField> {
  const errors: FieldErrors<JoinField> = {};
  const normalized = normalizeCode(code);
  if (normalized === '') errors.code = 'Enter the class code your teacher gave you.';
  else if (normalized.length !== codeLength) errors.code = `A class code has ${codeLength} letters and digits, such as K7PQ4XMA; this one has ${normalized.length}.`;
  const name = displayName.trim();
  if (name === '') errors.displayName = 'Enter a display name.';
  else if (name.length > displayNameMaxLength) errors.displayName = `A display name has at most ${displayNameMaxLength} characters; this one has ${name.length}.`;
  if (group.trim().length > groupMaxLength) errors.group = `A group has at most ${groupMaxLength} characters.`;
  return errors;
}

/** The join request: the group goes in as the self-declared attribute "group", left out when empty. */
export function joinRequest(code: string, displayName: string, group: string): JoinRequest {
  const request: JoinRequest = { code: code.trim(), displayName: displayName.trim() };
  if (group.trim()) request.attributes = { group: group.trim() };
  return request;
}

/** A ValidationProblem's errors on the join form's fields; "attributes.group" belongs to the group field. */
export function joinFieldErrors(errors: Record<string, string[]> | undefined): { fields: FieldErrors<JoinField>; other: string } {
  const renamed: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const name = key.toLowerCase() === 'attributes.group' ? 'group' : key;
    renamed[name] = [...(renamed[name] ?? []), ...messages];
  }
  return serverFieldErrors(renamed, joinFields);
}

/**
 * "Student 1", "Student 2", … numbered over the project's students (annotators) by user id (ids are time-ordered,
 * so this is join order), exactly as the server's ?anonymous=true numbers them, so the table and the figures
 * agree. Teachers are not numbered: an owner is "Teacher", a curator "Curator", a viewer "Viewer".
 */
export function anonymousNames(members: readonly { userId: string; role?: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const students = [...new Set(members.filter((m) => (m.role ?? 'annotator') === 'annotator').map((m) => m.userId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  students.forEach((id, index) => names.set(id, `Student ${index + 1}`));
  for (const m of members) if (!names.has(m.userId)) names.set(m.userId, ROLE_NAMES[m.role ?? ''] ?? 'Teacher');
  return names;
}

const ROLE_NAMES: Record<string, string> = { owner: 'Teacher', curator: 'Curator', viewer: 'Viewer' };

export interface StudentRow {
  userId: string;
  name: string;
  joinedAt: string;
  annotations: number;
  documents: number;
  /** Documents assigned to the student when spreading; null when everyone gets every document. */
  assigned: number | null;
  /** Titles of the documents the student has open now, or "—". */
  nowOn: string;
  /** When they first came; null while a name on the list has not yet. */
  arrivedAt: string | null;
  /** Whether a new personal link can be issued for them. */
  personalLink: boolean;
}

export const NOWHERE = '—';

/** The students (annotators) of the dashboard as table rows, in join order, with real or anonymous names. */
export function studentRows(students: readonly StudentProgress[], titles: ReadonlyMap<string, string>, anonymous: boolean): StudentRow[] {
  const names = anonymousNames(students);
  return students
    .filter((s) => s.role === 'annotator')
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || (a.userId < b.userId ? -1 : 1))
    .map((s) => ({
      userId: s.userId,
      name: anonymous ? names.get(s.userId) ?? 'Student' : s.name,
      joinedAt: s.joinedAt,
      annotations: s.annotations,
      documents: s.documents,
      assigned: s.assigned ?? null,
      nowOn: nowOn(s, titles),
      arrivedAt: s.arrivedAt ?? null,
      personalLink: s.personalLink ?? false,
    }));
}

function nowOn(student: StudentProgress, titles: ReadonlyMap<string, string>): string {
  const open = [...new Set(student.present.map((p) => p.documentId))];
  return open.length ? open.map((id) => titles.get(id) ?? id).join(', ') : NOWHERE;
}

export interface HeadlineFigure {
  layer: string;
  name: string;
  scope: 'span' | 'document';
  /** Span layers: token alpha and unitizing alpha; document layers: Krippendorff's alpha in tokenAlpha, alphaU null. */
  tokenAlpha: number | null;
  alphaU: number | null;
}

/** The few figures a teacher shows the class: per layer, token α and αu (or α of the document labels). */
export function headline(report: AgreementReport): HeadlineFigure[] {
  return report.layers.map((layer) => ({
    layer: layer.layer,
    name: layer.name || layer.layer,
    scope: layer.scope,
    tokenAlpha: layer.scope === 'span' ? layer.spans?.tokenAlpha ?? null : layer.coding?.krippendorffAlpha ?? null,
    alphaU: layer.scope === 'span' ? layer.spans?.alphaU ?? null : null,
  }));
}

/** The steps of a class round in order: everyone works blind, the teacher reveals, then the class discusses openly. */
export const modeSteps: readonly { mode: Visibility; name: string; hint: string }[] = [
  { mode: 'blind', name: 'Blind', hint: 'Each student sees only their own spans.' },
  { mode: 'reveal', name: 'Reveal', hint: 'End the blind round: everyone sees everyone’s spans.' },
  { mode: 'open', name: 'Open', hint: 'Discuss and keep annotating together, all spans visible.' },
];

/** The join link to show and copy: the app's origin and the class's join path. */
export function joinLink(origin: string, joinPath: string): string {
  return new URL(joinPath, origin).href;
}

/** The first field of the join form, in form order, that has a problem: where focus goes. */
export function firstJoinProblem(errors: FieldErrors<JoinField>): JoinField | null {
  return joinFields.find((field) => errors[field]) ?? null;
}

/** How many annotations the project's members have made in all: 0 means there is nothing to compare yet. */
export function annotationTotal(students: readonly { annotations: number }[]): number {
  return students.reduce((sum, s) => sum + s.annotations, 0);
}
