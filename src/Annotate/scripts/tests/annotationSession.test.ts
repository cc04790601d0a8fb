import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, AnnotationPut } from '../api/annotationTypes';
import { AnnotationSession, type SessionTransport, type Target } from '../model/session/annotationSession';
import type { SavePayload } from '../model/session/sessionTypes';
import type { SendFailure } from '../model/session/outbox';

class Refused {
  constructor(readonly failure: SendFailure<Annotation>) {}
}

/** The API in memory: stores what is put, tombstones what is deleted, refuses a deleted id. */
class FakeApi implements SessionTransport {
  readonly rows = new Map<string, Annotation & { deleted?: boolean }>();
  readonly log: string[] = [];
  failNext: SendFailure<Annotation> | null = null;

  async put(target: Target, id: string, sent: SavePayload & { version?: number }): Promise<Annotation> {
    // A relation's body names its type; stored, it is the session's relation item (type as the label).
    const body = ('type' in sent ? { ...sent, label: sent.type, layer: '', sourceSpan: sent.source, targetSpan: sent.target } : sent) as AnnotationPut & { version?: number };
    this.log.push(`PUT ${target} ${id.slice(0, 4)} ${body.label} v${body.version}`);
    await Promise.resolve();
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw new Refused(failure);
    const old = this.rows.get(id);
    if (old?.deleted) throw new Refused({ kind: 'conflict', current: old });
    const row = {
      ...(old ?? {}), ...body, id, kind: target === 'labels' ? 'document' : target === 'relations' ? 'relation' : 'span', version: (old?.version ?? 0) + 1,
      status: 'ok', annotatorId: 'me', annotatorName: 'Me',
    } as Annotation;
    this.rows.set(id, row);
    return row;
  }

  async remove(target: Target, id: string, version: number): Promise<void> {
    this.log.push(`DELETE ${target} ${id.slice(0, 4)} v${version}`);
    await Promise.resolve();
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, deleted: true, version: row.version + 1 });
  }

  classify(error: unknown): SendFailure<Annotation> {
    return error instanceof Refused ? error.failure : { kind: 'retry' };
  }

  live(): Annotation[] {
    return [...this.rows.values()].filter((r) => !r.deleted);
  }
}

function session(api = new FakeApi()) {
  const problems: string[] = [];
  const s = new AnnotationSession(
    { documentId: 'doc', documentVersion: 1, codebookVersion: 1, userId: 'me', displayName: 'Me' },
    api,
    { problem: (m) => problems.push(m), saveState: () => {} });
  return { s, api, problems };
}

const span = { layer: 'frame', label: 'blockade', start: 4, end: 12, quote: 'blockade' };

test('a new span shows at once and is saved', async () => {
  const { s, api } = session();
  const events: string[] = [];
  s.subscribe((e) => events.push(e.kind));
  const a = s.create('span', span);
  assert.equal(s.items.get(a.id)?.label, 'blockade');
  assert.equal(events[0], 'set', 'shown before the server answers');
  await s.outbox.idle();
  assert.equal(api.rows.get(a.id)?.version, 1);
  assert.equal(s.items.get(a.id)?.version, 1, 'the saved version is adopted');
});

test('undoing a delete brings the span back under a new id, and redo deletes that one', async () => {
  const { s, api } = session();
  const a = s.create('span', span);
  await s.outbox.idle();
  s.remove(a.id);
  await s.outbox.idle();
  assert.equal(api.live().length, 0);

  s.undo();
  await s.outbox.idle();
  assert.equal(api.live().length, 1);
  const back = api.live()[0]!;
  assert.notEqual(back.id, a.id);
  assert.equal(back.label, 'blockade');

  s.redo();
  await s.outbox.idle();
  assert.equal(api.live().length, 0);
  s.undo();
  s.undo(); // the create itself
  await s.outbox.idle();
  assert.equal(api.live().length, 0);
  assert.equal(s.items.size, 0);
});

test('label changes undo and redo through the server', async () => {
  const { s, api } = session();
  const a = s.create('span', span);
  s.update(a.id, { label: 'protest' });
  await s.outbox.idle();
  assert.equal(api.rows.get(a.id)?.label, 'protest');
  s.undo();
  await s.outbox.idle();
  assert.equal(api.rows.get(a.id)?.label, 'blockade');
  s.redo();
  await s.outbox.idle();
  assert.equal(api.rows.get(a.id)?.label, 'protest');
  assert.deepEqual(api.log.map((l) => l.replace(/ \w{4} /, ' ')), [
    'PUT annotations blockade v0', 'PUT annotations protest v1', 'PUT annotations blockade v2', 'PUT annotations protest v3',
  ]);
});

