import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../api/annotationTypes';
import type { GoldAnnotation } from '../api/curation';
import { acceptBody, contentOf, editBody, mergeBody, mergeLabels, mergeStretch, rejectBody, targetOf } from '../model/curation/curationEdits';
import { CurationHistory, inverse, opFor, versionAfter, type GoldChange } from '../model/curation/curationHistory';
import { curationCommand } from '../model/curation/curationKeys';
import { clusterAt, clusterTone, keepSelection, kindsText, nextOpen, progressText, readingOrder, stepCluster, type ClusterLike } from '../model/curation/curationNav';
import { provenanceText, shortQuote } from '../model/curation/curationText';
import { curateRoute, parseRoute, routeHref } from '../model/app/routes';

const cluster = (id: string, start: number, end: number, status: ClusterLike['status'] = 'open', kinds: string[] = ['label'], layer = 'frame'): ClusterLike =>
  ({ id, layer, start, end, kinds, agreed: kinds.length === 0, status });

const span = (id: string, annotatorId: string, label: string, start: number, end: number): Annotation => ({
  id, documentId: 'doc', documentVersion: 1, codebookVersion: 1, kind: 'span', layer: 'frame', label, start, end, quote: null,
  prefix: null, suffix: null, attributes: {}, attribution: null, note: null, annotatorId, annotatorName: annotatorId,
  version: 1, status: 'ok', createdAt: '', updatedAt: '',
});

test('j/k move through clusters in reading order, wrapping round; Shift+N finds the next open one', () => {
  const ordered = readingOrder([cluster('c', 50, 60), cluster('a', 0, 10, 'curated'), cluster('b', 20, 30, 'rejected')]);
  assert.deepEqual(ordered.map((c) => c.id), ['a', 'b', 'c']);
  assert.equal(stepCluster(ordered, null, 1)?.id, 'a');
  assert.equal(stepCluster(ordered, null, -1)?.id, 'c');
  assert.equal(stepCluster(ordered, 'a', 1)?.id, 'b');
  assert.equal(stepCluster(ordered, 'c', 1)?.id, 'a', 'wraps round');
  assert.equal(stepCluster(ordered, 'a', -1)?.id, 'c');
  assert.equal(stepCluster([], null, 1), null);
  assert.equal(nextOpen(ordered, 'a')?.id, 'c');
  assert.equal(nextOpen(ordered, 'c')?.id, 'c', 'itself when it is the only open one');
  assert.equal(nextOpen(ordered.slice(0, 2), null), null, 'none left open');
});

test('a click finds the innermost cluster, and a refresh keeps the chosen one even when its id changed', () => {
  const clusters = [cluster('frame:0-40', 0, 40), cluster('claim:10-20', 10, 20, 'open', ['label'], 'claim')];
  assert.equal(clusterAt(clusters, 15)?.id, 'claim:10-20');
  assert.equal(clusterAt(clusters, 15, 'frame')?.id, 'frame:0-40');
  assert.equal(clusterAt(clusters, 40), null, 'the end is outside');
  const widened = [cluster('frame:0-45', 0, 45, 'curated'), cluster('claim:10-20', 10, 20, 'open', ['label'], 'claim')];
  assert.equal(keepSelection(widened, clusters[0]!)?.id, 'frame:0-45');
  assert.equal(keepSelection(widened, clusters[1]!)?.id, 'claim:10-20');
  assert.equal(keepSelection(widened, null), null);
});

test('the progress line counts clusters by status; tones put status before the kind of disagreement', () => {
  const clusters = [cluster('a', 0, 1, 'curated'), cluster('b', 2, 3, 'rejected'), cluster('c', 4, 5), cluster('d', 6, 7, 'curated')];
  assert.equal(progressText(clusters), '4 clusters: 2 curated, 1 rejected, 1 open');
  assert.equal(progressText([]), '0 clusters: 0 curated, 0 rejected, 0 open');
  assert.equal(clusterTone(cluster('x', 0, 1, 'open', ['missed', 'boundary'])), 'boundary');
  assert.equal(clusterTone(cluster('x', 0, 1, 'open', ['missed', 'label'])), 'label');
  assert.equal(clusterTone(cluster('x', 0, 1, 'open', [])), 'agreed');
  assert.equal(clusterTone(cluster('x', 0, 1, 'rejected', ['label'])), 'rejected');
  assert.equal(kindsText(cluster('x', 0, 1, 'open', ['label', 'boundary'])), 'label, boundary');
  assert.equal(kindsText(cluster('x', 0, 1, 'open', [])), 'agreed');
});

