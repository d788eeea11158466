import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { portalPage } from '../../benchmarks/portal.js';
import { createJiebaSegmenter } from '../../src/text/jieba/index.js';
import { jiebaFiles, jiebaSegmenter, loadJiebaDictionaryCached, loadSegmenter, nodejiebaSegmenter } from '../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../src/node/words.js';

// jiebaSegmenter against nodejieba itself (the same dictionary files, loaded by cppjieba), cut for cut.

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every string of the corpora: text, Markdown and HTML files whole, and each string value of the JSON ones. */
function corpus(): string[] {
  const out: string[] = [];
  const strings = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(strings);
    else if (v && typeof v === 'object') Object.values(v).forEach(strings);
  };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
      else if (e.name.endsWith('.json')) strings(JSON.parse(readFileSync(p, 'utf8')));
    }
  };
  walk(fixtures);
  return out;
}

/** nodejieba's words for ours: the same cuts, with U+FFFD where the text has a lone surrogate. */
const asNodejieba = (words: readonly string[]) => words.map((w) => (w as unknown as { toWellFormed(): string }).toWellFormed());

function expectSame(texts: readonly string[]) {
  const differing: string[] = [];
  for (const t of texts) {
    const ours = jiebaSegmenter(t);
    if (ours.join('') !== t) differing.push(`does not give the text back: ${JSON.stringify(t.slice(0, 80))}`);
    else if (JSON.stringify(asNodejieba(ours)) !== JSON.stringify(nodejiebaSegmenter(t))) differing.push(JSON.stringify(t.slice(0, 80)));
  }
  expect(differing).toEqual([]);
}

describe('jiebaSegmenter cuts as nodejieba.cut(text, true) does', () => {
  it('on every corpus file, whole and line by line', () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(1000);
    expectSame(texts);
    expectSame(texts.flatMap((t) => t.split('\n')));
  }, 300_000);

  it('on generated portal pages (benchmarks/portal.ts), as HTML and line by line', () => {
    const pages = Array.from({ length: 40 }, (_, i) => portalPage(i));
    expectSame(pages);
    expectSame(pages.flatMap((p) => p.split('\n')));
  }, 300_000);

  it('on hostile strings', () => {
    expectSame([
      '',
      ' ',
      '\r\n',
      '甲\r\n乙\r丙\n\n',
      'AT&T和B超c#区块链云计算 hello world 3.14.15abc12 ',
      "Don't stop: it's the children's ... don't",
      'iPhone15Pro、5G、4.0版、2024年5月6日、No.12号、v1.2.3-beta',
      'ＡＢＣ１２３全角字符，ａｂｃ！？「」『』【】〔〕…—～',
      '😀𠮷吉𠮷野家👨‍👩‍👧‍👦🇨🇳中国',
      '\ud800孤立代理项\udfff𠀀至高点\udc00\ud800',
      '\u0000空\u0001字符\u007f\u0085\u00a0\u3000全角空格\u200b零宽',
      '   多个   空格\t\t制表',
      '1234567890.1234.5.6..7',
      'abc'.repeat(100) + '中文'.repeat(100),
      '一'.repeat(600),
      '的的的的的的的的的的的的的的的的的的的的的的',
      '<p style="text-indent:2em">要再接再励，安排布署。</p>',
      '南京市长江大桥正式通车，委员汇和根锯的问题。',
    ]);
  });

  it('on random mixes of CJK, ASCII, digits, punctuation, separators, astral characters and lone surrogates', () => {
    const pieces = ['中', '华', '人民', '共和国', '长江', '大桥', '的', '了', '是', '在', '委员会', '网', '站', '𠮷', '😀', 'a', 'Z', 'x1', '9', '.', '3.14', "'", '&', '#', '，', '。', ' ', '\t', '\n', '\r', '、', '：', '（', '）', 'Ａ', '１', '\ud800', '\udc00', '\ufffd', '区块链', 'B超'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        const ours = jiebaSegmenter(t);
        expect(ours.join('')).toBe(t);
        expect(asNodejieba(ours)).toEqual(nodejiebaSegmenter(t));
      }),
      { numRuns: 2000, seed: 16 },
    );
  }, 120_000);

  it('on a 1 MB line, in linear time (growth ratio, not a time limit)', () => {
    const prose = readdirSync(join(fixtures, 'clean'))
      .map((f) => readFileSync(join(fixtures, 'clean', f), 'utf8'))
      .join('')
      .replace(/\n/g, '');
    const line = (n: number, strip: boolean) => {
      let s = '';
      while (s.length < n) s += strip ? prose.replace(/[ \t，。]/g, '') : prose;
      return s.slice(0, n);
    };
    const rare = (n: number) => '𠀀鿿'.repeat(Math.ceil(n / 3)).slice(0, n); // one run through the HMM
    const fastest = (f: () => void) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        f();
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    for (const make of [(n: number) => line(n, false), (n: number) => line(n, true), rare]) {
      const small = make(1 << 18);
      const big = make(1 << 20);
      expectSame([big]);
      const ratio = fastest(() => jiebaSegmenter(big)) / fastest(() => jiebaSegmenter(small));
      expect(ratio).toBeLessThan(10); // 4 when linear; quadratic would be 16
    }
  }, 300_000);

  it('loadSegmenter is idempotent and the segmenter gives the text back', () => {
    loadSegmenter();
    loadSegmenter();
    const text = '南京市长江大桥正式通车，委员汇和根锯的问题。';
    expect(jiebaSegmenter(text).join('')).toBe(text);
    expect(jiebaSegmenter(text)).toContain('长江大桥');
  });
});

