import bannedRaw from '../../../dictionaries/phrasing/banned-terms.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, outdatedFor, patternSetOf, patternUnion, q, statedRange, type PatternSet, type PatternUnion } from '../../text/patterns.js';

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

/**
 * The context conditions an entry may carry (dictionaries/phrasing/banned-terms.json, meta.notes):
 * `near` groups of words of which each must have one within `window` characters either side (or only
 * before, with `nearBefore`), `far` words none of which may be there, `followedBy`/`notPrecededBy` strings
 * right at the hit, `unquoted` (only when not written in quotes, and then the quoted form is offered),
 * `replace` [from, to] (the replacement is the written text with `from` changed), `terms` (a replacement
 * per pattern) and `validFrom`
 * (only for passages about a day on or after it: a capital that moved).
 */
interface Conditions {
  readonly near?: readonly (readonly string[])[];
  readonly nearBefore?: boolean;
  readonly far?: readonly string[];
  readonly window?: number;
  readonly followedBy?: readonly string[];
  readonly notPrecededBy?: readonly string[];
  readonly unquoted?: boolean;
  readonly replace?: readonly [string, string];
  /** The replacement of each pattern where one entry holds several (涉台法律用语: 引渡 → 遣返, 偷渡 → 私渡). */
  readonly terms?: Readonly<Record<string, string>>;
}

const OPEN_QUOTES = '“‘「『"\'《';
const CLOSE_QUOTES = '”’」』"\'》';

/** Whether `text` has one of `words` in [from, to). Windows are a few dozen characters: linear overall. */
function hasIn(text: string, from: number, to: number, words: readonly string[]): boolean {
  const part = text.slice(Math.max(0, from), Math.max(0, to));
  return words.some((w) => part.includes(w));
}

/** Whether a hit of an entry meets the entry's context conditions in the folded text of its segment. */
function meets(e: Entry & Conditions, text: string, start: number, end: number, date: string): boolean {
  const w = e.window ?? 20;
  const to = e.nearBefore ? start : end + w;
  if (e.near && !e.near.every((group) => hasIn(text, start - w, to, group))) return false;
  if (e.far && hasIn(text, start - w, end + w, e.far)) return false;
  if (e.followedBy && !e.followedBy.some((f) => text.startsWith(f, end))) return false;
  if (e.notPrecededBy && e.notPrecededBy.some((f) => text.slice(Math.max(0, start - f.length), start) === f)) return false;
  if (e.unquoted && ((start > 0 && OPEN_QUOTES.includes(text[start - 1] as string)) || (end < text.length && CLOSE_QUOTES.includes(text[end] as string)))) return false;
  if (e.validFrom && !outdatedFor(e.validFrom, e.validTo, date, statedRange(text, start, date))) return false;
  return true;
}

/** The replacements offered for a written form: the entry's, or the written text rewritten or quoted. */
function replacements(e: Entry & Conditions, actual: string, pattern: string): string[] {
  const term = e.terms?.[pattern];
  if (term !== undefined) return [term];
  if (e.replace && actual.includes(e.replace[0])) return [actual.replace(e.replace[0], e.replace[1]), ...e.expected.filter((x) => x !== actual.replace(e.replace?.[0] ?? '', e.replace?.[1] ?? ''))];
  if (e.unquoted && e.expected.length === 0) return [`“${actual}”`];
  return [...e.expected];
}

/** "第45届总统": a foreign head of state is counted by terms of office (任), a legislature or congress by 届. */
const PRESIDENT_ORDINAL = /第([0-9]{1,3}|[一二三四五六七八九十百]{1,4})届(总统|副总统|首相|总理)(?!选举|大选|竞选|候选|就职典礼选举)/g;
const PRESIDENT_SOURCE = '外国国家元首、政府首脑按任次称“第N任总统（首相）”，“届”用于会议、议会和选举（新华社国际报道用法，如“美国第46任总统拜登”；中国记协网《新闻报道常见差错》）';

interface Prepared {
  readonly set: PatternSet<Entry>;
  /** Scans `set` in one pass with the other list rules' sets. */
  readonly union: PatternUnion;
}

/** Xinhua's banned and cautious terms: Taiwan, Hong Kong and Macao wording, international usage, outdated slurs. */
export const bannedTerm = defineRule<Record<string, unknown>, Prepared>({
  id: 'phrasing/banned-term',
  meta: {
    description: '新华社禁用词和慎用词（2015年第一批、2016年修订、2026年新一批）及涉港澳台固定说法：涉台涉港澳称谓与机构名称（须加引号者未加引号）、港澳台与国家并列、涉港澳台法律事务误用“引渡”等国际法用语、民族称谓、“北朝鲜”“成员国”“第N届总统”、已迁都国家的旧首都等；有语境条件的条目只在相应语境（邻近涉台涉港澳词语、日期）中报告',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/banned-terms.json'],
    docs: { wrong: '台湾总统出席活动；美国、日本、台湾等国家', right: '台湾地区领导人出席活动；美国、日本、中国台湾等国家和地区', source: XINHUA },
  },
  prepare({ config, shared }) {
    const user = (config.dictionaries?.banned as Entry[] | undefined) ?? [];
    const set = patternSetOf([...banned.entries, ...user]);
    const union = patternUnion({ shared });
    union.add(set as PatternSet<unknown>);
    return { set, union };
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      const found = context.prepared.union.hits(context.prepared.set, folded, context.memo);
      const hits = found.length === 0 ? found : found.filter((h) => !inException(text, h.start, h.pattern, exceptionsOf(h.value)) && meets(h.value as Entry & Conditions, text, h.start, h.end, context.date));
      for (const h of hits.length === 0 ? hits : longestNonOverlapping(hits)) {
        const e = h.value;
        const range = folded.toSource(h.start, h.end);
        const actual = context.source.slice(range[0], range[1]);
        const expected = replacements(e as Entry & Conditions, actual, h.pattern);
        context.report({
          range,
          // Most entries come from Xinhua's list; others from Taiwan-affairs wording rules or editors' lists, named in `source`.
          message: `${q(actual)}属${e.source.includes('新华社') ? '新华社' : '新闻出版中'}禁用或慎用的表述${expected[0] ? `，应改为${q(expected[0])}` : ''}。`,
          expected,
          entryId: e.id,
          source: e.source,
          ...(e.note ? { note: e.note } : {}),
          // A cautioned term (慎用) stays advisory even where the rule is configured as an error.
          ...(e.severity ? { severity: e.severity, ...(e.severity === 'info' ? { advisory: true } : {}) } : {}),
        });
      }
      PRESIDENT_ORDINAL.lastIndex = 0;
      // The pattern needs 届 (a cheap test first: most segments have none).
      for (let m = text.includes('届') ? PRESIDENT_ORDINAL.exec(text) : null; m !== null; m = PRESIDENT_ORDINAL.exec(text)) {
        const range = folded.toSource(m.index, m.index + 1 + (m[1] as string).length + 1);
        const actual = context.source.slice(range[0], range[1]);
        context.report({
          range,
          message: `外国总统、首相按任次计，${q(actual)}应为${q(actual.replace('届', '任'))}。`,
          expected: [actual.replace('届', '任')],
          entryId: 'president-term-ordinal',
          source: PRESIDENT_SOURCE,
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
