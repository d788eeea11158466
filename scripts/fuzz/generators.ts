/**
 * Seeded generators for the fuzz campaign (`npm run fuzz`) and the shape families of its scaling run.
 * Every input is a pure function of (seed, entry point, index), so a failure replays from the three
 * numbers alone (`npm run fuzz -- --replay html:1234 --seed 20261206`).
 */
import { createRandom } from '../../benchmarks/corpus.js';

export type Entry = 'text' | 'html' | 'markdown' | 'image' | 'file';
export const ENTRIES: readonly Entry[] = ['text', 'html', 'markdown', 'image', 'file'];

/** mulberry32 (the benchmarks' generator): small, fast, and the same on every platform. */
export const rng = createRandom;

/** One seed per (campaign seed, entry point, index): FNV-1a over the three. */
export function caseSeed(seed: number, entry: Entry, index: number): number {
  let h = 0x811c9dc5;
  for (const c of `${seed}:${entry}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

export class Draw {
  constructor(readonly random: () => number) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  /** A length skewed towards small: most inputs short, some up to `max`. */
  length(max: number): number {
    return Math.floor(max ** this.random());
  }
}

/** Text that the rules care about: phrasing, personal data, typos, punctuation and noise. */
const PROSE = [
  '坚持以人民为中心', '中华人民共和国', '习近平新时代中国特色社会主义思想', '全面从严治党', '党中央', '国务院',
  '两学一做', '不忘初心、牢记使命', '的', '地', '得', '在', '再', '做', '作', '截止', '截至', '其他', '其它',
  '，', '。', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】', '——', '……', '·',
  ',', '.', ';', ':', '?', '!', '"', "'", '(', ')', '<', '>', '[', ']', '{', '}', '-', '_', '*', '#', '`', '~', '|', '\\', '/',
  '110101199003074514', '11010119900307451X', '110101199003074515', '13800138000', '138-0013-8000', '+86 138 0013 8000',
  '6222021234567890123', '4111111111111111', 'zhangsan@example.gov.cn', '京A12345', '010-12345678',
  '2024年2月30日', '2026年12月6日', '二〇二六年', '第一', '第1', '1~3月', '5%', '％', '１２３', 'ＡＢＣ',
  '政府工作报告', '中国共产党第二十次全国代表大会', '党的二十大', '十四五', '“十四五”', '新冠', '疫情',
  '蒋介石', '台湾', '中华民国', '港独', '法轮', '六四', '共党', '中共', '真理部', '维稳',
  '登陆', '登录', '布署', '部署', '按装', '安装', '既然', '即然', '再接再励', '再接再厉', '一愁莫展', '穿流不息',
  '户口簿', '户口本', '反映', '反应', 'www.example.gov.cn', 'https://x.gov.cn/a?b=1&c=2', 'http://', 'javascript:alert(1)',
  ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u3000', '\u00a0', '\u200b', '\u200d', '\ufeff', '\u2028',
  '\ud800', '\udfff', '\ud83d\ude00', '😀', '👨‍👩‍👧', '\u0000', '\u0001', '\u001b', '\u007f', '\ufffd',
  '乾', '隻', '後', '裡', '髮', '發', '國務院', '黨中央', '醫', 'é', 'e\u0301', 'ﬁ', 'Ⅻ', '①', '⑴',
  '&amp;', '&lt;', '&#20013;', '&#x4e2d;', '&nbsp;', '&', '&#', '&#x', '&bogus;', '&amp', '&#99999999;',
];

const TAGS = ['div', 'p', 'span', 'a', 'b', 'i', 'em', 'strong', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'h1', 'h2', 'br', 'img', 'script', 'style',
  'title', 'head', 'body', 'html', 'meta', 'textarea', 'pre', 'svg', 'math', 'template', 'iframe', 'noscript', 'form', 'input', 'select', 'option', 'font', 'center', 'marquee', 'x-y'];
const ATTRS = ['title', 'alt', 'href', 'src', 'style', 'class', 'id', 'name', 'content', 'hidden', 'aria-hidden', 'srcset', 'data-src', 'charset', 'onclick', 'lang'];
const STYLES = ['display:none', 'visibility:hidden', 'color:#fff', 'font-size:0', 'position:absolute;left:-9999px', 'opacity:0', 'height:0;overflow:hidden', 'color:red', ''];

function prose(d: Draw, max: number): string {
  const n = d.length(max);
  let s = '';
  for (let i = 0; i < n; i++) s += d.chance(0.1) ? String.fromCharCode(d.int(0x10000)) : d.pick(PROSE);
  return s;
}

function attribute(d: Draw): string {
  const name = d.pick(ATTRS);
  const value = name === 'style' ? d.pick(STYLES) : prose(d, 12);
  const q = d.pick(['"', "'", '', '"', '"']);
  return d.chance(0.05) ? ` ${name}` : ` ${name}=${q}${q === '' ? value.replace(/[\s>]/g, '') : value.replaceAll(q, '')}${d.chance(0.03) ? '' : q}`;
}

function html(d: Draw, budget: number): string {
  let s = '';
  const open: string[] = [];
  const n = d.length(budget);
  for (let i = 0; i < n; i++) {
    const r = d.random();
    if (r < 0.35) s += prose(d, 30);
    else if (r < 0.65) {
      const tag = d.pick(TAGS);
      let attrs = '';
      const k = d.int(3);
      for (let j = 0; j < k; j++) attrs += attribute(d);
      s += `<${d.chance(0.1) ? tag.toUpperCase() : tag}${attrs}${d.chance(0.05) ? '/' : ''}>`;
      open.push(tag);
    } else if (r < 0.85 && open.length > 0) {
      s += `</${d.chance(0.8) ? open.pop() : d.pick(TAGS)}>`;
    } else if (r < 0.9) {
      s += d.pick(['<!--', '-->', '<!-- 注释 -->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?xml?>', '</', '<', '>', '<a', '="', "='"]);
    } else if (r < 0.95) {
      s += `<style>${d.pick(['*', 'a', '.x', '#y', 'div p', 'p>a', 'a:hover', '[hidden]'])}{${d.pick(STYLES)}}</style>`;
    } else {
      s += `<a href="${d.pick(['/a', 'http://x.cn', '#', 'javascript:void(0)', ''])}"${d.chance(0.3) ? ` style="${d.pick(STYLES)}"` : ''}>${prose(d, 6)}</a>`;
    }
  }
  return s;
}

const MD_LINE_STARTS = ['', '', '', '# ', '## ', '###### ', '> ', '>> ', '- ', '* ', '+ ', '1. ', '2) ', '    ', '\t', '```', '~~~', '---', '***', '===', '| ', '- [ ] ', '- [x] ', '[1]: ', '<div>', '<!--', '<p>'];
const MD_INLINE = ['*', '**', '_', '__', '~~', '`', '``', '[', ']', '(', ')', '](', '![', '<', '>', '\\', '|', '[链接](http://x.cn)', '![图片](a.png "题")', '<http://x.cn>', '<a@b.cn>', '[a][b]', '[^1]'];

function markdown(d: Draw, budget: number): string {
  const lines: string[] = [];
  const n = d.length(budget);
  if (d.chance(0.05)) lines.push('---', `title: ${prose(d, 5)}`, `description: ${prose(d, 5)}`, '---');
  for (let i = 0; i < n; i++) {
    let line = d.pick(MD_LINE_STARTS);
    const k = d.length(20);
    for (let j = 0; j < k; j++) line += d.chance(0.3) ? d.pick(MD_INLINE) : prose(d, 4);
    lines.push(line);
  }
  return lines.join(d.pick(['\n', '\n', '\r\n', '\r']));
}

/** Mutations shared by every text generator: cut, splice, repeat a piece, overwrite. */
function mutate(d: Draw, s: string): string {
  const m = d.int(6);
  if (s.length === 0 || m > 3) return s;
  const a = d.int(s.length);
  const b = a + d.int(s.length - a);
  if (m === 0) return s.slice(0, a);
  if (m === 1) return s.slice(0, a) + s.slice(b);
  if (m === 2) return s.slice(0, b) + s.slice(a, b).repeat(1 + d.int(8)) + s.slice(b);
  return s.slice(0, a) + String.fromCharCode(d.int(0x10000)) + s.slice(a + 1);
}

/** The text, HTML or Markdown source of campaign case `index`. */
export function textCase(seed: number, entry: 'text' | 'html' | 'markdown', index: number): string {
  const d = new Draw(rng(caseSeed(seed, entry, index)));
  // Any generator can feed any entry point: HTML read as Markdown and text as HTML are inputs too.
  const kind = d.chance(0.7) ? entry : d.pick(['text', 'html', 'markdown'] as const);
  const budget = d.chance(0.02) ? 2000 : 120;
  const s = kind === 'html' ? html(d, budget) : kind === 'markdown' ? markdown(d, budget) : prose(d, budget * 4);
  return mutate(d, s);
}

/** What `fileCase` writes: bytes, the extension that picks the format, and the encoding used. */
export interface FileCase {
  readonly ext: string;
  readonly bytes: Uint8Array;
}

const FILE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.markdown', '.text', '.xhtml', ''];

/** A text file: any text case, encoded as UTF-8 (with or without BOM), UTF-16, GBK, or damaged. */
export function fileCase(seed: number, index: number, encode: (text: string, encoding: string) => Uint8Array): FileCase {
  const d = new Draw(rng(caseSeed(seed, 'file', index)));
  const ext = d.pick(FILE_EXTENSIONS);
  const format = ext.includes('htm') ? 'html' : ext.includes('m') ? 'markdown' : 'text';
  let text = textCase(seed, format, index);
  if (format === 'html' && d.chance(0.3)) text = `<meta charset="${d.pick(['gb2312', 'gbk', 'utf-8', 'big5', 'iso-8859-1', 'bogus', 'utf-16'])}">${text}`;
  const encoding = d.pick(['utf-8', 'utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'gbk', 'gb18030', 'big5', 'raw']);
  let bytes: Uint8Array;
  if (encoding === 'raw') {
    bytes = new Uint8Array(d.length(4000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = d.int(256);
  } else bytes = encode(text, encoding);
  if (d.chance(0.2) && bytes.length > 0) {
    // A file cut mid-character, or with a few bytes overwritten.
    bytes = d.chance(0.5) ? bytes.subarray(0, d.int(bytes.length)) : Uint8Array.from(bytes, (b) => (d.chance(0.01) ? d.int(256) : b));
  }
  return { ext, bytes };
}

/** An image case: random bytes, a magic number and noise, or a real image cut, overwritten or spliced. */
export function imageCase(seed: number, index: number, corpus: readonly Uint8Array[], magics: readonly Uint8Array[]): Uint8Array {
  const d = new Draw(rng(caseSeed(seed, 'image', index)));
  const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => d.int(256));
  const mode = d.int(7);
  if (mode === 0) return noise(d.length(20_000));
  if (mode === 1) return concat(d.pick(magics), noise(d.length(5000)));
  const real = d.pick(corpus);
  if (mode === 2) return real.subarray(0, d.int(real.length));
  if (mode === 3 || mode === 4) {
    const copy = Uint8Array.from(real);
    const n = 1 + d.int(mode === 3 ? 4 : 32);
    // Metadata lives near the start: aim most writes at the first kilobyte, where counts and offsets are.
    for (let k = 0; k < n; k++) copy[d.chance(0.7) ? d.int(Math.min(copy.length, 1024)) : d.int(copy.length)] = d.chance(0.3) ? d.pick([0, 0xff, 0x7f, 0x80]) : d.int(256);
    return copy;
  }
  const a = d.int(real.length);
  const b = a + d.int(real.length - a);
  return mode === 5 ? concat(real.subarray(0, a), real.subarray(b)) : concat(real.subarray(0, b), real.subarray(a));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A shape family of the scaling run: one input shape at any size, and the entry point it goes through. */
export interface Shape {
  readonly name: string;
  readonly entry: 'text' | 'html' | 'markdown' | 'node-text';
  /** An input of about `n` UTF-16 units. */
  make(n: number): string;
}

const fill = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

export const SHAPES: readonly Shape[] = [
  { name: 'nested <div>', entry: 'html', make: (n) => fill('<div>', n) + '正文' },
  { name: 'nested <table><tr><td>', entry: 'html', make: (n) => fill('<table><tr><td>', n) },
  { name: 'nested <svg>', entry: 'html', make: (n) => fill('<svg>', n) },
  { name: 'unclosed <a ', entry: 'html', make: (n) => '<p title="未闭合>' + fill('<a ', n) },
  { name: 'title attribute', entry: 'html', make: (n) => `<a href="/x" title="${fill('标题文字，', n)}">x</a>` },
  { name: 'repeated title attributes', entry: 'html', make: (n) => `<p ${fill('title="a" ', n)}>x</p>` },
  { name: 'many paragraphs', entry: 'html', make: (n) => fill('<p>政府信息公开</p>', n) },
  { name: 'ampersands', entry: 'html', make: (n) => fill('&&#x&amp', n) },
  { name: 'comments', entry: 'html', make: (n) => fill('<!--', n) },
  { name: 'CSS rules × links', entry: 'html', make: (n) => `<style>${fill('*{display:none}', n / 2)}</style>${fill('<a href="/x">链接</a>', n / 2)}` },
  { name: '[a]( repeated', entry: 'markdown', make: (n) => fill('[a](', n) },
  { name: 'nested brackets', entry: 'markdown', make: (n) => fill('[', n / 2) + fill('](', n / 2) },
  { name: 'block quotes', entry: 'markdown', make: (n) => fill('>', n) + ' 正文' },
  { name: 'list markers', entry: 'markdown', make: (n) => fill('- ', n) + '正文' },
  { name: 'emphasis run', entry: 'markdown', make: (n) => fill('*', n / 2) + '正文' + fill('*', n / 2) },
  { name: 'intraword underscores', entry: 'markdown', make: (n) => 'a' + fill('_', n) + 'b' },
  { name: 'angle brackets', entry: 'markdown', make: (n) => fill('<a', n) },
  { name: 'table rows', entry: 'markdown', make: (n) => '| a | b |\n|---|---|\n' + fill('| 政府 | 信息 |\n', n) },
  { name: 'one line of CJK', entry: 'text', make: (n) => fill('党', n) },
  { name: 'one line of digits', entry: 'text', make: (n) => fill('1', n) },
  { name: 'CR-only lines', entry: 'text', make: (n) => fill('第一行\r第二行110101199003074514\r', n) },
  { name: 'lone surrogates', entry: 'text', make: (n) => fill('\ud800\udc00\ud800x\udfff', n) },
  { name: 'prose', entry: 'text', make: (n) => fill('坚持以人民为中心的发展思想，截止到2026年12月6日，联系电话13800138000。\n', n) },
  { name: 'one line of prose, node checker', entry: 'node-text', make: (n) => fill('坚持以人民为中心的发展思想，推动高质量发展', n) },
];
