import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusInputs, type Input } from '../helpers/corpus-inputs.js';
import institutionsRaw from '../../dictionaries/phrasing/institutions.json';
import { createChecker } from '../../src/checker.js';
import { parseDictionary } from '../../src/dictionaries/parse.js';
import { builtinConfusion, builtinTerms, protectedEntry, type ProtectedEntry } from '../../src/knowledge/terms.js';
import { jiebaSegmenter } from '../../src/node/segment.js';
import { FuzzyMatcher } from '../../src/text/fuzzy.js';

/**
 * phrasing/canonical-term and phrasing/institution-name report exactly what they reported before
 * `FuzzyMatcher.find` (src/text/fuzzy.ts) was rewritten for speed: the findings of the matcher as it was
 * are recorded in test/fixtures/fuzzy-snapshot.json, and the matcher as it is must reproduce them in the
 * same order.
 *
 * Inputs: the clean corpora, the HTML pages of test/fixtures/pages and every text of
 * test/fixtures/phrasing-errors through both rules with jieba; and through the matcher (the protected
 * terms and the protected institution names, with and without jieba) those texts and, for every protected
 * term, each kind of near miss at every position — two homophones or look-alikes of the confusion table,
 * dropped, added and swapped characters, dropped and swapped words — with the term's own specimens and
 * listed exceptions, some beside the exact term. `UPDATE_FUZZY_SNAPSHOT=1` rewrites the record (only
 * ever from the matcher the record is meant to pin down).
 */
const fixtures = new URL('../fixtures/', import.meta.url);
const snapshotUrl = new URL('fuzzy-snapshot.json', fixtures);

const institutions = parseDictionary(institutionsRaw, 'phrasing/institutions.json')
  .entries.filter((e) => e.kind === 'protected')
  .map(protectedEntry);
const terms: ProtectedEntry[] = [...builtinTerms.protected, ...institutions];

/** Sentences holding every kind of near miss of every protected term, six to a text; deterministic. */
function plantedInputs(): Input[] {
  const confusion = builtinConfusion();
  const sentences: string[] = [];
  terms.forEach((t, i) => {
    const T = t.canonical;
    const variants = new Set<string>([T, ...(t.exceptions ?? [])]);
    for (const spec of (t as { entry?: { specs?: { from: string }[] } }).entry?.specs ?? []) variants.add(spec.from);
    for (let k = 0; k < T.length; k++) {
      for (const x of [...(confusion.get(T[k] as string) ?? [])].slice(0, 2)) variants.add(T.slice(0, k) + x + T.slice(k + 1));
      variants.add(T.slice(0, k) + T.slice(k + 1));
      variants.add(`${T.slice(0, k)}国${T.slice(k)}`);
      variants.add(`${T.slice(0, k)}的${T.slice(k)}`);
      if (k + 1 < T.length) variants.add(T.slice(0, k) + T[k + 1] + T[k] + T.slice(k + 2));
      variants.add(`${T.slice(0, k)}发${T.slice(k + 1)}`);
    }
    const seg = t.segments ?? [];
    for (let j = 0; j < seg.length; j++) {
      variants.add(seg.slice(0, j).join('') + seg.slice(j + 1).join(''));
      if (j + 1 < seg.length) variants.add([...seg.slice(0, j), seg[j + 1], seg[j], ...seg.slice(j + 2)].join(''));
    }
    [...variants].forEach((v, j) => sentences.push((i + j) % 4 === 0 ? `${T}和${v}。` : `坚持${v}${j % 3 === 0 ? '的' : '，'}`));
  });
  const out: Input[] = [];
  for (let i = 0; i < sentences.length; i += 6) out.push({ id: `planted/${i / 6}`, text: sentences.slice(i, i + 6).join(''), format: 'text' });
  return out;
}

type Findings = { [id: string]: string[] };

function findingsOf(inputs: readonly Input[]): { rules: Findings; matcher: Findings; bare: Findings } {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/canonical-term': 'error', 'phrasing/institution-name': 'error' } }, { segmenter: jiebaSegmenter });
  const matcher = new FuzzyMatcher(terms, builtinConfusion());
  const rules: Findings = {};
  const withJieba: Findings = {};
  const bare: Findings = {};
  for (const input of inputs) {
    if (!input.id.startsWith('planted/')) {
      const found = input.format === 'html' ? checker.checkHtml(input.text) : checker.check(input.text);
      if (found.length) rules[input.id] = found.map((f) => `${f.ruleId} ${f.range[0]}-${f.range[1]} ${f.actual} ${f.expected.join('|')}`);
    }
    if (input.format !== 'text') continue;
    for (const [record, segmenter] of [[withJieba, jiebaSegmenter], [bare, undefined]] as const) {
      const misses = matcher.find(input.text, segmenter);
      if (misses.length) record[input.id] = misses.map((m) => `${m.start}-${m.end} ${m.term.id} ${m.kind} ${m.position} ${m.expectedPart}>${m.actualPart}`);
    }
  }
  return { rules, matcher: withJieba, bare };
}

describe('FuzzyMatcher: the same near misses as the recorded matcher', () => {
  const inputs = [...corpusInputs(), ...plantedInputs()];
  it('reproduces test/fixtures/fuzzy-snapshot.json', () => {
    const now = findingsOf(inputs);
    if (process.env.UPDATE_FUZZY_SNAPSHOT) writeFileSync(snapshotUrl, `${JSON.stringify(now).replace(/\],"/g, '],\n"')}\n`);
    const recorded = JSON.parse(readFileSync(snapshotUrl, 'utf8')) as typeof now;
    // Enough near misses of every kind that a change in the matcher shows.
    const kinds = new Set(Object.values(recorded.matcher).flat().map((f) => f.split(' ')[2]));
    expect([...kinds].sort()).toEqual(['deletion', 'dropped-word', 'insertion', 'substitution', 'swapped-words', 'transposition']);
    expect(Object.values(recorded.matcher).flat().length).toBeGreaterThan(300);
    expect(now.rules).toEqual(recorded.rules);
    expect(now.matcher).toEqual(recorded.matcher);
    expect(now.bare).toEqual(recorded.bare);
  }, 120_000);
});
