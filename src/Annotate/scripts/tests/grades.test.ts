import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GradeSheet, MeanScore } from '../api/grades';
import { ActivityClock, IDLE_AFTER_MS, REPORT_EVERY_MS } from '../model/grades/activity';
import { doneText, formatF1, gradeColumns, gradeNotes, gradeRows, minutesText } from '../model/grades/gradeSheet';

test('the first interaction reports at once, then at most every 30 s while there was interaction in the last minute', () => {
  const clock = new ActivityClock();
  assert.equal(clock.due(0, true), false, 'nothing happened yet');
  assert.equal(clock.interacted(1000, true), true, 'starts the stretch');
  clock.reported(1000);
  assert.equal(clock.interacted(2000, true), false, 'too soon after the last report');
  assert.equal(clock.due(1000 + REPORT_EVERY_MS - 1, true), false);
  assert.equal(clock.due(1000 + REPORT_EVERY_MS, true), true);
  clock.reported(1000 + REPORT_EVERY_MS);
  // The last interaction was at 2 s: a minute later it is idle, and the timer reports nothing.
  assert.equal(clock.due(2000 + IDLE_AFTER_MS, true), true);
  clock.reported(2000 + IDLE_AFTER_MS);
  assert.equal(clock.due(2000 + IDLE_AFTER_MS + REPORT_EVERY_MS, true), false);
});

test('a hidden tab is idle however recent the last interaction', () => {
  const clock = new ActivityClock();
  assert.equal(clock.interacted(0, false), false);
  assert.equal(clock.due(10_000, false), false);
  assert.equal(clock.due(10_000, true), true, 'visible again within the minute');
});

const score = (overlap: number | null, exact: number | null, roundId: string | null = null): MeanScore =>
  ({ roundId, documents: overlap === null ? 0 : 1, spanF1Overlap: overlap, spanF1Exact: exact });

const sheet: GradeSheet = {
  projectId: 'default',
  key: 'gold',
  anonymous: false,
  rounds: [
    { id: 'r1', number: 1, name: 'Blind', kind: 'blind', endedAt: '2026-12-03T10:00:00Z', scored: true, note: null },
    { id: 'r2', number: 2, name: 'Reveal', kind: 'reveal', endedAt: '2026-12-03T10:30:00Z', scored: false, note: 'The gold layer is empty.' },
  ],
  students: [
    { userId: 'u1', name: 'Ana', assigned: 5, done: 3, activeSeconds: 735, rounds: [score(1, 0.5, 'r1'), score(null, null, 'r2')], current: score(0.666, 0) },
  ],
  notes: ['Scores are mean span F1.'],
};

test('the sheet has done, minutes, two F1 columns per ended round and two for now, formatted for reading', () => {
  assert.deepEqual(gradeColumns(sheet).map((c) => c.label), ['Done', 'Active min', 'R1 overlap', 'R1 exact', 'R2 overlap', 'R2 exact', 'Now overlap', 'Now exact']);
  assert.match(gradeColumns(sheet)[2]!.long, /Round 1 \(Blind\): mean span F1, overlap/);
  assert.deepEqual(gradeRows(sheet), [{ userId: 'u1', name: 'Ana', cells: ['3 / 5', '12.3', '1.00', '0.50', '–', '–', '0.67', '0.00'] }]);
  assert.equal(formatF1(null), '–');
  assert.equal(doneText(0, 0), '0 / 0');
  assert.equal(minutesText(0), '0.0');
  assert.equal(minutesText(89), '1.5');
});

test('a round without scores adds its note to the sheet notes', () => {
  assert.deepEqual(gradeNotes(sheet), ['Scores are mean span F1.', 'Round 2 (Reveal): The gold layer is empty.']);
});
