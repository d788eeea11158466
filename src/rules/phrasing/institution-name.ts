import { defineRule } from '../../core/rule.js';
import { checkDated, datedSet, q, since, type DatedSet } from './helpers/dated.js';
import { FuzzyMatcher } from '../../text/fuzzy.js';
import { foldedSegments, recalled } from '../../text/patterns.js';
import { builtinConfusion, builtinInstitutions, nearMissMessage, protectedEntry, type ProtectedEntry } from '../../knowledge/terms.js';

interface Prepared {
  readonly renamed: DatedSet;
  readonly fuzzy: FuzzyMatcher<ProtectedEntry>;
}

/** State institutions: near misses of their names ("最高人民检查院") and names retired by institutional reform. */
export const institutionName = defineRule<Record<string, unknown>, Prepared>({
  id: 'phrasing/institution-name',
  meta: {
    description: '国家机构名称写错或已撤并：宪法所列机构名称的同音形近字、漏字多字，以及机构改革后不再保留的名称（含2018年国务院机构改革撤并的部委的简称，地方机构改革后撤并的工商局、质监局、食药监局、环保局、国土局、卫计委、安监局、地税局、国税局、农业局、物价局、法制办、文化局、旅游局，及改制前的公安消防队伍；写明较早年份的历史叙述、“原××县环保局”、公文引用、陈述改革本身的句子与外国、港澳台同名机构不报）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/institutions.json', 'phrasing/confusion-chars.json'],
    docs: { wrong: '最高人民检查院；国家卫生计生委（2020年文章）', right: '最高人民检察院；国家卫生健康委', source: '《中华人民共和国宪法》；《国务院机构改革方案》（2018）' },
  },
  prepare(setup) {
    const renamed = builtinInstitutions.filter((e) => e.kind === 'renamed');
    const protectedNames = builtinInstitutions.filter((e) => e.kind === 'protected').map(protectedEntry);
    return { renamed: datedSet(renamed, setup), fuzzy: new FuzzyMatcher(protectedNames, builtinConfusion()) };
  },
  check(context) {
    checkDated(context, context.prepared.renamed, (actual, e) => `机构名称已变更：${q(actual)}自${since(e.validFrom as string)}起不再保留${e.expected[0] ? `，现为${q(e.expected[0])}` : ''}。`, true, true);
    for (const { folded } of foldedSegments(context, 5)) {
      const { fuzzy } = context.prepared;
      for (const m of recalled(context.memo, fuzzy, folded.text, (t) => Object.freeze(fuzzy.find(t, context.runtime.segmenter)))) {
        const range = folded.toSource(m.start, m.end);
        const actual = context.source.slice(range[0], range[1]);
        if (actual.replace(/\s+/g, '').length !== m.end - m.start) continue;
        context.report({ range, message: nearMissMessage(m, actual), expected: [m.term.canonical], entryId: m.term.id, source: m.term.entry.source });
      }
    }
  },
});
