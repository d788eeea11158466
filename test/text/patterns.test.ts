import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPattern, PatternSet, PatternUnion } from '../../src/text/patterns.js';
import { perCheck } from '../helpers/per-check.js';

/** The plain definition of `PatternSet.scan`: every pattern at every position, by start, longest first, then in the order added. */
function reference<T>(patterns: readonly (readonly [string, T])[], text: string): { start: number; end: number; pattern: string; value: T }[] {
  const folded = patterns.map(([p, v], order) => ({ pattern: foldPattern(p), value: v, order })).filter((p) => p.pattern.length >= 2);
  const hits: { start: number; end: number; pattern: string; value: T; order: number }[] = [];
  for (let i = 0; i < text.length; i++) for (const p of folded) if (text.startsWith(p.pattern, i)) hits.push({ start: i, end: i + p.pattern.length, ...p });
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  return hits.map(({ start, end, pattern, value }) => ({ start, end, pattern, value }));
}

const ALPHABET = ['中', '国', '人', '民', '共', '和', '李', '强', 'a', 'A', 'b', '、', '，', '\u{20000}'];
const word = (min: number, max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));


describe('PatternSet.scan', () => {
  it('finds what the plain definition finds, in the same order (random patterns and texts)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word(1, 5), fc.integer({ min: 0, max: 99 })), { maxLength: 40 }), fc.array(word(0, 40), { minLength: 1, maxLength: 5 }), (patterns, texts) => {
        const set = new PatternSet<number>();
        for (const [p, v] of patterns) set.add(p, v);
        for (const text of texts) expect(set.scan(text)).toEqual(reference(patterns, text));
      }),
      { numRuns: 400 },
    );
  });

  it('reads large buckets through their index by third code unit, also when patterns join after a scan', () => {
    // Two letters and 40 to 120 patterns: buckets of many patterns that share their first two code units.
    const small = (min: number, max: number) => fc.array(fc.constantFrom('中', '国'), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(small(2, 6), fc.integer({ min: 0, max: 99 })), { minLength: 40, maxLength: 120 }), small(0, 50), (patterns, text) => {
        const set = new PatternSet<number>();
        const half = patterns.length >> 1;
        for (const [p, v] of patterns.slice(0, half)) set.add(p, v);
        expect(set.scan(text)).toEqual(reference(patterns.slice(0, half), text));
        for (const [p, v] of patterns.slice(half)) set.add(p, v);
        expect(set.scan(text)).toEqual(reference(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('addAll finds both sets in one scan, each in the order its own scan gives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word(1, 5), fc.integer({ min: 0, max: 99 })), { maxLength: 30 }), fc.array(fc.tuple(word(1, 5), fc.integer({ min: 0, max: 99 })), { maxLength: 30 }), word(0, 60), (xs, ys, text) => {
        const a = new PatternSet<number>();
        for (const [p, v] of xs) a.add(p, v);
        const b = new PatternSet<number>();
        for (const [p, v] of ys) b.add(p, v);
        const both = new PatternSet<{ from: 'a' | 'b'; v: number }>();
        both.addAll(a, (v) => ({ from: 'a', v }));
        both.addAll(b, (v) => ({ from: 'b', v }));
        const hits = both.scan(text);
        for (const [from, set] of [['a', a], ['b', b]] as const) {
          expect(hits.filter((h) => h.value.from === from).map((h) => ({ ...h, value: h.value.v }))).toEqual(set.scan(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a PatternUnion gives each registered set what its own scan gives, per check and segment', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(word(1, 5), fc.integer({ min: 0, max: 99 })), { maxLength: 20 }), { minLength: 1, maxLength: 4 }), fc.array(word(0, 50), { minLength: 1, maxLength: 4 }), (lists, texts) => {
        const sets = lists.map((patterns) => {
          const set = new PatternSet<number>();
          for (const [p, v] of patterns) set.add(p, v);
          return set;
        });
        const union = new PatternUnion();
        for (const set of sets.slice(1)) union.add(set as PatternSet<unknown>);
        for (const scope of [perCheck(), perCheck()]) {
          for (const text of texts) {
            const folded = { text };
            for (const set of sets) expect(union.hits(set, folded, scope)).toEqual(set.scan(text));
          }
        }
      }),
      { numRuns: 200 },
    );
  });


  it('replace changes the value of every copy of the pattern', () => {
    const set = new PatternSet<string>();
    set.add('中国', 'a');
    set.add('中国人', 'b');
    set.add('中国', 'c');
    set.replace('中国', 'z');
    expect(set.scan('中国人').map((h) => h.value)).toEqual(['b', 'z', 'z']);
    expect(set.size).toBe(3);
  });

  it('is linear on a long line', () => {
    const set = new PatternSet<true>();
    for (let i = 0; i < 500; i++) set.add(`中${String.fromCharCode(0x4e00 + i)}国`, true);
    const text = '中'.repeat(1_000_000);
    const t0 = performance.now();
    expect(set.scan(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
