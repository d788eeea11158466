import typosRaw from '../../../dictionaries/typo/common-typos.json';
import { defineRule } from '../../core/rule.js';
import { parseDictionary } from '../../dictionaries/parse.js';
import type { Config, Entry, Segmenter } from '../../types.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, PatternSet, patternSetOf, q, recalled } from '../../text/patterns.js';
import { builtinTerms, splitUserEntries } from '../../knowledge/terms.js';
import type { IdiomMatcher } from './helpers/idioms.js';
import type { SuspectWords } from './helpers/suspect-words.js';
import { attestedForms, builtinIdioms, builtinSuspects, idiomSource, suspectTable } from './helpers/builtin.js';
import { readingWeight } from './helpers/reading-weight.js';

const typos = parseDictionary(typosRaw, 'typo/common-typos.json');
/** Written forms two or more authoritative documents use (typo/attested-forms.json): a non-word slip is never reported inside one. */
const attested = new PatternSet<true>();
for (const w of attestedForms()) attested.add(w, true);
/** A year written in Chinese numerals (一九九八年, 二〇二四年): four numerals before 年, the first 一 or 二. */
const CHINESE_YEAR = /[一二][〇零一二三四五六七八九]{3}年/g;
const YEAR_SOURCE = 'GB/T 15835-2011《出版物上数字用法》：“0”用作编号（如年份）时汉字写作“〇”，用作计量时写作“零”；《咬文嚼字》2012年十大语文差错（“二〇一二年”误为“二零一二年”）';


/** The canonical forms and listed wrong forms of political terms: phrasing/canonical-term speaks for a slip inside them. */
interface TermForms {
  readonly right: PatternSet<true>;
  readonly wrong: PatternSet<true>;
}

/** The term forms of one checker: the built-in terms and the user's phrasing entries, as canonical-term reads them. */
function buildTermForms(config: Config): TermForms {
  const user = splitUserEntries(config.dictionaries?.phrasing);
  const right = new PatternSet<true>();
  for (const t of [...builtinTerms.protected, ...user.protected]) right.add(t.canonical, true);
  const wrong = new PatternSet<true>();
  for (const e of [...builtinTerms.explicit, ...user.explicit]) for (const p of e.patterns) wrong.add(p, true);
  return { right, wrong };
}

/**
 * Whether a slip at [start, end) lies in a political term that phrasing/canonical-term reports at error
 * ("党史学习教肓"): written as a listed wrong form, or reading as a protected term once corrected.
 */
function inTerm(termForms: TermForms, text: string, start: number, end: number, word: string): boolean {
  const from = Math.max(0, start - 24);
  const to = Math.min(text.length, end + 24);
  const overlaps = (hits: readonly { start: number; end: number }[], shift: number) => hits.some((h) => h.start + shift < end && start < h.end + shift);
  if (overlaps(termForms.wrong.scan(text.slice(from, to)), from)) return true;
  return overlaps(termForms.right.scan(text.slice(from, start) + word + text.slice(end, to)), from);
}

/** Common wrong characters and confused words from sourced lists (《咬文嚼字》, editors' notes, inspection reports). */
/** The key of {@link slipsOf}'s values kept across checks. */
const SLIPS = {};

/** A text's listed typos (longest, outside their exceptions), idiom slips, suspect words and attested usages. */
function slipsOf(prepared: { listed: PatternSet<Entry>; idioms: IdiomMatcher; suspects: SuspectWords }, text: string, segmenter: Segmenter | undefined) {
  const listed = longestNonOverlapping(prepared.listed.scan(text).filter((h) => !inException(text, h.start, h.pattern, exceptionsOf(h.value))));
  const idiomSlips = prepared.idioms.find(text, segmenter);
  // Needs the segmenter (shenjiao/node): without word boundaries a non-word cannot be told from a word.
  const suspectSlips = prepared.suspects.find(text, segmenter, true);
  const usage = suspectSlips.length > 0 ? attested.scan(text) : [];
  return Object.freeze({ listed: Object.freeze(listed), idiomSlips: Object.freeze(idiomSlips), suspectSlips: Object.freeze(suspectSlips), usage: Object.freeze(usage) });
}

