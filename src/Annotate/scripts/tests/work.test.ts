import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentWork, StudentProgress } from '../api/classroom';
import { instructionProblem, normalizeInstruction, progressRows, stanceText, workCounts, workState, workSummary } from '../model/classroom/work';

const work = (documentId: string, extra: Partial<DocumentWork> = {}): DocumentWork =>
  ({ documentId, title: `Title ${documentId}`, annotations: 0, stance: false, done: false, doneAt: null, ...extra });

test('a document is done when the student said so, in progress once annotated, else not started', () => {
  assert.equal(workState(work('a')), 'new');
  assert.equal(workState(work('a', { annotations: 2 })), 'started');
  assert.equal(workState(work('a', { stance: true, annotations: 1 })), 'started');
  // Done counts even with nothing annotated: the student may have found nothing to mark.
  assert.equal(workState(work('a', { done: true })), 'done');
  assert.equal(stanceText(work('a', { stance: true })), 'Stance given');
  assert.equal(stanceText(work('a')), 'No stance yet');
});

test('the summary counts done and in progress, and says why an empty list is empty', () => {
  const docs = [work('a', { done: true }), work('b', { annotations: 1 }), work('c')];
  assert.deepEqual(workCounts(docs), { total: 3, done: 1, started: 1 });
  assert.equal(workSummary(docs), '1 of 3 done, 1 in progress');
  assert.equal(workSummary([work('a'), work('b')]), '0 of 2 done');
  assert.equal(workSummary([work('a', { done: true })]), 'Your document is done.');
  assert.equal(workSummary([work('a', { done: true }), work('b', { done: true })]), 'All 2 documents are done.');
  assert.match(workSummary([]), /No documents for you yet/);
});

const student = (userId: string, name: string, joinedAt: string, extra: Partial<StudentProgress> = {}): StudentProgress =>
  ({ userId, name, role: 'annotator', joinedAt, annotations: 0, documents: 0, present: [], ...extra });

test('progress rows are the students in join order, anonymised like the students table, teachers left out', () => {
  const rows = progressRows([
    student('u2', 'Ben', '2026-01-01T10:05:00Z', { work: [work('a', { done: true, stance: true }), work('b', { annotations: 3 })] }),
    student('u0', 'Teacher', '2026-01-01T09:00:00Z', { role: 'owner', work: null }),
    student('u1', 'Ana', '2026-01-01T10:00:00Z'),
  ], false);
  assert.deepEqual(rows.map((r) => r.name), ['Ana', 'Ben']);
  assert.deepEqual(rows[0]?.documents, []);
  assert.deepEqual(rows[1]?.counts, { total: 2, done: 1, started: 1 });
  assert.deepEqual(rows[1]?.documents.map((d) => [d.documentId, d.state, d.stance]), [['a', 'done', true], ['b', 'started', false]]);
  const anonymous = progressRows([student('u2', 'Ben', '2026-01-01T10:05:00Z'), student('u1', 'Ana', '2026-01-01T10:00:00Z')], true);
  assert.deepEqual(anonymous.map((r) => r.name), ['Student 1', 'Student 2']);
});

test('the instruction is checked as the server checks it: length after trimming, line breaks only', () => {
  assert.equal(normalizeInstruction('  Read.\r\nThen mark.\r  '), 'Read.\nThen mark.');
  assert.equal(instructionProblem('Read.\n\tThen mark.'), null);
  assert.equal(instructionProblem(` ${'a'.repeat(1000)} `), null);
  assert.match(instructionProblem('a'.repeat(1001)) ?? '', /1000 characters \(this one has 1001\)/);
  assert.match(instructionProblem('Ring\u0007') ?? '', /control characters/);
});
