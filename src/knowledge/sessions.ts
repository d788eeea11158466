import sessionsRaw from '../../dictionaries/phrasing/sessions.json';
import { parseDictionary } from '../dictionaries/parse.js';
import type { Entry } from '../types.js';
import { q } from '../text/patterns.js';

/**
 * Sessions of the Party's Central Committee, the National People's Congress and the CPPCC National
 * Committee. Their ordinals are facts, so three errors can be decided without guessing: 界 written
 * for 届 ("十九界五中全会"), a session that never took place ("十九届八中全会", "十四届全国人大六次会议"),
 * and a session whose ordinal contradicts the year written right before it ("2024年3月5日，十三届全国人大
 * 二次会议开幕"). Regular expressions here are fixed shapes with bounded repetition: linear in the text.
 */

const sessions = parseDictionary(sessionsRaw, 'phrasing/sessions.json');

interface Term {
  readonly ordinal: number;
  readonly congressYear: number;
  readonly plenumYears: readonly number[];
  readonly closed: boolean;
  readonly entry: Entry;
}

interface Assembly {
  readonly firstTerm: number;
  readonly firstYear: number;
  readonly sessions: number;
  readonly entry: Entry;
}

/** A session error found in a text: a UTF-16 range, the message, the replacement (if decidable) and the entry behind it. */
export interface SessionFinding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly expected: string[];
  readonly entry: Entry;
}

const DIGITS = '一二三四五六七八九';

/** Chinese numerals 1–99 ("十九", "二十", "五") to numbers; NaN for anything else. */
export function chineseNumber(s: string): number {
  const d = (c: string | undefined) => (c === undefined ? -1 : DIGITS.indexOf(c) + 1);
  if (s.length === 1) return s === '十' ? 10 : d(s) || Number.NaN;
  const t = s.indexOf('十');
  if (t === -1 || s.indexOf('十', t + 1) !== -1 || s.length > 3) return Number.NaN;
  const tens = t === 0 ? 1 : d(s[0]);
  const ones = t === s.length - 1 ? 0 : d(s[t + 1]);
  if (tens <= 0 || ones < 0 || (t > 1)) return Number.NaN;
  return tens * 10 + ones;
}

/** Numbers 1–99 to Chinese numerals, the way ordinals are written (十九, 二十, 十). */
export function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const o = ones ? (DIGITS[ones - 1] as string) : '';
  if (tens === 0) return o;
  return `${tens === 1 ? '' : DIGITS[tens - 1]}十${o}`;
}

/** The session facts of one list of entries (the built-in list by default), built once per checker. */
export interface SessionBook {
  readonly terms: readonly Term[];
  readonly npc?: Assembly;
  readonly cppcc?: Assembly;
  readonly ordinalEntry?: Entry;
  /** 届 and 次 confused (十九大四中全会, 十三次全国人大). */
  readonly counterEntry?: Entry;
}

/** Builds a {@link SessionBook}; a rule does so in `prepare` (per checker), never at module level. */
export function sessionBook(entries: readonly Entry[] = sessions.entries): SessionBook {
  const terms: Term[] = [];
  let npc: Assembly | undefined;
  let cppcc: Assembly | undefined;
  let ordinalEntry: Entry | undefined;
  let counterEntry: Entry | undefined;
  for (const e of entries) {
    if (e.id.startsWith('cpc-')) {
      terms.push({
        ordinal: Number(e.id.slice(4)),
        congressYear: Number(String(e.congress).slice(0, 4)),
        plenumYears: (e.plenums as string[]).map((p) => Number(p.slice(0, 4))),
        closed: e.closed === true,
        entry: e,
      });
    } else if (e.id === 'npc' || e.id === 'cppcc') {
      const a = { firstTerm: e.firstTerm as number, firstYear: e.firstYear as number, sessions: e.sessions as number, entry: e };
      if (e.id === 'npc') npc = a;
      else cppcc = a;
    } else if (e.id === 'session-ordinal') ordinalEntry = e;
    else if (e.id === 'session-counter') counterEntry = e;
  }
  return { terms, ...(npc ? { npc } : {}), ...(cppcc ? { cppcc } : {}), ...(ordinalEntry ? { ordinalEntry } : {}), ...(counterEntry ? { counterEntry } : {}) };
}

