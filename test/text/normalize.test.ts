import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';

function origin(input: string, fold: Parameters<typeof normalize>[1], start: number, end: number): string {
  const n = normalize(input, fold);
  const [a, b] = n.map.toOriginal(start, end);
  return input.slice(a, b);
}

describe('normalize', () => {
  it('folds full width, case, traditional characters and zero-width characters', () => {
    expect(normalize('ＡＢＣ１２３＊　臺灣總統\u200b與國務院，！').text).toBe('abc123* 台湾总统与国务院,!');
  });

  it('leaves simplified text alone with an identity map', () => {
    const n = normalize('党史学习教育');
    expect(n.text).toBe('党史学习教育');
    expect(n.map.toOriginal(2, 4)).toEqual([2, 4]);
  });

  it('maps folded ranges back to the original characters', () => {
    const input = '這是臺\u200b灣總統。';
    const n = normalize(input);
    const i = n.text.indexOf('台湾总统');
    expect(origin(input, undefined, i, i + 4)).toBe('臺\u200b灣總統');
  });

  it('skips noise between ideographs only when asked, and never Chinese sentence punctuation', () => {
    const input = '网上赌 博、赌*博，赌-_-博，赌。博';
    expect(normalize(input).text).toBe('网上赌 博、赌*博,赌-_-博,赌。博');
    const n = normalize(input, { noise: true });
    expect(n.text).toBe('网上赌博、赌博,赌博,赌。博');
    const i = n.text.indexOf('赌博', 5);
    expect(origin(input, { noise: true }, i, i + 2)).toBe('赌*博');
  });

  it('with clauses, keeps the half-width sentence punctuation of pages typed that way: each ends a clause', () => {
    const input = '搭建桥梁纽带,促进交流.加强合作;推进发展:坚持!是否?赌*博';
    expect(normalize(input, { noise: true }).text).toBe('搭建桥梁纽带促进交流加强合作推进发展坚持是否赌博');
    expect(normalize(input, { noise: true, clauses: true }).text).toBe('搭建桥梁纽带,促进交流.加强合作;推进发展:坚持!是否?赌博');
  });

  it('keeps noise that is not between ideographs (URLs, numbers, Latin words)', () => {
    expect(normalize('www.example.com 3.14 a-b', { noise: true }).text).toBe('www.example.com 3.14 a-b');
  });

  it('composes NFC and maps composed characters to their decomposed source', () => {
    const input = 'Cafe\u0301 党史';
    const n = normalize(input, { case: false });
    expect(n.text).toBe('Café 党史');
    expect(origin(input, { case: false }, 3, 4)).toBe('e\u0301');
    expect(origin(input, { case: false }, 5, 7)).toBe('党史');
  });

  it('composes exactly as String.prototype.normalize does (property)', () => {
    // Plain units (ideographs, punctuation, kana, full width, ASCII) mixed with those NFC changes:
    // combining marks, the kana voicing mark, the quad spaces, CJK compatibility ideographs. Conjoining
    // Hangul jamo are left out: composition is per base character and its marks, and jamo are no marks.
    const alphabet = fc.constantFrom('党', '史', '，', '。', '\u2014', 'か', '\u3099', '\u2000', '\u2001', 'Ａ', 'e', '\u0301', '\u0327', '\uf900', '\u212b', 'ä');
    const none = { width: false, case: false, traditional: false, zeroWidth: false };
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((a) => a.join('')), (input) => {
        expect(normalize(input, none).text).toBe(input.normalize('NFC'));
      }),
    );
  });

  it('keeps astral characters and lone surrogates as they are', () => {
    const input = '𠮷\ud800党\udc00史';
    expect(normalize(input).text).toBe(input);
  });

  it('maps every normalized range into the input, monotonically (property)', () => {
    const alphabet = fc.constantFrom('党', '史', '臺', '灣', 'Ａ', 'a', ' ', '*', '\u200b', '，', '\ud800', '𠮷', 'e', '\u0301', '1');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), fc.boolean(), (input, noise) => {
        const n = normalize(input, { noise });
        let last = 0;
        for (let i = 0; i < n.text.length; i++) {
          const [a, b] = n.map.toOriginal(i, i + 1);
          expect(a).toBeGreaterThanOrEqual(last);
          expect(b).toBeGreaterThan(a);
          expect(b).toBeLessThanOrEqual(input.length);
          last = a;
        }
        expect(n.map.toOriginal(0, n.text.length)[1]).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalize: spam evasions', () => {
  it('skips noise between an ideograph and a Latin letter or digit, not between two Latin units', () => {
    const input = '免 费 A 片，13 娱乐，bet 365';
    const n = normalize(input, { noise: true });
    expect(n.text).toBe('免费a片,13娱乐,bet 365');
    const i = n.text.indexOf('免费a片');
    expect(origin(input, { noise: true }, i, i + 4)).toBe('免 费 A 片');
  });

  it('skips a pinyin syllable in parentheses between ideographs ("新(xin)澳(ao)门")', () => {
    const input = '新(xin)澳（ａｏ）門(men)期期準(zhun)，北京赛车(PK10)计划';
    const n = normalize(input, { noise: true });
    // "(PK10)" is no syllable: only its parentheses go, as noise beside an ideograph.
    expect(n.text).toBe('新澳门期期准,北京赛车pk10计划');
    expect(origin(input, { noise: true }, 0, 3)).toBe('新(xin)澳（ａｏ）門');
  });

  it('leaves parenthesized Latin alone without noise folding; a longer run keeps its letters', () => {
    expect(normalize('新(xin)澳').text).toBe('新(xin)澳');
    expect(normalize('组织(abcdefg)成员', { noise: true }).text).toBe('组织abcdefg成员');
  });
});
