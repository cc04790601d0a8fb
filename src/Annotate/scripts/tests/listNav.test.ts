import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveSelection, neighbours } from '../model/corpus/listNav';

test('moving from no selection lands on the first or last row', () => {
  assert.equal(moveSelection(-1, 1, 5), 0);
  assert.equal(moveSelection(-1, -1, 5), 4);
});

test('moving stops at both ends', () => {
  assert.equal(moveSelection(4, 1, 5), 4);
  assert.equal(moveSelection(0, -1, 5), 0);
  assert.equal(moveSelection(2, 1, 5), 3);
});

test('an empty list has no selection', () => {
  assert.equal(moveSelection(0, 1, 0), -1);
});

test('neighbours follow the list order', () => {
  const ids = ['a', 'b', 'c'];
  assert.deepEqual(neighbours(ids, 'a'), { position: 0, count: 3, previous: null, next: 'b' });
  assert.deepEqual(neighbours(ids, 'b'), { position: 1, count: 3, previous: 'a', next: 'c' });
  assert.deepEqual(neighbours(ids, 'c'), { position: 2, count: 3, previous: 'b', next: null });
});

test('a document outside the list has no neighbours', () => {
  assert.deepEqual(neighbours(['a', 'b'], 'z'), { position: -1, count: 2, previous: null, next: null });
});
