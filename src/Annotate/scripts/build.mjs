// Bundles scripts/main.ts into wwwroot/js/app.js, and what is loaded on demand into wwwroot/js/chunks/.
// Run by Frontend.targets (and `npm run build`). The JS API works whether or not esbuild's postinstall ran.
// Always minified: Debug and Release serve the same wwwroot/js, so what a developer runs is what ships.
// The linked source maps (app.js.map beside app.js) let the browser's devtools show and step through the TypeScript.
// `--no-minify` is for reading the bundle itself.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const minify = !process.argv.includes('--no-minify');

// Chunk names carry a content hash: clear the old ones so they do not pile up between builds.
rmSync('wwwroot/js/chunks', { recursive: true, force: true });

try {
  await esbuild.build({
    entryPoints: { app: 'scripts/main.ts' },
    outdir: 'wwwroot/js',
    // Code loaded on demand (Chart.js, for the agreement page) goes into chunks beside app.js.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
