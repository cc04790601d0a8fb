import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgreementReport } from '../api/agreement';
import type { Round, RoundMeasures } from '../api/rounds';
import { formatFigure, measuresOf, roundNameProblem, roundStatus, roundsTable, suggestedNext } from '../model/classroom/rounds';

const measures = (tokenAlpha: number | null, f1: number | null, labelAlpha: number | null = null): RoundMeasures => ({
  revision: 1, annotators: 5,
  layers: [
    { layer: 'frame', name: 'Frame', scope: 'span', tokenAlpha, spanF1Overlap: f1, alphaU: null, alpha: null },
    { layer: 'stance', name: 'Stance', scope: 'document', tokenAlpha: null, spanF1Overlap: null, alphaU: null, alpha: labelAlpha },
  ],
});

const round = (number: number, kind: Round['kind'], ended: boolean, m: RoundMeasures | null = null): Round => ({
  id: `r${number}`, number, name: kind[0]!.toUpperCase() + kind.slice(1), kind, startedAt: '2026-12-03T10:00:00Z',
  endedAt: ended ? '2026-12-03T10:20:00Z' : null, frozen: kind === 'discuss' && !ended, measures: m,
});

test('the next step follows blind → reveal → discuss → revise, and after a revise another discussion', () => {
  assert.equal(suggestedNext(null), 'blind');
  assert.equal(suggestedNext(round(1, 'blind', false)), 'reveal');
  assert.equal(suggestedNext(round(2, 'reveal', false)), 'discuss');
  assert.equal(suggestedNext(round(3, 'discuss', false)), 'revise');
  assert.equal(suggestedNext(round(4, 'revise', false)), 'discuss');
});

test('the status line says whether students can edit', () => {
  assert.match(roundStatus({ current: null, rounds: [] }), /No round yet/);
  assert.equal(roundStatus({ current: round(3, 'discuss', false), rounds: [] }), 'Round 3, Discuss: editing is frozen.');
  assert.equal(roundStatus({ current: round(4, 'revise', false), rounds: [] }), 'Round 4, Revise: students can edit.');
  assert.match(roundStatus({ current: null, rounds: [round(1, 'blind', true)] }), /No round is open: students can edit/);
});

test('round names longer than the server takes are named', () => {
  assert.equal(roundNameProblem('  '), null);
  assert.equal(roundNameProblem('Blind, before the reading'), null);
  assert.match(roundNameProblem('x'.repeat(61)) ?? '', /at most 60.*has 61/);
});

test('the table puts ended rounds side by side with the open round live, a row per measure and layer', () => {
  const rounds = [round(1, 'blind', true, measures(0.55, 0.6, 0.2)), round(2, 'reveal', true, measures(0.33, 0.5, 0.2)), round(3, 'discuss', true, null), round(4, 'revise', false)];
  const table = roundsTable(rounds, { round: rounds[3]!, measures: measures(0.71, 0.8, null) });

  assert.deepEqual(table.columns.map((c) => c.label), ['1 · Blind', '2 · Reveal', '4 · Revise (now)']);
  assert.deepEqual(table.columns.map((c) => c.open), [false, false, true]);
  assert.deepEqual(table.rows.map((r) => r.label), ['Token α · Frame', 'Span F1 · Frame', 'Label α · Stance']);
  assert.deepEqual(table.rows[0]!.values, [0.55, 0.33, 0.71]);
  assert.ok(Math.abs(table.rows[0]!.change! - 0.16) < 1e-9);
  assert.equal(table.rows[2]!.change, 0); // 0.2 then 0.2; the live null is skipped
});

test('a round without figures (or none ended) gives an empty table and no change', () => {
  assert.deepEqual(roundsTable([round(1, 'blind', false)], null), { columns: [], rows: [] });
  const one = roundsTable([round(1, 'blind', true, measures(0.5, null))], null);
  assert.equal(one.rows[0]!.change, null);
  assert.deepEqual(one.rows[1]!.values, [null]);
});

test('a live report gives the same measures the server keeps', () => {
  const report = {
    projectId: 'default', documentId: null, revision: 9, visibility: 'reveal', annotators: [{}, {}], documents: [], groups: null, notes: [],
    layers: [
      { layer: 'frame', name: 'Frame', scope: 'span', spans: { tokenAlpha: 0.4, spanF1Overlap: 0.5, alphaU: 0.3 } },
      { layer: 'stance', name: 'Stance', scope: 'document', coding: { krippendorffAlpha: 0.9 } },
    ],
  } as unknown as AgreementReport;
  assert.deepEqual(measuresOf(report), {
    revision: 9, annotators: 2,
    layers: [
      { layer: 'frame', name: 'Frame', scope: 'span', tokenAlpha: 0.4, spanF1Overlap: 0.5, alphaU: 0.3, alpha: null },
      { layer: 'stance', name: 'Stance', scope: 'document', tokenAlpha: null, spanF1Overlap: null, alphaU: null, alpha: 0.9 },
    ],
  });
});

test('figures read as two decimals with real minus signs; changes are signed', () => {
  assert.equal(formatFigure(0.5512), '0.55');
  assert.equal(formatFigure(-0.2), '−0.20');
  assert.equal(formatFigure(null), '—');
  assert.equal(formatFigure(0.16, true), '+0.16');
  assert.equal(formatFigure(-0.001, true), '0.00');
});
