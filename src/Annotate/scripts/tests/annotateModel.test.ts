import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodebookAttribute, CodebookLayer } from '../api/annotationTypes';
import { annotateCommand } from '../model/annotate/annotateKeys';
import { describeAttributes, missingRequired, parseAttribute } from '../model/annotate/attributes';
import { newId } from '../model/shared/ids';
import type { KeyPress } from '../model/app/keys';
import { scrollToRow, visibleRows } from '../model/annotate/virtualWindow';

const key = (k: string, mods: Partial<KeyPress & { shiftKey: boolean }> = {}) =>
  ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
const reading = { caretMode: false, words: true };
const caret = { caretMode: true, words: true };

test('undo and redo keys work everywhere in the view', () => {
  assert.deepEqual(annotateCommand(key('z', { ctrlKey: true }), reading), { kind: 'undo' });
  assert.deepEqual(annotateCommand(key('Z', { ctrlKey: true, shiftKey: true }), reading), { kind: 'redo' });
  assert.deepEqual(annotateCommand(key('y', { metaKey: true }), reading), { kind: 'redo' });
});

test('arrows move the caret only while the text has focus, by the snapping unit', () => {
  assert.equal(annotateCommand(key('ArrowRight'), reading), null, 'arrows scroll the page');
  assert.deepEqual(annotateCommand(key('ArrowRight', { shiftKey: true }), caret), { kind: 'caret', unit: 'word', direction: 1, extend: true });
  assert.deepEqual(annotateCommand(key('ArrowLeft'), { caretMode: true, words: false }), { kind: 'caret', unit: 'grapheme', direction: -1, extend: false });
  assert.deepEqual(annotateCommand(key('ArrowLeft', { ctrlKey: true }), { caretMode: true, words: false }), { kind: 'caret', unit: 'word', direction: -1, extend: false });
  assert.deepEqual(annotateCommand(key('ArrowDown'), caret), { kind: 'caret', unit: 'sentence', direction: 1, extend: false });
  assert.deepEqual(annotateCommand(key('End', { shiftKey: true }), caret), { kind: 'caret', unit: 'block', direction: 1, extend: true });
  assert.equal(annotateCommand(key('ArrowRight', { altKey: true }), caret), null, 'Alt+→ stays the next document');
  assert.deepEqual(annotateCommand(key('Enter'), caret), { kind: 'pick' });
  assert.equal(annotateCommand(key('Enter'), reading), null, 'Enter keeps its meaning outside the text');
});

test('letters and digits are label keys; brackets switch layers', () => {
  assert.deepEqual(annotateCommand(key('b'), reading), { kind: 'label', key: 'b' });
  assert.deepEqual(annotateCommand(key('7'), caret), { kind: 'label', key: '7' });
  assert.equal(annotateCommand(key('B', { shiftKey: true }), reading), null);
  assert.equal(annotateCommand(key('c', { ctrlKey: true }), reading), null, 'copy stays copy');
  assert.deepEqual(annotateCommand(key(']'), reading), { kind: 'layer', direction: 1 });
  assert.deepEqual(annotateCommand(key('Delete'), reading), { kind: 'delete' });
  assert.deepEqual(annotateCommand(key('Escape'), reading), { kind: 'escape' });
});

const attr = (over: Partial<CodebookAttribute>): CodebookAttribute =>
  ({ id: 'a', name: 'A', type: 'text', values: [], min: null, max: null, required: false, description: null, ...over });

test('attribute values are checked against their definition', () => {
  const confidence = attr({ id: 'confidence', name: 'Coder confidence', type: 'integer', min: 1, max: 5 });
  assert.deepEqual(parseAttribute(confidence, '4'), { value: 4 });
  assert.deepEqual(parseAttribute(confidence, ''), { value: undefined });
  assert.deepEqual(parseAttribute(confidence, '6'), { error: 'Coder confidence must be at most 5.' });
  assert.deepEqual(parseAttribute(confidence, '2.5'), { error: 'Coder confidence must be a whole number.' });
  assert.deepEqual(parseAttribute(attr({ type: 'number' }), '2,5'), { value: 2.5 });
  const veracity = attr({ id: 'veracity', name: 'Veracity', type: 'choice', values: ['fake', 'accurate'] });
  assert.deepEqual(parseAttribute(veracity, 'fake'), { value: 'fake' });
  assert.ok(parseAttribute(veracity, 'maybe').error);
  assert.deepEqual(parseAttribute(attr({ type: 'boolean' }), true), { value: true });
});

test('required attributes without a value are listed; set ones are described', () => {
  const layer = { attributes: [attr({ id: 'v', name: 'Veracity', required: true }), attr({ id: 'n', name: 'Note' })] } as CodebookLayer;
  assert.deepEqual(missingRequired(layer, { n: 'x' }).map((a) => a.id), ['v']);
  assert.equal(describeAttributes(layer, { v: 'fake', n: 'see fact check', x: true }), 'Veracity: fake · Note: see fact check · x: yes');
});

test('the list renders only the rows in view, and scrolls as little as needed', () => {
  assert.deepEqual(visibleRows(0, 500, 50, 10_000, 2), { first: 0, last: 12 });
  assert.deepEqual(visibleRows(50_000, 500, 50, 10_000, 2), { first: 998, last: 1012 });
  assert.deepEqual(visibleRows(0, 500, 50, 0), { first: 0, last: 0 });
  assert.equal(scrollToRow(3, 0, 500, 50), 0);
  assert.equal(scrollToRow(20, 0, 500, 50), 550);
  assert.equal(scrollToRow(2, 300, 500, 50), 100);
});

test('ids are version 4 UUIDs', () => {
  assert.match(newId(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
