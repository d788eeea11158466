/**
 * Official warnings, reports and verdicts that quote the spam they fight (test/fixtures/clean-sensitive/):
 * findings by severity with the recommended preset, with and without nodejieba, and the spam corpus's
 * recall beside it. `npx tsx benchmarks/official-warnings.ts [prefix…] [--verbose]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createChecker, type Checker } from '../src/checker.js';
import { atLeast } from '../src/core/findings.js';
import { jiebaSegmenter } from '../src/node/segment.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const prefixes = args.filter((a) => !a.startsWith('--'));
const root = new URL('../test/fixtures/', import.meta.url);
const dir = new URL('clean-sensitive/', root);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && (prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))).sort();
const cases = (JSON.parse(readFileSync(new URL('spam-sensitive/injected.json', root), 'utf8')) as { cases: { list: string; text: string; body?: string }[] }).cases;

for (const [label, checker] of [
  ['core', createChecker()],
  ['nodejieba', createChecker({}, { segmenter: jiebaSegmenter })],
] as [string, Checker][]) {
  const counts = { error: 0, warning: 0, info: 0 };
  const flagged = new Set<string>();
  for (const f of files) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const date = /日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
    for (const x of checker.check(text, date ? { date } : {})) {
      counts[x.severity]++;
      if (atLeast(x.severity, 'error')) flagged.add(f);
      if (verbose && atLeast(x.severity, 'warning')) console.log(`  ${label} ${f} ${x.severity} ${x.ruleId} ${x.actual}`);
    }
  }
  let found = 0;
  for (const c of cases) {
    const source = c.body === undefined ? c.text : `${c.text}\n${c.body}`;
    if (checker.check(source).some((x) => x.ruleId === `sensitive/${c.list}` && atLeast(x.severity, 'warning') && x.range[1] <= c.text.length)) found++;
  }
  console.log(`${label}: ${files.length} texts — error ${counts.error} (in ${flagged.size} texts), warning ${counts.warning}, info ${counts.info}; spam recall ${found}/${cases.length}`);
}
