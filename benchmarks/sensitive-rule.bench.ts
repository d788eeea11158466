/**
 * The sensitive rules end to end: a 3 KB article (deterministic, from nodejieba's word list, with a
 * few injected spam phrases and variants) through `checker.check` with every built-in sensitive list
 * on (normalizer, automata, precision checks, findings). Prints the median and p95 per check.
 */
import { createChecker } from '../src/checker.js';
import { buildCorpus, loadJiebaWords } from './corpus.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5000);

function article(): string {
  const words = loadJiebaWords();
  const prose = buildCorpus(words, 4 * 1024, 99).slice(0, 1000);
  // About 3 KB of UTF-8 in paragraphs, with spam a dark link would carry and its evasions.
  const lines = prose.match(/.{1,150}/gsu) ?? [];
  lines[1] += '澳门 新葡京';
  lines[3] += '首\u200b存送';
  lines[4] += '代开发票，联系电话';
  return lines.join('\n');
}

function measure(label: string, rules: Record<string, 'error' | 'warning'>, text: string): string {
  let t = performance.now();
  const checker = createChecker({ preset: 'none', rules });
  const build = performance.now() - t;
  const findings = checker.check(text);
  for (let i = 0; i < 500; i++) checker.check(text);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    t = performance.now();
    checker.check(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(3);
  return `| ${label} | ${build.toFixed(1)} | ${at(0.5)} | ${at(0.95)} | ${findings.length} | ${ITERATIONS} |`;
}

function main(): void {
  const text = article();
  console.log(`article: ${Buffer.byteLength(text, 'utf8')} bytes UTF-8, ${text.split('\n').length} lines`);
  const recommended = {
    'sensitive/gambling': 'error',
    'sensitive/pornography': 'error',
    'sensitive/fraud-invoice': 'error',
    'sensitive/drugs-contraband': 'error',
    'sensitive/illegal-services': 'error',
  } as const;
  const rows = [
    measure('recommended spam lists (gambling, pornography, fraud-invoice, drugs-contraband, illegal-services)', recommended, text),
    measure('all 6 built-in lists (advertising-law folds without noise: a 2nd normalization)', { ...recommended, 'sensitive/advertising-law': 'warning' }, text),
  ];
  console.log('| scenario | checker build ms | median ms | p95 ms | findings | runs |\n|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main();
