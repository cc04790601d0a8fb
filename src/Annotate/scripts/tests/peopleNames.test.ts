import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ownNames, PeopleNames, unknownPerson } from '../model/annotate/peopleNames';

test('a page with names shows each person as they call themselves', () => {
  assert.equal(ownNames.name('u1', 'Ana'), 'Ana');
  assert.equal(ownNames.knows('u1'), true);
});

test('an anonymised page shows the server numbers and never a name it was not given', () => {
  const names = new PeopleNames(true);
  const unknown: string[] = [];
  names.onUnknown = (id) => unknown.push(id);
  assert.equal(names.name('u1', 'Ana'), unknownPerson); // before the numbers arrive
  names.set([{ id: 'u1', name: 'Student 1' }, { id: 't', name: 'Teacher' }]);
  assert.equal(names.name('u1', 'Ana'), 'Student 1');
  assert.equal(names.name('t', 'Ms Reyes'), 'Teacher');
  assert.equal(names.name('u9', 'Zoe'), unknownPerson);
  assert.equal(names.name('u9', 'Zoe'), unknownPerson);
  assert.deepEqual(unknown, ['u1', 'u9']); // each newcomer is asked about once
  assert.equal(names.knows('u9'), false);
});
