import { create } from 'qrcode/lib/core/qrcode';

/** A QR code as an SVG path over a size×size grid of modules (one unit each), for the projector's join link. */
export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules, one horizontal run per subpath. */
  path: string;
  /** Whether the module at (x, y) is dark (for tests and for reading it back). */
  dark(x: number, y: number): boolean;
}

/**
 * Encodes text (the join link) with error correction level M, which still reads when a projector washes part of
 * it out; the path joins each row's neighbouring dark modules into one rectangle, so a link makes a few hundred
 * subpaths, not thousands.
 */
export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && Boolean(modules.get(y, x));
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark(x, y)) continue;
      const start = x;
      while (dark(x + 1, y)) x++;
      runs.push(`M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`);
    }
  }
  return { size, path: runs.join(''), dark };
}
