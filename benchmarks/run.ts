import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs every `benchmarks/<scenario>.bench.ts` (or those whose name contains an argument) in a process
 * of its own, one after the other, so each reports its own peak memory on an otherwise idle process.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const file of files) {
  console.log(`\n=== ${file} (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
