/**
 * The near-miss matchers, before and after, in one process: `LexiconMatcher` (src/text/near-miss.ts,
 * phrasing/term-near-miss) and `FuzzyMatcher` (src/text/fuzzy.ts, phrasing/canonical-term and
 * phrasing/institution-name) as of a base revision (read with `git show`; default the commit before
 * their rewrite, `npx tsx benchmarks/term-near-miss.bench.ts <rev>` for another) against the working
 * tree's, over generated 8 KB portal pages (benchmarks/portal.ts).
 *
 * - rules: two checkers with the recommended rules, jieba and its word counts, as the CLI runs them,
 *   identical but for the matchers the three rules are prepared with; each page through both,
 *   alternating which goes first, in rounds; each rule's own time (the kernel's per-rule timing) per
 *   page, median of the rounds. The other rules run too, so the matchers' tables compete for caches
 *   as in a real job.
 * - find: `LexiconMatcher.find` alone on the folded texts term-near-miss passes it (captured in the first
 *   round), interleaved.
 *
 * Both also assert that the two sides report the same findings.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import institutionsRaw from '../dictionaries/phrasing/institutions.json';
import { createChecker } from '../src/checker.js';
import { parseDictionary } from '../src/dictionaries/parse.js';
import { builtinLookalikes } from '../src/knowledge/lookalikes.js';
import { builtinConfusion, builtinTerms, protectedEntry } from '../src/knowledge/terms.js';
import { jiebaSegmenter } from '../src/node/segment.js';
import { jiebaWordFrequencies } from '../src/node/words.js';
import { canonicalTerm } from '../src/rules/phrasing/canonical-term.js';
import { institutionName } from '../src/rules/phrasing/institution-name.js';
import { lexiconTerms, termNearMiss } from '../src/rules/phrasing/term-near-miss.js';
import { FuzzyMatcher } from '../src/text/fuzzy.js';
import { LexiconMatcher } from '../src/text/near-miss.js';
import { portalPage } from './portal.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const base = process.argv[2] ?? 'acd03fd';
const PAGES = 200;
const ROUNDS = 9;

/** A module of src/text/ as of the base revision, copied beside this script (so its packages resolve), its imports pointed at src/. */
async function baseModule<M>(name: string): Promise<M> {
  const copy = fileURLToPath(new URL(`./.${name}-base.ts`, import.meta.url));
  const source = execFileSync('git', ['show', `${base}:src/text/${name}.ts`], { cwd: root, encoding: 'utf8' }).replace(
    /from '(\.\.?)\/([^']+)'/g,
    (_, up: string, rest: string) => `from '../src/${up === '.' ? 'text/' : ''}${rest}'`,
  );
  writeFileSync(copy, source);
  try {
    return (await import(pathToFileURL(copy).href)) as M;
  } finally {
    rmSync(copy, { force: true });
  }
}
const Old = {
  lexicon: (await baseModule<{ LexiconMatcher: typeof LexiconMatcher }>('near-miss')).LexiconMatcher,
  fuzzy: (await baseModule<{ FuzzyMatcher: typeof FuzzyMatcher }>('fuzzy')).FuzzyMatcher,
};

const terms = lexiconTerms();
const matchers = { old: new Old.lexicon(terms, builtinLookalikes()), new: new LexiconMatcher(terms, builtinLookalikes()) };
const institutions = parseDictionary(institutionsRaw, 'phrasing/institutions.json')
  .entries.filter((e) => e.kind === 'protected')
  .map(protectedEntry);
