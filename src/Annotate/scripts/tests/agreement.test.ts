import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codingRows, coincidenceTotals, splitNotes, disagreementRows, formatCount, formatInterval, formatPercent, formatValue, heatBin, heatClass, noteFor,
} from '../model/agreement/agreement';
import { attributeNames, groupMatrix, nameOf, pairMatrix } from '../model/agreement/agreementPairs';
import { concerns } from '../model/agreement/agreementWatch';
import { compactCount, compactValue, isCompactCoincidence, isCompactHeat } from '../model/agreement/compactTables';
import { report } from './agreementFixtures';

const span = report.layers[0]!.spans!;
const coding = report.layers[1]!.coding!;

test('figures show two decimals, a true minus sign, and n/a when undefined', () => {
  assert.equal(formatValue(0.613), '0.61');
  assert.equal(formatValue(-0.2), '−0.20');
  assert.equal(formatValue(-0.001), '0.00');
  assert.equal(formatValue(null), 'n/a');
  assert.equal(formatValue(undefined), 'n/a');
  assert.equal(formatValue(Number.NaN), 'n/a');
  assert.equal(formatInterval([0.52, 0.81]), '95% CI 0.52 to 0.81');
  assert.equal(formatInterval(null), '');
  assert.equal(formatPercent(0.333), '33%');
  assert.equal(formatCount(6.5), '6.5');
  assert.equal(formatCount(1200), '1,200');
});

test('the reason for a missing figure comes from the note that names it, else one that mentions it', () => {
  assert.equal(noteFor(coding.notes, 'cohenKappaLinear'), 'weights need ordered values; use --level ordinal, interval or ratio.');
  assert.equal(noteFor(report.notes, 'blockade'), 'tokenAlpha of blockade: only one span, so no pair to compare.');
  assert.equal(noteFor(report.notes, 'gwetAC1'), null);
  assert.equal(noteFor(undefined, 'x'), null);
});

test('heat bins run from below zero through tenths, and n/a', () => {
  assert.equal(heatBin(-0.3), -1);
  assert.equal(heatBin(0), 0);
  assert.equal(heatBin(0.55), 5);
  assert.equal(heatBin(1), 9);
  assert.equal(heatBin(null), null);
  assert.equal(heatClass(null), 'heat heat-na');
  assert.equal(heatClass(-1), 'heat heat-neg');
  assert.equal(heatClass(0.71), 'heat heat-7');
});

test('the disagreement breakdown lists every kind with its share', () => {
  const rows = disagreementRows(span.disagreements);
  assert.deepEqual(rows.map((r) => r.key), ['agreements', 'boundary', 'label', 'boundaryAndLabel', 'missed']);
  assert.deepEqual(rows.map((r) => r.count), [3, 1, 2, 0, 4]);
  assert.equal(rows[4]!.share, 0.4);
  assert.deepEqual(disagreementRows(null), []);
  assert.ok(disagreementRows({ agreements: 0, boundary: 0, label: 0, boundaryAndLabel: 0, missed: 0 }).every((r) => r.share === 0));
});

test('the coding report lists alpha first, with its interval, and says why a kappa is missing', () => {
  const rows = codingRows(coding);
  assert.equal(rows[0]!.key, 'krippendorffAlpha');
  assert.deepEqual(rows[0]!.ci, [0.1, 0.8]);
  const linear = rows.find((r) => r.key === 'cohenKappaLinear')!;
  assert.equal(linear.value, null);
  assert.match(linear.note!, /ordered values/);
  assert.equal(rows.find((r) => r.key === 'gwetAC2Quadratic')!.note, null);
});

test('coincidence totals sum rows and the whole', () => {
  assert.deepEqual(coincidenceTotals(span.coincidence.cells), { rows: [12, 8.5], total: 20.5 });
});

test('attribute names are gathered from every annotator', () => {
  assert.deepEqual(attributeNames(report.annotators), ['group', 'role']);
  assert.equal(nameOf(report.annotators, 'u2'), 'Ben');
  assert.equal(nameOf(report.annotators, 'zz'), 'zz');
});

test('the pair matrix is symmetric, in name order, with undefined on the diagonal', () => {
  const m = pairMatrix(report.annotators, span.pairs!, 'tokenAlpha');
  assert.deepEqual(m.names, ['Ana', 'Ben', 'Cleo']);
  assert.equal(m.cells[0]![1], 0.8);
  assert.equal(m.cells[1]![0], 0.8);
  assert.equal(m.cells[2]![0], -0.2);
  assert.equal(m.cells[1]![2], null);
  assert.equal(m.cells[1]![1], undefined);
  assert.equal(pairMatrix(report.annotators, span.pairs!, 'spanF1Overlap').cells[0]![2], 0.1);
});

test('groups make a matrix with the within-group mean on the diagonal', () => {
  const g = groupMatrix(report.groups!.groups, report.groups!.between);
  assert.deepEqual(g.values, ['A', 'B']);
  assert.equal(g.cells[0]![1], 0.8);
  assert.equal(g.cells[1]![0], 0.8);
  assert.equal(g.cells[0]![0], null);
});

test('a project page refetches on any change of its project, a document page only for its document', () => {
  const change = { projectId: 'default', documentIds: ['d1'] };
  assert.equal(concerns(change, 'default', null), true);
  assert.equal(concerns(change, 'default', 'd1'), true);
  assert.equal(concerns(change, 'default', 'd2'), false);
  assert.equal(concerns(change, 'other', null), false);
  assert.equal(concerns({ projectId: 'default', documentIds: [] }, 'default', 'd2'), true);
});

test('notes prefixed with a layer name go to that layer, without the prefix', () => {
  const { general, byLayer } = splitNotes(['Claim: spanF1Exact: no pair of coders marked any span', 'alphaU: merged 2 spans', 'Frame: tokenAlpha: x'], ['Claim', 'Frame', 'Genre']);
  assert.deepEqual(general, ['alphaU: merged 2 spans']);
  assert.deepEqual(byLayer.get('Claim'), ['spanF1Exact: no pair of coders marked any span']);
  assert.equal(noteFor(byLayer.get('Claim'), 'spanF1Exact'), 'no pair of coders marked any span');
  assert.deepEqual(byLayer.get('Genre'), []);
});

test('compact figures drop the leading zero and keep the sign; counts fit four characters', () => {
  assert.equal(compactValue(0.4512), '.45');
  assert.equal(compactValue(-0.12), '−.12');
  assert.equal(compactValue(1), '1.0');
  assert.equal(compactValue(-1), '−1.0');
  assert.equal(compactValue(0), '.00');
  assert.equal(compactValue(null), 'n/a');
  assert.deepEqual([0, 0.04, 2.48, 9.96, 368.07, 999.4, 1234, 45_600, 2_345_678].map(compactCount), ['0', '<0.1', '2.5', '10', '368', '999', '1.2k', '46k', '2.3M']);
  assert.equal(isCompactHeat(8), false);
  assert.equal(isCompactHeat(9), true);
  assert.equal(isCompactCoincidence(6), false);
  assert.equal(isCompactCoincidence(7), true);
});
