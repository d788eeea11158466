import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/core/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { rules as phrasing } from '../../../src/rules/phrasing/index.js';
import { rules as typo } from '../../../src/rules/typo/index.js';
import type { Config } from '../../../src/types.js';

interface Passage {
  id: string;
  text: string;
  wrong: string;
  expected: string;
  date?: string;
  config?: string;
}

const { passages } = JSON.parse(readFileSync(new URL('../../fixtures/phrasing-errors/passages.json', import.meta.url), 'utf8')) as { passages: Passage[] };
const rules = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
const local: Config = {
  preset: 'none',
  rules,
  dictionaries: { leaders: [{ id: 'du-jiahao', patterns: ['杜家毫'], expected: ['杜家毫'], source: '中共湖南省委（测试用本地领导）', titles: [{ title: '湖南省委书记', validFrom: '2016-08-28', validTo: '2020-11-30' }] }] },
};
const plain = createChecker({ preset: 'none', rules }, { segmenter: jiebaSegmenter });
const withLocal = createChecker(local, { segmenter: jiebaSegmenter });

/** Runs every phrasing and typo rule over each passage; a passage is found when a finding overlaps its error. */
function measure() {
  const results = passages.map((p) => {
    const start = p.text.indexOf(p.wrong);
    const end = start + p.wrong.length;
    const findings = (p.config ? withLocal : plain).check(p.text, { date: p.date ?? '2024-06-01' });
    const hit = findings.find((f) => f.range[0] < end && start < f.range[1]);
    return { p, hit, right: hit !== undefined && (p.expected === '' || hit.expected[0] === p.expected) };
  });
  const found = results.filter((r) => r.hit).length;
  const withExpected = results.filter((r) => r.p.expected !== '');
  const right = withExpected.filter((r) => r.right).length;
  return { results, recall: found / results.length, expectedRate: right / withExpected.length };
}

describe('recall on realistic error passages (test/fixtures/phrasing-errors)', () => {
  const { results, recall, expectedRate } = measure();
  it('has at least 100 varied passages, each with its error in the text', () => {
    expect(passages.length).toBeGreaterThanOrEqual(100);
    for (const p of passages) expect(p.text.includes(p.wrong), p.id).toBe(true);
  });
  it('finds at least 95 % of the errors', () => {
    const missed = results.filter((r) => !r.hit).map((r) => `${r.p.id} ${r.p.wrong}`);
    expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.95);
  });
  it('offers the canonical form first for at least 90 % of them', () => {
    const wrong = results.filter((r) => r.p.expected !== '' && !r.right).map((r) => `${r.p.id} ${r.p.wrong} → ${r.hit?.expected[0] ?? '(missed)'}`);
    expect(expectedRate, `not first: ${wrong.join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
