import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { measure, readPassages } from './recall-measure.js';

/**
 * The second held-out set: real errors from sources reported.json does not cite (Xinhua's later
 * banned-term batches, inspection and press reports of official pages, 《咬文嚼字》 annual lists of years
 * not used before), written and committed before any rule change of that round. It measures how far
 * the general mechanisms reach on errors nobody listed for us, so its floor is what they reach today
 * (recall 23.5 % and canonical-first 22.8 % before that round), not the 95 % bar of the sets the
 * dictionaries were built from. Raise the floor when a general mechanism, or a whole sourced list, finds
 * more; never add a passage's string to a dictionary on its own. The lexicon-wide near-miss detector
 * (phrasing/term-near-miss, issue 12) left this set where it was (33.3 % found, 32.9 % right first, with
 * nodejieba): its errors are ordinary-word typos, banned terms and facts, not slips in official terms.
 * The word-unigram check of ordinary words (typo/confusable-word, issue 12, nodejieba with its word
 * counts) raised recall to 34.6 % (28 of 81; canonical first 32.9 %); the core figures did not move.
 */
const passages = readPassages('heldout.json');
/** Measured in each mode when these floors were last raised (core 32.1 % / 31.6 %, nodejieba 34.6 % / 32.9 %). */
const FLOOR = { core: { recall: 0.32, expected: 0.31 }, node: { recall: 0.345, expected: 0.325 } };

describe('recall on the second held-out set (test/fixtures/phrasing-errors/heldout.json)', () => {
  it('has at least 80 passages, each with its error in the text and a source', () => {
    expect(passages.length).toBeGreaterThanOrEqual(80);
    for (const p of passages) {
      expect(p.text.includes(p.wrong), p.id).toBe(true);
      expect(p.source ?? '', p.id).toMatch(/\S{8,}/);
    }
  });
  for (const [name, mode] of [['core (no segmenter)', 'core'], ['with nodejieba and its word counts', 'node']] as const) {
    const { recall, expectedRate, missed, notFirst } = mode === 'core' ? measure(passages) : measure(passages, jiebaSegmenter, jiebaWordFrequencies());
    it(`${name}: finds at least the share the general mechanisms reach`, () => {
      expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(FLOOR[mode].recall);
    });
    it(`${name}: offers the canonical form first at least as often`, () => {
      expect(expectedRate, `not first: ${notFirst.join('; ')}`).toBeGreaterThanOrEqual(FLOOR[mode].expected);
    });
  }
});
