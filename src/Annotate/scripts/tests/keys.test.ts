import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotateCommand } from '../model/annotate/annotateKeys';
import { isHelpKey, listCommand, readerCommand, shortcuts, type KeyPress } from '../model/app/keys';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

test('list keys', () => {
  assert.equal(listCommand(key('/')), 'focusSearch');
  assert.equal(listCommand(key('j')), 'next');
  assert.equal(listCommand(key('ArrowDown')), 'next');
  assert.equal(listCommand(key('k')), 'previous');
  assert.equal(listCommand(key('ArrowUp')), 'previous');
  assert.equal(listCommand(key('Enter')), 'open');
  assert.equal(listCommand(key('j', { ctrlKey: true })), null);
  assert.equal(listCommand(key('x')), null);
});

test('reader keys', () => {
  assert.equal(readerCommand(key('n')), 'next');
  assert.equal(readerCommand(key('ArrowRight', { altKey: true })), 'next');
  assert.equal(readerCommand(key('p')), 'previous');
  assert.equal(readerCommand(key('ArrowLeft', { altKey: true })), 'previous');
  assert.equal(readerCommand(key('u')), 'back');
  assert.equal(readerCommand(key('ArrowUp', { altKey: true })), 'back', 'the way back that no label key can take');
  assert.equal(readerCommand(key('Escape')), 'back');
  assert.equal(readerCommand(key('ArrowRight')), null, 'plain arrows scroll the page');
  assert.equal(readerCommand(key('n', { metaKey: true })), null, 'browser shortcuts stay the browser’s');
});

test('help key', () => {
  assert.ok(isHelpKey(key('?')));
  assert.ok(!isHelpKey(key('?', { ctrlKey: true })));
});

test('Shift+A toggles the agreement heat map and clashes with no annotating key', () => {
  const shiftA = { ...key('A'), shiftKey: true };
  assert.equal(readerCommand(shiftA), 'heatMap');
  assert.equal(readerCommand(key('a')), null);
  assert.equal(readerCommand(key('A', { ctrlKey: true })), null);
  assert.equal(annotateCommand(shiftA, { caretMode: false, words: true }), null);
  assert.equal(annotateCommand(shiftA, { caretMode: true, words: true }), null);
  const listed = shortcuts.flatMap((s) => s.items).filter((i) => i.keys.includes('Shift+A'));
  assert.equal(listed.length, 1);
});
