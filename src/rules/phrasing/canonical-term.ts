import { defineRule, type Segmenter } from '../../core/rule.js';
import type { Entry } from '../../types.js';
import { FuzzyMatcher } from '../../text/fuzzy.js';
import { anniversaryBook, checkAnniversaries, type AnniversaryBook } from '../../knowledge/anniversaries.js';
import { checkSessions, sessionBook, type SessionBook } from '../../knowledge/sessions.js';
import { exceptionsOf, foldedSegments, inException, longestNonOverlapping, PatternSet, patternUnion, q, type Folded, type PatternHit, type PatternUnion, type PerCheck, recalled } from '../../text/patterns.js';
import { builtinConfusion, builtinTerms, nearMissMessage, splitUserEntries, type ProtectedEntry } from '../../knowledge/terms.js';

interface Prepared {
  readonly fuzzy: FuzzyMatcher<ProtectedEntry>;
  /** Numbered formulas by the part after "X个" (确立 → 两个确立). */
  readonly numbered: ReadonlyMap<string, ProtectedEntry>;
  readonly numberedRe: RegExp | null;
  /** The session facts (届次), built once per checker. */
  readonly sessions: SessionBook;
  /** The events whose anniversaries are counted (建党, 新中国成立 …), built once per checker. */
  readonly anniversaries: AnniversaryBook;
  /**
   * In one set, so a segment is scanned once for the three: cited wrong forms (explicit entries), formulas
   * with members by canonical form, and members of formulas whose lists are recognisable without the name
   * (core socialist values), to find such lists.
   */
  readonly all: PatternSet<Tagged>;
  /** Scans `all` in one pass with the other list rules' sets. */
  readonly union: PatternUnion;
}

type Tagged = { readonly kind: 'explicit'; readonly entry: Entry } | { readonly kind: 'members' | 'standalone'; readonly term: ProtectedEntry };

/** The hits of the three sets in a text, each list as its own set's scan gives it. */
interface Hits {
  readonly explicit: PatternHit<Entry>[];
  readonly withMembers: PatternHit<ProtectedEntry>[];
  readonly standalone: PatternHit<ProtectedEntry>[];
}

function scanAll(prepared: Prepared, folded: Folded, check: PerCheck): Hits {
  const hits: Hits = { explicit: [], withMembers: [], standalone: [] };
  for (const h of prepared.union.hits(prepared.all, folded, check)) {
    const v = h.value;
    if (v.kind === 'explicit') hits.explicit.push({ start: h.start, end: h.end, pattern: h.pattern, value: v.entry });
    else (v.kind === 'members' ? hits.withMembers : hits.standalone).push({ start: h.start, end: h.end, pattern: h.pattern, value: v.term });
  }
  return hits;
}

interface Finding {
  start: number;
  end: number;
  message: string;
  expected: string[];
  entry: Entry;
  note?: string;
}

const NUMERAL = '[一二两三四五六七八九十]';

interface Item {
  start: number;
  end: number;
  text: string;
}

const isItemChar = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff]/.test(c);

/**
 * Reads a list forward from `i`, the start of its first item: ideograph runs joined by 、. With `groups`,
 * a value list may continue after ，, optionally through a short verb ("，倡导自由、平等"), into a member.
 */
function readList(text: string, i: number, members: readonly string[], groups: number, limit = Number.POSITIVE_INFINITY): Item[] {
  const maxItem = Math.max(...members.map((m) => m.length)) + 2;
  const items: Item[] = [];
  for (;;) {
    const start = i;
    while (i < text.length && i - start <= maxItem && isItemChar(text[i])) i++;
    // A run longer than any member is prose, not an item: the list ended before it, unless the run
    // opens with a member ("…、开放、共享的内在统一").
    if (i - start > maxItem) {
      const lead = members.find((m) => text.startsWith(m, start));
      if (lead) items.push({ start, end: start + lead.length, text: lead });
      break;
    }
    if (i === start) break;
    items.push({ start, end: i, text: text.slice(start, i) });
    if (items.length >= limit) break;
    if (text[i] === '、') {
      i++;
      continue;
    }
    // A value list such as 社会主义核心价值观 groups its items with ，; continue only into a member.
    if (text[i] === ',') {
      let skip = 0;
      while (skip <= groups && !members.some((m) => text.startsWith(m, i + 1 + skip))) skip++;
      if (skip <= groups && [...text.slice(i + 1, i + 1 + skip)].every(isItemChar)) {
        i += 1 + skip;
        continue;
      }
    }
    break;
  }
  return items;
}

