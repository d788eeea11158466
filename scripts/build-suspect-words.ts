/**
 * Builds dictionaries/typo/suspect-words.json, the data of typo/common-typo's non-word check, from
 * two public sources:
 *  - jieba's dictionary (fxsjy/jieba, MIT), shipped inside nodejieba as
 *    submodules/cppjieba/dict/jieba.dict.utf8: words, frequencies and part-of-speech tags;
 *  - pycorrector (shibing624/pycorrector, Apache-2.0) pycorrector/data/: same_pinyin.txt, same_stroke.txt,
 *    common_char_set.txt and person_name.txt (commit fc8aa56).
 *
 * Usage: npx tsx scripts/build-suspect-words.ts <pycorrector checkout>/pycorrector/data
 *
 * Only facts are taken (which strings are words, how often they occur, which characters sound or look
 * alike, which characters open Chinese names); the selection below is ours.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
/** Least jieba frequency of a word the check may suggest, by length (2, 3, 4 characters). */
const MIN_FREQ: Readonly<Record<number, number>> = { 2: env('MIN_FREQ2', 100), 3: env('MIN_FREQ3', 20) };
/** Tags of names (people, places, organisations, other proper nouns) and non-words: their near misses are other names. */
const SKIP_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'x', 'eng', 'j']);

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: build-suspect-words.ts <pycorrector>/pycorrector/data');
const require = createRequire(import.meta.url);
const jiebaDir = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');

const HAN = /^[\u4e00-\u9fff]+$/u;
const freq = new Map<string, number>();
const tag = new Map<string, string>();
for (const line of readFileSync(join(jiebaDir, 'jieba.dict.utf8'), 'utf8').split('\n')) {
  const [w, f, t] = line.trim().split(/\s+/);
  if (!w || !f || !HAN.test(w)) continue;
  freq.set(w, (freq.get(w) ?? 0) + Number(f));
  tag.set(w, t ?? '');
}
const total = [...freq.values()].reduce((a, b) => a + b, 0);

