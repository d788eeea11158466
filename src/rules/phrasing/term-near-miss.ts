import lexiconRaw from '../../../dictionaries/phrasing/lexicon.json';
import { defineRule } from '../../core/rule.js';
import { LexiconMatcher, type LexiconTerm, type Likeness, type TermNearMiss } from '../../text/near-miss.js';
import { foldedSegments, q } from '../../text/patterns.js';
import { builtinLookalikes } from '../../knowledge/lookalikes.js';
import { builtinTerms } from '../../knowledge/terms.js';

/** dictionaries/phrasing/lexicon.json as built by scripts/build-lexicon.ts. */
interface LexiconTable {
  readonly meta: { readonly source: string };
  readonly sources: Readonly<Record<string, string>>;
  /** Term → [documents it occurs in, source ids or a list entry's source, legit neighbours]. */
  readonly entries: Readonly<Record<string, readonly [number, string] | readonly [number, string, string]>>;
}

/** A lexicon term with where it was found. */
export interface Term extends LexiconTerm {
  /** Where the term was found, in words. */
  readonly source: string;
}

const table = lexiconRaw as unknown as LexiconTable;

function sourceOf(where: string): string {
  const ids = where.split(' ');
  if (ids.every((id) => table.sources[id] !== undefined)) return ids.map((id) => table.sources[id]).join('；');
  return where;
}

let matcher: LexiconMatcher<Term> | undefined;

/** The lexicon's terms, except those phrasing/canonical-term already protects with its own near-miss logic. */
export function lexiconTerms(): Term[] {
  const protectedForms = new Set(builtinTerms.protected.map((t) => t.canonical));
  const terms: Term[] = [];
  for (const [text, [, where, near]] of Object.entries(table.entries)) {
    if (protectedForms.has(text)) continue;
    terms.push({ text, source: sourceOf(where), ...(near ? { legit: near.split(' ') } : {}) });
  }
  return terms;
}

/** The matcher over {@link lexiconTerms} and the built-in look-alikes, made once. */
function builtinMatcher(): LexiconMatcher<Term> {
  matcher ??= new LexiconMatcher(lexiconTerms(), builtinLookalikes());
  return matcher;
}

const HOW: Record<Likeness, (x: string, c: string) => string> = {
  homophone: (x, c) => `“${x}”与“${c}”同音`,
  tone: (x, c) => `“${x}”与“${c}”仅声调不同`,
  regional: (x, c) => `“${x}”与“${c}”读音相近（前后鼻音、平翘舌、n/l 或 f/h 不分）`,
  lookalike: (x, c) => `“${x}”与“${c}”形近易混`,
};

function message(m: TermNearMiss<Term>, actual: string): string {
  return `疑似把规范表述${q(m.term.text)}误写为${q(actual)}：${HOW[m.likeness](m.actualChar, m.expectedChar)}。`;
}

/**
 * Near misses of the whole official lexicon: one character of a fixed term written as a homophone, near
 * homophone or look-alike.
 *
 * Precision, measured on test/fixtures/clean (58 texts) and clean-sensitive (39) before any tightening:
 * anchors and sound/shape links alone raised five false alarms ("目的的" for 目的地, "现代财政" read as
 * 代财政 for 大财政 twice, "森林防灭火" read as 森林防灭 for 森林防火, "政务服务全过程" read as 服务全过
 * for 服务全国); the legit neighbours (dictionary words and strings the sources use), the exact-term
 * guard and the word-boundary guard remove four, and the guard against a particle at a term's edge the
 * last. Nothing fires on the clean corpora, nor off target in the error fixtures.
 */
export const termNearMiss = defineRule<Record<string, unknown>, LexiconMatcher<Term>>({
  id: 'phrasing/term-near-miss',
  meta: {
    description:
      '规范政治表述近似错误（全词表）：从党代会报告、政府工作报告等权威文本抽取的数千条固定提法中，有一个字写成同音字、仅声调不同的字、方言近音字（前后鼻音、平翘舌、n/l、f/h）或形近字；该串本身不成词、不是另一个规范提法，且分词边界与规范提法一致（无分词器时只查五字以上提法的中间字）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/lexicon.json', 'phrasing/confusion-chars.json', 'typo/suspect-words.json', 'typo/idioms.json'],
    docs: { wrong: '持续优化营商环竟；坚持和完善民族区域自冶制度', right: '持续优化营商环境；坚持和完善民族区域自治制度', source: table.meta.source },
  },
  prepare() {
    return builtinMatcher();
  },
  check(context) {
    const segmenter = context.runtime.segmenter;
    for (const { folded } of foldedSegments(context, 3)) {
      for (const m of context.prepared.find(folded.text, segmenter)) {
        const range = folded.toSource(m.start, m.end);
        const actual = context.source.slice(range[0], range[1]);
        // The fold may have dropped a bracket or symbol inside the window: not a term written there.
        if (actual.replace(/\s+/g, '').length !== m.end - m.start) continue;
        context.report({ range, message: message(m, actual), expected: [m.term.text], source: m.term.source, data: { likeness: m.likeness } });
      }
    }
  },
});
