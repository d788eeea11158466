import outdatedRaw from '../../../dictionaries/phrasing/outdated-terms.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Entry } from '../../types.js';
import { checkDated, datedSet, q, since, type DatedSet } from './helpers/dated.js';

const outdated = parseDictionary(outdatedRaw, 'phrasing/outdated-terms.json');

/** Expressions replaced by newer official ones, judged at the article's date (or a date stated in the sentence). */
export const outdatedTerm = defineRule<Record<string, unknown>, DatedSet>({
  id: 'phrasing/outdated-term',
  meta: {
    description: '过时提法：已被新提法取代的表述（按文章发布日期判断，句中写明较早日期的历史叙述不报）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/outdated-terms.json'],
    docs: { wrong: '紧密团结在以习近平同志为总书记的党中央周围（2020年文章）', right: '紧密团结在以习近平同志为核心的党中央周围', source: '党的十八届六中全会公报（2016-10-27）' },
  },
  prepare(setup) {
    const user = ((setup.config.dictionaries?.outdated as Entry[] | undefined) ?? []).filter((e) => e.validFrom !== undefined);
    return datedSet([...outdated.entries, ...user], setup);
  },
  check(context) {
    checkDated(context, context.prepared, (actual, e) => `过时提法：${q(actual)}自${since(e.validFrom as string)}起已不再使用${e.expected[0] ? `，应为${q(e.expected[0])}` : ''}。`);
  },
});
