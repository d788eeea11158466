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

/** A line that ends a sentence (or a heading-like line ending in a closing mark). */
const SENTENCE_END = /[。！？；：…”’）》】」』.!?;:)]\s*$/;
const SENTENCE_STOP = /[。！？；!?;]/;
/** Page chrome whose links were lost in extraction: 【字体：大 中 小】, 【打印】, 【关闭】. */
const CHROME = /^(?:字体|字号|打印|关闭|收藏|返回顶部)/;

interface Mark {
  readonly mark: string;
  readonly at: number;
}

/** The marks of one paragraph left open (in order) and the closing marks with no opener. */
function unpaired(text: string): { stack: Mark[]; stray: Mark[] } {
  const stack: Mark[] = [];
  const stray: Mark[] = [];
  /** Chrome openers skipped, whose 】 is then not stray either. */
  let chrome = 0;
  for (let i = 0; i < text.length; i++) {
    // Every mark checked is in U+0028–U+0029, U+2018–U+201D, U+3008–U+3011 or U+FF08–U+FF09: skip the rest cheaply.
    const code = text.charCodeAt(i);
    if (!(code === 0x28 || code === 0x29 || (code >= 0x2018 && code <= 0x201d) || (code >= 0x3008 && code <= 0x3011) || code === 0xff08 || code === 0xff09)) continue;
    const raw = text[i] as string;
    const ch = SAME[raw] ?? raw;
    if (PAIRS[ch] !== undefined) {
      if (ch === '【' && CHROME.test(text.slice(i + 1, i + 5))) {
        chrome++;
        continue;
      }
      stack.push({ mark: ch, at: i });
      continue;
    }
    const opener = CLOSERS[ch];
    if (opener === undefined) continue;
    let j = stack.length - 1;
    while (j >= 0 && (stack[j] as Mark).mark !== opener) j--;
    if (j >= 0) {
      stack.splice(j, stack.length - j, ...stack.slice(j + 1));
      continue;
    }
    if (ch === '）' && LIST_MARKER.test(wordBefore(text, i))) continue;
    // The closing half of that chrome, on its line or on the next where the link texts stand alone (大 中 小】).
    if (ch === '】' && chrome > 0) {
      chrome--;
      continue;
    }
    if (ch === '】' && i <= 12 && /^[\s大中小默认|]{1,12}$/.test(text.slice(0, i))) continue;
    stray.push({ mark: raw, at: i });
  }
  return { stack, stray };
}

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
    const found = segments.map((segment) => unpaired(segment.text));
    segments.forEach((segment, k) => {
      const { stack, stray } = found[k]!;
      // A quotation running over several paragraphs opens each with “ and closes only the last (GB/T 15834-2011 4.3.3.5).
      const next = segments[k + 1]?.text.trimStart() ?? '';
      let open = stack.filter((s) => !((s.mark === '“' || s.mark === '‘' || s.mark === '「') && next.startsWith(s.mark)));
      // Plain text copied from a PDF breaks lines inside a sentence (一批“国\n字号”荣誉): a line that ends
      // mid-sentence continues on the next one, so its open marks may close there, before that sentence ends.
      const following = found[k + 1];
      if (context.document.kind === 'text' && following && open.length > 0 && !SENTENCE_END.test(segment.text)) {
        const sentence = SENTENCE_STOP.exec(next)?.index ?? next.length;
        const lead = segments[k + 1]!.text.length - next.length;
        for (const closer of following.stray.filter((c) => c.at - lead < sentence)) {
          const opener = CLOSERS[SAME[closer.mark] ?? closer.mark];
          const i = open.findIndex((o) => o.mark === opener);
          if (i === -1) continue;
          open = open.filter((_, j) => j !== i);
          following.stray.splice(following.stray.indexOf(closer), 1);
        }
      }
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

/**
 * The text between the last space before `at` and `at`, trimmed, read at most 16 characters back (a list marker is
 * a few characters: 1）, 一）, a）): bounded, as lastIndexOf over a megabyte without a space read back to its start
 * for every ）.
 */
function wordBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && at - s < 16 && text[s - 1] !== ' ') s--;
  return text.slice(s, at).trim();
}