test('a merge covers the joined stretch of its spans, with a label chosen among theirs', () => {
  assert.deepEqual(mergeStretch([{ start: 12, end: 20 }, { start: 10, end: 15 }, { start: 18, end: 25 }]), { start: 10, end: 25 });
  assert.equal(mergeStretch([]), null);
  const spans = [span('a1', 'ana', 'protest', 10, 20), span('b1', 'bea', 'blockade', 12, 24), span('c1', 'cy', 'blockade', 11, 19)];
  assert.deepEqual(mergeLabels(spans), ['blockade', 'protest'], 'most used first');
  assert.deepEqual(mergeBody(spans, 'protest'), { layer: 'frame', label: 'protest', start: 10, end: 24, action: 'merged', sources: ['a1', 'b1', 'c1'] });
  assert.equal(mergeBody([spans[0]!], 'protest').action, 'accepted', 'one span is an accept');
  assert.throws(() => mergeBody([], 'protest'));
});

test('accept and reject bodies name their sources; an edit keeps them and says "edited"', () => {
  assert.deepEqual(acceptBody(span('a1', 'ana', 'protest', 10, 20)), { layer: 'frame', label: 'protest', start: 10, end: 20, action: 'accepted', sources: ['a1'] });
  assert.deepEqual(rejectBody({ layer: 'frame', start: 5, end: 30 }, [span('a1', 'ana', 'protest', 10, 20), span('b1', 'bea', 'legal', 5, 30)]),
    { layer: 'frame', label: 'protest', start: 5, end: 30, sources: ['a1', 'b1'] });
  const gold: GoldAnnotation = { ...span('g1', 'gold', 'protest', 10, 20), provenance: { action: 'accepted', curatorId: 'c', curatorName: 'cora', sources: [{ id: 'a1', annotatorId: 'ana', annotatorName: 'Ana', label: 'protest', start: 10, end: 20 }] } };
  assert.deepEqual(contentOf(gold, 'gold'), { layer: 'frame', label: 'protest', start: 10, end: 20, note: null, sources: ['a1'], action: 'accepted' });
  assert.deepEqual(editBody(gold, 'gold', { label: 'legal', end: 22 }), { layer: 'frame', label: 'legal', start: 10, end: 22, note: null, sources: ['a1'], action: 'edited' });
  const created: GoldAnnotation = { ...gold, provenance: { ...gold.provenance!, action: 'created', sources: [] } };
  assert.equal(editBody(created, 'gold', { label: 'legal' }).action, 'created', 'nothing to have edited from');
  const rejection: GoldAnnotation = { ...gold, kind: 'rejected' };
  assert.equal(targetOf(rejection), 'rejections');
  assert.equal(contentOf(rejection, 'rejections').action, undefined, 'a rejection sends no action');
  assert.equal(targetOf({ kind: 'document' }), 'gold-labels');
});

test('undo inverses: a create is deleted with its version, an update written back, a delete restored over its tombstone', () => {
  const x = { layer: 'frame', label: 'protest', start: 1, end: 5, action: 'accepted' as const, sources: ['a1'] };
  const y = { ...x, label: 'legal', action: 'edited' as const };
  const create: GoldChange = { target: 'gold', id: 'g', before: null, after: x };
  assert.deepEqual(opFor(inverse(create), 1), { kind: 'delete', target: 'gold', id: 'g', version: 1 });
  assert.deepEqual(opFor(inverse({ ...create, before: x, after: y }), 2), { kind: 'put', target: 'gold', id: 'g', body: x, version: 2 });
  const del = opFor({ ...create, before: x, after: null }, 3);
  assert.equal(versionAfter(del), 4, 'the tombstone is one above');
  assert.deepEqual(opFor(inverse({ ...create, before: x, after: null }), 4), { kind: 'put', target: 'gold', id: 'g', body: x, version: 4 });
  assert.deepEqual(opFor(create, undefined), { kind: 'put', target: 'gold', id: 'g', body: x }, 'a create sends no version');
  assert.throws(() => opFor(inverse(create), undefined), 'a delete needs a version');
  assert.equal(versionAfter({ kind: 'put', target: 'gold', id: 'g', body: x }, { version: 7 }), 7);
});