/** Whether a list is mostly members: at least two, and at least half its items. */
function mostlyMembers(items: readonly Item[], members: readonly string[]): boolean {
  const known = items.filter((it) => members.includes(it.text)).length;
  return items.length >= 2 && known * 2 >= items.length && known >= 2;
}

/** Items of the list right after a formula ("四个意识，即政治意识、…"). */
function listAfter(text: string, from: number, members: readonly string[]): Item[] | null {
  // The list starts at the first member written within a short distance ("四个意识，即政治意识、…"),
  // or at the item before it when a wrong first item precedes ("…：服从意识、大局意识").
  const window = Math.min(text.length, from + 16);
  let i = -1;
  for (let j = from; j < window && i === -1; j++) if (members.some((m) => text.startsWith(m, j))) i = j;
  if (i === -1) return null;
  while (text[i - 1] === '、') {
    let k = i - 1;
    while (k > from && isItemChar(text[k - 1])) k--;
    if (k === i - 1) break;
    i = k;
  }
  const items = readList(text, i, members, 0);
  return mostlyMembers(items, members) ? items : null;
}

/**
 * Items of the list written right before a formula's name ("坚持创新、协调、绿色、开放、共享的新发展理念",
 * "…、生态文明建设“五位一体”总体布局"). The first run may carry a verb ("坚持创新"): it is cut to the
 * member it ends with; a first run that is neither (ragged) makes the list's start unknown.
 */
function listBefore(text: string, end: number, members: readonly string[]): { items: Item[]; ragged: boolean } | null {
  let i = end;
  for (let k = 0; k < 3 && i > 0 && '的“等这'.includes(text[i - 1] as string); k++) i--;
  const maxItem = Math.max(...members.map((m) => m.length)) + 2;
  const maxMember = maxItem - 2;
  const runs: [number, number][] = [];
  for (let guard = 0; guard <= members.length + 2; guard++) {
    const runEnd = i;
    while (i > 0 && runEnd - i <= maxItem && isItemChar(text[i - 1])) i--;
    if (i === runEnd) break;
    runs.unshift([i, runEnd]);
    if (runEnd - i > maxItem || text[i - 1] !== '、') break;
    i--;
  }
  if (runs.length < 2) return null;
  let ragged = false;
  const [s0, e0] = runs[0] as [number, number];
  const first = text.slice(s0, e0);
  if (!members.includes(first)) {
    const tail = members.find((m) => first.endsWith(m));
    if (tail) runs[0] = [e0 - tail.length, e0];
    else if (first.length > maxMember) {
      runs.shift();
      ragged = true;
    }
  }
  const items = runs.map(([a, b]) => ({ start: a, end: b, text: text.slice(a, b) }));
  return mostlyMembers(items, members) ? { items, ragged } : null;
}

/**
 * Judges a list against a formula's members: a wrong item (with the missing member as its replacement when
 * the counts agree), an incomplete list (when `complete` allows the verdict), or, for formulas whose order
 * is fixed, the right members in the wrong order.
 */
function judgeList(text: string, term: ProtectedEntry, items: readonly Item[], complete: boolean, out: Finding[]): void {
  const members = term.members as readonly string[];
  const written = new Set(items.map((it) => it.text));
  const missing = members.filter((m) => !written.has(m));
  const wrong = items.filter((it) => !members.includes(it.text));
  const full = members.join('、');
  const first = items[0] as Item;
  const lastItem = items[items.length - 1] as Item;
  if (wrong.length === 0 && missing.length > 0) {
    if (!complete) return;
    out.push({
      start: first.start,
      end: lastItem.end,
      message: `${q(term.canonical)}的内容不全，缺少${missing.map(q).join('、')}；应为${q(full)}。`,
      expected: [full],
      entry: term.entry,
    });
    return;
  }
  if (wrong.length === 0 && term.ordered && items.length === members.length && items.some((it, k) => it.text !== members[k])) {
    // Rewrite the items in their canonical order, keeping the separators and words written between them.
    let fixed = '';
    let at = first.start;
    items.forEach((it, k) => {
      fixed += `${text.slice(at, it.start)}${members[k] as string}`;
      at = it.end;
    });
    out.push({ start: first.start, end: lastItem.end, message: `${q(term.canonical)}的顺序是${q(full)}，不能颠倒。`, expected: [fixed], entry: term.entry });
    return;
  }
  wrong.forEach((it, k) => {
    const replacement = wrong.length === missing.length ? (missing[k] as string) : undefined;
    out.push({
      start: it.start,
      end: it.end,
      message: `${q(term.canonical)}的内容为${q(full)}，${q(it.text)}不在其中${replacement ? `，应为${q(replacement)}` : ''}。`,
      expected: replacement ? [replacement] : [],
      entry: term.entry,
    });
  });
}

