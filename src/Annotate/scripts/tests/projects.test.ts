import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseProject, projectDocuments, projectStorageKey, switcherKind } from '../model/app/projects';

const def = { id: 'default', name: 'Default' };
const wire = { id: 'wire-class', name: 'Wire class' };
const other = { id: 'other', name: 'Other' };

test('the current project is the one the address names, else the remembered one, else the first', () => {
  assert.equal(chooseProject([def, wire], { url: 'wire-class', remembered: 'default' }), wire);
  assert.equal(chooseProject([def, wire], { remembered: 'wire-class' }), wire);
  assert.equal(chooseProject([def, wire]), def);
  assert.equal(chooseProject([wire, other], { url: '', remembered: null }), wire);
});

test('a project the person does not belong to is passed over', () => {
  assert.equal(chooseProject([def, wire], { url: 'gone', remembered: 'wire-class' }), wire);
  assert.equal(chooseProject([def, wire], { remembered: 'gone' }), def);
  assert.equal(chooseProject([], { url: 'wire-class', remembered: 'wire-class' }), null);
});

test('the choice is remembered per user', () => {
  assert.notEqual(projectStorageKey('u1'), projectStorageKey('u2'));
  assert.match(projectStorageKey('u1'), /u1$/);
});

test('the switcher is a select with several projects, a name with one, nothing for default alone', () => {
  assert.equal(switcherKind([def, wire]), 'select');
  assert.equal(switcherKind([wire]), 'name');
  assert.equal(switcherKind([def]), 'none');
  assert.equal(switcherKind([]), 'none');
});

test('with several projects the list keeps the current project\'s documents', () => {
  const docs = [{ id: 'a', projectId: 'default' }, { id: 'b', projectId: 'wire-class' }, { id: 'c', projectId: 'wire-class' }];
  assert.deepEqual(projectDocuments(docs, 2, 'wire-class').map((d) => d.id), ['b', 'c']);
  assert.deepEqual(projectDocuments(docs, 2, 'default').map((d) => d.id), ['a']);
  assert.deepEqual(projectDocuments(docs, 1, 'default').map((d) => d.id), ['a', 'b', 'c']);
  assert.deepEqual(projectDocuments(docs, 3, null).map((d) => d.id), ['a', 'b', 'c']);
});
