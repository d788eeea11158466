import idiomsRaw from '../../../dictionaries/typo/idioms.json';
import typosRaw from '../../../dictionaries/typo/common-typos.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, patternSetOf, q, type PatternSet } from '../phrasing/shared.js';
import { IdiomMatcher, type IdiomTable } from './idioms.js';

const typos = parseDictionary(typosRaw, 'typo/common-typos.json');
const idiomTable = idiomsRaw as unknown as { meta: { source: string }; entries: IdiomTable };
/** A year written in Chinese numerals (一九九八年, 二〇二四年): four numerals before 年, the first 一 or 二. */
const CHINESE_YEAR = /[一二][〇零一二三四五六七八九]{3}年/g;
const YEAR_SOURCE = 'GB/T 15835-2011《出版物上数字用法》：“0”用作编号（如年份）时汉字写作“〇”，用作计量时写作“零”；《咬文嚼字》2012年十大语文差错（“二〇一二年”误为“二零一二年”）';

/** Built once per process: the table is static and the index takes a few milliseconds. */
let idiomMatcher: IdiomMatcher | undefined;

/** Common wrong characters and confused words from sourced lists (《咬文嚼字》, editors' notes, inspection reports). */
export const commonTypo = defineRule<Record<string, unknown>, { listed: PatternSet<Entry>; idioms: IdiomMatcher }>({
  id: 'typo/common-typo',
  meta: {
    description: '常见错别字与易混词：《咬文嚼字》最常见100个别字、年度十大语文差错及检查通报所载错字；未列出的成语错字（同音字、形近字或相邻两字颠倒）按成语表判断',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    dictionaries: ['typo/common-typos.json', 'typo/idioms.json'],
    docs: { wrong: '再接再励，默守成规，安排布署，严惩不怠', right: '再接再厉，墨守成规，安排部署，严惩不贷', source: typos.meta.source },
  },
  prepare({ config }) {
    idiomMatcher ??= new IdiomMatcher(idiomTable.entries);
    return { listed: patternSetOf([...typos.entries, ...(config.dictionaries?.typo ?? [])]), idioms: idiomMatcher };
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      const hits = context.prepared.listed.scan(text).filter((h) => !inException(text, h.start, h.pattern, exceptionsOf(h.value)));
      const listed = longestNonOverlapping(hits);
      for (const h of listed) {
        const e = h.value;
        const range = folded.toSource(h.start, h.end);
        const actual = context.source.slice(range[0], range[1]);
        const expected = e.expected[0];
        context.report({
          range,
          message: `错别字：${q(actual)}应为${q(expected ?? '')}。`,
          expected: [...e.expected],
          entryId: e.id,
          source: e.source,
          ...(e.note ? { note: e.note } : {}),
          ...(e.severity ? { severity: e.severity } : {}),
          // Replacing the span is safe when it is written exactly as listed (nothing folded inside it).
          ...(expected !== undefined && actual === h.pattern ? { fix: { range, text: expected } } : {}),
        });
      }
      for (const m of text.matchAll(CHINESE_YEAR)) {
        // A year is a number used as a label, so its zero is 〇, never 零.
        if (!m[0].includes('零') || /[〇零一二三四五六七八九十百千万]/.test(text[m.index - 1] ?? '')) continue;
        const range = folded.toSource(m.index, m.index + 4);
        const actual = context.source.slice(range[0], range[1]);
        const expected = m[0].slice(0, 4).replaceAll('零', '〇');
        context.report({ range, message: `年份用字：${q(actual)}应为${q(expected)}。`, expected: [expected], entryId: 'year-zero', source: YEAR_SOURCE, ...(actual === m[0].slice(0, 4) ? { fix: { range, text: expected } } : {}) });
      }
      for (const slip of context.prepared.idioms.find(text, context.runtime.segmenter)) {
        // A listed entry already speaks for this stretch.
        if (listed.some((h) => h.start < slip.end && slip.start < h.end)) continue;
        const range = folded.toSource(slip.start, slip.end);
        const actual = context.source.slice(range[0], range[1]);
        context.report({
          range,
          message: `疑似成语错字：${q(actual)}应为${slip.idioms.map(q).join('或')}。`,
          expected: [...slip.idioms],
          entryId: 'idiom-near-miss',
          source: idiomTable.meta.source,
          note: '与成语只差一个同音字或形近字（或相邻两字颠倒），且本身不是词典所收词语。',
        });
      }
    }
  },
});