test('a refused change is reverted and explained', async () => {
  const { s, api, problems } = session();
  const a = s.create('span', span);
  await s.outbox.idle();
  api.failNext = { kind: 'rejected' };
  s.update(a.id, { label: 'nonsense' });
  await s.outbox.idle();
  assert.equal(s.items.get(a.id)?.label, 'blockade');
  assert.equal(problems.length, 1);
});

test('a note the server refuses stays as typed, with the reason beside it, until it is corrected', async () => {
  const states: number[] = [];
  const api = new FakeApi();
  const problems: string[] = [];
  const s = new AnnotationSession(
    { documentId: 'doc', documentVersion: 1, codebookVersion: 1, userId: 'me', displayName: 'Me' },
    api,
    { problem: (m) => problems.push(m), saveState: (state) => states.push(state.refused.length) });
  const a = s.create('span', span);
  await s.outbox.idle();
  const long = 'x'.repeat(5001);
  api.failNext = { kind: 'rejected', errors: { note: ['A note has at most 5000 characters; this one has 5001.'] } };
  s.update(a.id, { note: long });
  await s.outbox.idle();
  assert.equal(s.items.get(a.id)?.note, long, 'not reverted');
  assert.equal(s.refusals.get(a.id)?.fields['note'], 'A note has at most 5000 characters; this one has 5001.');
  assert.equal(s.saveState.refused[0]?.reason, 'Note: A note has at most 5000 characters; this one has 5001.');
  assert.equal(problems.length, 0, 'no banner: the reason is shown by the field');
  assert.equal(states.at(-1), 1);
  s.update(a.id, { note: 'shorter' });
  await s.outbox.idle();
  assert.equal(api.rows.get(a.id)?.note, 'shorter');
  assert.equal(s.refusals.size, 0);
  assert.equal(states.at(-1), 0);
});

test('a second label in a one-label layer becomes an edit of the stored one', async () => {
  const { s, api } = session();
  const existing = { id: 'old-label', layer: 'stance', label: 'neutral', version: 4, kind: 'document', annotatorId: 'me' } as Annotation;
  api.rows.set(existing.id, existing);
  api.failNext = { kind: 'conflict', current: existing };
  const mine = s.create('document', { layer: 'stance', label: 'pro-dalmor' });
  await s.outbox.idle();
  assert.equal(s.items.has(mine.id), false);
  assert.equal(s.items.get('old-label')?.label, 'pro-dalmor');
  assert.equal(api.rows.get('old-label')?.label, 'pro-dalmor');
  assert.equal(api.rows.get('old-label')?.version, 5);
});

test('a conflict shows the stored version', async () => {
  const { s, api, problems } = session();
  const a = s.create('span', span);
  await s.outbox.idle();
  const theirs = { ...api.rows.get(a.id)!, label: 'economic', version: 9 };
  api.failNext = { kind: 'conflict', current: theirs };
  s.update(a.id, { label: 'protest' });
  await s.outbox.idle();
  assert.equal(s.items.get(a.id)?.label, 'economic');
  assert.equal(problems.length, 1);
});

test('a remote change is applied, an older or equal version is ignored, and a delete removes it', async () => {
  const { s } = session();
  const other = { id: 'x1', kind: 'span', layer: 'frame', label: 'blockade', start: 1, end: 3, annotatorId: 'ann', annotatorName: 'Ann', version: 2 } as Annotation;
  assert.equal(s.applyRemote('upsert', other), true);
  assert.equal(s.items.get('x1')?.version, 2);
  assert.equal(s.applyRemote('upsert', { ...other, version: 1, label: 'protest' }), false);
  assert.equal(s.items.get('x1')?.label, 'blockade');
  assert.equal(s.applyRemote('delete', other), true);
  assert.equal(s.items.has('x1'), false);
});

test('an echoed change does not overwrite a local edit still waiting to be saved', async () => {
  const { s, api } = session();
  const a = s.create('span', span);
  await s.outbox.idle();
  api.failNext = { kind: 'retry' };
  s.update(a.id, { label: 'protest' });
  assert.equal(s.outbox.isPending(a.id), true);
  const echo = { ...api.rows.get(a.id)!, label: 'blockade', version: 5 };
  assert.equal(s.applyRemote('upsert', echo), false);
  assert.equal(s.items.get(a.id)?.label, 'protest');
  assert.equal(s.applyRemote('delete', echo), false);
  assert.equal(s.items.has(a.id), true);
});

test('after a visibility change others no longer visible are dropped, mine are kept', () => {
  const { s } = session();
  const mine = s.create('span', span);
  s.applyRemote('upsert', { id: 'o1', kind: 'span', annotatorId: 'ann', version: 1 } as Annotation);
  s.applyRemote('upsert', { id: 'o2', kind: 'span', annotatorId: 'bob', version: 1 } as Annotation);
  s.dropOthers(new Set(['o2']));
  assert.deepEqual([...s.items.keys()].sort(), [mine.id, 'o2'].sort());
});

