/**
 * Builds dictionaries/typo/lookalikes.json, the shape half of typo/confusable-word's confusion set from
 * two published look-alike tables:
 *
 * - the SIGHAN-7 Bake-off 2013 Chinese spelling check confusion set, visually similar characters
 *   (Bakeoff2013_CharacterSet_SimilarShape.txt, after Liu et al. 2011, "Visually and phonologically
 *   similar characters in incorrect Chinese words", ACM TALIP 10(2)), in the simplified-character form
 *   SpellGCN distributes (ACL2020SpellGCN/SpellGCN, data/gcn_graph.ty_xj/SimilarShape_simplied.txt,
 *   commit ebf5600): one line per character, "字,形近字…";
 * - pycorrector's same-component groups (shibing624/pycorrector, Apache-2.0,
 *   pycorrector/data/same_stroke.txt, commit 41c5c17): one line per group of characters sharing a
 *   component ("肖,消,梢,销…"), read as mutually similar.
 *
 * Of the SIGHAN lists only pairs each character's line lists ("淮" under "准" and "准" under "淮") are
 * kept. Shape likeness is symmetric, so each pair is kept both ways; a pair is kept only when the meant
 * character is one a correction may need (the common characters and those of jieba's frequent words
 * and idioms, as scripts/build-homophones.ts takes them). Output: written character → the characters it
 * may have been written for.
 *
 * Usage: npx tsx scripts/build-lookalikes.ts <SimilarShape_simplied.txt> <same_stroke.txt>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import idiomsRaw from '../dictionaries/typo/idioms.json';
import suspectRaw from '../dictionaries/typo/suspect-words.json';

const [shapePath, strokePath] = process.argv.slice(2);
if (!shapePath || !strokePath) throw new Error('usage: npx tsx scripts/build-lookalikes.ts <SimilarShape_simplied.txt> <same_stroke.txt>');
const suspect = (suspectRaw as unknown as { entries: { common: string; words: Record<string, string> } }).entries;
const idioms = (idiomsRaw as unknown as { entries: { idioms: string } }).entries.idioms;
const han = (c: string) => /^\p{Script=Han}$/u.test(c) && c.length === 1;
const common = new Set([...suspect.common, ...Object.values(suspect.words).join(''), ...idioms].filter(han));

const similar = new Map<string, Set<string>>();
const link = (a: string, b: string) => {
  if (a === b || !han(a) || !han(b)) return;
  for (const [w, m] of [
    [a, b],
    [b, a],
  ] as const) {
    if (!common.has(m)) continue;
    let s = similar.get(w);
    if (!s) similar.set(w, (s = new Set()));
    s.add(m);
  }
};
// The SIGHAN lists are broad (some 25 characters a line, "本" among those of "一"): a pair is kept only
// when each character's line lists the other, the likeness both judgements agree on.
const listed = new Map<string, Set<string>>();
for (const line of readFileSync(shapePath, 'utf8').split('\n')) {
  const [c, list] = line.trim().split(',', 2);
  if (c && list) listed.set(c, new Set(list));
}
let sighan = 0;
for (const [c, list] of listed) {
  for (const x of list) {
    if (!listed.get(x)?.has(c)) continue;
    sighan++;
    link(c, x);
  }
}
let groups = 0;
for (const line of readFileSync(strokePath, 'utf8').split('\n')) {
  // Single characters only: a few lines carry a word ("岐山", "症状") or stray spaces.
  const chars = line.split(/[,\s]+/).filter(han);
  if (chars.length < 2) continue;
  groups++;
  for (let i = 0; i < chars.length; i++) for (let j = i + 1; j < chars.length; j++) link(chars[i] as string, chars[j] as string);
}
const entries: Record<string, string> = {};
for (const w of [...similar.keys()].sort()) entries[w] = [...(similar.get(w) as Set<string>)].sort().join('');

const out = {
  meta: {
    id: 'lookalikes',
    title: '形近字表（写成的字 → 可能想写的常用字）',
    source:
      'SIGHAN-7 Bake-off 2013 中文拼写检查任务的形近字混淆集（Bakeoff2013_CharacterSet_SimilarShape.txt，据 Liu et al. 2011, ACM TALIP 10(2)），用 SpellGCN 所附简体本（ACL2020SpellGCN/SpellGCN，data/gcn_graph.ty_xj/SimilarShape_simplied.txt，提交 ebf5600）；shibing624/pycorrector（Apache-2.0）pycorrector/data/same_stroke.txt 的同部件字组（提交 41c5c17）',
    retrieved: '2026-12-07',
    notes: `由 scripts/build-lookalikes.ts 生成，勿手改。SIGHAN 表每行列出二十多个字，取舍宽，只保留两字各自的行里互相列出的字对；形近关系按对称处理；只保留“想写的字”属常用字（与 typo/homophones.json 同一字表）的字对。entries：写成的字 → 可能想写的字（连写，按码位排序）。SIGHAN 表只取两字互列的字对（${sighan / 2} 对），pycorrector 字组 ${groups} 组。`,
  },
  entries,
};
writeFileSync(new URL('../dictionaries/typo/lookalikes.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(entries).length} written characters, ${Object.values(entries).join('').length} pairs`);
