import bannedRaw from '../../../dictionaries/phrasing/banned-terms.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, patternSetOf, q, type PatternSet } from '../../text/patterns.js';

const banned = parseDictionary(bannedRaw, 'phrasing/banned-terms.json');
const XINHUA = banned.meta.source;

/** "等国" / "等国家" / "等12个国家" closing a list; REGIONS_TOO after it ("和地区") makes it right. */
const COUNTRIES_END = /等(?:\d{1,3}个|[一二三四五六七八九十]{1,3}个)?国家?/g;
const REGIONS_TOO = /^(?:和|及|与|、)?(?:地区|区域)/;
const REGION = /香港|澳门|台湾/;

/**
 * Hong Kong, Macao or Taiwan in the 、 list right before "等国家": the list calls them countries.
 * Looks back at most 60 characters to the start of the clause, so the check is linear.
 */
function regionsAsCountries(text: string): [number, number][] {
  const out: [number, number][] = [];
  COUNTRIES_END.lastIndex = 0;
  for (let m = COUNTRIES_END.exec(text); m !== null; m = COUNTRIES_END.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 60 && !/[，。；：,;:！？!?（(]/.test(text[start - 1] as string)) start--;
    const list = text.slice(start, m.index);
    if (REGIONS_TOO.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    if (list.includes('、') && REGION.test(list)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

interface Prepared {
  readonly set: PatternSet<Entry>;
}

/** Xinhua's banned and cautious terms: Taiwan, Hong Kong and Macao wording, international usage, outdated slurs. */
export const bannedTerm = defineRule<Record<string, unknown>, Prepared>({
  id: 'phrasing/banned-term',
  meta: {
    description: '新华社禁用词和慎用词及涉港澳台固定说法：涉台涉港澳称谓、港澳台与国家并列、民族支系称“族”、“北朝鲜”“成员国”“‘一带一路’战略”等',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/banned-terms.json'],
    docs: { wrong: '台湾总统出席活动；美国、日本、台湾等国家', right: '台湾地区领导人出席活动；美国、日本、中国台湾等国家和地区', source: XINHUA },
  },
  prepare({ config }) {
    const user = (config.dictionaries?.banned as Entry[] | undefined) ?? [];
    return { set: patternSetOf([...banned.entries, ...user]) };
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      const hits = context.prepared.set.scan(text).filter((h) => !inException(text, h.start, h.pattern, exceptionsOf(h.value)));
      for (const h of longestNonOverlapping(hits)) {
        const e = h.value;
        const range = folded.toSource(h.start, h.end);
        const actual = context.source.slice(range[0], range[1]);
        context.report({
          range,
          // Most entries come from Xinhua's list; others from Taiwan-affairs wording rules or editors' lists, named in `source`.
          message: `${q(actual)}属${e.source.includes('新华社') ? '新华社' : '新闻出版中'}禁用或慎用的表述${e.expected[0] ? `，应改为${q(e.expected[0])}` : ''}。`,
          expected: [...e.expected],
          entryId: e.id,
          source: e.source,
          ...(e.note ? { note: e.note } : {}),
          ...(e.severity ? { severity: e.severity } : {}),
        });
      }
      if (!REGION.test(text)) continue;
      for (const [from, to] of regionsAsCountries(text)) {
        const range = folded.toSource(from, to);
        const actual = context.source.slice(range[0], range[1]);
        context.report({
          range,
          message: `香港、澳门、台湾不是国家，与国家并列时应写“国家和地区”：${q(actual)}应为${q(`${actual}和地区`)}。`,
          expected: [`${actual.endsWith('国') ? `${actual}家` : actual}和地区`],
          entryId: 'hk-mo-tw-as-countries',
          source: XINHUA,
          note: '香港、澳门是中国的特别行政区，台湾是中国的一个省，在任何文字、地图、图表中都要特别注意不要将其称作“国家”；多个国家和地区名称连用时，不要漏写“国家和地区”字样。',
        });
      }
    }
  },
});
