import { defineRule } from '../../core/rule.js';

/** Opening → closing marks checked within one paragraph (GB/T 15834-2011 4.3 引号, 4.4 括号, 4.15 书名号). */
const PAIRS: Readonly<Record<string, string>> = { '《': '》', '“': '”', '（': '）', '【': '】', '‘': '’', '〈': '〉', '「': '」', '『': '』' };
const CLOSERS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
/** Half-width brackets close full-width ones and vice versa: mixing them is a style matter, not a missing mark. */
const SAME: Readonly<Record<string, string>> = { '(': '（', ')': '）' };
/** Findings reported per paragraph at most. */
const MAX_PER_PARAGRAPH = 20;
/** "1）", "一）", "a）" at the start of a paragraph or after a space: a list marker, not half a pair. */
const LIST_MARKER = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zA-Z])$/;

/** Quotation marks, brackets and title marks left unpaired within a paragraph. */
export const unpairedPunctuation = defineRule({
  id: 'typo/unpaired-punctuation',
  meta: {
    description: '标点不成对：同一段落内《》“”（）【】等缺少前半或后半（跨段引文每段开头用前引号的写法除外）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    docs: { wrong: '学习《中华人民共和国宪法，增强“四个意识。', right: '学习《中华人民共和国宪法》，增强“四个意识”。', source: 'GB/T 15834-2011《标点符号用法》4.3、4.4、4.15' },
  },
  check(context) {
    const segments = context.document.segments;
    segments.forEach((segment, k) => {
      const text = segment.text;
      const stack: { mark: string; at: number }[] = [];
      const stray: { mark: string; at: number }[] = [];
      for (let i = 0; i < text.length; i++) {
        // Every mark checked is in U+0028–U+0029, U+2018–U+201D, U+3008–U+3011 or U+FF08–U+FF09: skip the rest cheaply.
        const code = text.charCodeAt(i);
        if (!(code === 0x28 || code === 0x29 || (code >= 0x2018 && code <= 0x201d) || (code >= 0x3008 && code <= 0x3011) || code === 0xff08 || code === 0xff09)) continue;
        const raw = text[i] as string;
        const ch = SAME[raw] ?? raw;
        if (PAIRS[ch] !== undefined) {
          stack.push({ mark: ch, at: i });
          continue;
        }
        const opener = CLOSERS[ch];
        if (opener === undefined) continue;
        let j = stack.length - 1;
        while (j >= 0 && (stack[j] as { mark: string }).mark !== opener) j--;
        if (j >= 0) {
          stack.splice(j, stack.length - j, ...stack.slice(j + 1));
          continue;
        }
        if (ch === '）' && LIST_MARKER.test(text.slice(text.lastIndexOf(' ', i - 1) + 1, i).trim())) continue;
        stray.push({ mark: raw, at: i });
      }
      // A quotation running over several paragraphs opens each with “ and closes only the last (GB/T 15834-2011 4.3.3.5).
      const next = segments[k + 1]?.text.trimStart() ?? '';
      const open = stack.filter((s) => !((s.mark === '“' || s.mark === '‘' || s.mark === '「') && next.startsWith(s.mark)));
      // A paragraph with more unpaired marks than this is not prose; the first ones say enough.
      for (const { mark, at } of [...open, ...stray].sort((a, b) => a.at - b.at).slice(0, MAX_PER_PARAGRAPH)) {
        const closing = PAIRS[SAME[mark] ?? mark];
        context.report({
          range: segment.toSource(at, at + 1),
          message: closing ? `标点不成对：${mark}在本段中没有对应的${closing}。` : `标点不成对：${mark}在本段中没有对应的${CLOSERS[SAME[mark] ?? mark]}。`,
          expected: [],
          source: 'GB/T 15834-2011《标点符号用法》',
        });
      }
    });
  },
});
