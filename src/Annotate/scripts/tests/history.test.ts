import assert from 'node:assert/strict';
import { test } from 'node:test';
import { History } from '../model/session/history';

type Item = { id: string; label: string };
const item = (id: string, label: string): Item => ({ id, label });

test('undo reverses a step and redo repeats it', () => {
  const history = new History<Item>();
  history.record([{ before: null, after: item('a', 'x') }]);
  history.record([{ before: item('a', 'x'), after: item('a', 'y') }]);

  assert.deepEqual(history.undo(), [{ before: item('a', 'y'), after: item('a', 'x') }]);
  assert.deepEqual(history.undo(), [{ before: item('a', 'x'), after: null }]);
  assert.equal(history.undo(), null);
  assert.ok(history.canRedo);
  assert.deepEqual(history.redo(), [{ before: null, after: item('a', 'x') }]);
  assert.deepEqual(history.redo(), [{ before: item('a', 'x'), after: item('a', 'y') }]);
  assert.equal(history.redo(), null);
});

test('a new step after undo forgets what could be redone', () => {
  const history = new History<Item>();
  history.record([{ before: null, after: item('a', 'x') }]);
  history.undo();
  history.record([{ before: null, after: item('b', 'x') }]);
  assert.equal(history.canRedo, false);
});

test('quick edits with the same merge key are one step; slow ones are two', () => {
  let now = 0;
  const history = new History<Item>(200, () => now);
  history.record([{ before: item('a', ''), after: item('a', 'n') }], 'a:note');
  now = 500;
  history.record([{ before: item('a', 'n'), after: item('a', 'no') }], 'a:note');
  assert.deepEqual(history.undo(), [{ before: item('a', 'no'), after: item('a', '') }]);
  history.redo();
  now = 5000;
  history.record([{ before: item('a', 'no'), after: item('a', 'not') }], 'a:note');
  assert.deepEqual(history.undo(), [{ before: item('a', 'not'), after: item('a', 'no') }]);
});

test('steps of several changes undo in reverse order', () => {
  const history = new History<Item>();
  history.record([{ before: null, after: item('a', 'x') }, { before: item('b', 'x'), after: item('b', 'y') }]);
  assert.deepEqual(history.undo()!.map((c) => c.before?.id ?? c.after?.id), ['b', 'a']);
});

test('a re-created annotation keeps its place in history under its new id', () => {
  const history = new History<Item>();
  history.record([{ before: null, after: item('a', 'x') }]);
  history.record([{ before: item('a', 'x'), after: null }]);
  history.undo(); // re-creates a, as a2
  history.renameId('a', 'a2', (i, id) => ({ ...i, id }));
  assert.deepEqual(history.redo(), [{ before: item('a2', 'x'), after: null }]);
  history.undo();
  assert.deepEqual(history.undo(), [{ before: item('a2', 'x'), after: null }]);
});

test('history keeps at most its limit of steps', () => {
  const history = new History<Item>(2);
  for (const id of ['a', 'b', 'c']) history.record([{ before: null, after: item(id, 'x') }]);
  assert.ok(history.undo() && history.undo());
  assert.equal(history.undo(), null);
});
