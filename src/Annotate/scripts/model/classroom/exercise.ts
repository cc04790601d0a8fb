// Exercises against the teacher's key, as a student reads them: figures as percentages, the kinds of difference
// with a text and a symbol each (never colour alone), before/after of a guided fix, and short excerpts of the text.
// No DOM.
import { GOLD_ANNOTATOR } from '../session/goldLayer';
import type { DifferenceKind, ExerciseAttempts, ExerciseDifferences, ExerciseMode, ExerciseScore } from '../../api/exercises';

export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`);

export interface KindInfo {
  /** What the difference is, in words (the legend and each row say it). */
  text: string;
  /** The shape cue beside the colour. */
  symbol: string;
}

/** "Where you differ": both sides are shown, so each kind says which side has what. */
const DIFFER: Record<DifferenceKind, KindInfo> = {
  matched: { text: 'Matches the key', symbol: '✓' },
  boundary: { text: 'Boundary differs', symbol: '↔' },
  label: { text: 'Label differs', symbol: '≠' },
  boundaryAndLabel: { text: 'Boundary and label differ', symbol: '≠↔' },
  missed: { text: 'Missed: only the key has it', symbol: '○' },
  extra: { text: 'Extra: only you have it', symbol: '+' },
};

/** "Guided fix": the key is not shown, so each kind says what to look at in one's own span. */
const GUIDED: Record<DifferenceKind, KindInfo> = {
  matched: { text: 'Right', symbol: '✓' },
  boundary: { text: 'Right label, boundary off', symbol: '↔' },
  label: { text: 'Wrong label', symbol: '≠' },
  boundaryAndLabel: { text: 'Wrong label and boundary off', symbol: '≠↔' },
  missed: { text: 'Something missed in this part', symbol: '○' },
  extra: { text: 'Not in the key', symbol: '+' },
};

export const KIND_ORDER: readonly DifferenceKind[] = ['matched', 'boundary', 'label', 'boundaryAndLabel', 'extra', 'missed'];

export const kindInfo = (kind: DifferenceKind, mode: ExerciseMode): KindInfo => (mode === 'guided' ? GUIDED : DIFFER)[kind];

/** The kinds present in the differences (missed regions count as "missed" in guided mode), in legend order. */
export function kindsPresent(differences: ExerciseDifferences): DifferenceKind[] {
  const kinds = new Set(differences.spans.map((s) => s.kind));
  if (differences.missedRegions.length > 0) kinds.add('missed');
  return KIND_ORDER.filter((k) => kinds.has(k));
}

/** "2 right · 1 wrong label · something missed in 1 part". */
export function differenceSummary(differences: ExerciseDifferences): string {
  const parts = KIND_ORDER.flatMap((kind) => {
    const count = kind === 'missed' && differences.mode === 'guided'
      ? differences.missedRegions.length
      : differences.spans.filter((s) => s.kind === kind).length;
    if (count === 0) return [];
    const text = kindInfo(kind, differences.mode).text;
    if (kind === 'missed' && differences.mode === 'guided') return [`something missed in ${count} ${count === 1 ? 'part' : 'parts'}`];
    return [`${count} × ${text.toLowerCase()}`];
  });
  return parts.length === 0 ? 'Neither you nor the key marked any span.' : parts.join(' · ');
}

/** A short stretch of the text around [start, end), the stretch itself apart, with ellipses where it was cut. */
export function excerpt(text: string, start: number, end: number, context = 30, longest = 120): { before: string; marked: string; after: string } {
  const markedEnd = end - start > longest ? start + longest : end;
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, markedEnd + context);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start).replace(/\s+/g, ' '),
    marked: text.slice(start, markedEnd).replace(/\s+/g, ' ') + (markedEnd < end ? '…' : ''),
    after: text.slice(markedEnd, to).replace(/\s+/g, ' ') + (to < text.length ? '…' : ''),
  };
}

export interface BeforeAfter {
  first: number;
  latest: number;
  text: string;
}

/** The first and latest attempts' span F1 (by overlap), once the student has revised at least once; else null. */
export function beforeAfter(attempts: ExerciseAttempts | null | undefined): BeforeAfter | null {
  if (!attempts || attempts.count < 2 || !attempts.first || !attempts.latest) return null;
  const first = attempts.first.spanF1Overlap ?? 0;
  const latest = attempts.latest.spanF1Overlap ?? 0;
  const change = latest > first ? 'better' : latest < first ? 'worse' : 'the same';
  return {
    first, latest,
    text: `First try ${percent(first)}, after ${attempts.count - 1} ${attempts.count === 2 ? 'revision' : 'revisions'} ${percent(latest)} (${change}).`,
  };
}

/** "Span F1 67% by overlap, 33% exact", or the score's own note when F1 is not defined. */
export function scoreHeadline(score: ExerciseScore): string {
  if (score.spanF1Overlap === null) return score.notes[0] ?? 'No span to compare.';
  return `Span F1 ${percent(score.spanF1Overlap)} by overlap, ${percent(score.spanF1Exact)} exact`;
}

/** Whether the mode shows differences after the score. */
export const showsDifferences = (mode: ExerciseMode): boolean => mode === 'differ' || mode === 'guided';

export interface ModeInfo {
  mode: ExerciseMode;
  name: string;
  hint: string;
}

/** The teacher's choices, with what each shows students once they press Done. */
export const EXERCISE_MODES: readonly ModeInfo[] = [
  { mode: 'off', name: 'Off', hint: 'No feedback: students annotate and press Done.' },
  { mode: 'score', name: 'Score only', hint: 'After Done, each student sees their score against the key (span F1, per label, document labels).' },
  { mode: 'differ', name: 'Where you differ', hint: 'The score, and the key’s spans beside the student’s with each difference marked.' },
  { mode: 'guided', name: 'Guided fix', hint: 'The score, and the student’s own spans flagged (right, wrong label, boundary off, extra) and the parts where they missed something, without the answer; they reopen, revise and press Done again. First and latest scores are kept.' },
];

export interface KeyChoice {
  key: string;
  name: string;
}

/**
 * What the key can be: the gold layer, then the teachers, then the students by name (the current key kept even
 * when its member is no longer listed, so a saved choice is never silently changed).
 */
export function keyChoices(people: readonly { userId: string; name: string; role: string }[], current: string): KeyChoice[] {
  const teachers = people.filter((p) => p.role !== 'annotator').sort((a, b) => a.name.localeCompare(b.name));
  const students = people.filter((p) => p.role === 'annotator').sort((a, b) => a.name.localeCompare(b.name));
  const choices: KeyChoice[] = [
    { key: GOLD_ANNOTATOR, name: 'Gold layer (adjudicated)' },
    ...teachers.map((p) => ({ key: p.userId, name: `${p.name} (teacher)` })),
    ...students.map((p) => ({ key: p.userId, name: p.name })),
  ];
  if (!choices.some((c) => c.key === current)) choices.push({ key: current, name: 'A member who left (choose another key)' });
  return choices;
}