const NUM = '[一二三四五六七八九十]{1,3}';
const SMALL = '[一二三四五六七八九十]{1,2}';
/** Central Committee plenums: 十九届五中全会, 十九届中央委员会第五次全体会议. */
const PLENUM = new RegExp(`(${NUM})([届界])(?:中央委员会)?第?(${SMALL})(?:中全会|次全体会议)`, 'g');
/** NPC sessions: 十四届全国人大二次会议, 第十四届全国人民代表大会第二次会议 (the standing committee is excluded by shape). */
const NPC = new RegExp(`(${NUM})([届界])全国人(?:民代表)?大(?:会)?第?(${SMALL})次会议`, 'g');
/** CPPCC sessions: 全国政协十四届二次会议, 政协第十四届全国委员会第二次会议. */
const CPPCC = new RegExp(`全国政协第?(${NUM})([届界])第?(${SMALL})次会议|政协第(${NUM})([届界])全国委员会第(${SMALL})次会议`, 'g');
/** Party congresses: 党的十九大, 中共十九大, 中国共产党第十九次全国代表大会. */
const CONGRESS = new RegExp(`(?:党的|中共)(${NUM})大|中国共产党第(${NUM})次全国代表大会`, 'g');
/** 界 after an ordinal and before what only a 届 can precede (local congresses too: 县十八界人大). */
const JIE = new RegExp(`(${NUM})界(?=全国|中央|人大|人民代表大会|政协|党代会|代表大会|委员会|纪委|${SMALL}(?:中全会|次会议|次全会|次全体会议))`, 'g');
/**
 * 届 and 次 confused. The Party's congresses are counted by 次 and its Central Committees by 届, so a plenum
 * belongs to a 届 (十九大四中全会 for 十九届四中全会) and a congress is no 届 (第十九届全国代表大会 for 第十九次);
 * the NPC and the CPPCC National Committee are counted by 届 (十三次全国人大 for 十三届全国人大).
 */
const COUNTER = new RegExp(`(${NUM})大(?=${SMALL}中全会)|(?:中国共产党|党的|中共)第?(${NUM})届(?=全国代表大会)|(${NUM})次(?=全国人(?:民代表)?大|全国政协)|政协第(${NUM})次(?=全国委员会)`, 'g');

/**
 * A date written right before a session and naming when it took place: a month or 召开/举行 is needed,
 * since a bare year ("2024年，…十三届…精神") may be the year of the writing, not of the session.
 */
const DATE_BEFORE = /((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?(?:\s*[至到—-]\s*\d{1,2}\s*日)?)?\s*[,，]?\s*((?:在北京|在京)?(?:胜利)?(?:召开|举行)的?)?\s*[,，]?\s*(?:党的|中共|中国共产党)?$/;

function yearBefore(text: string, start: number): number | null {
  const m = DATE_BEFORE.exec(text.slice(Math.max(0, start - 32), start));
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1]);
}

/** A party committee of a province, city or county writes its own plenums ("省委十一届九次全会"): not the Central Committee. */
function localBefore(text: string, start: number): boolean {
  return text[start - 1] === '委' || (text[start - 1] === '第' && text[start - 2] === '委');
}

function replaceOrdinals(actual: string, parts: readonly [string, string][]): string {
  let out = actual;
  let from = 0;
  for (const [old, now] of parts) {
    const i = out.indexOf(old, from);
    if (i === -1) return actual;
    out = out.slice(0, i) + now + out.slice(i + old.length);
    from = i + now.length;
  }
  return out;
}

function checkAssembly(text: string, re: RegExp, a: Assembly | undefined, name: string, out: SessionFinding[]): void {
  if (!a) return;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const termText = (m[1] ?? m[4]) as string;
    const sessionText = (m[3] ?? m[6]) as string;
    const t = chineseNumber(termText);
    const k = chineseNumber(sessionText);
    const start = m.index;
    const end = start + m[0].length;
    if (Number.isNaN(t) || Number.isNaN(k) || t < a.firstTerm) continue;
    if (k > a.sessions) {
      out.push({ start, end, entry: a.entry, expected: [], message: `每届${name}举行${chineseOrdinal(a.sessions)}次会议（每年一次），${q(m[0])}不存在，请核对届次和会次。` });
      continue;
    }
    const y = yearBefore(text, start);
    if (y === null || y < a.firstYear) continue;
    const t2 = a.firstTerm + Math.floor((y - a.firstYear) / a.sessions);
    const k2 = ((y - a.firstYear) % a.sessions) + 1;
    if (t2 === t && k2 === k) continue;
    const fixed = replaceOrdinals(m[0], [
      [termText, chineseOrdinal(t2)],
      [sessionText, chineseOrdinal(k2)],
    ]);
    out.push({ start, end, entry: a.entry, expected: [fixed.replace('界', '届')], message: `${y}年举行的是${q(fixed.replace('界', '届'))}，${q(m[0])}与年份不符。` });
  }
}

