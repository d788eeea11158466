/**
 * Builds dictionaries/typo/homophones.json, the sound half of typo/confusable-word's confusion set:
 * the characters a correction may need — the 3 500 common characters (pycorrector's
 * common_char_set.txt, as stored in dictionaries/typo/suspect-words.json `common`) and every character
 * of the frequent jieba words and idioms those tables hold (typo/suspect-words.json `words`,
 * typo/idioms.json `idioms`) — grouped by their toneless pinyin syllables, every reading of a polyphone
 * counted (pinyin-pro, `multiple`). A written character's homophones are then the characters that
 * share one of its syllables.
 *
 * Usage: npx tsx scripts/build-homophones.ts
 */
import { writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import suspectRaw from '../dictionaries/typo/suspect-words.json';

import idiomsRaw from '../dictionaries/typo/idioms.json';

const suspect = (suspectRaw as unknown as { entries: { common: string; words: Record<string, string> } }).entries;
const idioms = (idiomsRaw as unknown as { entries: { idioms: string } }).entries.idioms;
// The characters a correction may need: the common ones, and every character of jieba's frequent words and idioms.
const common = [...new Set([...suspect.common, ...Object.values(suspect.words).join(''), ...idioms])].filter((c) => /\p{Script=Han}/u.test(c)).join('');
const groups = new Map<string, Set<string>>();
for (const c of common) {
  const readings = pinyin(c, { toneType: 'none', type: 'array', multiple: true }).filter((p) => /^[a-zü]+$/.test(p));
  for (const r of new Set(readings)) {
    let g = groups.get(r);
    if (!g) groups.set(r, (g = new Set()));
    g.add(c);
  }
}
const syllables: Record<string, string> = {};
for (const s of [...groups.keys()].sort()) syllables[s] = [...(groups.get(s) as Set<string>)].sort().join('');

const out = {
  meta: {
    id: 'homophones',
    title: '常用字与常用词用字的同音字组（不计声调）',
    source:
      '字表：shibing624/pycorrector（Apache-2.0）pycorrector/data/common_char_set.txt 所列 3500 个常用字（提交 fc8aa56，经 typo/suspect-words.json 的 common 字段），以及结巴分词词典（fxsjy/jieba，MIT）常用词与成语的全部用字（typo/suspect-words.json 的 words、typo/idioms.json 的 idioms）；读音：pinyin-pro（MIT）的全部读音（多音字各读音都计）',
    retrieved: '2026-12-06',
    notes: '由 scripts/build-homophones.ts 生成，勿手改。syllables：不带声调的拼音音节 → 读这个音的字（连写，按码位排序）。typo/confusable-word 取一个字的各个读音所在组的其他字作为同音（含异调）候选，与 knowledge/lookalikes.ts 的形近字表合成混淆集。',
  },
  entries: { syllables },
};
writeFileSync(new URL('../dictionaries/typo/homophones.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`${Object.keys(syllables).length} syllables`);
