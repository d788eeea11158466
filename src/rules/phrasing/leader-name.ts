import { defineRule, type Runtime } from '../../core/rule.js';
import { leaderBook, leaderMarks, titleAfter, titleChainBefore, type Leader, type LeaderBook, type LeaderMarks } from '../../knowledge/leaders.js';
import { foldedSegments, joinedInSource, isHan, q } from '../../text/patterns.js';
import { cutsAround } from '../../text/spans.js';

/** Titles of the leaders whose activities a headline can name without a title. */
const TOP = /常委|国务院总理|国家主席|委员长|全国政协主席/;

/** A local post or a plain form of address written right before a name: the name is someone's own. */
const LOCAL_TITLE = /(?:书记|[省市县区州旗镇乡村]长|主任|局长|处长|科长|部长|主席|委员|代表|先生|女士|老师|医生|干部|职工|村民|群众|副)$/;

/** Whether the document writes `name` after a local post or a form of address anywhere (names are rare: cheap). */
function titledIn(source: string, name: string): boolean {
  let n = 0;
  for (let i = source.indexOf(name); i !== -1 && n < 50; i = source.indexOf(name, i + 1), n++) if (LOCAL_TITLE.test(source.slice(Math.max(0, i - 6), i))) return true;
  return false;
}

interface Miss {
  start: number;
  end: number;
  leader: Leader;
  context: string;
  /** Found by sound or shape alone with no title beside it: a citizen may bear that name (王小红 for 王小洪). */
  weak?: true;
}

/** Whether a near miss is believable here: the title next to it is one the leader has held. */
function fits(leader: Leader, titles: readonly string[]): boolean {
  return leader.titles.some((t) => titles.includes(t.title) || titles.some((x) => t.title.endsWith(x) && !(x.length < 3 && t.title.endsWith(`副${x}`))));
}

const NO_POSITIONS: ReadonlySet<number> = new Set();

/**
 * Whether the stretch `start`–`end` of `text` reads as a name of its own: no word of the segmenter's
 * dictionary (张国庆 and 黄昆明's 昆明 are counted words; 张国青 is none), and the segmenter cuts before and
 * after it. Null without a segmenter and its word counts (the browser): the wide links are then not used
 * where no title vouches for the name.
 */
type NameLike = ((text: string, start: number, end: number) => boolean) | null;

function nameLikeOf(runtime: Runtime): NameLike {
  const { segmenter, words } = runtime;
  if (!segmenter || !words) return null;
  return (text, start, end) => {
    if (words.frequency(text.slice(start, end)) > 0) return false;
    const cuts = cutsAround(text, start, end, segmenter, 4);
    return cuts.has(start) && cuts.has(end);
  };
}

/** What follows a leader's name in news, two characters (主持, 出席, 讲话 …): the start of no name. */
const AFTER_NAME = new Set(['主持', '出席', '讲话', '指出', '强调', '表示', '要求', '会见', '参加', '同志', '一行', '率队', '带队', '调研', '考察', '检查', '视察', '慰问', '看望', '宣布', '签署', '发表', '作了', '在会', '等人', '分别']);

