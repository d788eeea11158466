import typosRaw from '../../../dictionaries/typo/common-typos.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, patternSetOf, q, type PatternSet } from '../phrasing/shared.js';

const typos = parseDictionary(typosRaw, 'typo/common-typos.json');

/** Common wrong characters and confused words from sourced lists (《咬文嚼字》, editors' notes, inspection reports). */
export const commonTypo = defineRule<Record<string, unknown>, PatternSet<Entry>>({
  id: 'typo/common-typo',
  meta: {
    description: '常见错别字与易混词：《咬文嚼字》最常见100个别字、年度十大语文差错及检查通报所载错字',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    dictionaries: ['typo/common-typos.json'],
    docs: { wrong: '再接再励，默守成规，安排布署', right: '再接再厉，墨守成规，安排部署', source: typos.meta.source },
  },
  prepare({ config }) {
    return patternSetOf([...typos.entries, ...(config.dictionaries?.typo ?? [])]);
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      const hits = context.prepared.scan(text).filter((h) => !inException(text, h.start, h.pattern, exceptionsOf(h.value)));
      for (const h of longestNonOverlapping(hits)) {
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
    }
  },
});
