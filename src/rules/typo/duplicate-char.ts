import redupRaw from '../../../dictionaries/typo/reduplications.json';
import { defineRule, type Segmenter } from '../../core/rule.js';
import { foldedSegments, isHan, q } from '../../text/patterns.js';

const REDUPLICATIONS = new Set((redupRaw as { entries: { words: string[] } }).entries.words);

/** Suffixes that never double after their word. */
const SUFFIX_SLIP = new Set([...'们']);
/** Doubled function words that are a slip whenever the segmenter keeps both as one-character words. */
const SUSPECT_PAIR = new Set([...'的了是在和与及对把被为将从以于而并或也就要会其该这那之所向由给让使已均还再又但却且即则因若虽至经按据地得着都很更没']);
/** Without a segmenter only these doubles are reported, and not after a character that makes a word with the first. */
const FALLBACK: Readonly<Record<string, string>> = { 的: '目有别端标似之其私众', 在: '现存正实所内外好自潜旨意重健' };

/** A run of doubled text: the range, what is written and what to write. */
interface Slip {
  start: number;
  end: number;
  expected: string;
}

function tokenAt(tokens: readonly { start: number; end: number }[], pos: number): { start: number; end: number } | undefined {
  return tokens.find((t) => t.start <= pos && pos < t.end);
}

/**
 * Classifies the doubled character at `i`, `i + 1` with the segmenter's words around it: one word
 * ("常常", "不了了之") or words meeting there ("所有|有关", "市|市民") are right; two one-character
 * function words ("的|的") or a stray plural suffix ("我们|们") are slips.
 */
function classify(text: string, i: number, segmenter: Segmenter | undefined): Slip | null {
  const c = text[i] as string;
  if (!segmenter) {
    // "我们们": the plural suffix never doubles, so the word before it is kept whole.
    if (SUFFIX_SLIP.has(c) && i > 0 && isHan(text.charCodeAt(i - 1))) return { start: i - 1, end: i + 2, expected: text.slice(i - 1, i + 1) };
    const before = FALLBACK[c];
    if (before === undefined || before.includes(text[i - 1] ?? '')) return null;
    return { start: i, end: i + 2, expected: c };
  }
  const from = Math.max(0, i - 8);
  const window = text.slice(from, Math.min(text.length, i + 10));
  const tokens: { start: number; end: number }[] = [];
  let at = from;
  for (const w of segmenter(window)) {
    tokens.push({ start: at, end: at + w.length });
    at += w.length;
  }
  if (at !== from + window.length) return null;
  const a = tokenAt(tokens, i);
  const b = tokenAt(tokens, i + 1);
  if (!a || !b || a === b) return null;
  const lenA = a.end - a.start;
  if (lenA === 1 && b.end - b.start === 1) return SUSPECT_PAIR.has(c) ? { start: i, end: i + 2, expected: c } : null;
  // A word and a stray copy of its plural suffix ("我们们"). Other word|copy splits ("乌兰察布市|市民",
  // "队|队员") are ordinary compounds, so they are left alone.
  if (lenA > 1 && b.end - b.start === 1 && SUFFIX_SLIP.has(c)) return { start: a.start, end: i + 2, expected: text.slice(a.start, i + 1) };
  return null;
}

/** Doubled characters that are not reduplication: "的的", "在在", "我们们". */
export const duplicateChar = defineRule({
  id: 'typo/duplicate-char',
  meta: {
    description: '重字：连续重复的字（如“的的”“我们们”），合法叠字（常常、天天、看看）和 AABB、“一个个”等重叠式除外；有分词器（shenjiao/node 的 nodejieba）时按词判断',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    dictionaries: ['typo/reduplications.json'],
    docs: { wrong: '进一步加强的的管理，我们们要', right: '进一步加强的管理，我们要', source: '《现代汉语词典》（第7版）重叠式；GB/T 15834-2011 之外的编校通例' },
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const text = folded.text;
      for (let i = 0; i + 1 < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code !== text.charCodeAt(i + 1) || !isHan(code)) continue;
        const pair = text.slice(i, i + 2);
        // Reduplicated words, AABB (认认真真), AAB after 一 (一个个), and triples are left alone.
        const aabb = (text[i + 2] !== undefined && text[i + 2] === text[i + 3] && text[i + 2] !== text[i]) || (i >= 2 && text[i - 2] === text[i - 1] && text[i - 1] !== text[i]);
        if (REDUPLICATIONS.has(pair) || aabb || text[i - 1] === '一' || text[i + 2] === text[i] || text[i - 1] === text[i]) {
          i++;
          continue;
        }
        const slip = classify(text, i, context.runtime.segmenter);
        if (!slip) continue;
        const range = folded.toSource(slip.start, slip.end);
        const actual = context.source.slice(range[0], range[1]);
        // Folding may have made two different characters equal (著 and 着); only a real double counts.
        const [a0, a1] = [folded.toSource(i, i + 1), folded.toSource(i + 1, i + 2)];
        if (context.source.slice(a0[0], a0[1]) !== context.source.slice(a1[0], a1[1])) continue;
        context.report({
          range,
          message: `疑似重字：${q(actual)}多了一个“${text[i]}”，应为${q(slip.expected)}。`,
          expected: [slip.expected],
          source: '编校通例：重字（衍字）',
        });
        i++;
      }
    }
  },
});
