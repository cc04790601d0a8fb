import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, Codebook, CodebookRelation } from '../api/annotationTypes';
import { annotateCommand } from '../model/annotate/annotateKeys';
import { offsetLanes } from '../model/relations/arcLayout';
import { fromRelation, relationPut } from '../model/relations/relationItems';
import { RelationLens } from '../model/relations/relationLens';
import { linkTargets, mayLinkFrom, stepTarget, typesFor } from '../model/relations/relationRules';
import { AnnotateState } from '../view/annotate/viewState';

// The reader's relation rules (issue 17): which types join two spans, where linking may go, what is drawn.

const type = (id: string, directed: boolean, source: Partial<CodebookRelation['source']>, target: Partial<CodebookRelation['target']>): CodebookRelation => ({
  id, name: id, key: null, color: null, definition: null, directed, attributes: [], examples: [],
  source: { layers: [], labels: [], ...source }, target: { layers: [], labels: [], ...target },
});

const codebook = {
  relations: [
    type('said-by', true, { layers: ['claim'] }, { layers: ['source'] }),
    type('denies', true, { layers: ['claim'], labels: ['denial'] }, { layers: ['claim'], labels: ['accusation'] }),
    type('restates', false, { layers: ['claim'] }, { layers: ['claim'] }),
  ],
} as unknown as Codebook;

const span = (id: string, layer: string, label: string, start: number, annotatorId = 'me'): Annotation => ({
  id, documentId: 'd', documentVersion: 1, codebookVersion: 1, kind: 'span', layer, label, start, end: start + 5, quote: `q-${id}`,
  prefix: null, suffix: null, attributes: {}, attribution: null, note: null, annotatorId, annotatorName: annotatorId, version: 1, status: 'ok',
  createdAt: '', updatedAt: '',
});

test('typesFor follows each end’s layers and labels, and takes an undirected type either way round', () => {
  const denial = span('a', 'claim', 'denial', 0);
  const accusation = span('b', 'claim', 'accusation', 10);
  const official = span('c', 'source', 'official', 20);
  assert.deepEqual(typesFor(codebook, denial, official).map((t) => t.id), ['said-by']);
  assert.deepEqual(typesFor(codebook, official, denial).map((t) => t.id), [], 'said-by is directed: a source does not say a claim');
  assert.deepEqual(typesFor(codebook, denial, accusation).map((t) => t.id), ['denies', 'restates']);
  assert.deepEqual(typesFor(codebook, accusation, denial).map((t) => t.id), ['restates'], 'denies only from the denial');
  assert.equal(mayLinkFrom(codebook, official), false);
  assert.equal(mayLinkFrom(codebook, accusation), true);
});

test('link targets are the spans some type allows, in text order; the arrow keys step through them from the source', () => {
  const from = span('a', 'claim', 'denial', 50);
  const spans = [span('s2', 'source', 'official', 90), span('x', 'frame', 'blockade', 5), span('s1', 'source', 'official', 10), span('c', 'claim', 'accusation', 70), from];
  const targets = linkTargets(codebook, from, spans);
  assert.deepEqual(targets.map((t) => t.id), ['s1', 'c', 's2'], 'no frame span, not the source itself');
  assert.equal(stepTarget(targets, null, 1, 50)?.id, 'c', 'forward: the first after the source');
  assert.equal(stepTarget(targets, null, -1, 50)?.id, 's1', 'back: the last before it');
  assert.equal(stepTarget(targets, 's2', 1, 50)?.id, 's1', 'wraps');
  assert.equal(stepTarget([], null, 1, 0), null);
});

test('a relation is drawn only when its author is shown and both ends are drawn', () => {
  const items = new Map<string, Annotation>();
  for (const s of [span('a', 'claim', 'denial', 0), span('b', 'source', 'official', 10), span('o', 'source', 'official', 30, 'ann')]) items.set(s.id, s);
  const view = { others: false, hidden: new Set<string>() };
  const shown = (a: Annotation) => a.annotatorId === 'me' || (view.others && !view.hidden.has(a.annotatorId));
  const lens = new RelationLens(items, { drawable: (a) => a.kind === 'span' && shown(a), shown, isMine: (a) => a.annotatorId === 'me', annotatorName: (a) => a.annotatorName },
    codebook.relations);
  const mine = fromRelation({ id: 'r1', documentId: 'd', codebookVersion: 1, type: 'said-by', source: 'a', target: 'b', attributes: {}, note: null,
    annotatorId: 'me', annotatorName: 'me', version: 1, deleted: false, status: 'ok', createdAt: '', updatedAt: '' });
  const toOthers = { ...mine, id: 'r2', targetSpan: 'o' };
  const theirs = { ...mine, id: 'r3', annotatorId: 'ann', annotatorName: 'Ann' };
  for (const r of [mine, toOthers, theirs]) items.set(r.id, r);
  assert.deepEqual(lens.drawn().map((r) => r.id), ['r1'], 'others off: only mine between drawn spans');
  view.others = true;
  assert.deepEqual(lens.drawn().map((r) => r.id).sort(), ['r1', 'r2', 'r3']);
  view.hidden.add('ann');
  assert.deepEqual(lens.drawn().map((r) => r.id), ['r1'], 'a switched-off annotator: their relations and spans go');
  assert.equal(lens.row(mine).text, '“q-a” → “q-b”');
  assert.equal(lens.row(theirs).by, 'Ann');
  assert.deepEqual(relationPut(mine), { type: 'said-by', source: 'a', target: 'b', attributes: {}, note: null });
});

test('gutter lanes come from text offsets: an arc enclosing another takes the outer lane', () => {
  const lanes = offsetLanes([{ id: 'outer', start: 0, end: 100 }, { id: 'inner', start: 10, end: 20 }, { id: 'apart', start: 200, end: 300 }]);
  assert.equal(lanes.get('inner'), 0);
  assert.equal(lanes.get('outer'), 1);
  assert.equal(lanes.get('apart'), 0);
});

test('Shift+L links; plain l stays a label key', () => {
  const reading = { caretMode: false, words: true };
  assert.deepEqual(annotateCommand({ key: 'L', shiftKey: true, ctrlKey: false, metaKey: false, altKey: false }, reading), { kind: 'link' });
  assert.deepEqual(annotateCommand({ key: 'l', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }, reading), { kind: 'label', key: 'l' });
});

test('a span and a relation are never selected at once', () => {
  const state = new AnnotateState('frame', false, () => true);
  state.select('span-1');
  state.selectRelation('rel-1');
  assert.equal(state.selectedId, null);
  assert.equal(state.relationId, 'rel-1');
  state.select('span-2');
  assert.equal(state.relationId, null);
});
