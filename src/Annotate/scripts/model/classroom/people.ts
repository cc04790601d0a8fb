// The teacher's management of the class's people: who owns the page, roles, groups, and how documents are shared
// out. No DOM.
import type { StudentProgress } from '../../api/classroom';
import type { Assignment, AssignmentRequest, Member, Role } from '../../api/people';
import { groupMaxLength } from './classroom';

export const roles: readonly { role: Role; name: string; hint: string }[] = [
  { role: 'owner', name: 'Owner', hint: 'runs the class and manages people' },
  { role: 'curator', name: 'Curator', hint: 'sees everyone’s work and adjudicates' },
  { role: 'annotator', name: 'Annotator', hint: 'annotates (a student)' },
  { role: 'viewer', name: 'Viewer', hint: 'reads only' },
];

/** The server's limit (Classroom/ClassroomApi.cs). */
export const maxAnnotatorsPerDocument = 50;

/** Whether the signed-in person owns the project, as the dashboard lists them: only owners manage people. */
export function isOwner(students: readonly Pick<StudentProgress, 'userId' | 'role'>[], userId: string | undefined): boolean {
  return userId !== undefined && students.some((s) => s.userId === userId && s.role === 'owner');
}

/** The request for the assignment form, or what is wrong with the number typed. */
export function assignmentRequest(mode: 'all' | 'spread', perDocument: string): { request: AssignmentRequest } | { error: string } {
  if (mode === 'all') return { request: { mode: 'all' } };
  const text = perDocument.trim();
  const k = Number(text);
  if (text === '' || !Number.isInteger(k) || k < 1 || k > maxAnnotatorsPerDocument) {
    return { error: `Enter a whole number of annotators per document, from 1 to ${maxAnnotatorsPerDocument}.` };
  }
  return { request: { mode: 'spread', annotatorsPerDocument: k } };
}

/** One sentence on how the documents are shared out now. */
export function assignmentSummary(assignment: Assignment): string {
  if (assignment.mode !== 'spread') return 'Everyone gets every document.';
  const k = assignment.annotatorsPerDocument ?? 1;
  const people = Object.keys(assignment.documentsPerPerson).length;
  return `Spread: each document gets ${k} ${k === 1 ? 'annotator' : 'annotators'}` +
    (people ? `, dealt out over ${people} ${people === 1 ? 'student' : 'students'}.` : '; no students to deal them to yet.');
}

/** Members in a stable order: owners first, then curators, annotators and viewers; by name within a role. */
export function sortMembers(members: readonly Member[]): Member[] {
  const rank = (role: Role) => roles.findIndex((r) => r.role === role);
  return [...members].sort((a, b) => rank(a.role) - rank(b.role) || a.displayName.localeCompare(b.displayName) || (a.userId < b.userId ? -1 : 1));
}

/** A change of key means someone joined, left or changed role: the people table is then fetched again. */
export function membersKey(students: readonly Pick<StudentProgress, 'userId' | 'role'>[]): string {
  return students.map((s) => `${s.userId}:${s.role}`).sort().join(',');
}

/** The group to save: trimmed; "" removes it. A message instead when too long. */
export function groupValue(text: string): { group: string } | { error: string } {
  const group = text.trim();
  return group.length > groupMaxLength ? { error: `A group has at most ${groupMaxLength} characters.` } : { group };
}

/** What to tell the teacher when the server refuses a change to someone (409 last owner, 403, 404). */
export function memberRefusal(status: number, title: string, detail: string | undefined): string {
  if (status === 409) return detail ?? 'A project needs an owner: give someone else the owner role first.';
  if (status === 403) return `Not allowed: ${detail ?? 'only an owner of the project may manage its people.'}`;
  if (status === 404) return 'This person is no longer a member of the project.';
  return detail ? `${title}: ${detail}` : title;
}
