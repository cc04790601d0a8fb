import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Member } from '../api/people';
import { assignmentRequest, assignmentSummary, groupValue, isOwner, memberRefusal, membersKey, sortMembers } from '../model/classroom/people';

test('only an owner, as the dashboard lists them, manages people', () => {
  const students = [{ userId: 't', role: 'owner' }, { userId: 'c', role: 'curator' }, { userId: 's', role: 'annotator' }];
  assert.equal(isOwner(students, 't'), true);
  assert.equal(isOwner(students, 'c'), false);
  assert.equal(isOwner(students, undefined), false);
});

test('the assignment form asks for a whole number of annotators from 1 to 50 when spreading', () => {
  assert.deepEqual(assignmentRequest('all', 'x'), { request: { mode: 'all' } });
  assert.deepEqual(assignmentRequest('spread', ' 2 '), { request: { mode: 'spread', annotatorsPerDocument: 2 } });
  for (const bad of ['', '0', '51', '1.5', 'two']) assert.match((assignmentRequest('spread', bad) as { error: string }).error, /1 to 50/);
});

test('the assignment is summed up in one sentence', () => {
  assert.equal(assignmentSummary({ mode: 'all', annotatorsPerDocument: null, documentsPerPerson: {} }), 'Everyone gets every document.');
  assert.equal(assignmentSummary({ mode: 'spread', annotatorsPerDocument: 1, documentsPerPerson: { a: 3, b: 3 } }),
    'Spread: each document gets 1 annotator, dealt out over 2 students.');
  assert.match(assignmentSummary({ mode: 'spread', annotatorsPerDocument: 2, documentsPerPerson: {} }), /2 annotators; no students/);
});

test('members sort by role then name; the key changes when someone joins, leaves or changes role', () => {
  const m = (userId: string, displayName: string, role: Member['role']): Member => ({ userId, displayName, userName: null, role, addedAt: '' });
  assert.deepEqual(sortMembers([m('1', 'Zoe', 'annotator'), m('2', 'Tia', 'owner'), m('3', 'Ana', 'annotator'), m('4', 'Vic', 'viewer')]).map((x) => x.displayName),
    ['Tia', 'Ana', 'Zoe', 'Vic']);
  const key = membersKey([{ userId: 'b', role: 'annotator' }, { userId: 'a', role: 'owner' }]);
  assert.equal(key, membersKey([{ userId: 'a', role: 'owner' }, { userId: 'b', role: 'annotator' }]));
  assert.notEqual(key, membersKey([{ userId: 'a', role: 'owner' }, { userId: 'b', role: 'viewer' }]));
});

test('a group is trimmed (empty removes it) and at most 100 characters', () => {
  assert.deepEqual(groupValue('  A '), { group: 'A' });
  assert.deepEqual(groupValue(''), { group: '' });
  assert.match((groupValue('g'.repeat(101)) as { error: string }).error, /at most 100/);
});

test('refusals read as the teacher needs them', () => {
  assert.equal(memberRefusal(409, 'Last owner', 'A project needs an owner.'), 'A project needs an owner.');
  assert.match(memberRefusal(403, 'Not allowed', undefined), /^Not allowed: only an owner/);
  assert.match(memberRefusal(404, 'Not a member', 'x'), /no longer a member/);
  assert.equal(memberRefusal(500, 'Oops', 'broken'), 'Oops: broken');
});
