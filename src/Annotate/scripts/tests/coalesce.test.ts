import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coalescedRefresh } from '../model/shared/coalesce';

/** A run that waits until the test lets it finish, counting how many started and how many overlap. */
function gatedRun() {
  const gates: (() => void)[] = [];
  const stats = { started: 0, running: 0, maxRunning: 0 };
  const run = async () => {
    stats.started++;
    stats.running++;
    stats.maxRunning = Math.max(stats.maxRunning, stats.running);
    await new Promise<void>((resolve) => gates.push(resolve));
    stats.running--;
  };
  const finishOne = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { run, stats, finishOne };
}

test('calls while a refresh runs fold into exactly one more run, never two at once', async () => {
  const { run, stats, finishOne } = gatedRun();
  const refresh = coalescedRefresh(run);
  const first = refresh();
  const second = refresh();
  const third = refresh();
  assert.equal(stats.started, 1);
  await finishOne();
  assert.equal(stats.started, 2, 'one extra run for the two calls made meanwhile');
  await finishOne();
  await Promise.all([first, second, third]);
  assert.equal(stats.started, 2);
  assert.equal(stats.maxRunning, 1);
});

test('a lone call runs once', async () => {
  const { run, stats, finishOne } = gatedRun();
  const refresh = coalescedRefresh(run);
  const done = refresh();
  await finishOne();
  await done;
  assert.equal(stats.started, 1);
});

test('the promise a waiting caller gets settles only after the run that includes its request', async () => {
  const { run, finishOne } = gatedRun();
  const refresh = coalescedRefresh(run);
  void refresh();
  let settled = false;
  void refresh().then(() => (settled = true));
  await finishOne();
  assert.equal(settled, false, 'the first run started before this request');
  await finishOne();
  assert.equal(settled, true);
});

test('no extra run once keepGoing says no (the page was left)', async () => {
  const { run, stats, finishOne } = gatedRun();
  let open = true;
  const refresh = coalescedRefresh(run, () => open);
  const done = refresh();
  void refresh();
  open = false;
  await finishOne();
  await done;
  assert.equal(stats.started, 1);
});

test('a failed run rejects its round and does not wedge the next call', async () => {
  let calls = 0;
  const refresh = coalescedRefresh(async () => {
    calls++;
    await Promise.resolve();
    if (calls === 1) throw new Error('offline');
  });
  await assert.rejects(refresh(), /offline/);
  await refresh();
  assert.equal(calls, 2);
});
