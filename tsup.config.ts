import { defineConfig } from 'tsup';

// Optional dependencies are loaded at run time when present, never bundled: tesseract.js starts its own
// worker from its package folder, and a user without them gets a clear error instead.
const external = ['tesseract.js', '@tesseract.js-data/eng', 'better-sqlite3'];

// Two entries: the library (ESM + CJS + .d.ts) and the command line (ESM only, with a shebang).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: false,
    clean: true,
    target: 'node20',
    // Dependencies stay external so the package installs them; grammars are inlined as JSON.
    shims: true,
    external,
  },
  {
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/cli/batch-worker.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    loader: { '.txt': 'text' },
    target: 'node20',
    shims: true,
    external,
  },
]);
