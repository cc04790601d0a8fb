import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Outbox, type OutboxState, type OutboxTransport, type SendFailure } from '../model/session/outbox';

type Body = { label: string };
type Saved = { id: string; version: number; label: string };

class FakeError {
  constructor(readonly failure: SendFailure<Saved>) {}
}

/** A server in memory: versions per id, and a list of answers to give instead of succeeding. */
class FakeServer implements OutboxTransport<Body, Saved> {
  readonly rows = new Map<string, Saved>();
  readonly calls: string[] = [];
  failures: SendFailure<Saved>[] = [];

  async put(id: string, body: Body, version: number): Promise<Saved> {
    this.calls.push(`put ${id} ${body.label} v${version}`);
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw new FakeError(failure);
    const row = { id, version: (this.rows.get(id)?.version ?? 0) + 1, label: body.label };
    this.rows.set(id, row);
    return row;
  }

  async remove(id: string, _body: Body, version: number): Promise<void> {
    this.calls.push(`delete ${id} v${version}`);
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw new FakeError(failure);
    this.rows.delete(id);
  }

  classify(error: unknown): SendFailure<Saved> {
    return error instanceof FakeError ? error.failure : { kind: 'retry' };
  }
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: { run: () => void; ms: number }[] = [];
  return {
    pending,
    schedule: (run: () => void, ms: number) => {
      const t = { run, ms };
      pending.push(t);
      return () => pending.splice(pending.indexOf(t), 1);
    },
    fire() {
      pending.splice(0).forEach((t) => t.run());
    },
  };
}

test('changes are sent in order, each based on the version the last one produced', async () => {
  const server = new FakeServer();
  const outbox = new Outbox(server);
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'x' } });
  outbox.enqueue({ kind: 'put', id: 'b', body: { label: 'x' } });
  await outbox.idle();
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'y' } });
  outbox.enqueue({ kind: 'delete', id: 'b', body: { label: '' } });
  await outbox.idle();
  assert.deepEqual(server.calls, ['put a x v0', 'put b x v0', 'put a y v1', 'delete b v1']);
  assert.equal(outbox.state.status, 'saved');
});

test('edits queued behind a request in flight collapse into the latest one', async () => {
  const server = new FakeServer();
  const outbox = new Outbox(server);
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: '1' } });
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: '2' } });
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: '3' } });
  await outbox.idle();
  assert.deepEqual(server.calls, ['put a 1 v0', 'put a 3 v1']);
});

test('a span created and deleted before it was sent never reaches the server', async () => {
  const server = new FakeServer();
  const outbox = new Outbox(server);
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: '1' } }); // in flight at once
  outbox.enqueue({ kind: 'put', id: 'b', body: { label: '1' } });
  outbox.enqueue({ kind: 'delete', id: 'b', body: { label: '' } });
  await outbox.idle();
  assert.deepEqual(server.calls, ['put a 1 v0']);
});

test('while the server is unreachable the change waits, shows failed, and goes out on retry', async () => {
  const server = new FakeServer();
  const timers = manualTimers();
  const states: OutboxState['status'][] = [];
  const outbox = new Outbox(server, { changed: (s) => states.push(s.status) }, timers.schedule, [1000, 2000]);
  server.failures = [{ kind: 'retry' }, { kind: 'retry' }];

  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'x' } });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(outbox.state.status, 'failed');
  assert.deepEqual(timers.pending.map((t) => t.ms), [1000]);
  timers.fire();
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(timers.pending.map((t) => t.ms), [2000], 'backs off');
  outbox.retryNow();
  await outbox.idle();

  assert.equal(server.calls.length, 3);
  assert.equal(outbox.state.status, 'saved');
  assert.equal(states.at(-1), 'saved');
  assert.ok(states.includes('failed'));
});

// The network is back (the browser says online): a send made then can still fail (the browser's network or the
// server not quite ready), or one already on its way fails after it. Either way the next try comes soon, not after
// the long back-off the failures while offline had built up.
test('asked to retry now, a failure right after is retried within a moment, not after the back-off', async () => {
  const server = new FakeServer();
  const timers = manualTimers();
  const outbox = new Outbox(server, {}, timers.schedule, [1000, 2000, 5000, 10000]);
  server.failures = [{ kind: 'retry' }, { kind: 'retry' }, { kind: 'retry' }, { kind: 'retry' }, { kind: 'retry' }];
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'x' } });
  await new Promise((r) => setTimeout(r, 5));
  timers.fire();
  await new Promise((r) => setTimeout(r, 5));
  timers.fire();
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(timers.pending.map((t) => t.ms), [5000], 'three failures offline built up the back-off');

  outbox.retryNow(); // a fourth failure: the network was not quite back
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(timers.pending.map((t) => t.ms), [250], 'retried soon after a failure right after retryNow');

  timers.fire(); // in flight when the network returns, and failing
  outbox.retryNow();
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(timers.pending.map((t) => t.ms), [250], 'a send on its way when asked to retry is retried soon after it fails');

  timers.fire();
  await outbox.idle();
  assert.equal(server.calls.length, 6);
  assert.equal(outbox.state.status, 'saved');
});

test('a conflict hands over the stored annotation and drops queued edits of it', async () => {
  const server = new FakeServer();
  const current = { id: 'a', version: 7, label: 'theirs' };
  const conflicts: unknown[] = [];
  const outbox = new Outbox(server, { conflict: (_, c) => conflicts.push(c) });
  server.failures = [{ kind: 'conflict', current }];
  outbox.versions.set('a', 3);
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'mine' } });
  outbox.enqueue({ kind: 'put', id: 'a', body: { label: 'mine again' } });
  await outbox.idle();
  assert.deepEqual(conflicts, [current]);
  assert.deepEqual(server.calls, ['put a mine v3']);
  assert.equal(outbox.versions.get('a'), 7, 'the next edit builds on their version');
});

test('a refused change is reported and the queue moves on', async () => {
  const server = new FakeServer();
  const rejected: string[] = [];
  const outbox = new Outbox(server, { rejected: (op) => rejected.push(op.id) });
  server.failures = [{ kind: 'rejected' }];
  outbox.enqueue({ kind: 'put', id: 'bad', body: { label: 'x' } });
  outbox.enqueue({ kind: 'put', id: 'good', body: { label: 'x' } });
  await outbox.idle();
  assert.deepEqual(rejected, ['bad']);
  assert.ok(server.rows.has('good'));
  assert.equal(outbox.state.status, 'saved');
});
