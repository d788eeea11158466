import { describe, expect, it } from 'vitest';
import { compileJiebaDictionary, createJiebaSegmenter, loadJiebaDictionary } from '../../src/text/jieba/index.js';
import { childOf } from '../../src/text/jieba/dictionary.js';
import { jiebaSegmenter, nodejiebaSegmenter } from '../../src/node/segment.js';
import { CodeFilter } from '../../src/text/pair-map.js';

// The compiled dictionary's hashed trie and the segmenter's shortcuts in front of it (the root's
// children table, the two-unit prefix set, the children's signatures, the bigram cache): each may only
// skip a lookup whose answer is no, so the cuts stay nodejieba's.

const HMM = `-0.26 -3.14e+100 -3.14e+100 -1.46
-3.14e+100 -0.51 -0.91 -3.14e+100
-0.58 -3.14e+100 -3.14e+100 -0.81
-3.14e+100 -0.33 -1.26 -3.14e+100
-0.72 -3.14e+100 -3.14e+100 -0.66
甲:-1.0,乙:-2.0
甲:-1.5,乙:-1.0
甲:-3.0
甲:-2.0,乙:-2.0
`;

/** nodejieba's words for ours: U+FFFD where the text has a lone surrogate. */
const asNodejieba = (words: readonly string[]) => words.map((w) => (w as unknown as { toWellFormed(): string }).toWellFormed());

describe('the hashed trie', () => {
  it('finds every word and prefix of a dictionary, and nothing else, whatever its units', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const units = [0x4e00, 0x4e01, 0x9fa5, 0xffff, 0xfffd, 0xd840, 0xdc00, 0x41, 0x31, 0x0];
    const words = new Set<string>();
    while (words.size < 3000) {
      const n = 1 + Math.floor(random() * 5);
      let w = '';
      for (let i = 0; i < n; i++) w += String.fromCharCode(random() < 0.7 ? (units[Math.floor(random() * units.length)] as number) : 0x4e00 + Math.floor(random() * 64));
      if (!w.includes('\n') && !w.includes(' ')) words.add(w);
    }
    const list = [...words];
    const d = loadJiebaDictionary(compileJiebaDictionary({ dict: list.map((w, i) => `${w} ${i + 1} n`).join('\n') + '\n', hmm: HMM }));
    const prefixes = new Set(list.flatMap((w) => [...Array(w.length).keys()].map((k) => w.slice(0, k + 1))));
    const walk = (s: string) => {
      let cell = 0;
      for (let i = 0; i < s.length && cell >= 0; i++) cell = childOf(d, cell, s.charCodeAt(i));
      return cell;
    };
    for (const p of prefixes) expect(walk(p)).toBeGreaterThan(0);
    list.forEach((w, i) => expect(d.frequency(w)).toBe(i + 1));
    for (let k = 0; k < 5000; k++) {
      const s = String.fromCharCode(0x4e00 + Math.floor(random() * 80), 0x4e00 + Math.floor(random() * 80), 0x4e00 + Math.floor(random() * 80));
      expect(walk(s) > 0).toBe(prefixes.has(s));
    }
  });

  it('a one-word dictionary and a text of U+FFFF pairs (the bigram cache’s empty key)', () => {
    const cut = createJiebaSegmenter(loadJiebaDictionary(compileJiebaDictionary({ dict: '\uffff\uffff 5 n\n甲 3 n\n', hmm: HMM })));
    // \uffff|\uffff\uffff and \uffff\uffff|\uffff weigh the same: the shorter first word wins.
    expect(cut('\uffff\uffff\uffff甲\uffff\uffff')).toEqual(['\uffff', '\uffff\uffff', '甲', '\uffff\uffff']);
    const plain = createJiebaSegmenter(loadJiebaDictionary(compileJiebaDictionary({ dict: '甲 3 n\n', hmm: HMM })));
    expect(plain('\uffff\uffff甲').join('')).toBe('\uffff\uffff甲');
  });
});

describe('jiebaSegmenter keeps nodejieba’s cuts through its caches', () => {
  it('on bigrams met again and again, in many orders, and on keys that share a cache slot', () => {
    const texts: string[] = [];
    const chars = '中华人民共和国发展改革委员会工作建设社会主义现代化国家的了是在和有\uffff\ufffd𠀀𠮷';
    let seed = 99;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const all = [...chars];
    for (let t = 0; t < 300; t++) {
      let s = '';
      const n = 1 + Math.floor(random() * 40);
      for (let i = 0; i < n; i++) s += all[Math.floor(random() * all.length)];
      texts.push(s);
    }
    // Every BMP pair of a few hundred characters: thousands of keys for 4 096 slots.
    const many = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
    for (let i = 0; i < many.length; i += 3) texts.push(many.map((c, k) => c + (many[(k + i) % many.length] as string)).join(''));
    for (const t of [...texts, ...texts.reverse()]) expect(asNodejieba(jiebaSegmenter(t))).toEqual(nodejiebaSegmenter(t));
  }, 120_000);
});

describe('CodeFilter', () => {
  it('never answers no for a string it holds, and rarely yes for one it lacks', () => {
    let seed = 3;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const unit = () => 0x4e00 + Math.floor(random() * 0x5200);
    const held = new Set<string>();
    const filter = new CodeFilter(20_000);
    for (let i = 0; i < 20_000; i++) {
      const n = 2 + Math.floor(random() * 3);
      const u = Array.from({ length: n }, unit);
      held.add(u.join(','));
      filter.add(u[0] as number, u[1] as number, u[2] ?? -1, u[3] ?? -1);
    }
    for (const k of held) {
      const u = k.split(',').map(Number);
      expect(filter.has(u[0] as number, u[1] as number, u[2] ?? -1, u[3] ?? -1)).toBe(true);
    }
    let passed = 0;
    for (let i = 0; i < 20_000; i++) if (filter.has(unit(), unit(), unit())) passed++;
    expect(passed / 20_000).toBeLessThan(0.2);
    expect(new CodeFilter(0).has(1, 2)).toBe(false);
  });
});