function findMisses(book: LeaderBook, text: string, publication: string, joined: (pos: number) => boolean, marks: LeaderMarks, localName: (name: string) => boolean, nameLike: NameLike): Miss[] {
  const out: Miss[] = [];
  const { names: exact, byEnd } = marks;
  // Nothing a miss is found next to: a title, a short title or cue after a name, a name in a list.
  if (byEnd.size === 0 && marks.after.length === 0 && marks.activity.length === 0 && marks.speech.length === 0 && exact.length === 0) return out;
  const exactStarts = exact.length === 0 ? NO_POSITIONS : new Set(exact.map((h) => h.start));
  const exactEnds = exact.length === 0 ? NO_POSITIONS : new Set(exact.map((h) => h.end));
  // A title, then a name that misses a leader's by one character ("国务院总理李克墙", "国务院总理李克").
  for (const end of byEnd.keys()) {
    if (exactStarts.has(end)) continue;
    const chain = titleChainBefore(text, end, byEnd, joined);
    if (chain.length === 0) continue;
    // The titles of the chain, read only when a leader is found to fit them.
    let titles: string[] | undefined;
    const fitsChain = (l: Leader) => fits(l, (titles ??= chain.flatMap((c) => c.form.titles)));
    // First the confusion table, a dropped last character and a config leader's any slip; only then, beside
    // a title the leader held, a same-syllable or published look-alike character (河南省委书记娄阳生, 国务委员
    // 湛贻琴), where the segmenter (when there is one) cuts the name as a unit its dictionary does not count
    // as a word: 赵克讲话 is 赵克志 losing a character before 讲话, not 赵克志 with 志 written 讲.
    // A foreign title (美国总统) is followed by a transliteration, which the segmenter cuts as it cuts any
    // run of characters (芦|拉): its cut vouches for nothing there.
    const foreign = chain.some((c) => c.form.titles.some((t) => book.foreignTitles.has(t)));
    found: for (const wide of [false, true]) {
      // Chinese names have two or three characters; a foreign leader's may have more (岸田文雄, 泽连斯基).
      for (const len of book.nameLengths) {
        const w = text.slice(end, end + len);
        // At the end of the text the window is shorter than asked: a two-character name must not be reported as three.
        if (w.length !== len) continue;
        const leader = wide ? (foreign || nameLike === null || nameLike(text, end, end + len) ? book.nearName(w, true, fitsChain, true) : null) : (book.nearName(w, true, fitsChain) ?? (len === 2 ? book.truncatedName(w) : null));
        if (leader && fitsChain(leader)) {
          // The name without its last character, then what follows a name in news ("吴晓主持会议", "嘎玛泽出席"):
          // the name lost its last character; it is not that character written as 主 or 出.
          const cut = leader.name.length === len && w.slice(0, -1) === leader.name.slice(0, -1) && AFTER_NAME.has(text.slice(end + len - 1, end + len + 1));
          out.push({ start: end, end: cut ? end + len - 1 : end + len, leader, context: 'title' });
          break found;
        }
      }
    }
  }
  // A name, then a short title ("赵乐基委员长") or 同志 ("习进平同志"; three-character names only).
  for (const i of marks.after) {
    const after = titleAfter(text, i);
    if (i < 2 || !after || exactEnds.has(i) || !joined(i)) continue;
    for (const len of [3, 2]) {
      if (after === '同志' && len === 2) continue;
      const start = i - len;
      if (start < 0) continue;
      const leader = book.nearName(text.slice(start, i), after !== '同志');
      // 同志 says nothing of the post: only the top leaders' names, whose near misses are no common names
      // (张国庆同志 is someone's own name, not 张国清's), and never a name the document gives a local post.
      const comrade = after === '同志' && leader !== null && leader.titles.some((t) => TOP.test(t.title)) && !localName(text.slice(start, i));
      if (leader && (comrade || (after !== '同志' && fits(leader, [after])))) {
        out.push({ start, end: i, leader, context: 'after-title' });
        break;
      }
    }
  }
  // A list of leaders joined by 、 with one name misspelt ("习近平、李强、赵乐际、王沪宁、蔡奇、丁学祥、李希").
  for (const hit of exact) {
    if (text[hit.end] === '、') {
      for (const len of [3, 2]) {
        const w = text.slice(hit.end + 1, hit.end + 1 + len);
        if (w.length !== len) continue;
        const next = text[hit.end + 1 + len];
        if (next !== '、' && next !== '等' && isHan(next?.charCodeAt(0) ?? 0)) continue;
        // In a list of leaders a name may also lose its last character ("习近平、李克、张德江").
        // Beside another leader's name a same-syllable or look-alike slip is believable too ("李强、赵乐济").
        const leader = book.nearName(w) ?? (len === 2 ? book.truncatedName(w) : null) ?? (nameLike === null || nameLike(text, hit.end + 1, hit.end + 1 + len) ? book.nearName(w, false, undefined, true) : null);
        if (leader && leader.titles.some((t) => t.title.includes('常委') || t.title.includes('总理') || t.title.includes('主席'))) {
          out.push({ start: hit.end + 1, end: hit.end + 1 + len, leader, context: 'list' });
          break;
        }
      }
    }
  }
  // A headline without a title: a name that misses a top leader's by one character, followed by what only
  // such a leader does ("温家室主持召开国务院常务会议"). Three-character names only.
  for (const at of marks.activity) {
    const start = at - 3;
    if (start < 0 || exactEnds.has(at) || !joined(at)) continue;
    const leader = book.nearName(text.slice(start, at));
    if (leader && leader.titles.some((t) => TOP.test(t.title))) out.push({ start, end: at, leader, context: 'activity' });
  }
  // No title at all: a name that misses a sitting leader's by a homophone or look-alike, followed by what a
  // speaker does or by 同志 ("蔡琪同志指出", "丁学祥强调"). The slip must be in the confusion table, the leader
  // must hold a post on the day the text speaks of, and nothing may be glued before the name (a title or a
  // longer name: "副县长丁学祥", "X蔡琪").
  for (const i of marks.speech) {
    if (i < 2 || exactEnds.has(i) || !joined(i)) continue;
    for (const len of [3, 2]) {
      const start = i - len;
      if (start < 0 || (start > 0 && isHan(text.charCodeAt(start - 1)))) continue;
      const written = text.slice(start, i);
      const leader = book.nearName(written);
      // Only members of the Politburo Standing Committee in office: a near miss of a vice premier's name
      // (张国庆, 刘国忠) is as often a local cadre's own name.
      if (leader && book.titlesAt(leader, [publication, publication]).some((t) => t.includes('常委')) && !localName(written)) {
        out.push({ start, end: i, leader, context: 'speech' });
        break;
      }
      // With the segmenter and its counts, a same-syllable or look-alike slip of any national leader in
      // office on the day (胡纯华同志指出, 张国青同志主持): the written name must be no counted word and a unit
      // of the segmenter's cut; a two-character name, as common among citizens as 蔡琦, only for the standing
      // committee and the heads of state, parliament, government and the CPPCC (韩政同志指出).
      if (nameLike !== null && !localName(written)) {
        const sitting = (l: Leader) => !book.local.has(l) && book.titlesAt(l, [publication, publication]).some((t) => len === 3 || TOP.test(t) || t === '国家副主席');
        const wide = book.nearName(written, false, sitting, true);
        if (wide && nameLike(text, start, i)) {
          out.push({ start, end: i, leader: wide, context: 'speech', weak: true });
          break;
        }
      }
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((m, k) => k === 0 || m.start >= (out[k - 1] as Miss).end);
}

/** Misspelt names of national leaders (and local leaders from the config) next to a title, 同志, or in a list of leaders. */
export const leaderName = defineRule<Record<string, unknown>, LeaderBook>({
  id: 'phrasing/leader-name',
  meta: {
    description: '领导人姓名写错：职务（含31个省区市2012年以来的党委书记和省长、自治区主席、直辖市市长，及主要国家元首、政府首脑和联合国秘书长，如“美国总统奥马巴”）、“同志”、领导人名单旁、“主持召开国务院常务会议”等活动前，或无职务而后接“同志指出”“强调”的姓名与领导人差一个同音或形近字、漏字或名字两字颠倒（无职务、只凭读音或字形相近的只报 warning；可在配置中加入本地领导）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    dictionaries: ['phrasing/leaders.json', 'phrasing/provincial-leaders.json', 'phrasing/foreign-leaders.json', 'phrasing/confusion-chars.json'],
    docs: { wrong: '国务院副总理丁学祥出席会议', right: '国务院副总理丁薛祥出席会议', source: '十四届全国人大一次会议决定（2023-03-12）；政府网站抽查通报（杜家毫误为杜家豪）' },
  },
  prepare(setup) {
    return leaderBook(setup);
  },
  check(context) {
    const book = context.prepared;
    const nameLike = nameLikeOf(context.runtime);
    for (const { folded } of foldedSegments(context, 3)) {
      for (const m of findMisses(book, folded.text, context.date, (pos) => joinedInSource(folded, pos), leaderMarks(book, folded, context.memo), (name) => titledIn(context.source, name), nameLike)) {
        const range = folded.toSource(m.start, m.end);
        const written = context.source.slice(range[0], range[1]);
        context.report({
          range,
          message: `领导人姓名疑似写错：${q(written)}应为${q(m.leader.name)}。`,
          expected: [m.leader.name],
          entryId: m.leader.entry.id,
          source: m.leader.entry.source,
          // No title vouches for the leader: the name may be a citizen's own, so a warning whatever the rule's severity.
          ...(m.weak ? { severity: 'warning' as const, advisory: true, note: '姓名旁没有职务，只凭读音或字形与现任领导人姓名相近；若是同名群众或本地干部，请忽略。' } : {}),
        });
      }
    }
  },
});
