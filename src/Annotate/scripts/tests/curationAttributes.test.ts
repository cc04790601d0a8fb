import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, AttributeValue, CodebookAttribute } from '../api/annotationTypes';
import type { GoldAnnotation } from '../api/curation';
import { attributeEntries, disagreedAttributes, sameAttributes } from '../model/curation/curationAttributes';
import { acceptBody, editBody, mergeBody, sameContent, contentOf } from '../model/curation/curationEdits';

const claim = (id: string, attributes: Record<string, AttributeValue>, layer = 'claim', extra: Partial<Annotation> = {}): Annotation => ({
  id, documentId: 'doc', documentVersion: 1, codebookVersion: 1, kind: 'span', layer, label: 'factual-claim', start: 10, end: 20, quote: null,
  prefix: null, suffix: null, attributes, attribution: null, note: null, annotatorId: id, annotatorName: id,
  version: 1, status: 'ok', createdAt: '', updatedAt: '', ...extra,
});

const def = (id: string, name: string, type: CodebookAttribute['type'] = 'choice'): CodebookAttribute =>
  ({ id, name, type, values: [], min: null, max: null, required: false, description: null });

test('annotators disagree on an attribute set with different values, or set by some and missing for others', () => {
  const spans = [
    claim('ana', { veracity: 'fake', confidence: 4, note: 'checked' }),
    claim('bea', { veracity: 'disputed', confidence: 4 }),
    claim('cy', { veracity: 'fake', confidence: 4, note: 'checked' }),
  ];
  assert.deepEqual([...disagreedAttributes(spans, 'claim')].sort(), ['note', 'veracity']);
  assert.deepEqual([...disagreedAttributes([spans[0]!, spans[2]!], 'claim')], [], 'the same values agree');
  assert.deepEqual([...disagreedAttributes([spans[0]!], 'claim')], [], 'one span has no one to differ from');
  assert.deepEqual([...disagreedAttributes([claim('ana', {}), claim('bea', {})], 'claim')], []);
  assert.deepEqual([...disagreedAttributes([claim('ana', { confidence: 4 }), claim('bea', {}, 'frame')], 'claim')], [],
    'another layer is not compared');
  assert.deepEqual([...disagreedAttributes([claim('ana', { sure: false }), claim('bea', { sure: true })], 'claim')], ['sure']);
});

test('attributes read in the codebook’s order, the disagreed ones marked and shown as missing where unset', () => {
  const defs = [def('veracity', 'Veracity'), def('confidence', 'Coder confidence', 'integer'), def('note', 'Note', 'text')];
  assert.deepEqual(attributeEntries(defs, { confidence: 4, veracity: 'fake' }, new Set(['veracity', 'note'])), [
    { id: 'veracity', name: 'Veracity', value: 'fake', disagreed: true },
    { id: 'confidence', name: 'Coder confidence', value: '4', disagreed: false },
    { id: 'note', name: 'Note', value: '—', disagreed: true },
  ]);
  assert.deepEqual(attributeEntries([], { old: true, ancient: 'x' }).map((e) => `${e.name}: ${e.value}`), ['ancient: x', 'old: yes'],
    'attributes the codebook no longer defines keep their ids');
  assert.deepEqual(attributeEntries(defs, null), []);
});

test('accepting copies attributes, attribution and note; a merge takes the first chosen span’s attributes', () => {
  const ana = claim('ana', { veracity: 'fake' }, 'claim', { note: 'see the fact check', attribution: { actor: 'varenia-government' } });
  assert.deepEqual(acceptBody(ana), {
    layer: 'claim', label: 'factual-claim', start: 10, end: 20, attributes: { veracity: 'fake' },
    attribution: { actor: 'varenia-government' }, note: 'see the fact check', action: 'accepted', sources: ['ana'],
  });
  const bea = claim('bea', { veracity: 'disputed', confidence: 2 }, 'claim', { start: 5 });
  const merged = mergeBody([bea, ana], 'factual-claim');
  assert.deepEqual(merged.attributes, { veracity: 'disputed', confidence: 2 });
  assert.equal(merged.start, 5);
  assert.equal(mergeBody([claim('x', {}), ana], 'factual-claim').attributes, undefined, 'none when the first has none');
});

test('an edit of attributes alone is a change, sent whole as "edited"; clearing them all sends none', () => {
  const gold: GoldAnnotation = { ...claim('g1', { veracity: 'fake', confidence: 4 }), provenance: { action: 'accepted', curatorId: 'c', curatorName: 'cora', sources: [{ id: 'ana', annotatorId: 'ana', annotatorName: 'Ana', label: 'factual-claim', start: 10, end: 20 }] } };
  const before = contentOf(gold, 'gold');
  const after = editBody(gold, 'gold', { attributes: { veracity: 'disputed', confidence: 4 } });
  assert.equal(after.action, 'edited');
  assert.deepEqual(after.attributes, { veracity: 'disputed', confidence: 4 });
  assert.equal(sameContent(before, after), false);
  assert.equal(sameContent(before, editBody(gold, 'gold', { attributes: { confidence: 4, veracity: 'fake' } })), true, 'order does not matter');
  assert.equal(editBody(gold, 'gold', { attributes: {} }).attributes, undefined);
  assert.equal(sameAttributes(undefined, {}), true);
  assert.equal(sameAttributes({ a: 1 }, { a: '1' }), false);
});
