import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutArcs, sameLine, type Arc, type ArcInput, type EndBox } from '../model/relations/arcLayout';

// A word on line n (20 px high lines, 24 px apart), from x to x + width.
const word = (line: number, x: number, width = 40): EndBox => ({ left: x, right: x + width, top: line * 24, bottom: line * 24 + 20 });
const relation = (id: string, source: EndBox, target: EndBox): ArcInput => ({ id, source, target });
const byId = (arcs: Arc[]) => new Map(arcs.map((a) => [a.id, a]));

test('ends on one line make an inline arc, ends on different lines a gutter arc', () => {
  assert.equal(sameLine(word(3, 0), word(3, 200)), true);
  assert.equal(sameLine(word(3, 0), word(4, 0)), false);
  const arcs = byId(layoutArcs([relation('same', word(2, 10), word(2, 300)), relation('across', word(2, 10), word(9, 50))]));
  assert.equal(arcs.get('same')?.kind, 'inline');
  assert.equal(arcs.get('across')?.kind, 'gutter');
});

test('a gutter arc enclosing another goes around it; disjoint arcs share the lane nearest the text', () => {
  const arcs = byId(layoutArcs([
    relation('outer', word(1, 0), word(20, 0)),
    relation('inner', word(5, 0), word(8, 0)),
    relation('later', word(30, 0), word(35, 0)),
  ]));
  const lane = (id: string) => { const a = arcs.get(id); return a?.kind === 'gutter' ? a.lane : -1; };
  assert.equal(lane('inner'), 0);
  assert.equal(lane('outer'), 1);
  assert.equal(lane('later'), 0);
});

test('inline arcs on one line are raised one level for each arc they enclose; other lines start again at level 0', () => {
  const arcs = byId(layoutArcs([
    relation('wide', word(4, 0), word(4, 400)),
    relation('narrow', word(4, 100), word(4, 200)),
    relation('elsewhere', word(7, 0), word(7, 400)),
  ]));
  const level = (id: string) => { const a = arcs.get(id); return a?.kind === 'inline' ? a.level : -1; };
  assert.equal(level('narrow'), 0);
  assert.equal(level('wide'), 1);
  assert.equal(level('elsewhere'), 0);
  const wide = arcs.get('wide');
  const narrow = arcs.get('narrow');
  assert.ok(wide && narrow && wide.top < narrow.top, 'the outer arc is drawn higher');
});

test('no two gutter arcs whose ranges overlap share a lane, whatever the order (random relations)', () => {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const relations = Array.from({ length: 600 }, (_, i) => relation(`r${i}`, word(Math.floor(random() * 3000), 0), word(Math.floor(random() * 3000) + 1, 0)))
    .filter((r) => !sameLine(r.source, r.target));
  const gutter = layoutArcs(relations).filter((a): a is Extract<Arc, { kind: 'gutter' }> => a.kind === 'gutter');
  assert.equal(gutter.length, relations.length);
  for (let i = 0; i < gutter.length; i++) {
    for (let j = i + 1; j < gutter.length; j++) {
      const [a, b] = [gutter[i]!, gutter[j]!];
      const overlap = Math.min(a.fromY, a.toY) <= Math.max(b.fromY, b.toY) && Math.min(b.fromY, b.toY) <= Math.max(a.fromY, a.toY);
      if (overlap) assert.notEqual(a.lane, b.lane, `${a.id} and ${b.id} overlap`);
    }
  }
});
