import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../api/types';
import { opensWithTitle } from '../model/corpus/articleTitle';

const block = (start: number, end: number, index = 0): Block => ({ index, kind: 'paragraph', level: 0, start, end });

test('an article whose first line is its title opens with it; others do not', () => {
  const text = 'Road reopens at dawn\nCrews cleared the pass overnight.';
  assert.equal(opensWithTitle('Road reopens at dawn', text, [block(0, 20), block(21, text.length, 1)]), true);
  assert.equal(opensWithTitle('  Road reopens at dawn ', text, [block(0, 20)]), true, 'spaces around the title do not count');
  assert.equal(opensWithTitle('Road reopens at dawn', text, [block(0, text.length)]), false, 'a first block that goes on is text');
  assert.equal(opensWithTitle('Another title', text, [block(0, 20)]), false);
  assert.equal(opensWithTitle('Road reopens', text, [block(0, 20)]), false, 'a prefix is not the title');
  assert.equal(opensWithTitle('x', '', []), false);
});