describe('jiebaWordFrequencies', () => {
  it("gives the main dictionary's counts and their sum", () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const line of readFileSync(jiebaFiles().dict, 'utf8').split('\n')) {
      const [word, count] = line.split(' ');
      if (!word || !count) continue;
      counts.set(word, (counts.get(word) ?? 0) + Number(count));
      total += Number(count);
    }
    const words = jiebaWordFrequencies();
    expect(words.total).toBe(total);
    let i = 0;
    for (const [word, count] of counts) if (i++ % 97 === 0) expect(words.frequency(word)).toBe(count);
    for (const absent of ['', '委员汇', '根锯', '云计算x', '𠮷𠮷𠮷']) expect(words.frequency(absent)).toBe(0);
    expect(words.frequency('长江大桥')).toBe(counts.get('长江大桥'));
  });
});

describe('the compiled dictionary cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shenjiao-jieba-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sample = '南京市长江大桥正式通车，委员汇和根锯的问题。AT&T的B超';

  it('is built once, then read; a truncated or corrupt file is rebuilt and replaced, never read into wrong cuts', () => {
    const built = loadJiebaDictionaryCached({ cacheDirs: [dir] });
    expect(built.from).toBe('built');
    const path = built.path as string;
    const size = statSync(path).size;
    const expected = nodejiebaSegmenter(sample);
    expect(createJiebaSegmenter(built.dictionary)(sample)).toEqual(expected);
    const cached = loadJiebaDictionaryCached({ cacheDirs: [dir] });
    expect(cached.from).toBe('cache');
    expect(createJiebaSegmenter(cached.dictionary)(sample)).toEqual(expected);

    truncateSync(path, size >> 1);
    const afterTruncation = loadJiebaDictionaryCached({ cacheDirs: [dir] });
    expect(afterTruncation.from).toBe('built');
    expect(statSync(path).size).toBe(size);
    expect(createJiebaSegmenter(afterTruncation.dictionary)(sample)).toEqual(expected);

    const bytes = readFileSync(path);
    bytes[size >> 1] = (bytes[size >> 1] as number) ^ 1;
    writeFileSync(path, bytes);
    const afterCorruption = loadJiebaDictionaryCached({ cacheDirs: [dir] });
    expect(afterCorruption.from).toBe('built');
    expect(loadJiebaDictionaryCached({ cacheDirs: [dir] }).from).toBe('cache');
    expect(createJiebaSegmenter(afterCorruption.dictionary)(sample)).toEqual(expected);
  }, 120_000);

  it('builds in memory when no cache folder can be written', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const load = loadJiebaDictionaryCached({ cacheDirs: [join(file, 'below-a-file')] });
    expect(load.from).toBe('built');
    expect(load.path).toBeUndefined();
    expect(createJiebaSegmenter(load.dictionary)(sample)).toEqual(nodejiebaSegmenter(sample));
  }, 120_000);
});
