/**
 * Dark links on the held-out pages (test/fixtures/dark-heldout/): how many of the injected links are
 * found and how many findings land on anything else. `npx tsx benchmarks/dark-heldout.ts [dir]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createChecker } from '../src/checker.js';

const dir = new URL(process.argv[2] ? `file://${process.argv[2].replace(/\/?$/, '/')}` : '../test/fixtures/dark-heldout/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, string[]>;
const checker = createChecker({ preset: 'none', rules: { 'link/dark-link': 'error' } });

let wanted = 0;
let found = 0;
let falseAlarms = 0;
let legitPages = 0;
let legitFlagged = 0;
for (const page of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const html = readFileSync(new URL(page, dir), 'utf8');
  const hrefs = checker.checkHtml(html).filter((f) => f.ruleId === 'link/dark-link').map((f) => String(f.data?.href));
  const want = new Set(expected[page] ?? []);
  const got = new Set(hrefs);
  const hit = [...want].filter((h) => got.has(h));
  const extra = [...got].filter((h) => !want.has(h));
  wanted += want.size;
  found += hit.length;
  falseAlarms += extra.length;
  if (want.size === 0) {
    legitPages++;
    if (extra.length > 0) legitFlagged++;
  }
  const missed = [...want].filter((h) => !got.has(h));
  if (missed.length > 0 || extra.length > 0) console.log(`${page}: ${hit.length}/${want.size}${missed.length ? ' missed ' + missed.join(' ') : ''}${extra.length ? ' FALSE ' + extra.join(' ') : ''}`);
}
console.log(`dark links found ${found}/${wanted} (${((100 * found) / Math.max(1, wanted)).toFixed(1)} %); false alarms ${falseAlarms}; look-alike pages flagged ${legitFlagged}/${legitPages}`);
