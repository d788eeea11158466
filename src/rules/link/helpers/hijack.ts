/**
 * What an inline script does to visitors, read statically: does it test where the visitor came from
 * (a search engine, by `document.referrer`) or who is asking (a crawler, by `navigator.userAgent`),
 * and does it then send the visitor elsewhere, write a frame or hide the page?
 *
 * Hacked pages use this to show search engines and their visitors a gambling or porn site while the
 * office, typing its own address, sees nothing wrong (跳转劫持, 快照劫持). Legitimate scripts read the
 * referrer for statistics and the user agent to send phones to the mobile site; neither both tests a
 * search engine and navigates away. Every pattern below is anchored on fixed words with bounded
 * quantifiers, so a hostile script costs linear time.
 */
import { scriptMarkup, scriptStrings, unpackedCode, type ScriptString } from './script-strings.js';

/** A URL a script holds, decoded, with its range in the script source. */
export interface ScriptTarget {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

export interface ScriptBehaviour {
  /** `referrer`: tests for visitors from search engines; `crawler`: tests for search-engine robots. */
  readonly condition?: 'referrer' | 'crawler';
  /** Assigns `location`, calls `location.replace/assign`, `window.open` or `navigate`. */
  readonly navigates: boolean;
  /** Writes an `<iframe>`/`<frame>` (document.write, innerHTML, createElement). */
  readonly writesFrame: boolean;
  /** Hides the page's own content (`document.body.children[i].style.display = 'none'` …). */
  readonly hidesPage: boolean;
  /** Tests for phones too (the mobile-site redirect look-alike). */
  readonly mobile: boolean;
  /** Navigates to somewhere not written as a literal (a variable, an expression): unknown. */
  readonly unknownNavigation: boolean;
  /**
   * The test (referrer / userAgent) is written in plain code and no navigation, frame writing or page
   * hiding follows within a few hundred characters: the script does two unrelated things (a keyword
   * highlight and a leave-site notice), not one conditional jump.
   */
  readonly apart: boolean;
  /** Absolute URLs the script holds (search-engine addresses left out). */
  readonly targets: readonly ScriptTarget[];
  /** Range in the script of the test (referrer / userAgent), when found in its source. */
  readonly at?: readonly [number, number];
}

/** Characters of a script read for behaviour (the rest is ignored). */
const MAX_CODE = 1_000_000;

const REFERRER = /referr?er/i;
const ENGINE = /baidu|sogou|soso|so\.com|sm\.cn|youdao|bing\.|google|yahoo|haosou|360\.cn|so\.360|toutiao|yisou|shenma/i;
const USER_AGENT = /useragent/i;
const CRAWLER = /spider|googlebot|bingbot|bytespider|slurp|crawler|yandexbot/i;
const MOBILE = /android|iphone|ipad|mobile|windows phone|symbian/i;
const NAVIGATE =
  /\blocation["']?\s*\]?\s*(?:\.\s*href\s*|\[\s*["']href["']\s*\]\s*)?=(?!=)|\blocation["']?\s*\]?\s*\.\s*(?:replace|assign)\s*\(|\bwindow\s*\.\s*open\s*\(|\.\s*navigate\s*\(/i;
/** What a conditional jump does right after its test: navigate, eval or write markup, hide the page. */
const ACTION =
  /\blocation["']?\s*\]?\s*(?:\.\s*href\s*|\[\s*["']href["']\s*\]\s*)?=(?!=)|\blocation["']?\s*\]?\s*\.\s*(?:replace|assign)\s*\(|\bwindow\s*\.\s*open\s*\(|\beval\s*\(|document\s*\.\s*write|createelement\s*\(\s*["']i?frame|body\s*\.\s*children|\bsetframe\s*\(/i;
const WRITE = /document\s*\.\s*write|innerhtml|insertadjacenthtml|\.\s*(?:html|append|prepend)\s*\(|createelement\s*\(\s*["']i?frame/i;
const FRAME = /<\s*i?frame(?:set)?\b|createelement\s*\(\s*["']i?frame/i;
const HIDE_PAGE =
  /body\s*\.\s*children\b[^;\n]{0,80}\.\s*style|documentelement\s*\.\s*style\s*\.\s*(?:display|visibility)|body\s*\.\s*style\s*\.\s*(?:display|visibility)|getelementsbytagname\s*\(\s*["'](?:html|body)["']\s*\)\s*\[\s*0\s*\]\s*\.\s*style\s*\.\s*(?:display|visibility)/i;

/** Hosts of search engines themselves: a script naming them names where visitors come from, not where they go. */
const ENGINE_HOST = /(?:^|\.)(?:baidu\.com|sogou\.com|so\.com|sm\.cn|soso\.com|youdao\.com|bing\.com|google\.[a-z.]+|yahoo\.com|haosou\.com|360\.cn|toutiao\.com)$/i;

const URL_LIKE = /^\s*((?:https?:)?\/\/[a-z0-9][^\s"'<>]{2,2000})/i;

/** Characters between a test's subject and its value (`document.referrer … indexOf("baidu")`). */
const NEAR = 400;

/** Does `b` occur within {@link NEAR} characters of some occurrence of `a` (the first 200 of them)? */
function near(text: string, a: RegExp, b: RegExp): boolean {
  let seen = 0;
  for (const m of text.matchAll(new RegExp(a.source, 'gi'))) {
    if (++seen > 200) break;
    if (b.test(text.slice(Math.max(0, m.index! - NEAR), m.index! + m[0].length + NEAR))) return true;
  }
  return false;
}

/**
 * The string a navigation assigns when it is written as literals (`"ht" + "tp://x/"` included),
 * starting right after the `=` or `(` at `from`; undefined when the value is computed.
 */
function literalAt(src: string, strings: readonly ScriptString[], from: number): { text: string; start: number; end: number } | undefined {
  let lo = 0;
  let hi = strings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strings[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  const first = strings[k];
  if (!first || !/^\s*\(?\s*$/.test(src.slice(from, first.start)) || first.start - from > 200) return undefined;
  let text = first.text;
  let last = first;
  while (k + 1 < strings.length && /^\s*\+\s*$/.test(src.slice(last.end, strings[k + 1]!.start)) && strings[k + 1]!.start - last.end < 200) {
    k++;
    last = strings[k]!;
    text += last.text;
  }
  if (!/^\s*(?:[;,)}\n]|$)/.test(src.slice(last.end, last.end + 50))) return undefined;
  return { text, start: first.start, end: last.end };
}

/**
 * Reads what `code` (an inline script's text) does to visitors; undefined when it neither tests the
 * visitor nor hides the page (the common case, decided by cheap substring tests).
 */
export function scriptBehaviour(code: string): ScriptBehaviour | undefined {
  const src = code.length > MAX_CODE ? code.slice(0, MAX_CODE) : code;
  const lower = src.toLowerCase();
  const packed = lower.includes('eval(') ? unpackedCode(src) : [];
  if (!/referr|useragent|children|documentelement|getelementsbytagname|location|open\s*\(|navigate|\\x|\\u|%u|atob|fromcharcode/.test(lower) && packed.length === 0) return undefined;
  const strings = scriptStrings(src);
  const pieces = scriptMarkup(src);
  const markup = pieces.text;
  // The script as a reader would follow it: its code, unpacked payloads, and its strings decoded and
  // joined (so `"do" + "cu" + "ment.wr" + "ite"` reads document.write).
  const text = [src, ...packed, markup].join('\n');
  // The test names the engines (or robots) next to the referrer (or user agent) it reads: a library
  // that reads the referrer in one place and lists search engines in another is not testing it.
  const byReferrer = near(text, REFERRER, ENGINE);
  const byCrawler = near(text, USER_AGENT, CRAWLER);
  const hidesPage = HIDE_PAGE.test(text);
  const navigates = NAVIGATE.test(text);
  if (!byReferrer && !byCrawler && !hidesPage && !navigates) return undefined;
  const writesFrame = WRITE.test(text) && FRAME.test(text);

  const targets: ScriptTarget[] = [];
  const seen = new Set<string>();
  const add = (url: string, start: number, end: number) => {
    const key = url.toLowerCase();
    if (seen.has(key) || targets.length >= 50) return;
    let host = '';
    try {
      host = new URL(url, 'http://page.invalid/').hostname;
    } catch {
      return;
    }
    if (ENGINE_HOST.test(host)) return;
    seen.add(key);
    targets.push({ url, start, end });
  };
  for (const s of strings) {
    const m = URL_LIKE.exec(s.text);
    if (m) add(m[1]!, s.start, s.end);
  }
  // URLs assembled from pieces: `src="ht' + 'tp://ww' + 'w.x.com/"` reads whole in the joined markup.
  for (const m of pieces.text.matchAll(/\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[a-z0-9][^\s"'<>]{2,2000})/gi)) {
    const offset = m.index! + m[0].length - m[1]!.length;
    let piece = pieces.pieces[0];
    for (const p of pieces.pieces) {
      if (p.offset > offset) break;
      piece = p;
    }
    if (piece) add(m[1]!, piece.string.start, piece.string.end);
  }

  // Where each navigation goes: a literal, or literals joined by `+` (absolute: a target; relative:
  // this site), or something computed (unknown).
  let unknownNavigation = false;
  for (const m of text.matchAll(new RegExp(NAVIGATE.source, 'gi'))) {
    const end = m.index! + m[0].length;
    if (end <= src.length) {
      const joined = literalAt(src, strings, end);
      if (!joined) {
        unknownNavigation = true;
        continue;
      }
      const url = URL_LIKE.exec(joined.text);
      if (url) add(url[1]!, joined.start, joined.end);
      continue;
    }
    const after = text.slice(end, end + 2100);
    if (!/^\s*(["'])([^"'\n]{0,2000})\1\s*(?:[;,)}\n]|$)/.test(after)) unknownNavigation = true;
  }

  const condition = byReferrer ? 'referrer' : byCrawler ? 'crawler' : undefined;
  let apart = false;
  // Packed code reads in another order; its test and its jump are judged together.
  if (condition && packed.length === 0) {
    const test = condition === 'referrer' ? /referr?er/gi : /useragent/gi;
    const spots = [...lower.matchAll(test)].slice(0, 50).map((m) => m.index!);
    if (spots.length > 0) apart = !spots.some((at) => ACTION.test(src.slice(Math.max(0, at - 300), at + 1000)));
  }
  const keyword = condition === 'referrer' ? /referr?er/i.exec(src) : condition === 'crawler' ? /useragent/i.exec(src) : /children|documentelement|getelementsbytagname/i.exec(src);
  return {
    ...(condition ? { condition } : {}),
    navigates,
    unknownNavigation,
    apart,
    writesFrame,
    hidesPage,
    mobile: MOBILE.test(text),
    targets,
    ...(keyword ? { at: [keyword.index, keyword.index + keyword[0].length] as const } : {}),
  };
}
