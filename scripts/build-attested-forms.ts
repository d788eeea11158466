/**
 * Builds dictionaries/typo/attested-forms.json: written forms the typo rules would question that
 * authoritative documents themselves use (勠力同心, 提质, 凝心), so typo/confusable-word and typo/common-typo read
 * them as right. Input: the official documents of scripts/lexicon/sources (see its README.md and sources.json).
 *
 * A form is taken when typo/confusable-word or typo/common-typo's non-word check (suspect-word) flags it, at any
 * severity, in at least two different documents of the build set: one document may coin a name or slip once;
 * two authorities writing the same form is usage. A form jieba counts as a word (要用, 不分: the rare-word hints) is
 * left out: as a word it stands in many contexts and would hide slips beside it; only strings jieba lacks
 * (coinages, abbreviations, the standard form of a variant: 提质, 勠力同心) are taken, and only when the documents
 * write the form at least as often as each word the rules offer for it, and that word is not the form with
 * another last character after a dictionary word: 负责任 (offered 负责人) may be a slip of it in another text.
 *
 * The build set is every source except the fifteen 2026 provincial reports last in alphabetical order (jilin …
 * zhejiang), which are kept out so that what the list does on documents it was not built from can be measured.
 *
 * Usage: npx tsx scripts/build-attested-forms.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sourcesDir = fileURLToPath(new URL('./lexicon/sources/', import.meta.url));
const out = fileURLToPath(new URL('../dictionaries/typo/attested-forms.json', import.meta.url));
const HELD_OUT = 15;
const MIN_DOCUMENTS = 2;

const names = Object.keys(JSON.parse(readFileSync(`${sourcesDir}sources.json`, 'utf8')) as Record<string, unknown>).sort();
const provincial = names.filter((n) => n.startsWith('gov-work-report-2026-'));
const heldOut = new Set(provincial.slice(provincial.length - HELD_OUT));
const build = names.filter((n) => !heldOut.has(n));

// The rules read the list when they load: it is emptied first, so that what they flag is judged afresh.
writeFileSync(out, `${JSON.stringify({ meta: {}, entries: { forms: '' } })}\n`);
const { createChecker } = await import('../src/checker.js');
const { jiebaSegmenter } = await import('../src/node/segment.js');
const { jiebaWordFrequencies } = await import('../src/node/words.js');
const words = jiebaWordFrequencies();
const checker = createChecker({ preset: 'recommended' }, { segmenter: jiebaSegmenter, words });
const texts = new Map(build.map((n) => [n, readFileSync(`${sourcesDir}${n}.txt`, 'utf8')]));
const documents = new Map<string, Set<string>>();
/** The words the rules offered for each form. */
const suggested = new Map<string, Set<string>>();
for (const [name, text] of texts) {
  const year = /(\d{4})/.exec(name)?.[1] ?? '2024';
  for (const f of checker.check(text, { date: `${year}-06-30` })) {
    if (f.ruleId !== 'typo/confusable-word' && !(f.ruleId === 'typo/common-typo' && f.entryId === 'suspect-word')) continue;
    const form = text.slice(f.range[0], f.range[1]);
    let set = documents.get(form);
    if (!set) documents.set(form, (set = new Set()));
    set.add(name);
    for (const e of f.expected) (suggested.get(form) ?? suggested.set(form, new Set()).get(form))?.add(e);
  }
}
const occurrences = (s: string) => {
  let n = 0;
  for (const text of texts.values()) for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + 1)) n++;
  return n;
};
// A form the documents write less often than a word offered for it may be that word miswritten in some text:
// both are their usage, and only the context tells; such a form is not taken. Nor is a word (two characters or
// more) and a character after it offered another character there (负责|任 for 负责|人): the slip of a suffix, the
// shape the rules look for most (护林元, 保洁圆), which one text's usage cannot clear for another.
const suffixSlip = (form: string, w: string) => form.length >= 3 && w.length === form.length && w.slice(0, -1) === form.slice(0, -1) && words.frequency(form.slice(0, -1)) > 0;
const dominant = (form: string) => {
  const own = occurrences(form);
  return [...(suggested.get(form) ?? [])].every((w) => occurrences(w) <= own && !suffixSlip(form, w));
};
const forms = [...documents]
  .filter(([form, docs]) => docs.size >= MIN_DOCUMENTS && /^[\u4e00-\u9fff]+$/u.test(form) && words.frequency(form) === 0 && dominant(form))
  .map(([form]) => form)
  .sort();
const json = {
  meta: {
    id: 'attested-forms',
    title: '权威文件本身使用的写法（错别字规则会质疑、却见于两份以上权威文件的词形）',
    source: `scripts/lexicon/sources 所收权威文件（党代会报告、党章、宪法、国务院政府工作报告、各省2026年政府工作报告；见该目录 README.md 与 sources.json），取其中 ${build.length} 份：${build.join('、')}`,
    built: 'npx tsx scripts/build-attested-forms.ts',
    notes: `typo/confusable-word 或 typo/common-typo（不成词检查）在至少 ${MIN_DOCUMENTS} 份不同文件中都会提示的写法；结巴词典收为词的写法、文件中写得比规则建议的改法少的写法、词后一字之差的写法（如“负责任”之于“负责人”）不收。其余 ${HELD_OUT} 份2026年省级报告（${[...heldOut].join('、')}）不参与构建，用来衡量对未见文件的效果。`,
  },
  entries: { forms: forms.join(' ') },
};
writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
console.log(`${forms.length} forms from ${build.length} documents → ${out}`);