const words = jiebaWordFrequencies();
type Preparing = { prepare?: (...args: unknown[]) => unknown };
const prepare = {
  near: (termNearMiss as Preparing).prepare,
  canonical: (canonicalTerm as Preparing).prepare as (...args: unknown[]) => object,
  institution: (institutionName as Preparing).prepare as (...args: unknown[]) => object,
};
/** A checker whose three rules are prepared with the old matchers or with the new ones. */
function checkerWith(side: 'old' | 'new') {
  (termNearMiss as Preparing).prepare = () => matchers[side];
  (canonicalTerm as Preparing).prepare = (...args) => {
    const prepared = prepare.canonical(...args);
    return side === 'old' ? { ...prepared, fuzzy: new Old.fuzzy(builtinTerms.protected, builtinConfusion()) } : prepared;
  };
  (institutionName as Preparing).prepare = (...args) => {
    const prepared = prepare.institution(...args);
    return side === 'old' ? { ...prepared, fuzzy: new Old.fuzzy(institutions, builtinConfusion()) } : prepared;
  };
  const checker = createChecker(undefined, { segmenter: jiebaSegmenter, words, timing: true });
  Object.assign(termNearMiss, { prepare: prepare.near });
  Object.assign(canonicalTerm, { prepare: prepare.canonical });
  Object.assign(institutionName, { prepare: prepare.institution });
  return checker;
}
const checkers = { old: checkerWith('old'), new: checkerWith('new') };

const pages: string[] = [];
for (let i = 0; i < PAGES; i++) pages.push(portalPage(i));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const IDS = ['phrasing/term-near-miss', 'phrasing/canonical-term', 'phrasing/institution-name'];
const ours = new Set(IDS);

// Capture the folded texts term-near-miss hands to find.
const texts: string[] = [];
const find = matchers.new.find;
matchers.new.find = function (this: typeof matchers.new, text, segmenter) {
  texts.push(text);
  return find.call(this, text, segmenter);
};
const ruleMs = Object.fromEntries(IDS.map((id) => [id, { old: [] as number[], new: [] as number[] }]));
for (let r = 0; r < ROUNDS; r++) {
  const before = { old: checkers.old.timings(), new: checkers.new.timings() };
  for (let i = 0; i < pages.length; i++) {
    const order = (i + r) % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    const out: Record<string, string> = {};
    for (const k of order) out[k] = JSON.stringify(checkers[k].checkHtml(pages[i] as string).filter((f) => ours.has(f.ruleId)));
    if (out.old !== out.new) throw new Error(`page ${i}: findings differ\nold ${out.old}\nnew ${out.new}`);
  }
  if (r === 0) matchers.new.find = find;
  for (const k of ['old', 'new'] as const) {
    const after = checkers[k].timings();
    for (const id of IDS) ruleMs[id]![k].push(((after[id] ?? 0) - (before[k][id] ?? 0)) / pages.length);
  }
}

const findMs = { old: [] as number[], new: [] as number[] };
for (let r = 0; r < ROUNDS * 2; r++) {
  for (const k of r % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
    const t0 = performance.now();
    for (const t of texts) matchers[k].find(t, jiebaSegmenter);
    findMs[k].push((performance.now() - t0) / pages.length);
  }
}
for (const t of texts) {
  if (JSON.stringify(matchers.old.find(t, jiebaSegmenter)) !== JSON.stringify(matchers.new.find(t, jiebaSegmenter))) throw new Error(`find differs on ${t}`);
}

console.log(`${PAGES} portal pages, ${texts.length} folded texts, base ${base}; ms per page, median of ${ROUNDS} rounds (find: ${ROUNDS * 2})`);
console.log('| | base | working tree | speed-up |\n| --- | ---: | ---: | ---: |');
const rows: [string, { old: number[]; new: number[] }][] = [...IDS.map((id) => [`${id} (kernel timing, all rules on)`, ruleMs[id]!] as [string, { old: number[]; new: number[] }]), ['LexiconMatcher.find alone', findMs]];
for (const [name, m] of rows) {
  const o = median(m.old);
  const n = median(m.new);
  console.log(`| ${name} | ${o.toFixed(3)} | ${n.toFixed(3)} | ${(o / n).toFixed(2)}× |`);
}
