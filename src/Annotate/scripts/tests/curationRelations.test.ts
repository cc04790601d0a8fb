import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GoldAnnotation, RelationCluster } from '../api/curation';
import type { Relation } from '../api/relations';
import { opFor } from '../model/curation/curationHistory';
import { curationCommand } from '../model/curation/curationKeys';
import {
  acceptRelationBody, editRelationBody, goldRelationContent, missingEnd, rejectRelationBody, relationKindsText, relationLine, relationProgress,
  relationRejectionContent, relationsAt, sameRelation, stepRelation,
} from '../model/curation/curationRelations';
import { targetOf } from '../model/curation/curationEdits';

const relation = (id: string, annotatorId = 'ana', extra: Partial<Relation> = {}): Relation => ({
  id, documentId: 'doc', codebookVersion: 1, type: 'said-by', source: `${id}-s`, target: `${id}-t`, attributes: {}, note: null,
  annotatorId, annotatorName: annotatorId, version: 1, deleted: false, status: 'ok', createdAt: '', updatedAt: '', ...extra,
});

const rc = (id: string, sourceCluster: string, targetCluster: string, status: RelationCluster['status'] = 'open'): RelationCluster => ({
  id, type: 'said-by', directed: true, sourceCluster, targetCluster, kinds: [], agreed: false, annotators: ['ana'], missing: [],
  relations: [`${id}-r`], ends: [], gold: [], rejections: [], status,
});

test('relations at a cluster: those starting there first, then those ending there', () => {
  const all = [rc('a', 'x', 'y'), rc('b', 'y', 'x'), rc('c', 'z', 'w')];
  assert.deepEqual(relationsAt(all, 'y').map((c) => c.id), ['b', 'a']);
  assert.deepEqual(relationsAt(all, null).map((c) => c.id), ['a', 'b', 'c']);
  assert.deepEqual(relationsAt(all, 'q'), []);
});

test('a relation line reads "type: source → target", with a dash for an undirected type', () => {
  assert.equal(relationLine('Said by', 'we will stay', 'the mayor'), 'Said by: “we will stay” → “the mayor”');
  assert.equal(relationLine('Same event', 'a', 'b', false), 'Same event: “a” — “b”');
});

test('accepting names the gold copies of the ends when known, else the annotator’s own spans', () => {
  const r = relation('r1', 'ana', { attributes: { mode: 'paraphrase' }, note: 'hm' });
  assert.deepEqual(acceptRelationBody(r, { relation: 'r1', source: 'g1', target: 'g2' }),
    { type: 'said-by', attributes: { mode: 'paraphrase' }, note: 'hm', source: 'g1', target: 'g2', action: 'accepted', sources: ['r1'] });
  assert.deepEqual(acceptRelationBody(relation('r2'), undefined),
    { type: 'said-by', source: 'r2-s', target: 'r2-t', action: 'accepted', sources: ['r2'] });
});

test('the missing end is the source first, then the target, and none when both are gold', () => {
  assert.equal(missingEnd(undefined), 'source');
  assert.equal(missingEnd({ relation: 'r', source: null, target: null }), 'source');
  assert.equal(missingEnd({ relation: 'r', source: 'g', target: null }), 'target');
  assert.equal(missingEnd({ relation: 'r', source: 'g', target: 'h' }), null);
});

test('a rejection of relations names the type and every relation of the cluster', () => {
  assert.deepEqual(rejectRelationBody({ type: 'said-by', relations: ['a', 'b'] }), { type: 'said-by', sources: ['a', 'b'] });
});

test('an edited gold relation is "edited" and keeps its sources; one with none stays "created"', () => {
  const provenance = { action: 'accepted' as const, curatorId: 'c', curatorName: 'cora', sources: [{ id: 'r1', annotatorId: 'ana', annotatorName: 'Ana', label: 'said-by', start: null, end: null }] };
  const gold = relation('g', 'gold', { source: 'g1', target: 'g2', attributes: { mode: 'direct-quote' }, provenance });
  const edited = editRelationBody(gold, { target: 'g3', attributes: {} });
  assert.equal(edited.action, 'edited');
  assert.deepEqual(edited.sources, ['r1']);
  assert.equal(edited.target, 'g3');
  assert.equal(edited.attributes, undefined);
  assert.equal(editRelationBody(relation('h', 'gold'), { type: 'supports' }).action, 'created');
  assert.ok(sameRelation(goldRelationContent(gold), editRelationBody(gold, {})));
  assert.ok(!sameRelation(goldRelationContent(gold), edited));
});

test('undoing writes go to gold-relations and relation-rejections like any gold write', () => {
  const rejection = { kind: 'rejected-relation', label: 'said-by', note: null, provenance: { action: 'rejected', curatorId: 'c', curatorName: 'cora', sources: [{ id: 'r1' }] } } as unknown as GoldAnnotation;
  assert.equal(targetOf(rejection), 'relation-rejections');
  assert.deepEqual(relationRejectionContent(rejection), { type: 'said-by', sources: ['r1'], note: null });
  assert.deepEqual(opFor({ target: 'gold-relations', id: 'g', before: { type: 't', source: 'a', target: 'b' }, after: null }, 2),
    { kind: 'delete', target: 'gold-relations', id: 'g', version: 2 });
});

test('] and [ step through a cluster’s relations, wrapping round', () => {
  const all = [rc('a', 'x', 'y'), rc('b', 'x', 'z')];
  assert.equal(stepRelation(all, null, 1)?.id, 'a');
  assert.equal(stepRelation(all, null, -1)?.id, 'b');
  assert.equal(stepRelation(all, 'b', 1)?.id, 'a');
  assert.equal(stepRelation([], null, 1), null);
  const key = (k: string) => curationCommand({ key: k, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false });
  assert.deepEqual(key(']'), { kind: 'nextRelation' });
  assert.deepEqual(key('['), { kind: 'previousRelation' });
  assert.deepEqual(key('.'), { kind: 'nextRelation' });
  assert.deepEqual(key(','), { kind: 'previousRelation' });
});

test('relation progress and kinds read as words', () => {
  assert.equal(relationProgress([]), null);
  assert.equal(relationProgress([rc('a', 'x', 'y', 'curated'), rc('b', 'x', 'z')]), '2 relations: 1 curated, 0 rejected, 1 open');
  assert.equal(relationKindsText({ kinds: ['missed', 'type'], agreed: false }), 'missed, other type');
  assert.equal(relationKindsText({ kinds: [], agreed: true }), 'agreed');
});
