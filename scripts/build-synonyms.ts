/**
 * Builds dictionaries/phrasing/synonyms.json: the synonym groups of 同义词词林（扩展版）that hold a word written
 * in one of the lexicon's terms (dictionaries/phrasing/lexicon.json), with their words of two or three
 * ideographs. phrasing/formula reads it to know that a word written in the place of a fixed term's word is its
 * synonym (国家治理系统 for 国家治理体系, 反腐败战斗 for 反腐败斗争), a slip of the term rather than a phrase of
 * its own.
 *
 * Only the thesaurus's synonym lines (code ending in "=") are read: its "#" lines hold words of one class that
 * are not synonyms (同类而不同义), and its "@" lines a word alone.
 *
 * The thesaurus is not an npm package: give the path of its text file (cilin_ex.txt, UTF-8, one group a line:
 * `Aa01A01= 人 士 人物 …`), for instance the copy in github.com/shaneblock/Simple_Chinese_metaphor_identification_by_tongyicilin
 * (commit 5d3430f585ce5d3c5ac7ad3ec8246f4fc5de5c3f).
 *
 * Usage: CILIN_TXT=path/to/cilin_ex.txt npx tsx scripts/build-synonyms.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.env.CILIN_TXT;
if (!path) throw new Error('Set CILIN_TXT to the path of cilin_ex.txt (see the comment at the top of this script).');
const root = new URL('../', import.meta.url);
const lexicon = Object.keys((JSON.parse(readFileSync(new URL('dictionaries/phrasing/lexicon.json', root), 'utf8')) as { entries: Record<string, unknown> }).entries);
const inLexicon = (w: string) => lexicon.some((t) => t.includes(w));
const WORD = /^[\u4e00-\u9fff]{2,3}$/u;

const groups: [string, string][] = [];
const seen = new Set<string>();
for (const line of readFileSync(path, 'utf8').split(/\r?\n/u)) {
  const [code, ...members] = line.trim().split(/\s+/u);
  if (!code || !code.endsWith('=')) continue;
  const words = [...new Set(members.filter((w) => WORD.test(w)))];
  if (words.length < 2 || !words.some(inLexicon)) continue;
  const key = [...words].sort().join(' ');
  if (seen.has(key)) continue;
  seen.add(key);
  groups.push([code.slice(0, -1), words.join(' ')]);
}
writeFileSync(
  new URL('dictionaries/phrasing/synonyms.json', root),
  `${JSON.stringify(
    {
      meta: {
        id: 'synonyms',
        title: '同义词组（供 phrasing/formula 判断固定提法中换用的词是否原词的同义词）',
        source: '哈尔滨工业大学社会计算与信息检索研究中心《同义词词林（扩展版）》（据梅家驹等《同义词词林》扩展，HIT-SCIR 公开供研究使用），文件 cilin_ex.txt，取自 GitHub shaneblock/Simple_Chinese_metaphor_identification_by_tongyicilin（提交 5d3430f）',
        notes: `由 scripts/build-synonyms.ts 生成，勿手改。只取编码以“=”结尾的同义行；每组只留二、三字词，且组中至少一个词见于 lexicon.json 的某个提法；共 ${groups.length} 组。entries：词林编码 → 该组的词（空格分隔）。`,
      },
      entries: Object.fromEntries(groups),
    },
    null,
    1,
  )}\n`,
);
console.log(`${groups.length} synonym groups`);
