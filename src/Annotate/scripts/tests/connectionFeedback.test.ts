import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionOf, connectionText, presenceText } from '../model/live/connection';
import { lengthCounter, MAX_NOTE_LENGTH } from '../model/annotate/limits';
import { typedRefusal } from '../model/session/refusal';
import { describeSave, type SaveState } from '../model/session/saveText';

const saved: SaveState = { status: 'saved', pending: 0, error: null, refused: [] };

test('the note limit is the server’s, and the counter reads like "1,980 / 2,000"', () => {
  assert.equal(MAX_NOTE_LENGTH, 5000);
  assert.deepEqual(lengthCounter(1980, 2000), { text: '1,980 / 2,000', near: true, over: false });
  assert.equal(lengthCounter(12, 5000).near, false);
  assert.equal(lengthCounter(5001, 5000).over, true);
});

test('a refusal naming a typed field is kept, with every reason named by its field', () => {
  const refusal = typedRefusal({ note: ['Too long.'], 'attributes.certainty': ['At most 5.'], 'attribution.actor': ['No such actor.'] },
    (id) => (id === 'certainty' ? 'Certainty' : id));
  assert.deepEqual(refusal?.fields, { note: 'Too long.', 'attributes.certainty': 'At most 5.', attribution: 'No such actor.' });
  assert.equal(refusal?.reason, 'Note: Too long. Certainty: At most 5. Attributed to: No such actor.');
});

test('a refusal of offsets or a label only is not a typed one (that change is undone)', () => {
  assert.equal(typedRefusal({ start: ['Splits a grapheme.'] }), null);
  assert.equal(typedRefusal(undefined), null);
  assert.equal(typedRefusal({}), null);
});

test('offline wins over the hub’s state; the hub decides otherwise', () => {
  assert.equal(connectionOf(false, 'connected'), 'offline');
  assert.equal(connectionOf(true, 'connected'), 'live');
  assert.equal(connectionOf(true, 'reconnecting'), 'reconnecting');
  assert.equal(connectionOf(true, 'connecting'), 'connecting');
  assert.equal(connectionText('offline').label, 'Offline — changes are kept in this browser and sent when the connection returns');
  assert.equal(connectionText('live').label, 'Live');
  assert.equal(connectionText('reconnecting').label, 'Reconnecting…');
});

test('people shown while the connection is down are marked as perhaps gone', () => {
  assert.equal(presenceText(['Ana'], 'live'), 'Also here: Ana');
  assert.match(presenceText(['Ana'], 'offline'), /may have left/);
  assert.equal(presenceText([], 'offline'), '');
});

test('the save indicator never says "All changes saved" while offline or with a refused change', () => {
  assert.equal(describeSave(saved, 'live', '').text, 'All changes saved');
  assert.equal(describeSave(saved, 'offline', '').text, 'No unsaved changes');
  const waiting = describeSave({ status: 'failed', pending: 2, error: new Error('x'), refused: [] }, 'offline', 'The server could not be reached');
  assert.deepEqual([waiting.headline, waiting.text], ['Unsaved', '2 changes waiting for the connection']);
  const refused = describeSave({ ...saved, refused: [{ fields: { note: 'Too long.' }, reason: 'Note: Too long.' }] }, 'live', '');
  assert.deepEqual([refused.state, refused.headline, refused.text, refused.show], ['refused', 'Not saved', 'Note: Too long.', true]);
});

test('while editing is frozen the indicator never says "All changes saved"', () => {
  const idle: SaveState = { status: 'saved', pending: 0, error: null, refused: [] };
  const frozen = describeSave(idle, 'live', '', true);
  assert.equal(frozen.state, 'frozen');
  assert.doesNotMatch(frozen.text, /All changes saved/);
  assert.match(frozen.text, /frozen while the class discusses/);
  assert.equal(describeSave(idle, 'live', '', false).text, 'All changes saved');
  // A change still on its way is said as such, frozen or not.
  assert.equal(describeSave({ ...idle, status: 'saving', pending: 1 }, 'live', '', true).state, 'saving');
});
