import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveCaret } from '../model/text/caretMoves';
import { snapRange } from '../model/text/snapping';
import { TextModel } from '../model/text/textModel';

/** Blocks separated by a blank line, as the canonical text has them. */
function model(...paragraphs: string[]): TextModel {
  const blocks = [];
  let at = 0;
  for (const p of paragraphs) {
    blocks.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return new TextModel(paragraphs.join('\n\n'), blocks, 'en');
}

const quote = (m: TextModel, r: { start: number; end: number } | null) => (r ? m.text.slice(r.start, r.end) : null);

test('a selection inside words grows to whole words and loses surrounding spaces', () => {
  const m = model('The blockade strands drivers.');
  const at = (s: string) => m.text.indexOf(s);
  assert.equal(quote(m, snapRange(m, at('ockade'), at('rands') + 2, true)), 'blockade strands');
  assert.equal(quote(m, snapRange(m, at(' blockade'), at(' strands') + 1, true)), 'blockade');
  assert.equal(quote(m, snapRange(m, at(' '), at(' ') + 1, true)), null, 'only space');
  assert.equal(quote(m, snapRange(m, at('drivers'), m.text.length, true)), 'drivers.', 'punctuation selected stays');
});

test('without word snapping the ends stay where they were, but never inside a grapheme', () => {
  const m = model('Diesel 🥶 cold');
  const emoji = m.text.indexOf('🥶');
  // Starting in the middle of the surrogate pair and ending inside "cold".
  assert.equal(quote(m, snapRange(m, emoji + 1, m.text.indexOf('old') + 1, false)), '🥶 co');
  assert.equal(quote(m, snapRange(m, 2, 4, false)), 'es');
});

test('skin-tone modifiers, ZWJ families and mathematical bold letters stay whole', () => {
  const m = model('thank you 👍🏽 and 👨‍👩‍👧 from 𝐓𝐡𝐞 𝐏𝐚𝐬𝐬');
  const thumbs = m.text.indexOf('👍🏽');
  assert.equal(quote(m, snapRange(m, thumbs + 2, thumbs + 3, false)), '👍🏽');
  const family = m.text.indexOf('👨‍👩‍👧');
  assert.equal(quote(m, snapRange(m, family + 3, family + 4, true)), '👨‍👩‍👧');
  const bold = m.text.indexOf('𝐓𝐡𝐞');
  assert.equal(quote(m, snapRange(m, bold + 1, bold + 3, true)), '𝐓𝐡𝐞');
  assert.equal(quote(m, snapRange(m, bold + 1, bold + 3, false)), '𝐓𝐡');
});

test('combining marks stay with their base letter', () => {
  const m = model('cafe\u0301 au lait, Ru\u030Cena');
  const mark = m.text.indexOf('\u0301');
  assert.equal(quote(m, snapRange(m, 1, mark, false)), 'afe\u0301');
  assert.equal(quote(m, snapRange(m, mark, mark + 3, false)), 'e\u0301 a');
  const r = m.text.indexOf('u\u030C');
  assert.equal(quote(m, snapRange(m, r + 1, r + 2, true)), 'Ru\u030Cena');
});

test('a selection reaching into the gap between blocks ends at the block edges', () => {
  const m = model('First block.', 'Second block.');
  const second = m.blocks[1]!.start;
  assert.equal(quote(m, snapRange(m, 6, second, true)), 'block.');
  assert.equal(quote(m, snapRange(m, m.blocks[0]!.end, second + 3, true)), 'Second');
  assert.equal(quote(m, snapRange(m, 6, second + 3, true)), 'block.\n\nSecond');
  assert.equal(quote(m, snapRange(m, m.blocks[0]!.end, second, true)), null);
});

test('the caret moves to word ends forward and word starts backward, across blocks', () => {
  const m = model('Sarn Pass, closed.', 'Drivers wait.');
  let at = moveCaret(m, 0, 'word', 1);
  assert.equal(at, 4);
  at = moveCaret(m, at, 'word', 1);
  assert.equal(m.text.slice(0, at), 'Sarn Pass');
  at = moveCaret(m, at, 'word', 1);
  assert.equal(m.text.slice(0, at), 'Sarn Pass,', 'punctuation is a stop');
  at = moveCaret(m, m.blocks[0]!.end, 'word', 1);
  assert.equal(m.text.slice(m.blocks[1]!.start, at), 'Drivers');
  assert.equal(moveCaret(m, m.blocks[1]!.start, 'word', -1), m.text.indexOf('.'));
  assert.equal(moveCaret(m, m.text.length, 'word', 1), m.text.length, 'stays at the end');
});

test('the caret moves by sentence, grapheme and block', () => {
  const m = model('One sentence. Another one! 👍🏽 ok');
  assert.equal(m.text.slice(0, moveCaret(m, 0, 'sentence', 1)), 'One sentence.');
  assert.equal(moveCaret(m, m.text.indexOf('Another') + 3, 'sentence', -1), m.text.indexOf('Another'));
  const thumbs = m.text.indexOf('👍🏽');
  assert.equal(moveCaret(m, thumbs, 'grapheme', 1), thumbs + 4);
  assert.equal(moveCaret(m, 3, 'block', 1), m.blocks[0]!.end);
  assert.equal(moveCaret(m, 3, 'block', -1), 0);
});
