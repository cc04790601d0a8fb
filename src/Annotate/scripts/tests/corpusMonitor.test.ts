import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusStatus } from '../api/types';
import { CorpusMonitor } from '../model/corpus/corpusMonitor';

const status = (state: 'idle' | 'loading', processed: number): CorpusStatus =>
  ({ state, root: '/c', processed, total: 3, documentCount: processed, lastLoadedAt: null, lastLoadSeconds: null, problems: [] });

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  assert.ok(condition(), 'timed out');
};

test('polls while loading and says once that loading finished', async () => {
  const answers = [status('loading', 1), status('loading', 2), status('idle', 3), status('idle', 3)];
  let calls = 0;
  const monitor = new CorpusMonitor(async () => answers[Math.min(calls++, answers.length - 1)]!, (e) => assert.fail(String(e)), 1);
  const seen: [number, boolean][] = [];
  monitor.subscribe((s, finished) => seen.push([s.processed, finished]));

  await monitor.refresh();
  await until(() => seen.length === 3);
  await new Promise((r) => setTimeout(r, 20));

  assert.deepEqual(seen, [[1, false], [2, false], [3, true]]);
  assert.equal(calls, 3, 'no polling once idle');
});

test('stop ends polling, refresh starts it again', async () => {
  let calls = 0;
  const monitor = new CorpusMonitor(async () => (calls++, status('loading', 1)), (e) => assert.fail(String(e)), 1);
  await monitor.refresh();
  monitor.stop();
  const stoppedAt = calls;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(calls, stoppedAt);

  await monitor.refresh();
  await until(() => calls > stoppedAt + 2);
  monitor.stop();
});

test('a failed poll is reported and, mid-load, retried', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const monitor = new CorpusMonitor(async () => {
    calls++;
    if (calls === 2) throw new Error('server restarting');
    return status(calls < 3 ? 'loading' : 'idle', calls);
  }, (e) => errors.push(e), 1);
  const finished: boolean[] = [];
  monitor.subscribe((_, done) => finished.push(done));

  await monitor.refresh();
  await until(() => finished.includes(true));

  assert.equal(errors.length, 1);
  assert.equal(monitor.status?.state, 'idle');
});
