import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnotationLens } from '../model/annotate/annotationLens';
import { annotateSession, codebook, othersSpan, text } from './annotateFixtures';

function lensWith(view = { others: true, hidden: new Set<string>() }) {
  const session = annotateSession();
  const lens = new AnnotationLens({ items: session.items, isMine: (a) => session.isMine(a), codebook: codebook(), text, documentVersion: 1, view });
  return { session, lens, view };
}

test('others’ spans are drawn while their overlay is on and their annotator is not switched off', () => {
  const { session, lens, view } = lensWith();
  const mine = session.create('span', { layer: 'frame', label: 'blockade', start: 4, end: 12, quote: 'blockade' });
  const ann = othersSpan('x', 'ann', 36, 39);
  session.applyRemote('upsert', ann);
  assert.ok(lens.drawable(mine) && lens.drawable(ann));
  view.hidden.add('ann');
  assert.ok(lens.drawable(mine) && !lens.drawable(ann) && !lens.listed(ann));
  view.hidden.clear();
  view.others = false;
  assert.ok(!lens.drawable(ann));
});

test('a span of another version of the text, or an orphan, is listed but not drawn', () => {
  const { lens } = lensWith();
  const moved = othersSpan('m', 'ann', 4, 12, { documentVersion: 2 });
  const orphan = othersSpan('o', 'ann', 4, 12, { status: 'orphan' });
  assert.ok(!lens.drawable(moved) && lens.listed(moved));
  assert.ok(!lens.drawable(orphan) && lens.listed(orphan));
  assert.equal(lens.row(orphan).warning, 'This span could not be placed in the current text.');
});

test('a row names the label, the layer, the voice and whose it is', () => {
  const { session, lens } = lensWith();
  const bob = othersSpan('b', 'bob', 36, 39, { label: 'aid', attribution: { actor: 'gov' } });
  session.applyRemote('upsert', bob);
  const row = lens.row(bob);
  assert.equal(row.title, 'Aid');
  assert.equal(row.layer, 'Frame');
  assert.equal(row.quote, 'aid');
  assert.equal(row.meta, 'Voice: Government · by Bob');
  assert.equal(row.other, true);
});

test('others are counted and named; document labels of mine are listed apart', () => {
  const { session, lens } = lensWith();
  session.create('span', { layer: 'frame', label: 'blockade', start: 4, end: 12 });
  session.create('document', { layer: 'stance', label: 'pro' });
  session.applyRemote('upsert', othersSpan('a1', 'ann', 0, 3));
  session.applyRemote('upsert', othersSpan('a2', 'ann', 36, 39));
  session.applyRemote('upsert', othersSpan('b1', 'bob', 4, 12));
  assert.deepEqual(lens.counts(), { mine: 1, others: 3 });
  assert.deepEqual(lens.otherAnnotators(), [{ userId: 'ann', name: 'Ann', count: 2 }, { userId: 'bob', name: 'Bob', count: 1 }]);
  assert.deepEqual(lens.myLabels().map((a) => a.label), ['pro']);
});

test('an anonymised page names others by number, in number order, in rows and in the people filter', () => {
  const session = annotateSession();
  const numbers = new Map([['ann', 'Student 10'], ['bob', 'Student 9']]);
  const lens = new AnnotationLens({
    items: session.items, isMine: (a) => session.isMine(a), codebook: codebook(), text, documentVersion: 1,
    view: { others: true, hidden: new Set<string>() }, nameOf: (userId) => numbers.get(userId) ?? 'A student',
  });
  const ann = othersSpan('a1', 'ann', 0, 3);
  session.applyRemote('upsert', ann);
  session.applyRemote('upsert', othersSpan('b1', 'bob', 4, 12));
  assert.equal(lens.row(ann).meta, 'by Student 10');
  assert.equal(lens.annotatorName(ann), 'Student 10');
  assert.deepEqual(lens.otherAnnotators().map((p) => p.name), ['Student 9', 'Student 10']);
});
