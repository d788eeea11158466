import AhoCorasick from 'ahocorasick';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, leftmostLongest, type Match } from '../../src/text/matcher.js';

/** The naive oracle: every occurrence of every non-empty pattern, no match splitting a surrogate pair. */
function naive(patterns: readonly string[], text: string): Match[] {
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const splits = (i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
  const out: Match[] = [];
  patterns.forEach((p, pattern) => {
    if (p === '') return;
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) {
      if (!splits(i) && !splits(i + p.length)) out.push({ start: i, end: i + p.length, pattern });
    }
  });
  return out;
}

const key = (m: Match) => `${m.start}:${m.end}:${m.pattern}`;
const sortedKeys = (ms: readonly Match[]) => ms.map(key).sort();

/** The `ahocorasick` package's count: every overlapping match, equal entries each counted. */
function peerCount(patterns: string[], text: string): number {
  const ac = new AhoCorasick(patterns);
  let n = 0;
  for (const [, words] of ac.search(text) as [number, string[]][]) n += words.length;
  return n;
}

// Small alphabets make overlaps, shared prefixes and failure chains likely.
const unit = fc.constantFrom('a', 'b', 'c', '和', '国', '共', '人', '民', '\r', ' ', 'A', '😀', '\ud83d', '\ude00');
const word = fc.array(unit, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const text = fc.array(unit, { maxLength: 80 }).map((a) => a.join(''));

describe('createMatcher', () => {
  it('finds exactly the naive matches on random dictionaries and texts', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), text, (patterns, t) => {
        const m = createMatcher(patterns);
        const found = m.findAll(t);
        expect(sortedKeys(found)).toEqual(sortedKeys(naive(patterns, t)));
        expect(m.count(t)).toBe(found.length);
      }),
      { numRuns: 800 },
    );
  });

  it('counts what ahocorasick counts on well-formed patterns (all overlapping matches)', () => {
    const bmp = fc.constantFrom('a', 'b', '和', '国', '共', '人', '民', '华', '\r', ' ');
    const w = fc.array(bmp, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const t = fc.array(bmp, { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(w, { minLength: 1, maxLength: 40 }), t, (patterns, s) => {
        expect(createMatcher(patterns).count(s)).toBe(peerCount(patterns, s));
      }),
      { numRuns: 500 },
    );
  });

  it('matches the oracle on large random dictionaries (deep failure chains, wide rows)', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const alphabet = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + (i % 40 === 0 ? i * 37 : i)));
    const pick = () => alphabet[Math.floor(Math.pow(rand(), 3) * alphabet.length)] as string;
    const patterns = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(rand() * 5) }, pick).join(''));
    const t = Array.from({ length: 20000 }, pick).join('');
    const m = createMatcher(patterns);
    expect(m.count(t)).toBe(peerCount(patterns, t));
    expect(sortedKeys(m.findAll(t))).toEqual(sortedKeys(naive(patterns, t)));
  });

  it('reports two equal entries both', () => {
    expect(createMatcher(['博彩', '博彩']).findAll('网上博彩')).toEqual([
      { start: 2, end: 4, pattern: 0 },
      { start: 2, end: 4, pattern: 1 },
    ]);
  });

  it('finds a proper suffix of a longer partial match (和国 in 人民共和华 … 共和国)', () => {
    const m = createMatcher(['人民共和国', '和国', '共和']);
    expect(sortedKeys(m.findAll('人民共和华和国'))).toEqual(sortedKeys([
      { start: 2, end: 4, pattern: 2 },
      { start: 5, end: 7, pattern: 1 },
    ]));
    expect(m.count('中华人民共和国')).toBe(3);
  });

  it('orders matches by end, longest first', () => {
    const found = createMatcher(['b', 'ab', 'abc', 'bc', 'c']).findAll('abc');
    expect(found.map((m) => [m.start, m.end])).toEqual([[0, 2], [1, 2], [0, 3], [1, 3], [2, 3]]);
  });

  it('keeps \\r, spaces and case as written unless folded', () => {
    const m = createMatcher(['a\rb', 'x y', 'ABC']);
    expect(m.count('a\rb x y abc ABC')).toBe(3);
    expect(createMatcher(['ABC'], { fold: { case: true } }).findAll('abc ＡＢＣ')).toEqual([
      { start: 0, end: 3, pattern: 0 },
      { start: 4, end: 7, pattern: 0 },
    ]);
  });

  it('handles astral characters and never splits a surrogate pair', () => {
    const m = createMatcher(['😀', '\ude00', '\ud83d', '😀赌']);
    const t = '😀赌 \ude00 \ud83d';
    expect(sortedKeys(m.findAll(t))).toEqual(sortedKeys([
      { start: 0, end: 2, pattern: 0 },
      { start: 0, end: 3, pattern: 3 },
      { start: 4, end: 5, pattern: 1 },
      { start: 6, end: 7, pattern: 2 },
    ]));
    expect(m.count(t)).toBe(4);
  });

  it('never matches an empty pattern and copes with no patterns at all', () => {
    expect(createMatcher(['', 'a']).count('aaa')).toBe(3);
    expect(createMatcher([]).count('anything')).toBe(0);
    expect(createMatcher([]).findAll('')).toEqual([]);
  });

  it('folds variants and maps ranges back to the original text', () => {
    const m = createMatcher(['赌博'], { fold: { noise: true } });
    const t = '这里有赌 博和賭*博';
    expect(m.findAll(t).map((x) => t.slice(x.start, x.end))).toEqual(['赌 博', '賭*博']);
  });

  it('scans a megabyte line of one repeated unit without blowing up', () => {
    const m = createMatcher(['aa', 'aaa', 'b']);
    const t = 'a'.repeat(1 << 20);
    expect(m.count(t)).toBe((1 << 20) - 1 + (1 << 20) - 2);
  });

  it('builds patterns with wide fan-out and long shared chains', () => {
    const wide = Array.from({ length: 5000 }, (_, i) => 'x' + String.fromCharCode(0x4e00 + i));
    const chain = 'x'.repeat(3000);
    const m = createMatcher([...wide, chain]);
    const t = 'x'.repeat(3000) + '一';
    expect(m.count(t)).toBe(peerCount([...wide, chain], t));
  });
});

describe('leftmostLongest', () => {
  it('keeps the leftmost, then the longest, with no overlap', () => {
    const ms = createMatcher(['中华', '中华人民共和国', '人民', '共和国', '国歌']).findAll('中华人民共和国国歌');
    expect(leftmostLongest(ms).map((m) => [m.start, m.end, m.pattern])).toEqual([
      [0, 7, 1],
      [7, 9, 4],
    ]);
  });
});
