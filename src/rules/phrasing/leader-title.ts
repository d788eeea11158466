import { defineRule } from '../../core/rule.js';
import { formerBefore, leaderBook, leaderMarks, titleAfter, titleChainBefore, type Leader, type LeaderBook, type LeaderMarks } from '../../knowledge/leaders.js';
import { foldedSegments, joinedInSource, longestNonOverlapping, q, statedDate, type DayRange } from '../../text/patterns.js';

interface Wrong {
  start: number;
  end: number;
  leader: Leader;
  written: string;
  message: string;
  expected: string[];
}

const holding = new WeakMap<LeaderBook, Map<string, readonly Leader[]>>();

/** The leaders holding `title` on `day`, in list order (kept per book, title and day: a page names the same few). */
function holdersAt(book: LeaderBook, title: string, day: string): readonly Leader[] {
  let byKey = holding.get(book);
  if (!byKey) holding.set(book, (byKey = new Map()));
  const key = `${title}\u0000${day}`;
  let list = byKey.get(key);
  if (!list) {
    // Bounded: a long job sees many publication days.
    if (byKey.size >= 4096) byKey.clear();
    byKey.set(key, (list = book.leaders.filter((l) => book.titlesAt(l, [day, day]).includes(title))));
  }
  return list;
}

function describe(book: LeaderBook, leader: Leader, written: string, titles: readonly string[], publication: string): { message: string; expected: string[] } {
  const current = book.titlesAt(leader, [publication, publication]).filter((t) => !t.includes('常委'));
  const past = leader.titles.filter((t) => titles.includes(t.title) && t.validTo !== undefined && t.validTo < publication);
  if (past.length > 0) {
    const t = past[0] as { title: string; validTo?: string };
    const holders = holdersAt(book, t.title, publication)
      .filter((l) => l !== leader)
      .map((l) => l.name);
    return {
      message: `职务已变：${leader.name}于${t.validTo}卸任${t.title}${current.length ? `，现任${current.join('、')}` : ''}${holders.length ? `；现任${t.title}为${holders.join('、')}` : ''}；叙述当时情况应写${q(`时任${written}`)}。`,
      expected: [`时任${written}`, ...current],
    };
  }
  return {
    message: `职务与姓名不符：${leader.name}${current.length ? `现任${current.join('、')}` : '未担任此职务'}，不是${q(written)}。`,
    expected: current,
  };
}

/**
 * The one leader who held one of `titles` over the whole stated period, when that is not `leader`: the name
 * that fits the date. Titles with several holders at once (国务院副总理) give none.
 */
function holderAt(book: LeaderBook, leader: Leader, titles: readonly string[], stated: DayRange): Leader | null {
  const holders = book.leaders.filter((l) => l.titles.some((t) => titles.includes(t.title) && t.validFrom <= stated[0] && (t.validTo === undefined || t.validTo >= stated[1])));
  const all = book.leaders.filter((l) => l.titles.some((t) => titles.includes(t.title) && t.validFrom <= stated[1] && (t.validTo === undefined || t.validTo >= stated[0])));
  return holders.length === 1 && all.length === 1 && holders[0] !== leader ? (holders[0] as Leader) : null;
}

function byDate(leader: Leader, other: Leader, written: string, stated: DayRange): { message: string; expected: string[] } {
  const [y, m] = stated[0].split('-').map(Number);
  const when = stated[0].endsWith('-01-01') && stated[1].endsWith('-12-31') ? `${y}年` : `${y}年${m}月`;
  return { message: `与日期不符：${when}的${written}是${other.name}，不是${leader.name}。`, expected: [other.name] };
}

/**
 * Whether the date ends right before `pos`: at most six characters between, one comma among them
 * ("2012年3月，国家主席", "二〇一一年，在北京，" is already two clauses): it then dates what follows.
 */
function leads(text: string, dateEnd: number, pos: number): boolean {
  return pos - dateEnd <= 6 && /^[^。！？；，、]{0,3}[，、]?[^。！？；，、]{0,3}$/.test(text.slice(dateEnd, pos));
}