test('an identical span of ones own is found as a twin; others’, other labels and deleted ones are not', async () => {
  const { s } = session();
  const mine = s.create('span', span);
  s.load([...s.items.values(), { ...mine, id: 'theirs', annotatorId: 'ana', annotatorName: 'Ana' }]);

  assert.equal(s.twinOf('frame', 'blockade', 4, 12)?.id, mine.id);
  assert.equal(s.twinOf('frame', 'protest', 4, 12), undefined);
  assert.equal(s.twinOf('frame', 'blockade', 4, 13), undefined);
  s.remove(mine.id);
  assert.equal(s.twinOf('frame', 'blockade', 4, 12), undefined, 'only ‘theirs’ is left, and it is not mine');
});

// Relations ride in the session as items of kind 'relation' (issue 17).

const claim = { layer: 'claim', label: 'accusation', start: 0, end: 8, quote: 'blockade' };
const source = { layer: 'source', label: 'official', start: 20, end: 30, quote: 'the minister' };

test('a relation is saved to the relations endpoint with its type and ends', async () => {
  const { s, api } = session();
  const a = s.create('span', claim);
  const b = s.create('span', source);
  const r = s.createRelation('said-by', a.id, b.id);
  assert.equal(s.items.get(r.id)?.kind, 'relation');
  await s.outbox.idle();
  assert.ok(api.log.at(-1)!.startsWith(`PUT relations ${r.id.slice(0, 4)} said-by v0`), api.log.join('\n'));
  const stored = api.rows.get(r.id)!;
  assert.deepEqual([stored.sourceSpan, stored.targetSpan, stored.kind], [a.id, b.id, 'relation']);
  assert.equal(s.relationTwin('said-by', a.id, b.id, true)?.id, r.id);
  assert.equal(s.relationTwin('said-by', b.id, a.id, true), undefined, 'directed: the other way round is another relation');
  assert.equal(s.relationTwin('said-by', b.id, a.id, false)?.id, r.id, 'undirected: either way round');
});

test('deleting a span deletes its relations first, in one undo step; undo brings both back, linked to the new span', async () => {
  const { s, api } = session();
  const a = s.create('span', claim);
  const b = s.create('span', source);
  const r = s.createRelation('said-by', a.id, b.id);
  await s.outbox.idle();
  api.log.length = 0;

  s.remove(a.id);
  assert.equal(s.items.has(r.id), false, 'the relation goes with its span at once');
  await s.outbox.idle();
  assert.deepEqual(api.log.map((l) => l.split(' ').slice(0, 2).join(' ')), ['DELETE relations', 'DELETE annotations'], 'relations before the span');
  assert.equal(api.live().length, 1);

  s.undo();
  await s.outbox.idle();
  const spans = [...s.items.values()].filter((x) => x.kind === 'span');
  const relations = [...s.items.values()].filter((x) => x.kind === 'relation');
  const back = spans.find((x) => x.label === 'accusation')!;
  assert.notEqual(back.id, a.id, 'a span the server saw deleted comes back under a new id');
  assert.equal(relations.length, 1);
  assert.deepEqual([relations[0]!.sourceSpan, relations[0]!.targetSpan], [back.id, b.id], 'the relation follows its span to the new id');
  assert.deepEqual(api.live().map((x) => x.kind).sort(), ['relation', 'span', 'span']);
  const order = api.log.filter((l) => l.startsWith('PUT')).map((l) => l.split(' ')[1]);
  assert.deepEqual(order.slice(-2), ['annotations', 'relations'], 'the span is saved before the relation that needs it');

  s.redo();
  await s.outbox.idle();
  assert.deepEqual(api.live().map((x) => x.kind), ['span'], 'redo deletes both again');
});

test('a relation pushed from elsewhere is applied and deleted like any annotation', () => {
  const { s } = session();
  const remote = {
    id: 'r1', documentId: 'doc', documentVersion: 0, codebookVersion: 1, kind: 'relation' as const, layer: '', label: 'supports', start: null, end: null,
    quote: null, prefix: null, suffix: null, attributes: {}, attribution: null, note: null, annotatorId: 'ann', annotatorName: 'Ann', version: 1,
    status: 'ok' as const, createdAt: '', updatedAt: '', sourceSpan: 'x', targetSpan: 'y',
  };
  assert.equal(s.applyRemote('upsert', remote), true);
  assert.deepEqual(s.relationsOf('x').map((x) => x.id), ['r1']);
  assert.equal(s.applyRemote('delete', { ...remote, version: 2 }), true);
  assert.equal(s.items.has('r1'), false);
});