function checkMembers(text: string, hits: Hits, out: Finding[]): void {
  for (const hit of hits.withMembers) {
    const term = hit.value;
    const members = term.members as readonly string[];
    const after = listAfter(text, hit.end, members);
    if (after) {
      judgeList(text, term, after, true, out);
      continue;
    }
    const before = listBefore(text, hit.start, members);
    // Written before the name, a list can be a deliberate selection ("绿色、开放的发展"): call it incomplete
    // only when all but one member are there and its start is clear.
    if (before) judgeList(text, term, before.items, !before.ragged && before.items.length >= members.length - 1, out);
  }
  // Long value lists are recognisable without their name ("富强、民主、文明、和谐，自由、平等…").
  let consumed = -1;
  for (const hit of hits.standalone) {
    if (hit.start < consumed || text[hit.end] !== '、') continue;
    const term = hit.value;
    const members = term.members as readonly string[];
    let i = hit.start;
    // A wrong first item may precede the first member written ("公平、民主、…").
    if (text[i - 1] === '、') {
      let k = i - 1;
      while (k > 0 && i - 1 - k < 4 && isItemChar(text[k - 1])) k--;
      if (k < i - 1) i = k;
    }
    const items = readList(text, i, members, 2, members.length + 1);
    const last = items[items.length - 1];
    if (last) consumed = last.end;
    const known = items.filter((it) => members.includes(it.text)).length;
    if (items.length >= members.length - 1 && items.length <= members.length + 1 && known >= members.length - 2) judgeList(text, term, items, true, out);
  }
}

function checkNumbers(text: string, prepared: Prepared, out: Finding[]): void {
  const re = prepared.numberedRe;
  if (!re || !text.includes('个')) return;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const term = prepared.numbered.get(m[2] as string);
    if (!term || !term.numberStrict || m[1] === term.number) continue;
    // "两个确立" alone exists; a longer numeral run ("十三个确立") is something else.
    if (/[一二两三四五六七八九十]/.test(text[m.index - 1] ?? '')) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      message: `提法数字错误：${q(m[0])}应为${q(term.canonical)}。`,
      expected: [term.canonical],
      entry: term.entry,
    });
  }
}

/** Whether `f` overlaps one of `spans` (sorted, non-overlapping): binary search, so many findings stay cheap. */
function overlapsAny(spans: readonly { start: number; end: number }[], f: { start: number; end: number }): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as { end: number }).end <= f.start) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo];
  return s !== undefined && s.start < f.end;
}

function checkSegment(folded: Folded, prepared: Prepared, actualOf: (start: number, end: number) => string, check: PerCheck, publication: string, segmenter?: Segmenter): Finding[] {
  const text = folded.text;
  const found: Finding[] = [];
  const hits = scanAll(prepared, folded, check);
  for (const hit of hits.explicit) {
    const e = hit.value;
    if (inException(text, hit.start, hit.pattern, exceptionsOf(e))) continue;
    const expected = e.expected[0];
    found.push({
      start: hit.start,
      end: hit.end,
      message: expected !== undefined ? `${q(actualOf(hit.start, hit.end))}是错误写法，应为${q(expected)}。` : `${q(actualOf(hit.start, hit.end))}是错误写法，应改写。`,
      expected: [...e.expected],
      entry: e,
      ...(e.note ? { note: e.note } : {}),
    });
  }
  const explicitSpans = longestNonOverlapping(found);
  const extra: Finding[] = [];
  checkNumbers(text, prepared, extra);
  checkMembers(text, hits, extra);
  for (const s of checkSessions(text, prepared.sessions)) extra.push({ start: s.start, end: s.end, message: s.message, expected: s.expected, entry: s.entry });
  for (const a of checkAnniversaries(text, prepared.anniversaries, publication)) extra.push({ start: a.start, end: a.end, message: a.message, expected: a.expected, entry: a.entry });
  for (const m of recalled(check, prepared.fuzzy, text, (t) => Object.freeze(prepared.fuzzy.find(t, segmenter)))) {
    // The noise fold may have dropped brackets or symbols inside the window ("（党组）学习教育"): not a term.
    if (actualOf(m.start, m.end).replace(/\s+/g, '').length !== m.end - m.start) continue;
    extra.push({ start: m.start, end: m.end, message: nearMissMessage(m, actualOf(m.start, m.end)), expected: [m.term.canonical], entry: m.term.entry });
  }
  if (found.length === 0 && extra.length === 0) return found;
  // A cited wrong form wins over a near miss found on the same text.
  const kept = explicitSpans.length === 0 ? extra : extra.filter((f) => !overlapsAny(explicitSpans, f));
  return longestNonOverlapping([...explicitSpans, ...kept]);
}

