import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, AnnotationPut } from '../api/annotationTypes';
import { AnnotationSession, type SessionTransport, type Target } from '../model/session/annotationSession';
import { isGoldLayer, withoutGold } from '../model/session/goldLayer';

const annotation = (id: string, annotatorId: string, kind: Annotation['kind'] = 'span'): Annotation => ({
  id, documentId: 'doc', documentVersion: 1, codebookVersion: 1, kind, layer: 'frame', label: 'protest', start: 0, end: 5,
  quote: null, prefix: null, suffix: null, attributes: {}, attribution: null, note: null, annotatorId, annotatorName: annotatorId,
  version: 1, status: 'ok', createdAt: '', updatedAt: '',
});

const transport: SessionTransport = {
  put: async (_target: Target, id: string, body: AnnotationPut) => ({ ...annotation(id, 'me'), ...body }),
  remove: async () => {},
  classify: () => ({ kind: 'retry' }),
};

function session() {
  return new AnnotationSession({ documentId: 'doc', documentVersion: 1, codebookVersion: 1, userId: 'me', displayName: 'Me' },
    transport, { problem: () => {}, saveState: () => {} });
}

test('gold spans, gold labels and rejections are the gold layer; annotators’ work is not', () => {
  assert.ok(isGoldLayer(annotation('g', 'gold')));
  assert.ok(isGoldLayer(annotation('g', 'gold', 'document')));
  assert.ok(isGoldLayer(annotation('r', 'gold', 'rejected')));
  assert.ok(isGoldLayer({ annotatorId: 'someone', kind: 'rejected' }));
  assert.ok(!isGoldLayer(annotation('a', 'ana')));
  assert.deepEqual(withoutGold([annotation('a', 'ana'), annotation('g', 'gold'), annotation('r', 'gold', 'rejected')]).map((a) => a.id), ['a']);
});

test('the annotate view never shows the gold layer as someone’s spans: not from lists, catch-up or live changes', () => {
  const s = session();
  s.load([annotation('mine', 'me'), annotation('ana', 'ana'), annotation('gold-span', 'gold'), annotation('gold-label', 'gold', 'document'), annotation('rej', 'gold', 'rejected')]);
  assert.deepEqual([...s.items.keys()].sort(), ['ana', 'mine']);

  const events: string[] = [];
  s.subscribe((e) => events.push(`${e.kind} ${e.annotation.id}`));
  assert.equal(s.applyRemote('upsert', { ...annotation('gold-2', 'gold'), version: 2 }), false);
  assert.equal(s.applyRemote('upsert', annotation('rej-2', 'gold', 'rejected')), false);
  assert.equal(s.applyRemote('delete', annotation('gold-span', 'gold')), false);
  assert.equal(s.applyRemote('upsert', annotation('bea', 'bea')), true, 'annotators’ changes still arrive');
  assert.deepEqual(events, ['set bea']);
  assert.deepEqual([...s.items.keys()].sort(), ['ana', 'bea', 'mine']);
});
