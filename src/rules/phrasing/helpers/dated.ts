import type { RuleContext, RuleSetup } from '../../../core/rule.js';
import type { Entry } from '../../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, outdatedFor, patternSetOf, patternUnion, q, statedRange, type PatternSet, type PatternUnion } from '../../../text/patterns.js';
import nationalitiesRaw from '../../../../dictionaries/privacy/nationality-codes.json';

/** A dated rule's entries, scanned in one pass with the other list rules' sets. */
export interface DatedSet {
  readonly set: PatternSet<Entry>;
  readonly union: PatternUnion;
  /** Each entry by its patterns: whether a name offered instead was itself retired later (中国银保监会, 2023). */
  readonly byPattern: ReadonlyMap<string, Entry>;
}

/** The set of `entries`, joined to the checker's pattern union (call from `prepare`). */
export function datedSet(entries: readonly Entry[], setup: Pick<RuleSetup<unknown>, 'shared'>): DatedSet {
  const set = patternSetOf(entries);
  const union = patternUnion(setup);
  union.add(set as PatternSet<unknown>);
  const byPattern = new Map<string, Entry>();
  for (const e of entries) for (const p of e.patterns) byPattern.set(p, e);
  return { set, union, byPattern };
}

/**
 * The names of other states (ISO 3166-1's Chinese names, dictionaries/privacy/nationality-codes.json, with their
 * short forms: 玻利维亚共和国 → 玻利维亚; and the short names that list spells out, 韩国, 朝鲜), and of Taiwan's
 * authorities: a ministry named after one of them (美国农业部, 法国文化部, 台湾农业部) is that state's, not a body
 * China's reforms retired. Read by entries marked `afterState` (a bare name many states use: 农业部, 文化部).
 */
let stateNames: Set<string> | undefined;
function states(): Set<string> {
  if (stateNames) return stateNames;
  // And the words for states in general (上海合作组织成员国农业部长会议, 各国文化部长).
  stateNames = new Set(['韩国', '南韩', '朝鲜', '北韩', '俄国', '欧盟', '台湾', '台湾地区', '台湾当局', '台当局', '岛内', '台北', '香港', '澳门', '香港特别行政区', '澳门特别行政区', '香港特区', '澳门特区', '成员国', '各国', '外国', '多国', '两国', '该国', '他国', '别国', '国外', '境外']);
  for (const e of (nationalitiesRaw as unknown as { entries: { name: string }[] }).entries) {
    stateNames.add(e.name);
    const short = e.name.replace(/(?:多民族国|伊斯兰共和国|民主共和国|联合共和国|社会主义共和国|共和国|王国|联邦|大公国|公国)$/u, '');
    if (short.length >= 2) stateNames.add(short);
  }
  return stateNames;
}

/**
 * Whether a state's name ends at most 8 characters before `at` in the same clause (美国农业部, 日本的文部科学省,
 * 新西兰贸易和农业部长: the ministry is that state's).
 */
function afterState(text: string, at: number): boolean {
  const names = states();
  for (let end = at; end >= 0 && at - end <= 8; end--) {
    if (end < at && /[，。；：！？、,.;:!?\s]/u.test(text[end] as string)) return false;
    for (let n = 2; n <= 12 && end - n >= 0; n++) if (names.has(text.slice(end - n, end))) return true;
  }
  return false;
}

/**
 * Whether `at` lies inside a title in 《…》 opened at most 200 characters before it: bounded, as lastIndexOf over a
 * megabyte line without one would read back to its start for every hit.
 */
function insideTitle(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 200; i--) {
    if (text[i] === '》') return false;
    if (text[i] === '《') return true;
  }
  return false;
}

/** Words by which a sentence states a reform itself (组建文化和旅游部，不再保留文化部): the old name is history there. */
const REFORM = /不再保留|撤销|更名|改名|并入|划入|整合组建/u;

/** The sentence before `[start, end)` (at most 60 characters back) and 6 characters after it: bounded, so a megabyte without a full stop stays linear. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 60);
  let s = start;
  while (s > from && !'。！？；'.includes(text[s - 1] as string)) s--;
  return text.slice(s, end + 6);
}

/**
 * An institution's last character and the next one making a common word (部门, 部署, 部分, 部位, 部件, 部落; 局面, 局势,
 * 局限, 局部; 委员, 委托; 会议, 会员, 会计, 会同, 会商; 办法, 办理, 办公; 厅堂): the name there is part of that word's phrase.
 */