test('the history plans undo and redo from the versions its own writes left, one step per action', () => {
  const history = new CurationHistory();
  const x = { layer: 'frame', label: 'protest', start: 1, end: 5, action: 'accepted' as const, sources: ['a1'] };
  // Accept all agreed: two creates in one step.
  history.noteVersion('g1', 1);
  history.noteVersion('g2', 1);
  history.record({ description: 'Accepted 2', changes: [{ target: 'gold', id: 'g1', before: null, after: x }, { target: 'gold-labels', id: 'g2', before: null, after: x }] });
  const undo = history.planUndo()!;
  assert.deepEqual(undo.ops.map((o) => `${o.kind} ${o.id} v${o.version}`), ['delete g2 v1', 'delete g1 v1'], 'backwards');
  for (const op of undo.ops) history.noteVersion(op.id, versionAfter(op));
  history.undone(undo.step);
  assert.equal(history.canUndo, false);
  const redo = history.planRedo()!;
  assert.deepEqual(redo.ops.map((o) => `${o.kind} ${o.id} v${o.version}`), ['put g1 v2', 'put g2 v2'], 'written over the tombstones');
  history.redone(redo.step);
  assert.equal(history.nextUndo, 'Accepted 2');
  // A conflict drops the step; a new step forgets what could be redone.
  history.drop(redo.step);
  assert.equal(history.canUndo, false);
  history.noteVersion('g3', 1);
  history.record({ description: 'b', changes: [{ target: 'gold', id: 'g3', before: null, after: x }] });
  history.undone(history.planUndo()!.step);
  history.record({ description: 'c', changes: [{ target: 'gold', id: 'g4', before: null, after: x }] });
  assert.equal(history.canRedo, false);
  history.record({ description: 'empty', changes: [] });
  assert.equal(history.nextUndo, 'c', 'an action that wrote nothing is no step');
});

test('curation keys: j/k n/p, Shift+N, 1–9, r, v, Ctrl+Z and Ctrl+Shift+Z', () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
    curationCommand({ key, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...mods });
  assert.deepEqual(press('j'), { kind: 'next' });
  assert.deepEqual(press('n'), { kind: 'next' });
  assert.deepEqual(press('k'), { kind: 'previous' });
  assert.deepEqual(press('p'), { kind: 'previous' });
  assert.deepEqual(press('N', { shiftKey: true }), { kind: 'nextOpen' });
  assert.deepEqual(press('1'), { kind: 'accept', annotator: 0 });
  assert.deepEqual(press('9'), { kind: 'accept', annotator: 8 });
  assert.equal(press('0'), null);
  assert.deepEqual(press('r'), { kind: 'reject' });
  assert.deepEqual(press('v'), { kind: 'toggleView' });
  assert.deepEqual(press('z', { ctrlKey: true }), { kind: 'undo' });
  assert.deepEqual(press('Z', { ctrlKey: true, shiftKey: true }), { kind: 'redo' });
  assert.equal(press('j', { altKey: true }), null);
  assert.equal(press('c', { ctrlKey: true }), null);
});

test('provenance reads as a sentence', () => {
  const source = (annotatorName: string) => ({ id: annotatorName, annotatorId: annotatorName, annotatorName, label: 'x', start: 0, end: 1 });
  assert.equal(provenanceText({ action: 'accepted', curatorId: 'c', curatorName: 'cora', sources: [source('Ana')] }), 'accepted from Ana by cora');
  assert.equal(provenanceText({ action: 'merged', curatorId: 'c', curatorName: 'cora', sources: [source('Ana'), source('Bea'), source('Cy')] }), 'merged from Ana, Bea and Cy by cora');
  assert.equal(provenanceText({ action: 'created', curatorId: 'c', curatorName: 'cora', sources: [] }), 'created by cora');
  assert.equal(provenanceText({ action: 'rejected', curatorId: 'c', curatorName: 'cora', sources: [source('Ana')] }), 'rejected (spans of Ana) by cora');
  assert.equal(provenanceText(null), 'no provenance recorded');
  assert.equal(shortQuote('a  long\ntext', 0, 12), 'a long text');
  assert.equal(shortQuote('abcdefghij', 0, 10, 5), 'ab…ij');
});

test('the curation page has its own address under the document', () => {
  const id = 'highland-monitor.2026-03-10 fact';
  const href = routeHref(curateRoute(id));
  assert.equal(href, '/documents/highland-monitor.2026-03-10%20fact/curate');
  assert.deepEqual(parseRoute(href), { kind: 'curate', id });
  assert.deepEqual(parseRoute('/documents/x/curate/'), { kind: 'curate', id: 'x' });
});
