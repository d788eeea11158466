/**
 * Builds dictionaries/typo/source-counts.json: how often the authoritative documents of
 * scripts/lexicon/sources (Party congress reports, the Party constitution, the State Council's and the provinces'
 * government work reports; see sources.json there) write each two-character word of jieba's dictionary, for the
 * words they write at least twice. The typo rules weigh two readings of one slip with it: where
 * typo/common-typo's shape reading and typo/confusable-word's reading of the same stretch disagree, the word these
 * documents write more often comes first (资全: 资金 231 times, 齐全 3).
 *
 * Usage: npx tsx scripts/build-source-counts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jiebaWordFrequencies } from '../src/node/words.js';

const sourcesDir = fileURLToPath(new URL('./lexicon/sources/', import.meta.url));
const out = fileURLToPath(new URL('../dictionaries/typo/source-counts.json', import.meta.url));
const MIN_COUNT = 2;

const names = Object.keys(JSON.parse(readFileSync(`${sourcesDir}sources.json`, 'utf8')) as Record<string, unknown>).sort();
const words = jiebaWordFrequencies();
const counts = new Map<string, number>();
for (const name of names) {
  const text = readFileSync(`${sourcesDir}${name}.txt`, 'utf8');
  for (const run of text.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const w = run.slice(i, i + 2);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
}
const kept = [...counts].filter(([w, n]) => n >= MIN_COUNT && words.frequency(w) > 0).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
const dict = {
  meta: {
    id: 'source-counts',
    title: '权威文件中两字词的出现次数（两条错字规则对同一处读法相左时，用来判断哪个读法更可能）',
    source: `scripts/lexicon/sources 所收权威文件全部 ${names.length} 份（党代会报告、党章、宪法、国务院政府工作报告、各省2026年政府工作报告；见该目录 sources.json）：${names.join('、')}；词取结巴分词词典（fxsjy/jieba，MIT，随 nodejieba 发行）所收的两字词`,
    built: 'npx tsx scripts/build-source-counts.ts',
    notes: `每个结巴词典所收的两字词在这些文件中出现的次数（按字串计，含在更长的词里出现的），只收至少出现 ${MIN_COUNT} 次的；按次数从多到少排列。entries.counts：“词 次数”以空格相连。typo/common-typo 的形近读法与 typo/confusable-word 的读法在同一处不同时，改后之词在权威文件中写得多的读法居先，次数相同再看结巴词频。`,
  },
  entries: { counts: kept.map(([w, n]) => `${w} ${n}`).join(' ') },
};
writeFileSync(out, `${JSON.stringify(dict, null, 1)}\n`);
console.log(`${kept.length} words → dictionaries/typo/source-counts.json`);
