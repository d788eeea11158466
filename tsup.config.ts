import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: true,
    // import.meta.url in the CommonJS build (attachments find pdf.js's character maps through it; the
    // check pool its worker script and the segmenter thread nodejieba).
    shims: true,
    // Native and large runtime packages stay external; the JSON dictionaries are inlined.
    external: ['nodejieba', 'sharp', 'iconv-lite', 'image-size'],
  },
  {
    // The check pool's worker thread: a script of its own, ESM (it awaits at the top level).
    entry: { 'node/pool-worker': 'src/node/pool-worker.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    external: ['nodejieba', 'sharp', 'iconv-lite', 'image-size'],
  },
  {
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    // One file: main.ts reads ../../package.json from dist/cli/; its dynamic import is inlined (and run lazily).
    splitting: false,
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    external: ['nodejieba', 'sharp', 'iconv-lite', 'image-size'],
  },
]);
