import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameProblem, rosterLines, rosterProblems, rosterRows, rosterServerErrors, rosterTsv } from '../model/classroom/roster';

test('a pasted list is one name per non-empty line, trimmed, with its line number', () => {
  assert.deepEqual(rosterLines(' Ana Alves \r\n\nBen Brook\n   \n'), [{ line: 1, name: 'Ana Alves' }, { line: 3, name: 'Ben Brook' }]);
  assert.deepEqual(rosterLines(''), []);
});

test('the list is checked before asking: empty, too long, and each bad name with its line', () => {
  assert.match(rosterProblems(' \n ').list, /one per line/);
  assert.match(rosterProblems(Array.from({ length: 501 }, (_, i) => `S${i}`).join('\n')).list, /At most 500.*501/);
  const { list, lines } = rosterProblems(`Ana\n\n${'x'.repeat(65)}\nBen\u202E`);
  assert.equal(list, '');
  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /^Line 3 .*at most 64.*has 65/);
  assert.match(lines[1] ?? '', /^Line 4 .*invisible/);
  assert.equal(nameProblem('👩\u200D🏫 Ana'), null);
  assert.deepEqual(rosterProblems('Ana\nBen'), { list: '', lines: [] });
});

test('server errors on names[i] are told with the line of the text area, counting blank lines', () => {
  const text = 'Ana\n\nBen\nCat';
  const errors = { 'names[2]': ["'Cat' (line 3): too long"], 'names[0]': ['bad'], names: ['Paste 1 to 500 names'] };
  assert.deepEqual(rosterServerErrors(errors, text), { list: 'Paste 1 to 500 names', lines: ['Line 1: bad', "Line 4: 'Cat' (line 3): too long"] });
  assert.deepEqual(rosterServerErrors(undefined, text), { list: '', lines: [] });
});

test('personal links get the origin, and copy as tab-separated rows for a spreadsheet', () => {
  const rows = rosterRows([
    { userId: 'u1', name: 'Ana Alves', ticket: 'ABCDEFGHJKMN', joinPath: '/join?ticket=ABCDEFGHJKMN' },
    { userId: 'u2', name: 'Ben\tBrook', ticket: 'PQRSTUVWXYZ2', joinPath: '/join?ticket=PQRSTUVWXYZ2' },
  ], 'https://class.example:8443');
  assert.deepEqual(rows[0], { userId: 'u1', name: 'Ana Alves', link: 'https://class.example:8443/join?ticket=ABCDEFGHJKMN' });
  assert.equal(rosterTsv(rows), 'Name\tPersonal link\nAna Alves\thttps://class.example:8443/join?ticket=ABCDEFGHJKMN\nBen Brook\thttps://class.example:8443/join?ticket=PQRSTUVWXYZ2');
});
