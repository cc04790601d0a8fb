import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GammaReport } from '../api/agreement';
import { gammaDetail, gammaState, pollGamma } from '../model/agreement/gamma';

const computing: GammaReport = { status: 'computing', revision: 3, layers: [] };
const ready: GammaReport = {
  status: 'ready', revision: 3,
  layers: [{ layer: 'frame', name: 'Framing', gamma: 0.5, observedDisorder: 0.4, expectedDisorder: 0.8, precision: 0.02, samples: 30, notes: [] }],
};

test('gamma polls while computing, backing off, and stops once ready', async () => {
  const answers = [computing, computing, ready];
  const seen: string[] = [];
  const waits: number[] = [];

  const result = await pollGamma({
    fetch: async () => answers.shift()!,
    onReport: (r) => seen.push(r.status),
    sleep: async (ms) => { waits.push(ms); },
    delays: [100, 200],
  }, new AbortController().signal);

  assert.equal(result, ready);
  assert.deepEqual(seen, ['computing', 'computing', 'ready']);
  assert.deepEqual(waits, [100, 200]);
});

test('an aborted poll asks no more', async () => {
  const controller = new AbortController();
  let asked = 0;

  const result = await pollGamma({
    fetch: async () => { asked++; return computing; },
    onReport: () => {},
    sleep: async () => { controller.abort(); },
  }, controller.signal);

  assert.equal(result, null);
  assert.equal(asked, 1);
});

test('a layer shows computing until the report is ready, then its figures', () => {
  assert.deepEqual(gammaState(null, 'frame'), { kind: 'computing' });
  assert.deepEqual(gammaState(computing, 'frame'), { kind: 'computing' });
  assert.deepEqual(gammaState(ready, 'frame'), { kind: 'ready', layer: ready.layers[0] });
  assert.deepEqual(gammaState(ready, 'other'), { kind: 'ready', layer: null });
  assert.equal(gammaDetail(ready.layers[0]!), 'Observed disorder 0.400, expected 0.800 ± 0.020 (30 samples).');
  assert.equal(gammaDetail({ ...ready.layers[0]!, gamma: null, notes: ['gamma: fewer than two coders'] }), 'gamma: fewer than two coders');
});
