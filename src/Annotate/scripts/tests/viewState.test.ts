import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnotateState, Emitter } from '../view/annotate/viewState';

test('listeners of one event run in the order they subscribed, and stop after unsubscribing', () => {
  const events = new Emitter<{ ping: number; other: string }>();
  const heard: string[] = [];
  const off = events.on('ping', (n) => heard.push(`a${n}`));
  events.on('ping', (n) => heard.push(`b${n}`));
  events.on('other', (s) => heard.push(s));
  events.emit('ping', 1);
  off();
  events.emit('ping', 2);
  assert.deepEqual(heard, ['a1', 'b1', 'b2']);
});

test('a listener that unsubscribes while the event runs does not stop the others', () => {
  const events = new Emitter<{ ping: undefined }>();
  const heard: string[] = [];
  const off = events.on('ping', () => {
    heard.push('once');
    off();
  });
  events.on('ping', () => heard.push('always'));
  events.emit('ping', undefined);
  events.emit('ping', undefined);
  assert.deepEqual(heard, ['once', 'always', 'always']);
});

test('selecting an annotation that is not there selects nothing', () => {
  const state = new AnnotateState('frame', true, (id) => id === 'a');
  const selected: (string | null)[] = [];
  state.events.on('selected', ({ id }) => selected.push(id));
  state.select('a', { scroll: true });
  assert.equal(state.selectedId, 'a');
  state.select('gone');
  assert.equal(state.selectedId, null);
  assert.deepEqual(selected, ['a', null]);
});

test('the mode and the connection are told only when they change', () => {
  const state = new AnnotateState('frame', true, () => true);
  const heard: string[] = [];
  state.events.on('mode', (m) => heard.push(m));
  state.events.on('connection', (c) => heard.push(c));
  state.setMode('open');
  state.setMode('open');
  state.setMode('blind');
  state.setConnection('connecting');
  state.setConnection('live');
  assert.deepEqual(heard, ['open', 'blind', 'live']);
  assert.equal(state.mode, 'blind');
});

test('switching annotators off and others on or off is one "shown" event each', () => {
  const state = new AnnotateState('frame', true, () => true);
  let shown = 0;
  state.events.on('shown', () => shown++);
  state.toggleAnnotator('ann', false);
  assert.ok(state.hidden.has('ann'));
  state.toggleAnnotator('ann', true);
  state.showOthers(false);
  assert.equal(state.others, false);
  assert.equal(shown, 3);
  assert.equal(state.hidden.size, 0);
});

test('people present are kept by name', () => {
  const state = new AnnotateState('frame', true, () => true);
  state.setPresent([{ userId: '2', displayName: 'Zoe', block: 1 }, { userId: '1', displayName: 'Ann', block: null }]);
  assert.deepEqual(state.present.map((p) => p.displayName), ['Ann', 'Zoe']);
});

test('a problem keeps its error; without one, none is passed on', () => {
  const state = new AnnotateState('frame', true, () => true);
  const problems: unknown[] = [];
  state.events.on('problem', (p) => problems.push(p));
  const error = new Error('x');
  state.problem('Could not save.', error);
  state.problem('Offline.');
  assert.deepEqual(problems, [{ message: 'Could not save.', error }, { message: 'Offline.' }]);
});

test('locking the view says why once and keeps the first reason', () => {
  const state = new AnnotateState('frame', true, () => true);
  const said: string[] = [];
  state.events.on('locked', (reason) => said.push(reason));
  state.lock('You were removed from this project.');
  state.lock('This document is no longer assigned to you.');
  assert.deepEqual(said, ['You were removed from this project.']);
  assert.equal(state.locked, 'You were removed from this project.');
});

test('a freeze comes and goes, told once per change; a lock outlasts it', () => {
  const state = new AnnotateState('frame', true, () => true);
  const told: (string | null)[] = [];
  state.events.on('frozen', (message) => told.push(message));
  state.setFrozen('Editing is frozen while the class discusses.');
  state.setFrozen('Editing is frozen while the class discusses.');
  assert.equal(state.inert, 'Editing is frozen while the class discusses.');
  state.setFrozen(null);
  assert.deepEqual(told, ['Editing is frozen while the class discusses.', null]);
  assert.equal(state.inert, null);
  state.setFrozen('Frozen again.');
  state.lock('You were removed from this project.');
  state.setFrozen(null);
  assert.equal(state.inert, 'You were removed from this project.');
});
