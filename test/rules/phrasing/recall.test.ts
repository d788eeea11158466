import { describe, expect, it } from 'vitest';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { measure, readPassages } from './recall-measure.js';

const passages = readPassages('passages.json');

describe('recall on realistic error passages (test/fixtures/phrasing-errors/passages.json)', () => {
  const { recall, expectedRate, missed, notFirst } = measure(passages, jiebaSegmenter);
  it('has at least 100 varied passages, each with its error in the text', () => {
    expect(passages.length).toBeGreaterThanOrEqual(100);
    for (const p of passages) expect(p.text.includes(p.wrong), p.id).toBe(true);
  });
  it('finds at least 95 % of the errors', () => {
    expect(recall, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.95);
  });
  it('offers the canonical form first for at least 90 % of them', () => {
    expect(expectedRate, `not first: ${notFirst.join('; ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
