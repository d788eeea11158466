/**
 * Builds dictionaries/phrasing/function-words.json: the words of two or three characters that jieba's
 * dictionary (fxsjy/jieba, MIT, as shipped with nodejieba) tags as a function word (numeral, measure word, time
 * word, pronoun, conjunction, preposition, localiser, particle, interjection, onomatopoeia) and counts at least
 * MIN_COUNT times. phrasing/formula reads it to tell a word's kind when a word of a fixed term is replaced by one
 * sharing no character with it (the compiled dictionary shenjiao/node loads has counts, not parts of speech):
 * a content word stands for a content word, a function word for a function word.
 *
 * Usage: npx tsx scripts/build-function-words.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { jiebaFiles } from '../src/node/segment.js';

/** phrasing/formula takes a substitute sharing no character with the word only when jieba counts it this often (its SUBSTITUTE_COUNT). */
const MIN_COUNT = 100;
const FUNCTION_TAG = /^(?:m|mq|q|t|r[a-z]*|c|p|f|u[a-z]*|e|y|o)$/;
const HAN = /^[\u4e00-\u9fff]{2,3}$/;

const root = new URL('../', import.meta.url);
const dict = jiebaFiles().dict;
const out = new Map<string, string>();
for (const line of readFileSync(dict, 'utf8').split('\n')) {
  const [w, n, tag] = line.split(' ');
  if (w && n && tag && HAN.test(w) && Number(n) >= MIN_COUNT && FUNCTION_TAG.test(tag.trim()) && !out.has(w)) out.set(w, tag.trim());
}
const words = [...out].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
writeFileSync(
  new URL('dictionaries/phrasing/function-words.json', root),
  `${JSON.stringify(
    {
      meta: {
        id: 'function-words',
        title: '结巴词典中的二、三字虚词与数量、时间、代词等功能词（供 phrasing/formula 判断换词的词类）',
        source: '结巴分词词典（fxsjy/jieba，MIT，随 nodejieba 发行）的词性标注',
        notes: `由 scripts/build-function-words.ts 生成，勿手改。词频不低于 ${MIN_COUNT}、词性为 m、mq、q、t、r、c、p、f、u、e、y、o 的二、三字词，共 ${words.length} 个。entries：词 → 结巴词性。`,
      },
      entries: Object.fromEntries(words),
    },
    null,
    1,
  )}\n`,
);
console.log(`${words.length} function words`);
