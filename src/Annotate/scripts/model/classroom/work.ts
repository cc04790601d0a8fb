// A student's progress on their documents, as "Your documents" and the teacher's dashboard show it.
import type { DocumentWork, StudentProgress } from '../../api/classroom';
import { anonymousNames } from './classroom';

/** Done (marked by the student), in progress (something annotated), or not started. */
export type WorkState = 'done' | 'started' | 'new';

export function workState(work: DocumentWork): WorkState {
  if (work.done) return 'done';
  return work.annotations > 0 ? 'started' : 'new';
}

const STATE_TEXT: Record<WorkState, string> = { done: 'Done', started: 'In progress', new: 'Not started' };

export const stateText = (state: WorkState): string => STATE_TEXT[state];

export const stanceText = (work: DocumentWork): string => (work.stance ? 'Stance given' : 'No stance yet');

export interface WorkCounts {
  total: number;
  done: number;
  started: number;
}

export function workCounts(documents: readonly DocumentWork[]): WorkCounts {
  const states = documents.map(workState);
  return { total: documents.length, done: states.filter((s) => s === 'done').length, started: states.filter((s) => s === 'started').length };
}

/** "2 of 5 done, 1 in progress", or why the list is empty. */
export function workSummary(documents: readonly DocumentWork[]): string {
  const { total, done, started } = workCounts(documents);
  if (total === 0) return 'No documents for you yet: your teacher has not given you any.';
  if (done === total) return total === 1 ? 'Your document is done.' : `All ${total} documents are done.`;
  return `${done} of ${total} done` + (started ? `, ${started} in progress` : '');
}

/** One student's row of the teacher's progress table. */
export interface ProgressRow {
  userId: string;
  name: string;
  counts: WorkCounts;
  documents: { documentId: string; title: string; state: WorkState; stance: boolean }[];
}

/** The students' progress per document, in join order, with real or anonymous names (as the students table). */
export function progressRows(students: readonly StudentProgress[], anonymous: boolean): ProgressRow[] {
  const names = anonymousNames(students);
  return students
    .filter((s) => s.role === 'annotator')
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || (a.userId < b.userId ? -1 : 1))
    .map((s) => {
      const work = s.work ?? [];
      return {
        userId: s.userId,
        name: anonymous ? names.get(s.userId) ?? 'Student' : s.name,
        counts: workCounts(work),
        documents: work.map((w) => ({ documentId: w.documentId, title: w.title || w.documentId, state: workState(w), stance: w.stance })),
      };
    });
}

export const instructionMaxLength = 1000;

/** The instruction as the server stores it: Windows line ends made plain, trimmed. */
export function normalizeInstruction(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** What the server would refuse in an instruction, or null. */
export function instructionProblem(text: string): string | null {
  const normalized = normalizeInstruction(text);
  if (normalized.length > instructionMaxLength) return `Keep the instruction to ${instructionMaxLength} characters (this one has ${normalized.length}).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(normalized)) return 'The instruction may contain line breaks but no other control characters.';
  return null;
}
