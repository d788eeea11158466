/**
 * Writes `examples/site/`: a mirror of the TRS-style county portal fixture (test/fixtures/sites/trs.ts),
 * for the README's first command (`shenjiao inspect examples/site --base-url … --date 2026-06-30`).
 * Run: npx tsx scripts/make-example-site.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trsSite } from '../test/fixtures/sites/trs.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'site');
rmSync(out, { recursive: true, force: true });
let n = 0;
for (const [p, r] of Object.entries(trsSite())) {
  if (p === '/' || typeof r !== 'string') continue;
  const file = join(out, ...(p.endsWith('/') ? `${p}index.html` : p).split('/').filter(Boolean));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, r);
  n++;
}
console.log(`examples/site: ${n} pages`);