const CARRIED_ON = /^(?:部[门署分位件落]|局[面势限部]|委[员托]|会[议员计同商]|办[法理公]|厅堂)$/;

/**
 * Reports entries that stopped being right on their `validFrom` day (and, with `validTo`, were
 * superseded again later): judged at the publication day unless the sentence states an earlier date.
 * With `wordEnd`, names the text carries on into a common word are passed over (see CARRIED_ON).
 */
export function checkDated(context: RuleContext<unknown, unknown>, dated: DatedSet, describe: (actual: string, e: Entry) => string, skipQuoted = false, wordEnd = false): void {
  const words = context.runtime.words;
  for (const { folded } of foldedSegments(context, 2)) {
    const text = folded.text;
    const found = dated.union.hits(dated.set, folded, context.memo);
    if (found.length === 0) continue;
    const hits = found.filter((h) => {
      const e = h.value;
      if (e.validFrom === undefined || inException(text, h.start, h.pattern, exceptionsOf(e))) return false;
      // A bare name many states use: another state's body, or named in a sentence that states the reform itself.
      if (e.afterState === true && (afterState(text, h.start) || REFORM.test(sentenceAround(text, h.start, h.end)))) return false;
      // "原中国银监会副主席", "时任…", "原县环保局局长", "原××市国土局": the text names the former body or post on
      // purpose (a place's name may stand between 原 and a local body).
      if (/(?:(?:原|前|时任|曾任|原任)(?:[\u3400-\u9fff]{0,8}?[省市县区州旗盟镇乡])?|时)$/u.test(text.slice(Math.max(0, h.start - 12), h.start))) return false;
      // With skipQuoted, a name quoted on its own (“中国银行业监督管理委员会”) is cited, e.g. in a decision that replaces it.
      if (skipQuoted && /[“"‘《]/.test(text[h.start - 1] ?? '') && /[”"’》]/.test(text[h.end] ?? '')) return false;
      // With skipQuoted, a citation keeps its issuer's name as issued: a regulation (文化部令第45号), a
      // document number (卫计委〔2015〕…号) or a title inside 《…》 (《国家卫生计生委关于…的通知》).
      if (skipQuoted && (/^(?:令|〔|\[|［)/.test(text.slice(h.end, h.end + 1)) || insideTitle(text, h.start))) return false;
      // With wordEnd and the word counts, a name whose last character the text carries on into a common word names no
      // body (国土资源部门的: see CARRIED_ON), unless the characters after the name make a word of their own
      // (国务院法制办|公布, 国家粮食局|部署).
      if (wordEnd && words && CARRIED_ON.test(text.slice(h.end - 1, h.end + 1)) && words.frequency(text.slice(h.end, h.end + 2)) === 0) return false;
      return outdatedFor(e.validFrom, e.validTo, context.date, statedRange(text, h.start, context.date));
    });
    for (const h of longestNonOverlapping(hits)) {
      const e = h.value;
      const range = folded.toSource(h.start, h.end);
      const actual = context.source.slice(range[0], range[1]);
      // A name offered instead that a later reform retired in turn goes after the ones still current at the day
      // (中国银监会 in 2025: 国家金融监督管理总局 before 中国银行保险监督管理委员会, retired in 2023).
      const stated = statedRange(text, h.start, context.date);
      const retired = (name: string) => {
        const later = dated.byPattern.get(name);
        return later?.validFrom !== undefined && outdatedFor(later.validFrom, later.validTo, context.date, stated);
      };
      const expected = [...e.expected.filter((x) => !retired(x)), ...e.expected.filter(retired)];
      context.report({
        range,
        message: describe(actual, { ...e, expected }),
        expected,
        entryId: e.id,
        source: e.source,
        ...(e.note ? { note: e.note } : {}),
        ...(e.severity ? { severity: e.severity } : {}),
      });
    }
  }
}

/** "自YYYY年M月D日起" for messages. */
export function since(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export { q };
