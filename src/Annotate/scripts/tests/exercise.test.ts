import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExerciseAttempts, ExerciseDifferences, AttemptFigures } from '../api/exercises';
import { beforeAfter, differenceSummary, excerpt, keyChoices, kindInfo, kindsPresent, percent, showsDifferences } from '../model/classroom/exercise';

const attempt = (number: number, overlap: number | null): AttemptFigures => ({
  number, doneAt: '2026-12-03T10:00:00Z', keySpans: 3, yourSpans: 2, spanF1Exact: overlap, spanF1Overlap: overlap,
  disagreements: { agreements: 0, boundary: 0, label: 0, boundaryAndLabel: 0, missed: 0 }, labelLayers: 0, labelsAgreeing: 0,
});

const differences = (mode: 'differ' | 'guided', extra: Partial<ExerciseDifferences> = {}): ExerciseDifferences => ({
  documentId: 'd', mode, labels: [], missedRegions: [],
  spans: [
    { kind: 'matched', yours: { layer: 'frame', label: 'p', start: 0, end: 5 }, key: null },
    { kind: 'label', yours: { layer: 'frame', label: 'e', start: 10, end: 15 }, key: null },
    { kind: 'extra', yours: { layer: 'frame', label: 'e', start: 20, end: 25 }, key: null },
  ],
  ...extra,
});

test('figures read as whole percentages, and a missing figure as a dash', () => {
  assert.equal(percent(2 / 3), '67%');
  assert.equal(percent(1), '100%');
  assert.equal(percent(null), '—');
});

test('before and after appear only once the student has revised, saying which way the score went', () => {
  const once: ExerciseAttempts = { count: 1, first: attempt(1, 0.5), latest: attempt(1, 0.5) };
  assert.equal(beforeAfter(once), null);
  assert.equal(beforeAfter(null), null);
  const twice: ExerciseAttempts = { count: 2, first: attempt(1, 0.5), latest: attempt(2, 0.8) };
  assert.deepEqual(beforeAfter(twice), { first: 0.5, latest: 0.8, text: 'First try 50%, after 1 revision 80% (better).' });
  assert.match(beforeAfter({ count: 3, first: attempt(1, 0.5), latest: attempt(3, 0.4) })!.text, /after 2 revisions 40% \(worse\)/);
});

test('each kind of difference has words and a symbol, worded for the mode (guided never names the answer)', () => {
  assert.equal(kindInfo('label', 'differ').text, 'Label differs');
  assert.equal(kindInfo('label', 'guided').text, 'Wrong label');
  assert.equal(kindInfo('extra', 'guided').symbol, '+');
  for (const kind of ['matched', 'boundary', 'label', 'boundaryAndLabel', 'missed', 'extra'] as const) {
    assert.notEqual(kindInfo(kind, 'differ').symbol, '');
    assert.notEqual(kindInfo(kind, 'guided').text, '');
  }
});

test('the summary counts each kind, and guided counts missed parts, not spans', () => {
  assert.equal(differenceSummary(differences('differ')), '1 × matches the key · 1 × label differs · 1 × extra: only you have it');
  const guided = differences('guided', { missedRegions: [{ start: 0, end: 40, spans: 2 }, { start: 42, end: 80, spans: 1 }] });
  assert.equal(differenceSummary(guided), '1 × right · 1 × wrong label · 1 × not in the key · something missed in 2 parts');
  assert.deepEqual(kindsPresent(guided), ['matched', 'label', 'extra', 'missed']);
  assert.equal(differenceSummary(differences('differ', { spans: [] })), 'Neither you nor the key marked any span.');
});

test('an excerpt keeps a little context, folds white space and marks where it was cut', () => {
  const text = 'The council met on Monday.\n\nProtesters gathered outside the hall and chanted.';
  assert.deepEqual(excerpt(text, 28, 38, 10), { before: '… Monday. ', marked: 'Protesters', after: ' gathered …' });
  assert.deepEqual(excerpt(text, 0, 3, 5), { before: '', marked: 'The', after: ' coun…' });
  assert.equal(excerpt(text, 0, text.length, 0, 10).marked, 'The counci…');
});

test('the key is the gold layer, a teacher or a student, and a key who left stays listed', () => {
  const people = [
    { userId: 'u2', name: 'Ben', role: 'annotator' }, { userId: 'u1', name: 'Ana', role: 'annotator' }, { userId: 't', name: 'Teacher', role: 'owner' },
  ];
  assert.deepEqual(keyChoices(people, 'gold').map((c) => c.key), ['gold', 't', 'u1', 'u2']);
  assert.equal(keyChoices(people, 'gone').at(-1)?.key, 'gone');
  assert.equal(showsDifferences('score'), false);
  assert.equal(showsDifferences('guided'), true);
});
