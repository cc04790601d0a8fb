import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  firstInvalid, hasErrors, passwordChangeProblems, problemText, serverFieldErrors, signInProblems, sortTokens,
  tokenNameProblem, tokenUsage,
} from '../model/account/accountForms';

test('signing in needs a user name and a password', () => {
  assert.deepEqual(signInProblems('  ', ''), { userName: 'Enter your user name.', password: 'Enter your password.' });
  assert.deepEqual(signInProblems('ana', ''), { password: 'Enter your password.' });
  // Passwords are sent as typed: spaces are characters like any other.
  assert.deepEqual(signInProblems('ana', '   '), {});
});

test('a new password needs ten characters and the same repeat', () => {
  const ok = { currentPassword: 'old-password', newPassword: 'a-long-password', repeatPassword: 'a-long-password' };
  assert.deepEqual(passwordChangeProblems(ok), {});
  assert.match(passwordChangeProblems({ ...ok, newPassword: 'short', repeatPassword: 'short' }).newPassword ?? '', /at least 10 characters; this one has 5/);
  assert.equal(passwordChangeProblems({ ...ok, newPassword: '123456789a', repeatPassword: '123456789a' }).newPassword, undefined);
  assert.equal(passwordChangeProblems({ ...ok, repeatPassword: 'a-long-passwor' }).repeatPassword, 'The two new passwords are not the same.');
  assert.equal(passwordChangeProblems({ ...ok, currentPassword: '' }).currentPassword, 'Enter your current password.');
  assert.match(passwordChangeProblems({ ...ok, currentPassword: ok.newPassword }).newPassword ?? '', /different/);
  assert.match(passwordChangeProblems({ ...ok, newPassword: 'x'.repeat(201), repeatPassword: 'x'.repeat(201) }).newPassword ?? '', /at most 200/);
});

test('an empty new password asks for one and does not also complain about the repeat', () => {
  const errors = passwordChangeProblems({ currentPassword: 'x', newPassword: '', repeatPassword: '' });
  assert.deepEqual(errors, { newPassword: 'Enter a new password.' });
});

test('focus goes to the first field with a problem, in form order', () => {
  const order = ['currentPassword', 'newPassword', 'repeatPassword'] as const;
  assert.equal(firstInvalid(order, { repeatPassword: 'x', newPassword: 'y' }), 'newPassword');
  assert.equal(firstInvalid(order, {}), null);
  assert.equal(hasErrors({}), false);
  assert.equal(hasErrors({ a: 'x' }), true);
});

test('server validation errors go to their field, whatever the case of the key; others to the form', () => {
  const result = serverFieldErrors({ UserName: ['Enter your user name.'], password: ['a', 'b'], other: ['Odd.'] }, ['userName', 'password'] as const);
  assert.deepEqual(result, { fields: { userName: 'Enter your user name.', password: 'a b' }, other: 'Odd.' });
  assert.deepEqual(serverFieldErrors(undefined, ['name'] as const), { fields: {}, other: '' });
});

test('a token needs a name of at most 100 characters', () => {
  assert.match(tokenNameProblem('   ') ?? '', /Name the token/);
  assert.match(tokenNameProblem('x'.repeat(101)) ?? '', /at most 100/);
  assert.equal(tokenNameProblem(' export script '), null);
});

test('problem title and detail read as sentences', () => {
  assert.equal(problemText('Wrong user name or password', 'The user name or the password is not right.'),
    'Wrong user name or password. The user name or the password is not right.');
  assert.equal(problemText('Done.', 'More.'), 'Done. More.');
  assert.equal(problemText('Title only', undefined), 'Title only');
});

test('working tokens come first, newest first', () => {
  const tokens = [
    { id: 'a', createdAt: '2026-01-01T00:00:00Z', revokedAt: null },
    { id: 'b', createdAt: '2026-03-01T00:00:00Z', revokedAt: '2026-03-02T00:00:00Z' },
    { id: 'c', createdAt: '2026-02-01T00:00:00Z', revokedAt: null },
  ];
  assert.deepEqual(sortTokens(tokens).map((t) => t.id), ['c', 'a', 'b']);
});

test('token usage shows the header and the hub query parameter', () => {
  const usage = tokenUsage('http://127.0.0.1:5133', 'abc+/=');
  assert.equal(usage.header, 'Authorization: Bearer abc+/=');
  assert.equal(usage.curl, 'curl -H "Authorization: Bearer abc+/=" http://127.0.0.1:5133/api/documents');
  assert.equal(usage.hub, 'http://127.0.0.1:5133/hubs/annotations?access_token=abc%2B%2F%3D');
});
