import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignLanes, freeLane, laneGeometry, overlaps } from '../model/annotate/lanes';
import { mergeLineBoxes } from '../model/annotate/lineRects';
import { SpanIndex } from '../model/annotate/spanIndex';
import { blockAt, blocksTouching, locate } from '../model/text/textIndex';

const span = (id: string, start: number, end: number) => ({ id, start, end });

test('overlapping spans get different lanes, disjoint ones share lane 0', () => {
  const lanes = assignLanes([span('a', 0, 10), span('b', 5, 15), span('c', 20, 30), span('d', 12, 22)]);
  assert.equal(lanes.get('a'), 0);
  assert.equal(lanes.get('b'), 1);
  assert.equal(lanes.get('d'), 0, 'a has ended by 12');
  assert.equal(lanes.get('c'), 1, 'd still runs at 20');
});

test('an enclosing span sits closest to the text and what it encloses below it', () => {
  const lanes = assignLanes([span('inner', 4, 8), span('outer', 0, 20), span('same', 0, 20)]);
  assert.deepEqual([lanes.get('outer'), lanes.get('same'), lanes.get('inner')].sort(), [0, 1, 2]);
  assert.equal(lanes.get('inner'), 2);
});

test('a new span takes the lowest free lane and moves nobody', () => {
  const placed = [{ ...span('a', 0, 10), lane: 0 }, { ...span('b', 2, 6), lane: 1 }, { ...span('c', 30, 40), lane: 0 }];
  assert.equal(freeLane(span('n', 5, 12), placed), 2);
  assert.equal(freeLane(span('n', 7, 12), placed), 1);
  assert.equal(freeLane(span('n', 10, 12), placed), 0, 'touching is not overlapping');
  assert.ok(overlaps(span('x', 3, 3), span('y', 0, 5)), 'an empty span overlaps its surroundings');
});

test('deep stacks get thinner underlines that still fit under the line', () => {
  assert.deepEqual(laneGeometry(0), { step: 3.5, thickness: 2.5 });
  const deep = laneGeometry(9);
  assert.ok(deep.step * 10 <= 15 && deep.thickness >= 1);
});

test('client rects merge into one box per line', () => {
  const lines = mergeLineBoxes([
    { left: 10, top: 0, right: 50, bottom: 20 },
    { left: 50, top: 2, right: 80, bottom: 18 }, // <strong> inside the same line
    { left: 30, top: 0, right: 60, bottom: 20 }, // the element's own box
    { left: 0, top: 30, right: 40, bottom: 50 },
    { left: 5, top: 60, right: 5, bottom: 80 }, // empty
  ]);
  assert.deepEqual(lines, [{ left: 10, top: 0, right: 80, bottom: 20 }, { left: 0, top: 30, right: 40, bottom: 50 }]);
});

test('offsets find their block and their text node', () => {
  const blocks = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 22, end: 22 }, { start: 24, end: 30 }];
  assert.equal(blockAt(blocks, 0), 0);
  assert.equal(blockAt(blocks, 10), 0, 'a block end is inside it');
  assert.equal(blockAt(blocks, 11), -1, 'the gap');
  assert.equal(blockAt(blocks, 29), 3);
  assert.deepEqual(blocksTouching(blocks, 5, 13), [0, 1]);
  assert.deepEqual(blocksTouching(blocks, 10, 12), [], 'only the gap');
  assert.deepEqual(locate([3, 4, 2], 3), { index: 1, offset: 0 });
  assert.deepEqual(locate([3, 4, 2], 3, 'end'), { index: 0, offset: 3 });
  assert.deepEqual(locate([3, 4, 2], 9), { index: 2, offset: 2 });
  assert.deepEqual(locate([], 0), { index: -1, offset: 0 });
});

test('the span index answers by block and by position, innermost first', () => {
  const index = new SpanIndex([{ start: 0, end: 10 }, { start: 12, end: 20 }]);
  index.set(span('long', 2, 15));
  index.set(span('short', 4, 6));
  assert.deepEqual([...index.inBlock(1)].map((s) => s.id), ['long']);
  assert.deepEqual(index.at(5, 0).map((s) => s.id), ['short', 'long']);
  assert.deepEqual(index.set(span('long', 13, 15)), [0, 1], 'moving a span redraws where it was and is');
  assert.deepEqual(index.overlapping(0, 12).map((s) => s.id), ['short']);
  assert.deepEqual(index.delete('short'), [0]);
  assert.equal(index.size, 1);
});
