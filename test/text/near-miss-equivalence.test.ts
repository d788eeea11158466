import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { corpusInputs, type Input } from '../helpers/corpus-inputs.js';
import { createChecker } from '../../src/checker.js';
import { builtinLookalikes } from '../../src/knowledge/lookalikes.js';
import { jiebaSegmenter } from '../../src/node/segment.js';
import { lexiconTerms } from '../../src/rules/phrasing/term-near-miss.js';
import { foldSyllable, LexiconMatcher } from '../../src/text/near-miss.js';

/**
 * phrasing/term-near-miss reports exactly what it reported before its matcher was rewritten for speed
 * (precomputed tables in place of maps of anchor objects): the findings of the matcher as it was are
 * recorded in test/fixtures/near-miss-snapshot.json, and the matcher as it is must reproduce them, span
 * for span, term for term, likeness for likeness, in the same order.
 *
 * Inputs: the clean corpora (test/fixtures/clean, clean-sensitive), the HTML pages of test/fixtures/pages,
 * every passage and clean text of test/fixtures/phrasing-errors, and texts with a near miss planted in
 * every lexicon term (a homophone, a tone-only, regional or look-alike character, or an unrelated one, at a
 * position that moves from term to term, with the exact term beside some of them) — through the rule with
 * jieba, and through the matcher with and without jieba. `UPDATE_NEAR_MISS_SNAPSHOT=1` rewrites the record
 * (only ever from the matcher the record is meant to pin down).
 */
const fixtures = new URL('../fixtures/', import.meta.url);
const snapshotUrl = new URL('near-miss-snapshot.json', fixtures);

const toned = (c: string) => pinyin(c, { toneType: 'num', type: 'array', multiple: true }).filter((p) => /^[a-zü]+[0-5]?$/.test(p));

/** Sentences with one character of a lexicon term changed, eight to a text; deterministic. */
function plantedInputs(): Input[] {
  const terms = lexiconTerms().map((t) => t.text);
  const chars = [...new Set(terms.join(''))].sort();
  const byToned = new Map<string, string[]>();
  const byToneless = new Map<string, string[]>();
  const byFolded = new Map<string, string[]>();
  const toneless = (p: string) => p.replace(/[0-5]$/, '');
  for (const c of chars) {
    for (const p of toned(c)) {
      for (const [map, key] of [[byToned, p], [byToneless, toneless(p)], [byFolded, foldSyllable(toneless(p))]] as const) {
        const list = map.get(key);
        if (!list) map.set(key, [c]);
        else if (!list.includes(c)) list.push(c);
      }
    }
  }
  const shapes = builtinLookalikes();
  const PRE = ['要', '坚持', '推进', '全面', '的', '和', '', '我们'];
  const SUF = ['，', '。', '工作', '建设', '的', '和发展', '', '；'];
  const sentences: string[] = [];
  terms.forEach((term, i) => {
    if (term.length < 3) return;
    const k = i % term.length;
    const c = term[k] as string;
    const pick = (xs: readonly string[]) => {
      const others = xs.filter((x) => x !== c);
      return others.length ? (others[(i * 7) % others.length] as string) : undefined;
    };
    const readings = toned(c);
    const homophone = pick(readings.flatMap((p) => byToned.get(p) ?? []));
    const tone = pick(readings.flatMap((p) => (byToneless.get(toneless(p)) ?? []).filter((x) => !toned(x).includes(p))));
    const regional = pick(readings.flatMap((p) => (byFolded.get(foldSyllable(toneless(p))) ?? []).filter((x) => !toned(x).some((q) => toneless(q) === toneless(p)))));
    const lookalike = pick([...(shapes.get(c) ?? [])]);
    const unrelated = chars[(i * 131) % chars.length] as string;
    const x = [homophone, tone, regional, lookalike, unrelated][i % 5] ?? homophone ?? unrelated;
    const planted = term.slice(0, k) + x + term.slice(k + 1);
    const body = i % 3 === 0 ? `${term}和${planted}` : planted;
    sentences.push(`${PRE[i % PRE.length]}${body}${SUF[(i >> 2) % SUF.length]}`);
  });
  const out: Input[] = [];
  for (let i = 0; i < sentences.length; i += 8) out.push({ id: `planted/${i / 8}`, text: sentences.slice(i, i + 8).join(''), format: 'text' });
  return out;
}

type Findings = { [id: string]: string[] };

/** Findings of the rule (with jieba) and of the matcher alone (with and without jieba), as compact strings. */
function findingsOf(inputs: readonly Input[]): { rule: Findings; matcher: Findings; bare: Findings } {
  const checker = createChecker({ preset: 'none', rules: { 'phrasing/term-near-miss': 'error' } }, { segmenter: jiebaSegmenter });
  const matcher = new LexiconMatcher(lexiconTerms(), builtinLookalikes());
  const rule: Findings = {};
  const withJieba: Findings = {};
  const bare: Findings = {};
  for (const input of inputs) {
    const found = input.format === 'html' ? checker.checkHtml(input.text) : checker.check(input.text);
    if (found.length) rule[input.id] = found.map((f) => `${f.range[0]}-${f.range[1]} ${f.actual} ${f.expected.join('|')} ${String((f.data as { likeness?: string })?.likeness)}`);
    if (input.format !== 'text') continue;
    for (const [record, segmenter] of [[withJieba, jiebaSegmenter], [bare, undefined]] as const) {
      const misses = matcher.find(input.text, segmenter);
      if (misses.length) record[input.id] = misses.map((m) => `${m.start}-${m.end} ${m.term.text} ${m.position} ${m.actualChar} ${m.likeness}`);
    }
  }
  return { rule, matcher: withJieba, bare };
}

describe('phrasing/term-near-miss: the same findings as the recorded matcher', () => {
  const inputs = [...corpusInputs(), ...plantedInputs()];
  it('has inputs that exercise it: fixtures, and a planted near miss in every lexicon term', () => {
    expect(inputs.length).toBeGreaterThan(1000);
  });
  it('reproduces test/fixtures/near-miss-snapshot.json', () => {
    const now = findingsOf(inputs);
    if (process.env.UPDATE_NEAR_MISS_SNAPSHOT) writeFileSync(snapshotUrl, `${JSON.stringify(now, null, 0).replace(/\],"/g, '],\n"')}\n`);
    const recorded = JSON.parse(readFileSync(snapshotUrl, 'utf8')) as typeof now;
    // Enough near misses that a change in the matcher shows (hundreds planted, some on the corpora).
    expect(Object.values(recorded.rule).flat().length).toBeGreaterThan(500);
    expect(Object.values(recorded.bare).flat().length).toBeGreaterThan(100);
    expect(now.rule).toEqual(recorded.rule);
    expect(now.matcher).toEqual(recorded.matcher);
    expect(now.bare).toEqual(recorded.bare);
  }, 120_000);
});
