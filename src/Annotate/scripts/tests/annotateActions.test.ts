import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnnotationLens } from '../model/annotate/annotationLens';
import type { Extent } from '../model/text/textIndex';
import { applyLabel, cycleLayer, deleteSelected, escape, labelByKey, pickAtCaret, undo, type ActionContext } from '../view/annotate/actions';
import { AnnotateState } from '../view/annotate/viewState';
import { annotateSession, codebook, othersSpan, text } from './annotateFixtures';

/** The actions with a real session, codebook and state; the text selection and the drawn spans are fakes. */
function view() {
  const session = annotateSession();
  const state = new AnnotateState('frame', true, (id) => session.items.has(id));
  const cb = codebook();
  const lens = new AnnotationLens({ items: session.items, isMine: (a) => session.isMine(a), codebook: cb, text, documentVersion: 1, view: state });
  let range: Extent | null = null;
  let caret: number | null = null;
  let inText = false;
  const said: string[] = [];
  state.events.on('notice', (m) => said.push(`notice: ${m}`));
  state.events.on('announce', (m) => said.push(m));
  const cx: ActionContext = {
    state, codebook: cb, session, lens, text,
    selection: {
      current: () => range,
      forLabel: () => range,
      setCaret: (_anchor, focus) => {
        range = null;
        caret = focus;
      },
      clear: () => (range = null),
      caretOffset: () => caret,
    },
    spansAt: (offset) => [...session.items.values()]
      .filter((a) => a.start !== null && a.end !== null && a.start <= offset && offset < a.end)
      .sort((x, y) => (x.end! - x.start!) - (y.end! - y.start!)),
    leaveText: () => {
      const was = inText;
      inText = false;
      return was;
    },
  };
  return {
    cx, session, state, said,
    select: (start: number, end: number) => (range = { start, end }),
    caretAt: (offset: number) => (caret = offset),
    focusText: () => (inText = true),
  };
}

test('a label key on selected text adds a span of the active layer, selects it and says so', () => {
  const v = view();
  v.select(4, 12);
  assert.ok(labelByKey(v.cx, '1', 0));
  const [span] = v.session.items.values();
  assert.equal(span?.label, 'blockade');
  assert.equal(span?.quote, 'blockade');
  assert.equal(v.state.selectedId, span?.id);
  assert.deepEqual(v.said, ['Blockade added.']);
});

test('the same label on the same stretch twice selects the one there is instead of adding another', () => {
  const v = view();
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  assert.equal(v.session.items.size, 1);
  assert.match(v.said.at(-1)!, /already marked this as Blockade/);
});

test('without a selection, a key relabels the selected span of mine within its layer', () => {
  const v = view();
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  labelByKey(v.cx, '2');
  assert.equal([...v.session.items.values()][0]?.label, 'aid');
  assert.equal(v.said.at(-1), 'Changed to Aid.');
});

test('others’ spans are never relabelled or deleted', () => {
  const v = view();
  v.session.applyRemote('upsert', othersSpan('x', 'ann', 4, 12));
  v.state.select('x');
  labelByKey(v.cx, '2');
  assert.equal(deleteSelected(v.cx), false);
  assert.equal(v.session.items.get('x')?.label, 'blockade');
});

test('a document label’s key with nothing selected labels the whole document, and once only', () => {
  const v = view();
  labelByKey(v.cx, 'p');
  labelByKey(v.cx, 'p');
  const labels = [...v.session.items.values()].filter((a) => a.kind === 'document');
  assert.deepEqual(labels.map((a) => a.label), ['pro']);
  assert.deepEqual(v.said, ['notice: Stance of the whole document: Pro.', 'notice: Stance is already Pro.']);
});

test('delete then undo brings the span back and selects it', () => {
  const v = view();
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  const id = v.state.selectedId!;
  assert.ok(deleteSelected(v.cx));
  assert.ok(!v.session.items.has(id));
  undo(v.cx);
  // An id the server may have seen is never reused: the span comes back under a new one.
  const [back] = v.session.items.values();
  assert.equal(back?.quote, 'blockade');
  assert.equal(v.state.selectedId, back?.id);
  assert.equal(v.said.at(-1), 'Undone.');
});

test('Escape clears the selection first, then the selected span, then leaves the text, and never the page', () => {
  const v = view();
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  v.select(0, 3);
  v.focusText();
  assert.ok(escape(v.cx));
  assert.ok(v.state.selectedId, 'the text selection went first');
  escape(v.cx);
  assert.equal(v.state.selectedId, null);
  escape(v.cx);
  assert.deepEqual(v.said.filter((m) => m.startsWith('notice')), []);
  escape(v.cx);
  assert.match(v.said.at(-1)!, /Nothing selected/);
});

test('[ and ] cycle the span layers; Enter steps outwards through nested spans at the caret', () => {
  const v = view();
  cycleLayer(v.cx, 1);
  assert.equal(v.state.layer, 'source');
  cycleLayer(v.cx, 1);
  assert.equal(v.state.layer, 'frame');
  v.select(0, 25);
  applyLabel(v.cx, 'frame', 'aid');
  v.select(4, 12);
  applyLabel(v.cx, 'frame', 'blockade');
  v.state.select(null);
  v.caretAt(6);
  pickAtCaret(v.cx);
  assert.equal(v.session.items.get(v.state.selectedId!)?.label, 'blockade');
  pickAtCaret(v.cx);
  assert.equal(v.session.items.get(v.state.selectedId!)?.label, 'aid');
});
