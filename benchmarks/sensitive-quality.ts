/**
 * Recall and precision of the sensitive lists on real material, as the recommended preset reports it
 * (severity warning and above), with and without nodejieba:
 * - recall: test/fixtures/spam-sensitive/injected.json, spam injected into government pages (observed
 *   on archived pages or built after a documented trick); a case counts as found when a finding of its
 *   list lies in its spam text;
 * - precision: the same cases' `body` (the hijacked page's own official text) and every file of
 *   test/fixtures/clean-sensitive/ (official texts about gambling, drugs, guns, fraud, pornography and
 *   surrogacy crackdowns, lotteries and tax services) must yield no sensitive finding.
 * Run: npx tsx benchmarks/sensitive-quality.ts [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createChecker, type Checker } from '../src/checker.js';
import { atLeast } from '../src/core/findings.js';
import { jiebaSegmenter } from '../src/node/segment.js';
import type { Finding } from '../src/types.js';

interface SpamCase {
  readonly id: string;
  readonly list: string;
  readonly kind: string;
  readonly observed: boolean;
  readonly known_miss?: string;
  /** Found after the lists were extended and not used to choose entries: an estimate on unseen spam. */
  readonly heldout?: boolean;
  readonly text: string;
  readonly body?: string;
}

const verbose = process.argv.includes('--verbose');
const root = new URL('../test/fixtures/', import.meta.url);
const cases = (JSON.parse(readFileSync(new URL('spam-sensitive/injected.json', root), 'utf8')) as { cases: SpamCase[] }).cases;
const cleanDir = new URL('clean-sensitive/', root);
const cleanFiles = readdirSync(cleanDir).filter((f) => f.endsWith('.txt')).sort();

const reported = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId.startsWith('sensitive/') && atLeast(f.severity, 'warning'));

function evaluate(label: string, checker: Checker): void {
  const byList = new Map<string, { found: number; total: number }>();
  const missed: string[] = [];
  const bodyAlarms: string[] = [];
  for (const c of cases) {
    const source = c.body === undefined ? c.text : `${c.text}\n${c.body}`;
    const findings = reported(checker.check(source));
    const hit = findings.some((f) => f.ruleId === `sensitive/${c.list}` && f.range[1] <= c.text.length);
    const row = byList.get(c.list) ?? { found: 0, total: 0 };
    row.total++;
    if (hit) row.found++;
    else missed.push(`${c.id}${c.known_miss ? ' (known miss)' : ''}`);
    byList.set(c.list, row);
    for (const f of findings) if (f.range[0] > c.text.length) bodyAlarms.push(`${c.id}: ${f.ruleId} ${f.actual}`);
  }
  const cleanAlarms: string[] = [];
  let cleanChars = 0;
  for (const file of cleanFiles) {
    const text = readFileSync(new URL(file, cleanDir), 'utf8');
    cleanChars += text.length;
    for (const f of reported(checker.check(text))) cleanAlarms.push(`${file} ${f.loc.start.line}:${f.loc.start.column} ${f.ruleId} ${f.actual}`);
  }
  const found = [...byList.values()].reduce((n, r) => n + r.found, 0);
  const heldout = cases.filter((c) => c.heldout);
  const heldoutFound = heldout.filter((c) => !missed.some((m) => m.startsWith(`${c.id}`) && m.slice(c.id.length).match(/^( |$)/))).length;
  console.log(`\n## ${label}`);
  console.log(`recall: ${found}/${cases.length} cases (${((100 * found) / cases.length).toFixed(1)}%); held-out cases: ${heldoutFound}/${heldout.length}`);
  for (const [list, r] of [...byList].sort()) console.log(`  ${list}: ${r.found}/${r.total}`);
  console.log(`false alarms: ${bodyAlarms.length} in ${cases.filter((c) => c.body).length} hijacked-page bodies, ${cleanAlarms.length} in ${cleanFiles.length} clean files (${cleanChars} chars)`);
  if (verbose) {
    for (const m of missed) console.log(`  missed: ${m}`);
    for (const a of [...bodyAlarms, ...cleanAlarms]) console.log(`  alarm: ${a}`);
  }
}

evaluate('recommended preset, core (no segmenter)', createChecker());
evaluate('recommended preset, nodejieba segmenter', createChecker({}, { segmenter: jiebaSegmenter }));
