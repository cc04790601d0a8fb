import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qrPath } from '../model/classroom/qrCode';

test('a join link encodes as a QR code with its three finder patterns and a path of whole-module runs', () => {
  const link = 'https://class.example.test/join?code=K7QM2XPA';
  const qr = qrPath(link);

  // Version 3 (29 modules) holds this link at level M; every version is 17 + 4v modules wide.
  assert.equal((qr.size - 17) % 4, 0);
  assert.ok(qr.size >= 25 && qr.size <= 33, `size ${qr.size}`);
  // The finder patterns: a dark 7×7 ring with a dark 3×3 centre, at three corners, and a light separator.
  for (const [ox, oy] of [[0, 0], [qr.size - 7, 0], [0, qr.size - 7]] as const) {
    for (let i = 0; i < 7; i++) {
      assert.ok(qr.dark(ox + i, oy) && qr.dark(ox + i, oy + 6) && qr.dark(ox, oy + i) && qr.dark(ox + 6, oy + i), `ring at ${ox},${oy}`);
    }
    assert.ok(!qr.dark(ox + 1, oy + 1) && qr.dark(ox + 3, oy + 3), `centre at ${ox},${oy}`);
  }
  // Each subpath is one run: M x y h n v1 h-n z, and the runs cover exactly the dark modules.
  let covered = 0;
  for (const match of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, n] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let i = 0; i < n; i++) assert.ok(qr.dark(x + i, y));
    covered += n;
  }
  let dark = 0;
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.dark(x, y)) dark++;
  assert.equal(covered, dark);
});

test('different links give different codes, and the same link the same code', () => {
  assert.equal(qrPath('https://a.test/join?code=AAAA2222').path, qrPath('https://a.test/join?code=AAAA2222').path);
  assert.notEqual(qrPath('https://a.test/join?code=AAAA2222').path, qrPath('https://a.test/join?code=BBBB3333').path);
});
