import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, AnnotationPut } from '../api/annotationTypes';
import { AnnotationSession, type SessionTransport, type Target } from '../model/session/annotationSession';
import type { SendFailure } from '../model/session/outbox';
import { PendingStore, pendingKey, tabId, type KeyValueStorage } from '../model/session/pendingStore';

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

class Offline {}

/** An API that is down until `online` is set; then stores what is put. */
class FlakyApi implements SessionTransport {
  online = false;
  readonly rows = new Map<string, Annotation>();
  readonly log: string[] = [];
  async put(_t: Target, id: string, body: AnnotationPut): Promise<Annotation> {
    this.log.push(`PUT ${body.label} v${body.version}`);
    await Promise.resolve();
    if (!this.online) throw new Offline();
    const row = { ...body, id, kind: 'span', version: (this.rows.get(id)?.version ?? 0) + 1, annotatorId: 'me', annotatorName: 'Me' } as Annotation;
    this.rows.set(id, row);
    return row;
  }
  async remove(_t: Target, id: string): Promise<void> {
    await Promise.resolve();
    if (!this.online) throw new Offline();
    this.rows.delete(id);
  }
  classify(error: unknown): SendFailure<Annotation> {
    return error instanceof Offline ? { kind: 'retry' } : { kind: 'rejected' };
  }
}

const ctx = { documentId: 'doc', documentVersion: 1, codebookVersion: 1, userId: 'me', displayName: 'Me' };
const notices = { problem: () => {}, saveState: () => {} };
const span = { layer: 'frame', label: 'blockade', start: 4, end: 12, quote: 'blockade' };

test('the key is per user and document', () => {
  assert.notEqual(pendingKey('u1', 'd'), pendingKey('u2', 'd'));
  assert.notEqual(pendingKey('u1', 'd1'), pendingKey('u1', 'd2'));
});

test('a tab keeps its id across reloads (sessionStorage), another tab gets its own', () => {
  const tab = new MemoryStorage();
  assert.equal(tabId(tab), tabId(tab));
  assert.notEqual(tabId(tab), tabId(new MemoryStorage()));
});

test('unsent changes are stored while pending and removed once saved', async () => {
  const storage = new MemoryStorage();
  const api = new FlakyApi();
  const s = new AnnotationSession(ctx, api, notices, new PendingStore(storage, pendingKey('me', 'doc'), 't1'));
  const a = s.create('span', span);
  await Promise.resolve();
  await Promise.resolve();
  const stored = JSON.parse(storage.getItem(pendingKey('me', 'doc'))!);
  assert.equal(stored.entries.length, 1);
  assert.equal(stored.entries[0].id, a.id);
  assert.equal(stored.entries[0].annotation.label, 'blockade');
  api.online = true;
  s.outbox.retryNow();
  await s.outbox.idle();
  assert.equal(storage.getItem(pendingKey('me', 'doc')), null);
});

test('a new page replays what the old one left unsent: shown at once, then saved, based on the old version', async () => {
  const storage = new MemoryStorage();
  const api = new FlakyApi();
  api.online = true;
  const first = new AnnotationSession(ctx, api, notices, new PendingStore(storage, pendingKey('me', 'doc'), 't1'));
  const a = first.create('span', span);
  await first.outbox.idle();
  api.online = false;
  first.update(a.id, { label: 'protest' });
  const b = first.create('span', { ...span, start: 20, end: 25 });
  await Promise.resolve();
  first.outbox.pendingOps(); // the page goes away here, with two changes unsent

  api.online = true;
  const second = new AnnotationSession(ctx, api, notices, new PendingStore(storage, pendingKey('me', 'doc'), 't1'));
  second.load([...api.rows.values()]);
  assert.equal(second.restorePending(), 2);
  assert.equal(second.items.get(a.id)?.label, 'protest');
  assert.ok(second.items.has(b.id));
  await second.outbox.idle();
  assert.equal(api.rows.get(a.id)?.label, 'protest');
  assert.ok(api.rows.has(b.id));
  assert.ok(api.log.includes('PUT protest v1'));
  assert.equal(storage.getItem(pendingKey('me', 'doc')), null);
});

test('another tab emptying its own queue leaves this tab\'s stored changes alone', () => {
  const storage = new MemoryStorage();
  const mine = new PendingStore(storage, 'k', 'mine');
  const theirs = new PendingStore(storage, 'k', 'theirs');
  mine.save([{ kind: 'delete', id: 'x', body: { target: 'annotations', payload: { layer: 'l', label: 'a' } }, annotation: null, baseVersion: 3 }]);
  theirs.save([]);
  assert.equal(mine.take().length, 1);
  mine.save([]);
  assert.equal(mine.take().length, 0);
});

class TooLong {}

/** Refuses a note longer than 10 characters, as the server refuses one past its limit. */
class NoteLimitApi extends FlakyApi {
  override async put(t: Target, id: string, body: AnnotationPut): Promise<Annotation> {
    if ((body.note?.length ?? 0) > 10) throw new TooLong();
    return await super.put(t, id, body);
  }
  override classify(error: unknown): SendFailure<Annotation> {
    return error instanceof TooLong ? { kind: 'rejected', errors: { note: ['A note has at most 10 characters.'] } } : super.classify(error);
  }
}

test('a refused note is kept in the browser too: after a reload it is shown as typed, and refused again', async () => {
  const storage = new MemoryStorage();
  const api = new NoteLimitApi();
  api.online = true;
  const first = new AnnotationSession(ctx, api, notices, new PendingStore(storage, pendingKey('me', 'doc'), 't1'));
  const a = first.create('span', span);
  await first.outbox.idle();
  first.update(a.id, { note: 'far too long a note' });
  await first.outbox.idle();
  assert.ok(first.refusals.has(a.id));

  const second = new AnnotationSession(ctx, api, notices, new PendingStore(storage, pendingKey('me', 'doc'), 't1'));
  second.load([...api.rows.values()]);
  assert.equal(second.restorePending(), 1);
  await second.outbox.idle();
  assert.equal(second.items.get(a.id)?.note, 'far too long a note');
  assert.equal(second.refusals.get(a.id)?.fields['note'], 'A note has at most 10 characters.');
});
