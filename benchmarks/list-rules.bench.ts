/**
 * The list-driven phrasing rules and link/dark-link, before and after, in one process: the whole of src/ and
 * dictionaries/ as of a base revision (`git archive`, default the commit before their rewrite;
 * `npx tsx benchmarks/list-rules.bench.ts <rev>` for another) against the working tree's, over generated
 * 8 KB portal pages (benchmarks/portal.ts).
 *
 * Each side is a kernel with only these rules on, with jieba, preceded by a rule that normalizes every
 * segment (so the shared normalization the first of them would pay is not counted as its own); each page
 * goes through both, alternating which goes first, in rounds. Reported: each rule's own CPU time per page
 * (process.cpuUsage around its check), median of the rounds, and their sum; and the process CPU time per page
 * of each side (everything: the warm-up rule and the parse too). Both sides must report the same findings.
 * In the working tree the first list rule to run (banned-term) pays the one scan its sets share with
 * canonical-term, formula and the leader rules (PatternUnion): compare the sum, not that rule alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createKernel } from '../src/core/checker.js';
import { defineRule, type AnyRule, type RuleContext } from '../src/core/rule.js';
import { jiebaSegmenter } from '../src/node/segment.js';
import { builtinRules } from '../src/rules/index.js';
import type { Config } from '../src/types.js';
import { FOLD } from '../src/text/patterns.js';
import { portalPage } from './portal.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const base = process.argv[2] ?? '315ccdd';
const PAGES = Number(process.env.PAGES ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const IDS = [
  'link/dark-link',
  'phrasing/banned-term',
  'phrasing/canonical-term',
  'phrasing/formula',
  'phrasing/institution-name',
  'phrasing/leader-name',
  'phrasing/leader-order',
  'phrasing/leader-title',
  'phrasing/outdated-term',
];

/** src/ and dictionaries/ of the base revision, beside this script (so packages resolve from the repository). */
const copy = fileURLToPath(new URL('./.list-rules-base/', import.meta.url));
rmSync(copy, { recursive: true, force: true });
mkdirSync(copy, { recursive: true });
execFileSync('sh', ['-c', `git archive ${base} src dictionaries | tar -x -C "${copy}"`], { cwd: root });
const old = {
  kernel: ((await import(pathToFileURL(`${copy}src/core/checker.ts`).href)) as { createKernel: typeof createKernel }).createKernel,
  rules: ((await import(pathToFileURL(`${copy}src/rules/index.ts`).href)) as { builtinRules: readonly AnyRule[] }).builtinRules,
};

const warm = defineRule({
  id: 'image/0-normalize',
  meta: { description: 'benchmark: normalizes every segment first', defaultSeverity: 'info', recommended: false, fixable: false, docs: { wrong: '', right: '', source: '' } },
  check(context) {
    for (const s of context.document.segments) context.normalized(s, FOLD);
  },
});
const config: Config = { preset: 'none', rules: Object.fromEntries([...IDS, warm.id].map((id) => [id, 'error' as const])) };
const runtime = { segmenter: jiebaSegmenter };
/** CPU time (process.cpuUsage, user and system) spent in each rule's check, per side. */
const cpuOf = { old: new Map<string, number>(), new: new Map<string, number>() };
const timed = (side: 'old' | 'new', rules: readonly AnyRule[]): AnyRule[] =>
  rules
    .filter((r) => IDS.includes(r.id))
    .map((r) => ({
      ...r,
      check(context: RuleContext<Record<string, unknown>, unknown>) {
        const c0 = process.cpuUsage();
        r.check(context);
        const c = process.cpuUsage(c0);
        cpuOf[side].set(r.id, (cpuOf[side].get(r.id) ?? 0) + (c.user + c.system) / 1000);
      },
    }));
const checkers = {
  old: old.kernel({ rules: [warm, ...timed('old', old.rules)] }, config, runtime),
  new: createKernel({ rules: [warm, ...timed('new', builtinRules)] }, config, runtime),
};
rmSync(copy, { recursive: true, force: true });

const pages: string[] = [];
for (let i = 0; i < PAGES; i++) pages.push(portalPage(i));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ruleMs = Object.fromEntries([...IDS, 'sum'].map((id) => [id, { old: [] as number[], new: [] as number[] }]));
const cpuMs = { old: [] as number[], new: [] as number[] };
const date = '2025-06-01';
for (let r = 0; r < ROUNDS; r++) {
  const before = { old: Object.fromEntries(cpuOf.old), new: Object.fromEntries(cpuOf.new) };
  const cpu = { old: 0, new: 0 };
  for (let i = 0; i < pages.length; i++) {
    const order = (i + r) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    const out: Record<string, string> = {};
    for (const k of order) {
      const c0 = process.cpuUsage();
      const found = checkers[k].checkHtml(pages[i] as string, { date });
      const c = process.cpuUsage(c0);
      cpu[k] += (c.user + c.system) / 1000;
      out[k] = JSON.stringify(found);
    }
    if (out.old !== out.new) throw new Error(`page ${i}: findings differ\nold ${out.old}\nnew ${out.new}`);
  }
  for (const k of ['old', 'new'] as const) {
    const after = Object.fromEntries(cpuOf[k]);
    let sum = 0;
    for (const id of IDS) {
      const ms = ((after[id] ?? 0) - (before[k][id] ?? 0)) / pages.length;
      ruleMs[id]![k].push(ms);
      sum += ms;
    }
    ruleMs.sum![k].push(sum);
    cpuMs[k].push(cpu[k] / pages.length);
  }
}

console.log(`${PAGES} portal pages, base ${base}; ms per page, median of ${ROUNDS} rounds`);
console.log('| | base | working tree | speed-up |\n| --- | ---: | ---: | ---: |');
const rows: [string, { old: number[]; new: number[] }][] = [...IDS.map((id) => [id, ruleMs[id]!] as [string, { old: number[]; new: number[] }]), ['sum of the rules (CPU)', ruleMs.sum!], ['CPU per page, whole check (process.cpuUsage)', cpuMs]];
for (const [name, m] of rows) {
  const o = median(m.old);
  const n = median(m.new);
  console.log(`| ${name} | ${o.toFixed(3)} | ${n.toFixed(3)} | ${(o / n).toFixed(2)}× |`);
}
