import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { measure, readPassages } from './recall-measure.js';

/**
 * The held-out set: passages modelled on errors cited in published inspection reports, press reports of
 * errors on official pages, editors' articles, 《咬文嚼字》 lists and Xinhua's banned-term lists, each
 * naming its source. Measured with and without the word segmenter (the browser build has none).
 */
const passages = readPassages('reported.json');

describe('recall on errors cited in published reports (test/fixtures/phrasing-errors/reported.json)', () => {
  it('has at least 80 passages, each with its error in the text and a source', () => {
    expect(passages.length).toBeGreaterThanOrEqual(80);
    for (const p of passages) {
      expect(p.text.includes(p.wrong), p.id).toBe(true);
      expect(p.source ?? '', p.id).toMatch(/\S{8,}/);
    }
  });
  for (const [name, segmenter] of [['core (no segmenter)', undefined], ['with nodejieba', jiebaSegmenter]] as const) {
    const { recall, expectedRate, missed, notFirst } = measure(passages, segmenter);
    it(`${name}: finds at least 95 % of the errors`, () => {
      expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    });
    it(`${name}: offers the canonical form first for at least 90 % of them`, () => {
      expect(expectedRate, `not first: ${notFirst.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    });
  }
});