/** Canonical political expressions: cited wrong forms and near misses of protected terms. */
export const canonicalTerm = defineRule<Record<string, unknown>, Prepared>({
  id: 'phrasing/canonical-term',
  meta: {
    description: '规范政治表述写错：抽查通报所载错误写法，同音形近字、漏字多字、字序颠倒、固定提法漏词、数字或成员错误（名称前后的成员列表、无名称的核心价值观），以及届次写“界”、不存在的全会或会次、与年份不符的届次，与句中所写年份不符的周年数（2025年是抗战胜利80周年）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/canonical-terms.json', 'phrasing/protected-terms.json', 'phrasing/confusion-chars.json', 'phrasing/sessions.json', 'phrasing/anniversaries.json'],
    docs: {
      wrong: '深入开展党史学习教肓；增强“四个意识”：政治意识、大局意识、核心意识、服从意识',
      right: '深入开展党史学习教育；……核心意识、看齐意识',
      source: '党章、党代会报告、中央全会决议；政府网站抽查通报',
    },
  },
  prepare({ config, shared }) {
    const user = splitUserEntries(config.dictionaries?.phrasing);
    const protectedTerms = [...builtinTerms.protected, ...user.protected];
    const explicit = new PatternSet<Entry>();
    for (const e of [...builtinTerms.explicit, ...user.explicit]) for (const p of e.patterns) explicit.add(p, e);
    const numbered = new Map<string, ProtectedEntry>();
    const withMembers = new PatternSet<ProtectedEntry>();
    const standalone = new PatternSet<ProtectedEntry>();
    for (const t of protectedTerms) {
      if (t.number && t.canonical.startsWith(`${t.number}个`)) numbered.set(t.canonical.slice(t.number.length + 1), t);
      if (t.members) withMembers.add(t.canonical, t);
      if (t.members && t.standalone) for (const m of t.members) standalone.add(m, t);
    }
    const all = new PatternSet<Tagged>();
    all.addAll(explicit, (entry) => ({ kind: 'explicit', entry }));
    all.addAll(withMembers, (term) => ({ kind: 'members', term }));
    all.addAll(standalone, (term) => ({ kind: 'standalone', term }));
    const union = patternUnion({ shared });
    union.add(all as PatternSet<unknown>);
    const bodies = [...numbered.keys()].map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return {
      fuzzy: new FuzzyMatcher(protectedTerms, builtinConfusion()),
      numbered,
      // Alternation of a few fixed words after a one-character numeral: linear, no nested quantifiers.
      numberedRe: bodies.length ? new RegExp(`(${NUMERAL})个(${bodies.join('|')})`, 'g') : null,
      sessions: shared('knowledge/sessions', () => sessionBook()),
      anniversaries: shared('knowledge/anniversaries', () => anniversaryBook()),
      all,
      union,
    };
  },
  check(context) {
    for (const { folded } of foldedSegments(context, 2)) {
      const actualOf = (start: number, end: number) => context.source.slice(...folded.toSource(start, end));
      for (const f of checkSegment(folded, context.prepared, actualOf, context.memo, context.date, context.runtime.segmenter)) {
        context.report({
          range: folded.toSource(f.start, f.end),
          message: f.message,
          expected: f.expected,
          entryId: f.entry.id,
          source: f.entry.source,
          ...(f.note ? { note: f.note } : {}),
          ...(f.entry.severity ? { severity: f.entry.severity } : {}),
        });
      }
    }
  },
});
