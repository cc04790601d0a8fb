// The grade sheet as the class page shows it: header cells and formatted rows (the numbers the CSV has).
import type { GradeSheet, MeanScore } from '../../api/grades';

export interface GradeColumn {
  /** What the header says. */
  label: string;
  /** A longer description (the header's title, and the label phones show beside each value). */
  long: string;
}

export interface GradeRow {
  userId: string;
  name: string;
  /** One per column after the name. */
  cells: string[];
}

/** F1 as the sheet shows it: two decimals, or a dash where there is no figure. */
export function formatF1(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** "3 / 5": documents done of those assigned. */
export const doneText = (done: number, assigned: number): string => `${done} / ${assigned}`;

/** Active seconds as minutes to a tenth (as the CSV has them), "0.0" included: the sheet counts, so nothing is a dash. */
export const minutesText = (seconds: number): string => (seconds / 60).toFixed(1);

const f1Pair = (score: MeanScore): string[] => [formatF1(score.spanF1Overlap), formatF1(score.spanF1Exact)];

/** The columns after the student's name: done, minutes, each ended round's two F1 figures, then now's. */
export function gradeColumns(sheet: GradeSheet): GradeColumn[] {
  return [
    { label: 'Done', long: 'Documents done of those assigned' },
    { label: 'Active min', long: 'Minutes of active work (idle excluded)' },
    ...sheet.rounds.flatMap((round) => [
      { label: `R${round.number} overlap`, long: `Round ${round.number} (${round.name}): mean span F1, overlap` },
      { label: `R${round.number} exact`, long: `Round ${round.number} (${round.name}): mean span F1, exact` },
    ]),
    { label: 'Now overlap', long: 'Now: mean span F1, overlap' },
    { label: 'Now exact', long: 'Now: mean span F1, exact' },
  ];
}

export function gradeRows(sheet: GradeSheet): GradeRow[] {
  return sheet.students.map((s) => ({
    userId: s.userId,
    name: s.name,
    cells: [doneText(s.done, s.assigned), minutesText(s.activeSeconds), ...s.rounds.flatMap(f1Pair), ...f1Pair(s.current)],
  }));
}

/** The sheet's notes plus one per round without scores ("Round 2 (Blind): …"). */
export function gradeNotes(sheet: GradeSheet): string[] {
  return [
    ...sheet.notes,
    ...sheet.rounds.filter((r) => !r.scored && r.note).map((r) => `Round ${r.number} (${r.name}): ${r.note}`),
  ];
}
