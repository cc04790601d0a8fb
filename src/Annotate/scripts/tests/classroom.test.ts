import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgreementReport, LayerAgreement } from '../api/agreement';
import type { StudentProgress } from '../api/classroom';
import {
  annotationTotal, anonymousNames, firstJoinProblem, headline, joinFieldErrors, joinLink, joinProblems, joinRequest, normalizeCode, NOWHERE, studentRows,
} from '../model/classroom/classroom';

test('codes are compared as the server does: upper case, no separators', () => {
  assert.equal(normalizeCode(' k7pq-4xma '), 'K7PQ4XMA');
  assert.equal(normalizeCode('K7PQ 4XMA'), 'K7PQ4XMA');
});

test('the join form asks for a code of eight characters and a name; the group is optional', () => {
  assert.deepEqual(joinProblems('', ' ', ''), { code: 'Enter the class code your teacher gave you.', displayName: 'Enter a display name.' });
  assert.match(joinProblems('K7PQ', 'Ana', '').code ?? '', /8 letters and digits.*has 4/);
  assert.deepEqual(joinProblems('k7pq-4xma', 'Ana', ''), {});
  assert.match(joinProblems('K7PQ4XMA', 'x'.repeat(65), '').displayName ?? '', /at most 64/);
  assert.match(joinProblems('K7PQ4XMA', 'Ana', 'g'.repeat(101)).group ?? '', /at most 100/);
  assert.equal(firstJoinProblem({ group: 'x', displayName: 'y' }), 'displayName');
  assert.equal(firstJoinProblem({}), null);
});

test('the group goes in as the attribute "group" only when given', () => {
  assert.deepEqual(joinRequest(' K7PQ4XMA ', ' Ana ', '  '), { code: 'K7PQ4XMA', displayName: 'Ana' });
  assert.deepEqual(joinRequest('K7PQ4XMA', 'Ana', ' north '), { code: 'K7PQ4XMA', displayName: 'Ana', attributes: { group: 'north' } });
});

test('server validation errors find their field, attributes.group included', () => {
  const { fields, other } = joinFieldErrors({ Code: ['Enter the code.'], 'attributes.group': ['Too long.'], attributes: ['Odd.'] });
  assert.deepEqual(fields, { code: 'Enter the code.', group: 'Too long.' });
  assert.equal(other, 'Odd.');
});

const student = (userId: string, name: string, joinedAt: string, extra: Partial<StudentProgress> = {}): StudentProgress =>
  ({ userId, name, role: 'annotator', joinedAt, annotations: 0, documents: 0, present: [], ...extra });

test('anonymous names number the students by user id, as the server does, and never the teachers', () => {
  const names = anonymousNames([{ userId: 'u3' }, { userId: 'u0', role: 'owner' }, { userId: 'u1' }, { userId: 'u2', role: 'annotator' }, { userId: 'u1' }, { userId: 'u4', role: 'curator' }]);
  assert.deepEqual([...names].sort(), [['u0', 'Teacher'], ['u1', 'Student 1'], ['u2', 'Student 2'], ['u3', 'Student 3'], ['u4', 'Curator']]);
});

test('the student table lists annotators in join order with the document they have open', () => {
  const students = [
    student('u0', 'Teacher', '2026-01-01T08:00:00Z', { role: 'owner' }),
    student('u2', 'Ben', '2026-01-01T09:01:00Z', { annotations: 2, documents: 1, present: [{ documentId: 'd1', block: 3 }, { documentId: 'd1', block: 4 }] }),
    student('u1', 'Ana', '2026-01-01T09:00:00Z', { present: [{ documentId: 'gone', block: null }] }),
    student('u3', 'Cat', '2026-01-01T09:02:00Z'),
  ];
  const titles = new Map([['d1', 'The pass']]);
  const rows = studentRows(students, titles, false);
  assert.deepEqual(rows.map((r) => [r.name, r.annotations, r.nowOn]), [['Ana', 0, 'gone'], ['Ben', 2, 'The pass'], ['Cat', 0, NOWHERE]]);
  // The teacher is neither numbered nor a student row: the first student is Student 1 (issue 16, point 3).
  assert.deepEqual(studentRows(students, titles, true).map((r) => r.name), ['Student 1', 'Student 2', 'Student 3']);
  // Assigned counts come only when the documents are spread.
  assert.deepEqual(rows.map((r) => r.assigned), [null, null, null]);
  const spread = students.map((s, i) => ({ ...s, assigned: s.role === 'annotator' ? i : null }));
  assert.deepEqual(studentRows(spread, titles, false).map((r) => r.assigned).sort(), [1, 2, 3]);
});

test('the headline takes token alpha and alpha-u of span layers and alpha of document labels', () => {
  const layers = [
    { layer: 'frame', name: 'Frame', scope: 'span', spans: { tokenAlpha: 0.5, alphaU: 0.25 } },
    { layer: 'stance', name: '', scope: 'document', coding: { krippendorffAlpha: -0.1 } },
    { layer: 'claim', name: 'Claim', scope: 'span', spans: null },
  ] as unknown as LayerAgreement[];
  assert.deepEqual(headline({ layers } as AgreementReport), [
    { layer: 'frame', name: 'Frame', scope: 'span', tokenAlpha: 0.5, alphaU: 0.25 },
    { layer: 'stance', name: 'stance', scope: 'document', tokenAlpha: -0.1, alphaU: null },
    { layer: 'claim', name: 'Claim', scope: 'span', tokenAlpha: null, alphaU: null },
  ]);
});

test('the join link puts the join path on the origin', () => {
  assert.equal(joinLink('http://localhost:5000', '/join?code=K7PQ4XMA'), 'http://localhost:5000/join?code=K7PQ4XMA');
});

test('the annotation total says whether there is anything to compare', () => {
  assert.equal(annotationTotal([]), 0);
  assert.equal(annotationTotal([student('u1', 'Ana', 'x', { annotations: 2 }), student('u2', 'Ben', 'y', { annotations: 1 })]), 3);
});
