import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeThrottle, LiveFeed, judgeSeq, type FeedChange, type FeedJoin } from '../model/live/liveFeed';

type A = { id: string };
const change = (seq: number, id = `a${seq}`, kind: 'upsert' | 'delete' = 'upsert'): FeedChange<A> => ({ seq, kind, annotation: { id } });

/** A hub in memory: join answers are queued by the test; each join records its afterSeq. */
function setup(answers: ((after: number) => FeedJoin<A>)[]) {
  const joins: number[] = [];
  const applied: number[] = [];
  const full: boolean[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const feed = new LiveFeed<A>(async (after) => {
    joins.push(after);
    if (hold) await new Promise<void>((r) => (release = r));
    const answer = answers.shift();
    if (!answer) throw new Error('no answer');
    return answer(after);
  }, {
    apply: (c) => applied.push(c.seq),
    joined: (_r, f) => full.push(f),
  });
  return { feed, joins, applied, full, holdNext: () => (hold = true), release: () => { hold = false; release?.(); } };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

test('a seq already applied is stale; in open mode a jump is a gap; in blind mode it is not', () => {
  assert.equal(judgeSeq(3, 3, true), 'stale');
  assert.equal(judgeSeq(2, 3, false), 'stale');
  assert.equal(judgeSeq(4, 3, true), 'apply');
  assert.equal(judgeSeq(6, 3, true), 'gap');
  assert.equal(judgeSeq(6, 3, false), 'apply');
});

test('the first join applies everything and remembers the last seq; pushes then apply in order, duplicates are dropped', async () => {
  const s = setup([() => ({ changes: [change(1), change(2)], lastSeq: 2, visibility: 'open', seesOthers: true })]);
  await s.feed.start();
  assert.deepEqual(s.joins, [0]);
  assert.deepEqual(s.full, [true]);
  s.feed.push(change(3));
  s.feed.push(change(3));
  s.feed.push(change(2));
  assert.deepEqual(s.applied, [1, 2, 3]);
  assert.equal(s.feed.lastSeq, 3);
});

test('in open mode a gap catches up from the last applied seq and then goes on', async () => {
  const s = setup([
    () => ({ changes: [change(1)], lastSeq: 1, visibility: 'open', seesOthers: true }),
    (after) => ({ changes: [change(2), change(3)].filter((c) => c.seq > after), lastSeq: 3, visibility: 'open', seesOthers: true }),
  ]);
  await s.feed.start();
  s.feed.push(change(3)); // 2 was missed
  await settle();
  await settle();
  assert.deepEqual(s.joins, [0, 1]);
  assert.deepEqual(s.applied, [1, 2, 3]);
  s.feed.push(change(4));
  assert.deepEqual(s.applied, [1, 2, 3, 4]);
});

test('in blind mode gaps are normal and cause no catch-up', async () => {
  const s = setup([() => ({ changes: [change(2)], lastSeq: 2, visibility: 'blind', seesOthers: false })]);
  await s.feed.start();
  s.feed.push(change(7));
  await settle();
  assert.deepEqual(s.joins, [0]);
  assert.deepEqual(s.applied, [2, 7]);
});

test('changes pushed while a join is on its way wait for it and are applied once', async () => {
  const s = setup([
    () => ({ changes: [change(1)], lastSeq: 1, visibility: 'open', seesOthers: true }),
    () => ({ changes: [change(2), change(3)], lastSeq: 3, visibility: 'open', seesOthers: true }),
  ]);
  await s.feed.start();
  s.holdNext();
  const catchUp = s.feed.catchUp(); // a reconnect
  s.feed.push(change(3));
  s.feed.push(change(4));
  s.release();
  await catchUp;
  assert.deepEqual(s.joins, [0, 1]);
  assert.deepEqual(s.applied, [1, 2, 3, 4]);
  assert.equal(s.feed.lastSeq, 4);
});

test('a visibility change joins again from 0 and reports a full replace', async () => {
  const s = setup([
    () => ({ changes: [change(5)], lastSeq: 9, visibility: 'blind', seesOthers: false }),
    () => ({ changes: [change(3), change(9)], lastSeq: 9, visibility: 'open', seesOthers: true }),
  ]);
  await s.feed.start();
  assert.equal(s.feed.lastSeq, 9);
  await s.feed.visibilityChanged('open');
  assert.deepEqual(s.joins, [0, 0]);
  assert.deepEqual(s.full, [true, true]);
  assert.deepEqual(s.applied, [5, 3, 9]);
  assert.equal(s.feed.mode, 'open');
});

test('a failed join reports the error and the next catch-up starts from the last applied seq', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const joins: number[] = [];
  const feed = new LiveFeed<A>(async (after) => {
    joins.push(after);
    if (calls++ === 1) throw new Error('offline');
    return { changes: after === 0 ? [change(1)] : [change(2)], lastSeq: after === 0 ? 1 : 2, visibility: 'open', seesOthers: true };
  }, { apply: () => {}, failed: (e) => errors.push(e) });
  await feed.start();
  await feed.catchUp();
  assert.equal(errors.length, 1);
  await feed.catchUp();
  assert.deepEqual(joins, [0, 1, 1]);
  assert.equal(feed.lastSeq, 2);
});

test('the presence throttle sends at most once per interval and only changes', () => {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const sent: (number | null)[] = [];
  const t = new ChangeThrottle<number | null>((v) => sent.push(v), 1000, () => now, (run, ms) => {
    const timer = { at: now + ms, run };
    timers.push(timer);
    return () => timers.splice(timers.indexOf(timer), 1);
  });
  const tick = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  t.update(3);
  assert.deepEqual(sent, [3]);
  t.update(4);
  t.update(5);
  assert.deepEqual(sent, [3]);
  tick(1000);
  assert.deepEqual(sent, [3, 5]);
  tick(2000);
  t.update(5);
  assert.deepEqual(sent, [3, 5]);
  t.reset();
  t.update(5);
  assert.deepEqual(sent, [3, 5, 5]);
});

test('a catch-up that sees a different scope than the last join joins again from 0 and replaces what is shown', async () => {
  // Blind mode: Ben sees only his own work, so his last seq (4) is past Ann's span (3). Made curator while away, the
  // catch-up from 4 would never bring her span; the feed notices the wider scope and starts again.
  const s = setup([
    () => ({ changes: [change(4, 'ben')], lastSeq: 4, visibility: 'blind', seesOthers: false }),
    (after) => ({ changes: [change(3, 'ann'), change(4, 'ben')].filter((c) => c.seq > after), lastSeq: 4, visibility: 'blind', seesOthers: true }),
    () => ({ changes: [change(3, 'ann'), change(4, 'ben')], lastSeq: 4, visibility: 'blind', seesOthers: true }),
  ]);
  await s.feed.start();
  await s.feed.catchUp(); // a reconnect
  assert.deepEqual(s.joins, [0, 4, 0]);
  assert.deepEqual(s.full, [true, true]);
  assert.deepEqual(s.applied, [4, 3, 4]);
  assert.equal(s.feed.lastSeq, 4);
});

test('a catch-up in the same scope goes on from the last seq', async () => {
  const s = setup([
    () => ({ changes: [change(4, 'ben')], lastSeq: 4, visibility: 'blind', seesOthers: false }),
    () => ({ changes: [change(6, 'ben')], lastSeq: 6, visibility: 'blind', seesOthers: false }),
  ]);
  await s.feed.start();
  await s.feed.catchUp();
  assert.deepEqual(s.joins, [0, 4]);
  assert.deepEqual(s.full, [true, false]);
  assert.deepEqual(s.applied, [4, 6]);
});
