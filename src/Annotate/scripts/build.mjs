// Bundles scripts/main.ts into wwwroot/js/app.js. Run by Frontend.targets (and `npm run build`);
// `--minify` makes a smaller file. The JS API works whether or not esbuild's postinstall ran.
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');

try {
  await esbuild.build({
    entryPoints: ['scripts/main.ts'],
    outfile: 'wwwroot/js/app.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    minify,
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
