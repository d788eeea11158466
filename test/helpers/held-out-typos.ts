import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { atLeast } from '../../src/core/findings.js';
import { jiebaSegmenter } from '../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../src/node/words.js';
import { rules as phrasing } from '../../src/rules/phrasing/index.js';
import { rules as typo } from '../../src/rules/typo/index.js';
import { measure, readPassages } from '../rules/phrasing/recall-measure.js';

/** What a held-out set of ordinary-word typos must reach, in each mode (shares, 0–1). */
export interface HeldOutFloor {
  readonly core: { readonly recall: number; readonly expected: number };
  readonly node: { readonly recall: number; readonly expected: number };
}

/**
 * The tests every held-out set gets (test/fixtures/phrasing-errors/`name`.json and its clean twin
 * `name`-clean.json): its size and shape; recall and right-first rate at least the floor, without a segmenter
 * and with nodejieba and its word counts; and nothing at warning or above on the clean twin, each sentence at
 * its own date when it gives one, with nodejieba (and without a segmenter too with `cleanWithoutSegmenter`:
 * the rules that work in both modes must be clean in both).
 */
export function describeHeldOutTypos(
  title: string,
  name: string,
  size: { readonly passages: number; readonly clean: number },
  floor: HeldOutFloor,
  options: { readonly cleanWithoutSegmenter?: boolean } = {},
): void {
  const passages = readPassages(`${name}.json`);
  const clean = (JSON.parse(readFileSync(new URL(`../fixtures/phrasing-errors/${name}-clean.json`, import.meta.url), 'utf8')) as { clean: { id: string; text: string; date?: string }[] }).clean;
  const words = jiebaWordFrequencies();
  describe(`${title} (test/fixtures/phrasing-errors/${name}.json)`, () => {
    it(`has at least ${size.passages} passages and ${size.clean} clean sentences, each passage with its error in the text and its correction`, () => {
      expect(passages.length).toBeGreaterThanOrEqual(size.passages);
      expect(clean.length).toBeGreaterThanOrEqual(size.clean);
      for (const p of passages) {
        expect(p.text.includes(p.wrong), p.id).toBe(true);
        expect(p.expected, p.id).not.toBe('');
      }
    });
    for (const [label, mode] of [['core (no segmenter)', 'core'], ['with nodejieba and its word counts', 'node']] as const) {
      const { recall, expectedRate, missed, notFirst } = mode === 'core' ? measure(passages) : measure(passages, jiebaSegmenter, words);
      it(`${label}: finds at least the share the general mechanisms reach`, () => {
        expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(floor[mode].recall);
      });
      it(`${label}: offers the right word first at least as often`, () => {
        expect(expectedRate, `not first: ${notFirst.join('; ')}`).toBeGreaterThanOrEqual(floor[mode].expected);
      });
    }
    it(`nothing at warning or above on the clean twin (${name}-clean.json), with nodejieba and its word counts${options.cleanWithoutSegmenter ? ' and without a segmenter' : ''}`, () => {
      const rules = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
      const checkers = [createChecker({ preset: 'none', rules }, { segmenter: jiebaSegmenter, words }), ...(options.cleanWithoutSegmenter ? [createChecker({ preset: 'none', rules })] : [])];
      for (const checker of checkers) {
        const found = clean.flatMap((c) => checker.check(c.text, c.date ? { date: c.date } : {}).filter((f) => atLeast(f.severity, 'warning')).map((f) => `${c.id} ${f.ruleId} ${f.actual} → ${f.expected.join('|')}`));
        expect(found).toEqual([]);
      }
    });
  });
}