const lines = (name: string) => readFileSync(join(dataDir, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const common = new Set(lines('common_char_set.txt').map((l) => l.trim()));

/** Canonical character → characters typed for it: homophones (any tone) among common characters, and look-alikes. */
const confusion = new Map<string, Set<string>>();
const addConf = (c: string, x: string) => {
  if (c === x || !HAN.test(c) || !HAN.test(x)) return;
  let s = confusion.get(c);
  if (!s) confusion.set(c, (s = new Set()));
  s.add(x);
};
for (const l of lines('same_pinyin.txt')) {
  const [c, same = '', other = ''] = l.split('\t');
  if (!c) continue;
  for (const x of [...same, ...(env('CONF_TONE', 1) ? other : '')]) if (common.has(x) && common.has(c)) addConf(c, x);
}
for (const l of lines('same_stroke.txt')) {
  const group = l.split(/\s+/).filter(Boolean);
  // A look-alike group: any member may be written for any other.
  for (const a of group) for (const b of group) addConf(a, b);
}

const targets = new Map<number, string[]>([[2, []], [3, []]]);
for (const [w, f] of freq) {
  const n = w.length;
  const min = MIN_FREQ[n];
  if (min === undefined || f < min || SKIP_TAGS.has(tag.get(w) ?? '')) continue;
  targets.get(n)?.push(w);
}
for (const list of targets.values()) list.sort();
const targetSet = new Set([...targets.values()].flat());

/** Dictionary words one confusion away from a target: right as written, never reported. */
const legit = new Set<string>();
const usedChars = new Set<string>();
for (const w of targetSet) {
  for (let k = 0; k < w.length; k++) {
    const c = w[k] as string;
    usedChars.add(c);
    for (const x of confusion.get(c) ?? []) {
      const v = w.slice(0, k) + x + w.slice(k + 1);
      if (freq.has(v) && !targetSet.has(v)) legit.add(v);
    }
  }
}

/** Dictionary words inside common words ("高点" in "制高点"): their frequencies price the written reading. */
const parts = new Set<string>();
for (const w of targetSet) {
  for (let a = 0; a < w.length; a++) for (let b = a + 2; b <= w.length; b++) {
    const p = w.slice(a, b);
    if (p !== w && freq.has(p) && !targetSet.has(p)) parts.add(p);
  }
}

/** Frequencies on a half-natural-log scale, one base-36 digit per word: enough for a ratio test. */
const bucket = (f: number) => Math.min(35, Math.max(0, Math.round(2 * Math.log(f)))).toString(36);
const bySize = (ws: Iterable<string>) => {
  const out: Record<string, string> = {};
  for (const n of [2, 3]) out[n] = [...ws].filter((w) => w.length === n).sort().join('');
  return out;
};

/** Single characters as jieba counts them alone, for the chance that a character stands as its own word. */
const chars = [...freq].filter(([w]) => w.length === 1).sort(([a], [b]) => (a < b ? -1 : 1));

/** Name-opening characters: the first character of pycorrector's person names, by how many names it opens. */
const surnameCount = new Map<string, number>();
for (const l of lines('person_name.txt')) {
  const name = l.split(/\s+/)[0] ?? '';
  if (name.length >= 2 && name.length <= 3 && HAN.test(name)) surnameCount.set(name[0] as string, (surnameCount.get(name[0] as string) ?? 0) + 1);
}
const surnames = [...surnameCount].filter(([, n]) => n >= env('SURNAME_MIN', 10)).map(([c]) => c).sort().join('');

// typo/idioms.json already holds the same sets for the characters of idioms (common characters only);
// store what it lacks, and the rule reads both.
const idiomConfusion = (JSON.parse(readFileSync(new URL('../dictionaries/typo/idioms.json', import.meta.url), 'utf8')) as { entries: { confusion: Record<string, string> } }).entries.confusion;
const conf: Record<string, string> = {};
for (const c of [...usedChars].sort()) {
  const have = idiomConfusion[c] ?? '';
  const extra = [...(confusion.get(c) ?? [])].filter((x) => !have.includes(x));
  if (extra.length > 0) conf[c] = extra.sort().join('');
}

const out = {
  meta: {
    id: 'suspect-words',
    title: '非词错字检查用词表：常用词、同音字与形近字、易混的合法词、常见姓氏',
    source:
      '词与词频：结巴分词词典 jieba.dict.utf8（fxsjy/jieba，MIT，随 nodejieba 发行）；同音字与形近字：shibing624/pycorrector（Apache-2.0）pycorrector/data/same_pinyin.txt（只取 common_char_set.txt 所列 3500 个常用字）与 same_stroke.txt；姓氏：同库 person_name.txt 人名首字（提交 fc8aa56）',
    retrieved: '2026-12-03',
    notes:
      `由 scripts/build-suspect-words.ts 生成，勿手改。words：可作更正的常用词（结巴词频 2 字≥${MIN_FREQ[2]}、3 字≥${MIN_FREQ[3]}，不含人名、地名、机构名等专名），按字数分组连写；freqs：逐词词频等级（2·ln 词频，36 进制一位）；legit：与某个常用词只差一个同音或形近字、本身也是结巴词典所收词语的串，不报；confusion：常用词用字 → 可能被误输入的字（typo/idioms.json 的 confusion 已有的不再重复，规则合并两表）；chars/charFreqs：单字及其单用词频等级；surnames：人名首字；common：pycorrector common_char_set.txt 所列常用字；total：结巴词典总词频。`,
  },
  entries: {
    total,
    words: bySize(targetSet),
    freqs: Object.fromEntries([2, 3].map((n) => [n, (targets.get(n) ?? []).map((w) => bucket(freq.get(w) ?? 1)).join('')])),
    legit: bySize(legit),
    parts: bySize(parts),
    partFreqs: Object.fromEntries([2, 3].map((n) => [n, [...parts].filter((w) => w.length === n).sort().map((w) => bucket(freq.get(w) ?? 1)).join('')])),
    confusion: conf,
    chars: chars.map(([c]) => c).join(''),
    charFreqs: chars.map(([, f]) => bucket(f)).join(''),
    surnames,
    common: [...common].filter((c) => HAN.test(c)).sort().join(''),
  },
};
const target = new URL('../dictionaries/typo/suspect-words.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `targets ${[2, 3].map((n) => targets.get(n)?.length).join('/')}, legit ${legit.size}, parts ${parts.size}, confusion ${Object.keys(conf).length}, chars ${chars.length}, surnames ${surnames.length}; ${(readFileSync(target).length / 1024).toFixed(0)} KB`,
);
