import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { atLeast } from '../../../src/core/findings.js';
import { createNodeChecker } from '../../../src/node/index.js';

/**
 * What our dictionaries say is right must pass our rules: every form a dictionary offers as the
 * replacement (expected, canonical) and every term of the official lexicon, written alone, draws no
 * finding at warning or above from the recommended preset, with and without nodejieba. A rule that
 * reports the text's own canonical form (显著提升 read through the fold as a slip of itself) fails here.
 * Two findings are the dictionaries' own dated chains and stay: an institution renamed again later
 * (a replacement of 2018 that was itself replaced in 2023) and a formula that a later one replaced.
 * A form cut out of a quoted slogan keeps its closing quote (“一带一路”倡议 as 一带一路”倡议): the
 * unpaired-punctuation rule speaks of the fragment, not the form.
 */
const dictionaries = new URL('../../../dictionaries/', import.meta.url);

function forms(): string[] {
  const out = new Set<string>();
  const lexicon = JSON.parse(readFileSync(new URL('phrasing/lexicon.json', dictionaries), 'utf8')) as { entries: Record<string, unknown> };
  for (const t of Object.keys(lexicon.entries)) out.add(t);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'expected' || k === 'canonical') {
          for (const s of Array.isArray(x) ? x : [x]) if (typeof s === 'string' && s.length < 40 && /[\u4e00-\u9fff]{3}/.test(s)) out.add(s);
        } else walk(x);
      }
  };
  for (const dir of ['phrasing', 'typo', 'sensitive'])
    for (const f of readdirSync(new URL(`${dir}/`, dictionaries)).sort())
      // Character tables and word lists, not forms to write.
      if (f.endsWith('.json') && !/^(lexicon|idioms|shape-similar|homophones|suspect-words|new-words|lookalikes|confusion-chars)/.test(f)) walk(JSON.parse(readFileSync(new URL(`${dir}/${f}`, dictionaries), 'utf8')));
  return [...out].sort();
}

const DATED = new Set(['phrasing/institution-name', 'phrasing/outdated-term']);

describe('every right form our dictionaries give, written alone', async () => {
  const all = forms();
  const node = await createNodeChecker();
  const core = createChecker();
  it('is thousands of forms', () => expect(all.length).toBeGreaterThan(5000));
  it('draws no finding at warning or above, with or without nodejieba (but a later rename of a renamed institution or formula)', () => {
    const flagged: string[] = [];
    for (const s of all)
      for (const [mode, checker] of [['core', core], ['node', node]] as const)
        for (const f of checker.check(`${s}。`, { date: '2026-06-01' }))
          if (atLeast(f.severity, 'warning') && f.ruleId !== 'typo/unpaired-punctuation' && !(DATED.has(f.ruleId) && f.expected[0] !== f.actual))
            flagged.push(`${mode} ${s}: ${f.ruleId} ${f.actual} → ${f.expected[0] ?? ''}`);
    expect(flagged).toEqual([]);
  }, 120_000);
});