export const commonTypo = defineRule<Record<string, unknown>, { listed: PatternSet<Entry>; idioms: IdiomMatcher; suspects: SuspectWords; terms: TermForms }>({
  id: 'typo/common-typo',
  meta: {
    description: '常见错别字与易混词：《咬文嚼字》最常见100个别字、年度十大语文差错及检查通报所载错字；未列出的成语错字（同音字、形近字或相邻两字颠倒）按成语表判断；有分词器（shenjiao/node 的 nodejieba）时，另查分词后不成词、换一个同音或形近字即成常用词的二三字串（如“委员汇”“根锯”；按结巴词频判断，证据较弱的只作 info 提示，人名、编号、数量、单列词语不查）；很常用的词（结巴词频千次以上）里的形近字误写，另按部件分解与笔顺算出的形近字判断（如“服条”→“服务”；写成的字是常用字时只作提示）；结巴粘成一个词典不收（或只记最低词频）、CC-CEDICT 也不收的字串，其中一字与常用词的用字音同形近、改后即成 CC-CEDICT 所收之词的（如“阁置”→“搁置”），只作提示',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    dictionaries: ['typo/common-typos.json', 'typo/idioms.json', 'typo/suspect-words.json', 'typo/shape-slips.json', 'typo/cedict-words.json', 'typo/attested-forms.json', 'typo/source-counts.json'],
    // A non-word inside a political term is canonical-term's to report (at error), when it is on; a computed
    // shape hint is typo/confusable-word's where that rule reads the same stretch.
    defersTo: ['phrasing/canonical-term', 'typo/confusable-word'],
    docs: { wrong: '再接再励，默守成规，安排布署，严惩不怠', right: '再接再厉，墨守成规，安排部署，严惩不贷', source: typos.meta.source },
  },
  prepare({ config }) {
    return {
      listed: patternSetOf([...typos.entries, ...(config.dictionaries?.typo ?? [])]),
      idioms: builtinIdioms(),
      suspects: builtinSuspects(),
      terms: buildTermForms(config),
    };
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      // What the text alone gives (listed typos, idiom slips, suspect words): kept across checks when the text comes back.
      const { listed, idiomSlips, suspectSlips, usage } = recalled(context.memo, SLIPS, text, (t) => slipsOf(context.prepared, t, context.runtime.segmenter));
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
      for (const slip of idiomSlips) {
        // A listed entry already speaks for this stretch.
        if (listed.some((h) => h.start < slip.end && slip.start < h.end)) continue;
        const range = folded.toSource(slip.start, slip.end);
        const actual = context.source.slice(range[0], range[1]);
        context.report({
          range,
          message: `疑似成语错字：${q(actual)}应为${slip.idioms.map(q).join('或')}。`,
          expected: [...slip.idioms],
          entryId: 'idiom-near-miss',
          source: idiomSource,
          note: '与成语只差一个同音字或形近字（或相邻两字颠倒），且本身不是词典所收词语。',
        });
      }
      for (const slip of suspectSlips) {
        if (listed.some((h) => h.start < slip.end && slip.start < h.end) || idiomSlips.some((h) => h.start < slip.end && slip.start < h.end)) continue;
        if (usage.some((h) => h.start < slip.end && slip.start < h.end)) continue;
        const range = folded.toSource(slip.start, slip.end);
        const actual = context.source.slice(range[0], range[1]);
        // The fold made the difference (什么 folds to 什幺): the source has the word itself.
        if (actual === slip.word) continue;
        // The evidence for this reading (the changed character's corrected word), weighed by the kernel against
        // typo/confusable-word's reading of the same stretch.
        const words = context.runtime.words;
        context.report({
          range,
          message: slip.sure ? `疑似错字：${q(actual)}不成词，应为${q(slip.word)}。` : `可能有错字：${q(actual)}不成词，或为${q(slip.word)}。`,
          expected: [slip.word],
          entryId: 'suspect-word',
          source: suspectTable.meta.source,
          note: slip.shape
            ? `分词后不成词，其中一字与很常用的词“${slip.word}”（结巴词频千次以上）的用字字形相近（按部件分解与笔顺算出的形近字，OCR、手写与笔画输入常见），改后按结巴词频读法可能得多（对数增益 ${slip.gain.toFixed(1)}）；人名、编号、数量、单列的词语不查。${slip.sure ? '' : '形近程度是算出来的，且公文常有新造的简称，把握较小，仅作提示。'}`
            : slip.cedict
              ? `分词后成了一个词典不收的字串，其中一字与常用词“${slip.word}”的用字音同形近，改后即成 CC-CEDICT 与结巴词典都收的词（所写的字串 CC-CEDICT 不收），按结巴词频改后读法可能得多（对数增益 ${slip.gain.toFixed(1)}）；人名、编号、数量、单列的词语不查。公文常有新造的简称，把握较小，仅作提示。`
              : '分词后不成词，改动一个同音字或形近字即成常用词，且按结巴词频改后读法可能得多；人名、编号、数量、单列的词语不查。' + (slip.sure ? '' : '把握较小，仅作提示。'),
          // Weaker evidence is a hint, whatever the rule's severity: a suggestion never fails a check on its own.
          ...(slip.sure ? {} : { severity: 'info' as const, advisory: true }),
          // A computed shape slip short of sure is weaker evidence than typo/confusable-word's reading of the same
          // stretch (犬会: 全会 by sound, where the shape table offers 不会): that rule speaks for it where it reports,
          // unless this reading outweighs that one on both counts of the corrected word (the kernel weighs
          // `weight`: 资全 is 资金, 231 times in the authoritative documents and 6,555 in jieba, not 齐全, 3 and 1,417).
          // typo/confusable-word defers the other way where this rule reads a non-word, weighed the same.
          ...(inTerm(context.prepared.terms, text, slip.start, slip.end, slip.word) ? { deferTo: 'phrasing/canonical-term' as const } : (slip.shape || slip.cedict === true) && !slip.sure ? { deferTo: 'typo/confusable-word' as const } : {}),
          ...(words ? { weight: readingWeight(slip.word, slip.position, words) } : {}),
        });
      }
    }
  },
});
