/**
 * Measures the lexicon after a rebuild (scripts/build-lexicon.ts), before it is committed:
 *  - precision: every phrasing/term-near-miss finding at warning or above on official text that must stay
 *    silent (test/fixtures/clean, clean-sensitive, the page fixtures and the example site), with the segmenter;
 *  - recall: found and right-first on the error fixtures nearmiss-own, heldout and formulas-leaders-fresh,
 *    every phrasing and typo rule on, with the segmenter (measured, never tuned on).
 *
 * Usage: npx tsx scripts/lexicon/measure.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atLeast } from '../../src/core/findings.js';
import { createNodeChecker, jiebaSegmenter } from '../../src/node/index.js';
import { measure, readPassages } from '../../test/rules/phrasing/recall-measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lexicon = JSON.parse(readFileSync(join(root, 'dictionaries/phrasing/lexicon.json'), 'utf8')) as { entries: Record<string, unknown> };
console.log(`lexicon: ${Object.keys(lexicon.entries).length} terms`);

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p, ext) : ext.test(f) ? [p] : [];
    });
}

const checker = await createNodeChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } });
const sets: [string, string[]][] = [
  ['test/fixtures/clean', walk(join(root, 'test/fixtures/clean'), /\.txt$/)],
  ['test/fixtures/clean-sensitive', walk(join(root, 'test/fixtures/clean-sensitive'), /\.txt$/)],
  ['test/fixtures/pages', walk(join(root, 'test/fixtures/pages'), /\.html?$/)],
  ['examples/site', walk(join(root, 'examples/site'), /\.html?$/)],
];
for (const [name, files] of sets) {
  const alarms: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const date = /日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    const found = await checker.checkFile(file, date ? { date } : {});
    for (const f of found) if (atLeast(f.severity, 'warning')) alarms.push(`${file.slice(root.length)}: ${f.actual} → ${f.expected.join('|')}`);
  }
  console.log(`precision ${name}: ${files.length} files, ${alarms.length} term-near-miss findings`);
  for (const a of alarms) console.log(`  ${a}`);
}

for (const name of ['nearmiss-own.json', 'heldout.json', 'formulas-leaders-fresh.json']) {
  const passages = readPassages(name);
  const m = measure(passages, jiebaSegmenter);
  const found = m.results.filter((r) => r.hit).length;
  const right = m.results.filter((r) => r.p.expected !== '' && r.right).length;
  const withExpected = m.results.filter((r) => r.p.expected !== '').length;
  console.log(`recall ${name}: found ${found}/${passages.length}, right first ${right}/${withExpected}`);
  console.log(`  missed: ${m.missed.join('; ')}`);
}