function findWrong(book: LeaderBook, text: string, publication: string, joined: (pos: number) => boolean, marks: LeaderMarks): Wrong[] {
  const out: Wrong[] = [];
  if (marks.names.length === 0) return out;
  const byEnd = marks.byEnd;
  // The longest name at a place: 王君正 is not 王君 followed by 正.
  for (const hit of longestNonOverlapping(marks.names)) {
    const leader = hit.value;
    const date = statedDate(text, hit.start, publication);
    const stated = date?.range ?? null;
    const chain = titleChainBefore(text, hit.start, byEnd, joined);
    const former = chain.length > 0 && formerBefore(text, (chain[chain.length - 1] as { start: number }).start);
    if (former && stated) {
      // "2014年，时任广东省委书记汪洋": 时任 says the title was held at the stated date; a name that did not
      // hold it then, when one other person held it throughout, is the wrong name.
      for (const link of chain) {
        if (book.titlesAt(leader, stated).some((t) => link.form.titles.includes(t)) || book.outsideRecord(leader, link.form.titles, stated[0])) continue;
        const other = holderAt(book, leader, link.form.titles, stated);
        if (other) out.push({ start: hit.start, end: hit.end, leader, written: leader.name, ...byDate(leader, other, link.form.written, stated) });
      }
    }
    if (!former) {
      for (const link of chain) {
        // A date right before the title ("2012年3月，国家主席…") dates the sentence's subject: a holder of
        // the title on the publication day who did not hold it then is the wrong name.
        if (date && stated && leads(text, date.end, link.start) && !book.titlesAt(leader, stated).some((t) => link.form.titles.includes(t)) && !book.outsideRecord(leader, link.form.titles, stated[0])) {
          const other = holderAt(book, leader, link.form.titles, stated);
          if (other) {
            out.push({ start: hit.start, end: hit.end, leader, written: leader.name, ...byDate(leader, other, link.form.written, stated) });
            continue;
          }
        }
        if (book.held(leader, link.form.titles, publication, stated)) continue;
        if (book.outsideRecord(leader, link.form.titles, stated ? stated[0] : publication)) continue;
        const other = stated ? holderAt(book, leader, link.form.titles, stated) : null;
        if (other && stated) {
          // "2008年3月，国务院总理朱镕基": the sentence dates the passage, so the name is what is wrong.
          out.push({ start: hit.start, end: hit.end, leader, written: leader.name, ...byDate(leader, other, link.form.written, stated) });
          continue;
        }
        out.push({ start: link.start, end: link.end, leader, written: link.form.written, ...describe(book, leader, link.form.written, link.form.titles, publication) });
      }
    }
    const after = titleAfter(text, hit.end);
    if (after && after !== '同志' && joined(hit.end) && !formerBefore(text, hit.start) && !book.heldShort(leader, after, publication, stated)) {
      const titles = leader.titles.filter((t) => t.title.endsWith(after)).map((t) => t.title);
      const other = stated ? holderAt(book, leader, titles, stated) : null;
      if (other && stated) {
        out.push({ start: hit.start, end: hit.end, leader, written: leader.name, ...byDate(leader, other, after, stated) });
        continue;
      }
      const d = describe(book, leader, after, titles, publication);
      // "李克强总理": the fix rewrites name and title together ("时任国务院总理李克强").
      const expected = d.expected.map((e) => (e.startsWith('时任') ? `时任${titles[0] ?? after}${leader.name}` : `${leader.name}${e}`));
      out.push({ start: hit.start, end: hit.end + after.length, leader, written: after, message: d.message, expected });
    }
  }
  return out;
}

/** A leader's title that does not match the name at the date the text speaks of (a former premier as premier in 2024). */
export const leaderTitle = defineRule<Record<string, unknown>, LeaderBook>({
  id: 'phrasing/leader-title',
  meta: {
    description: '领导人职务错误或过时：姓名前后的职务（含省级党委书记和省长、外国元首和政府首脑）在文章日期（或句中写明的日期）并未担任；句中写明日期时给出当时在任者（2008年3月的国务院总理是温家宝，2023年的广东省委书记是黄坤明）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/leaders.json', 'phrasing/provincial-leaders.json', 'phrasing/foreign-leaders.json'],
    docs: { wrong: '2024年3月，国务院总理李克强主持会议', right: '2024年3月，国务院总理李强主持会议', source: '十四届全国人大一次会议决定李强为国务院总理（2023-03-11）' },
  },
  prepare(setup) {
    return leaderBook(setup);
  },
  check(context) {
    const book = context.prepared;
    for (const { folded } of foldedSegments(context, 3)) {
      for (const w of findWrong(book, folded.text, context.date, (pos) => joinedInSource(folded, pos), leaderMarks(book, folded, context.memo))) {
        context.report({ range: folded.toSource(w.start, w.end), message: w.message, expected: w.expected, entryId: w.leader.entry.id, source: w.leader.entry.source });
      }
    }
  },
});
