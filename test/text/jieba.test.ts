import { describe, expect, it } from 'vitest';
import { ShenjiaoError } from '../../src/errors.js';
import { compileJiebaDictionary, createJiebaSegmenter, loadJiebaDictionary, logCorrectlyRounded } from '../../src/text/jieba/index.js';

// The pure segmenter on small made-up dictionaries; test/node/segment.test.ts holds it to nodejieba
// itself on the real ones.

/** An HMM model in cppjieba's format (comments, start, 4 × 4 transitions, emissions of B, E, M, S). */
const HMM = `#start
-0.26 -3.14e+100 -3.14e+100 -1.46
#trans
-3.14e+100 -0.51 -0.91 -3.14e+100
-0.58 -3.14e+100 -3.14e+100 -0.81
-3.14e+100 -0.33 -1.26 -3.14e+100
-0.72 -3.14e+100 -3.14e+100 -0.66
#emit
甲:-1.0,乙:-2.0,丁:-0.5
甲:-1.5,乙:-1.0,丁:-9.0
甲:-3.0
甲:-2.0,乙:-2.0,丁:-0.2
`;

function segmenter(dict: string, user = '') {
  return createJiebaSegmenter(loadJiebaDictionary(compileJiebaDictionary({ dict, hmm: HMM, user })));
}

describe('logCorrectlyRounded', () => {
  it("gives glibc's log where V8's Math.log is one unit in the last place off (counts of jieba's dictionary over its sum)", () => {
    // Reference values printed by glibc 2.36's log(); Math.log differs on each.
    const sum = 60101983;
    const cases: [number, number][] = [
      [10117, -8.689580937763543],
      [10675, -8.635893555872608],
      [11123, -8.594783078377402],
      [1134, -10.878046909681734],
      [131, -13.03635607076828],
    ];
    for (const [count, glibc] of cases) {
      expect(logCorrectlyRounded(count / sum)).toBe(glibc);
      expect(Math.log(count / sum)).not.toBe(glibc);
    }
  });

  it('is exact at the edges', () => {
    expect(logCorrectlyRounded(1)).toBe(0);
    expect(logCorrectlyRounded(2)).toBe(Math.LN2);
    expect(logCorrectlyRounded(0)).toBe(-Infinity);
    expect(logCorrectlyRounded(-1)).toBeNaN();
    expect(logCorrectlyRounded(Infinity)).toBe(Infinity);
    expect(logCorrectlyRounded(5e-324)).toBe(-744.4400719213812);
    // ln(1 + ε) = ε − ε²/2 + …, just below ε: the double before it.
    expect(logCorrectlyRounded(1 + 2 ** -52)).toBe(2 ** -52 - 2 ** -105);
  });
});

describe('createJiebaSegmenter', () => {
  it('takes the most probable path; on an exact tie, the shorter first word (cppjieba keeps the first best)', () => {
    // 甲|乙丙 and 甲乙|丙 weigh exactly the same: the shorter first word wins.
    expect(segmenter('甲 5 n\n乙丙 5 n\n甲乙 5 n\n丙 5 n\n丁 5 n\n')('甲乙丙')).toEqual(['甲', '乙丙']);
    expect(segmenter('甲 5 n\n乙丙 5 n\n甲乙 6 n\n丙 5 n\n丁 5 n\n')('甲乙丙')).toEqual(['甲乙', '丙']);
  });

  it('cuts at the separators (space, tab, line feed, ，。), each a word; keeps \\r in the text around it', () => {
    const cut = segmenter('甲乙 5 n\n');
    expect(cut('甲乙 甲乙\t甲乙\n甲乙，甲乙。甲乙\r\n')).toEqual(['甲乙', ' ', '甲乙', '\t', '甲乙', '\n', '甲乙', '，', '甲乙', '。', '甲乙', '\r', '\n']);
    expect(cut('')).toEqual([]);
  });

  it('keeps ASCII letters-then-alphanumerics and digits-with-dots together; other ASCII alone', () => {
    const cut = segmenter('甲乙 5 n\n');
    expect(cut('abc12甲乙3.14.15x&y')).toEqual(['abc12', '甲乙', '3.14.15', 'x', '&', 'y']);
    expect(cut("don't")).toEqual(['don', "'", 't']);
  });

  it('gives the text back, lone surrogates and astral characters included', () => {
    const cut = segmenter('甲乙 5 n\n𠮷乙 5 n\n');
    for (const text of ['\ud800甲乙\udfff', '𠮷乙甲', '😀😀甲乙', '\udc00\ud800']) expect(cut(text).join('')).toBe(text);
    expect(cut('𠮷乙甲')).toContain('𠮷乙');
  });

  it("keeps a user dictionary's one-character word out of the HMM; a user word without a count takes the median weight", () => {
    // Alone, 丁乙 goes to the HMM as two single characters.
    expect(segmenter('甲 5 n\n乙 5 n\n丁 5 n\n', '丁乙\n')('丁乙')).toEqual(['丁乙']);
    expect(segmenter('甲 5 n\n乙 5 n\n丁 5 n\n', '丁 x\n')('甲丁乙').join('|')).toContain('丁|');
  });
});

describe('compileJiebaDictionary and loadJiebaDictionary', () => {
  const bytes = compileJiebaDictionary({ dict: '甲 5 n\n甲乙 7 n\n乙 3 n\n', hmm: HMM, user: '乙丙 9 x\n' });

  it('counts words of the main dictionary; the user dictionary adds none', () => {
    const d = loadJiebaDictionary(bytes);
    expect(d.total).toBe(15);
    expect([d.frequency('甲乙'), d.frequency('甲'), d.frequency('乙丙'), d.frequency('丙'), d.frequency('')]).toEqual([7, 5, 0, 0, 0]);
  });

  it('refuses dictionary files cppjieba would abort on', () => {
    expect(() => compileJiebaDictionary({ dict: '甲 5\n', hmm: HMM })).toThrow(ShenjiaoError);
    expect(() => compileJiebaDictionary({ dict: '', hmm: HMM })).toThrow(ShenjiaoError);
    expect(() => compileJiebaDictionary({ dict: '甲 5 n\n', hmm: '0 0 0 0\n' })).toThrow(ShenjiaoError);
    expect(() => compileJiebaDictionary({ dict: '甲 5 n\n', hmm: HMM.replace('甲:-3.0', '甲-3.0') })).toThrow(ShenjiaoError);
  });

  it('refuses truncated, changed or foreign bytes with a typed error', () => {
    const refuse = (b: Uint8Array) => {
      try {
        loadJiebaDictionary(b);
      } catch (error) {
        expect(error).toBeInstanceOf(ShenjiaoError);
        expect((error as ShenjiaoError).code).toBe('invalid-dictionary');
        return;
      }
      throw new Error('loaded');
    };
    refuse(bytes.subarray(0, bytes.length - 8));
    refuse(bytes.subarray(0, 20));
    refuse(new Uint8Array(0));
    for (const at of [0, 4, 8, 60, bytes.length >> 1, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at] = (changed[at] as number) ^ 0x40;
      refuse(changed);
    }
  });

  it('reads bytes at any offset (copied once when not 8-byte aligned)', () => {
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(loadJiebaDictionary(shifted.subarray(3)).frequency('甲乙')).toBe(7);
  });
});