function checkCounters(text: string, entry: Entry, terms: readonly Term[], out: SessionFinding[]): void {
  COUNTER.lastIndex = 0;
  for (let m = COUNTER.exec(text); m !== null; m = COUNTER.exec(text)) {
    const ord = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
    const n = chineseNumber(ord);
    // Only ordinals that exist: the 20th congress, the 14th NPC and CPPCC are the latest.
    if (Number.isNaN(n) || n < 1 || n > (m[1] !== undefined || m[2] !== undefined ? Math.max(...terms.map((t) => t.ordinal)) : 15)) continue;
    // A local congress or committee ("县第十三次党代会", "省委十一大") is not the national one.
    if (m[1] !== undefined && (localBefore(text, m.index) || /[省市县区州]$/.test(text.slice(m.index - 1, m.index)))) continue;
    // The ordinal and its counter word: 十九大, 十九届, 十三次.
    const end = m.index + m[0].length;
    const start = end - ord.length - 1;
    const wrong = text.slice(start, end);
    const right = `${ord}${m[2] !== undefined ? '次' : '届'}`;
    const what = m[1] !== undefined ? '中央全会按中央委员会届次称“届”' : m[2] !== undefined ? '党的全国代表大会称“次”' : '全国人大、全国政协称“届”';
    out.push({ start, end, entry, expected: [right], message: `届次错误：${what}，${q(wrong)}应为${q(right)}。` });
  }
}

/** Every session error in a folded text segment. */
export function checkSessions(text: string, book: SessionBook): SessionFinding[] {
  const { terms, npc, cppcc, ordinalEntry, counterEntry } = book;
  const out: SessionFinding[] = [];
  if (!text.includes('届') && !text.includes('界') && !text.includes('大') && !text.includes('政协')) return out;
  if (ordinalEntry && text.includes('界')) {
    JIE.lastIndex = 0;
    for (let m = JIE.exec(text); m !== null; m = JIE.exec(text)) {
      const ord = m[1] as string;
      out.push({ start: m.index, end: m.index + m[0].length, entry: ordinalEntry, expected: [`${ord}届`], message: `届次用“届”：${q(m[0])}应为${q(`${ord}届`)}。` });
    }
  }
  // Each pattern below is tried only on a text holding the words it cannot match without.
  const national = text.includes('全国');
  const plenum = text.includes('全会') || text.includes('全体会议');
  if (counterEntry && (national || plenum)) checkCounters(text, counterEntry, terms, out);
  PLENUM.lastIndex = 0;
  for (let m = plenum ? PLENUM.exec(text) : null; m !== null; m = PLENUM.exec(text)) {
    if (localBefore(text, m.index)) continue;
    const t = chineseNumber(m[1] as string);
    const k = chineseNumber(m[3] as string);
    const term = terms.find((x) => x.ordinal === t);
    if (!term || Number.isNaN(k)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const held = term.plenumYears.length;
    if (k > held && (term.closed || k > 7)) {
      const c = chineseOrdinal(t);
      out.push({
        start,
        end,
        entry: term.entry,
        expected: [],
        message: term.closed
          ? `党的${c}届中央委员会共举行${chineseOrdinal(held)}次全体会议（末次为${c}届${chineseOrdinal(held)}中全会，${term.plenumYears[held - 1]}年），${q(m[0])}不存在。`
          : `一届中央委员会通常举行七次全体会议，${q(m[0])}不存在，请核对。`,
      });
      continue;
    }
    const y = yearBefore(text, start);
    if (y === null || k > held || term.plenumYears[k - 1] === y) continue;
    const fits = terms.filter((x) => x.plenumYears[k - 1] === y);
    const fixed = fits.length === 1 ? replaceOrdinals(m[0], [[m[1] as string, chineseOrdinal((fits[0] as Term).ordinal)]]).replace('界', '届') : undefined;
    out.push({
      start,
      end,
      entry: term.entry,
      expected: fixed ? [fixed] : [],
      message: `${q(m[0])}于${term.plenumYears[k - 1]}年举行，与句中的${y}年不符${fixed ? `；${y}年举行的是${q(fixed)}` : ''}。`,
    });
  }
  const session = text.includes('次会议');
  if (session && national) checkAssembly(text, NPC, npc, '全国人民代表大会', out);
  if (session && text.includes('政协')) checkAssembly(text, CPPCC, cppcc, '全国政协', out);
  CONGRESS.lastIndex = 0;
  const congress = text.includes('党的') || text.includes('中共') || text.includes('中国共产党');
  for (let m = congress ? CONGRESS.exec(text) : null; m !== null; m = CONGRESS.exec(text)) {
    const ordText = (m[1] ?? m[2]) as string;
    const term = terms.find((x) => x.ordinal === chineseNumber(ordText));
    const y = term ? yearBefore(text, m.index) : null;
    if (!term || y === null || y === term.congressYear) continue;
    const other = terms.find((x) => x.congressYear === y);
    const fixed = other ? replaceOrdinals(m[0], [[ordText, chineseOrdinal(other.ordinal)]]) : undefined;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      entry: term.entry,
      expected: fixed ? [fixed] : [],
      message: `${q(m[0])}于${term.congressYear}年召开，与句中的${y}年不符${fixed ? `；${y}年召开的是${q(fixed)}` : ''}。`,
    });
  }
  return out;
}
