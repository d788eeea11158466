/**
 * Parallel series: members of equal length listed with 、 (道路自信、理论自信、制度自信、文化自信; 幼有所育、学有所教 …
 * 弱有所扶; 市场化、法治化、国际化). Official text repeats its series word for word, so a series the authoritative
 * texts write in two or more documents is fixed, and the same series written with one member changed into a
 * look-alike of it (民族自信, 忧患意识, 法制化, 病有所依) is a slip (phrasing/formula reads the series that
 * scripts/build-series.ts gathers into dictionaries/phrasing/series.json). Pure: the build script and the rule
 * find series with the same code, so the members they compare are cut the same way.
 */
import { isHan } from '../../../text/patterns.js';

/** Members of a series have two to this many ideographs. */
export const MAX_MEMBER = 8;

/** A series found in a text: its members' ranges (UTF-16 offsets), in order, all of one length. */
export interface Enumeration {
  readonly members: readonly (readonly [number, number])[];
}

const SEP = 0x3001; // 、

/** The length of the run of ideographs starting at `from` (at most `max`). */
function hanRun(text: string, from: number, max: number): number {
  let n = 0;
  while (n < max && from + n < text.length && isHan(text.charCodeAt(from + n))) n++;
  return n;
}

/** The length of the run of ideographs ending just before `to` (at most `max`). */
function hanRunBefore(text: string, to: number, max: number): number {
  let n = 0;
  while (n < max && to - n - 1 >= 0 && isHan(text.charCodeAt(to - n - 1))) n++;
  return n;
}

/**
 * The series of three or more members in `text`: runs of ideographs separated by 、, the inner members all of one
 * length L (two to MAX_MEMBER), the first member the last L ideographs before the first 、 and the last member the
 * first L after the last one (a verb before the series, or the noun it qualifies after it, is no part of a member).
 * Linear in the text's length: each 、 is read a bounded number of times.
 */
export function enumerations(text: string): Enumeration[] {
  const out: Enumeration[] = [];
  let i = text.indexOf('、');
  while (i >= 0) {
    // The inner members: runs of ideographs each closed by the next 、, all of the first one's length.
    const seps = [i];
    let length = -1;
    for (;;) {
      const at = seps[seps.length - 1] as number;
      const n = hanRun(text, at + 1, MAX_MEMBER + 1);
      if (n < 2 || n > MAX_MEMBER || text.charCodeAt(at + 1 + n) !== SEP || (length >= 0 && n !== length)) break;
      length = n;
      seps.push(at + 1 + n);
    }
    const last = seps[seps.length - 1] as number;
    if (seps.length >= 2 && hanRunBefore(text, i, length) === length && hanRun(text, last + 1, length) === length) {
      const members: (readonly [number, number])[] = [[i - length, i]];
      for (let k = 1; k < seps.length; k++) members.push([(seps[k - 1] as number) + 1, seps[k] as number]);
      members.push([last + 1, last + 1 + length]);
      out.push({ members });
    }
    i = text.indexOf('、', last + 1);
  }
  return out;
}

/** The members' texts joined by 、: the key a series is known by. */
export function seriesKey(text: string, e: Enumeration): string {
  return e.members.map(([s, t]) => text.slice(s, t)).join('、');
}

/** The same key with member `p` replaced by `*`. */
export function wildcardKey(members: readonly string[], p: number): string {
  return members.map((m, k) => (k === p ? '*' : m)).join('、');
}

/**
 * Whether `written`, in place of `member`, keeps what the series' members share in place (自信 of 道路自信 …,
 * 有所 of 幼有所育 …, the 化 of 市场化 …), or, where they share nothing in place, at least half of `member`'s
 * characters in place (公平司法 for 公正司法 among 科学立法、严格执法 …; 立新功 for 建新功). It must be
 * another string of the same length, and no member of the series.
 */
export function keepsFrame(members: readonly string[], member: string, written: string): boolean {
  if (written.length !== member.length || written === member || members.includes(written)) return false;
  let frame = 0;
  let shared = 0;
  for (let c = 0; c < member.length; c++) {
    const ch = member[c] as string;
    if (written[c] === ch) shared++;
    if (members.every((m) => m[c] === ch)) {
      frame++;
      if (written[c] !== ch) return false;
    }
  }
  return frame > 0 || shared * 2 >= member.length;
}
