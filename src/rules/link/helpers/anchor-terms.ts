import anchorTerms from '../../../../dictionaries/link/anchor-terms.json';
import { createMatcher, type Matcher } from '../../../text/matcher.js';
import { normalize, type FoldOptions } from '../../../text/normalize.js';

/** What kind of illegal trade a term or host belongs to. */
export type TermCategory = 'gambling' | 'porn' | 'invoice' | 'loan' | 'other';

/** zh-CN names of the categories, for messages. */
export const CATEGORY_NAMES: Readonly<Record<TermCategory, string>> = {
  gambling: '赌博',
  porn: '色情',
  invoice: '代开发票',
  loan: '非法贷款、套现',
  other: '违法违规',
};

/** A term entry as the link rules read it from dictionaries/link/anchor-terms.json. */
export interface AnchorTermEntry {
  readonly id: string;
  readonly category: string;
  readonly patterns: readonly string[];
  readonly source: string;
  readonly exceptions?: readonly string[];
}

/** Why a link's wording or address is judged illegal. */
export interface Sensitivity {
  /** The terms found (as written in the dictionary) or the host token / TLD. */
  readonly terms: readonly string[];
  readonly category: TermCategory;
  readonly entryId: string;
  readonly source: string;
  /** Found in the anchor text/title/alt (true) or only in the host name (false). */
  readonly byText: boolean;
}

/** Anchor text is normalised like the sensitive lists: width, case, traditional, zero-width, noise. */
const FOLD: FoldOptions = { width: true, case: true, traditional: true, zeroWidth: true, noise: true };

/** The prepared term lists: built once per checker. */
export interface AnchorTerms {
  /** Judges link wording and, for links leaving the site, the host name. */
  judge(text: string, host: string | undefined): Sensitivity | undefined;
}

function asCategory(c: string): TermCategory {
  return c === 'gambling' || c === 'porn' || c === 'invoice' || c === 'loan' ? c : 'other';
}

/** Builds the matcher over the built-in entries plus `extra` (user entries of the same shape). */
export function createAnchorTerms(extra: readonly AnchorTermEntry[] = []): AnchorTerms {
  const entries: AnchorTermEntry[] = [...(anchorTerms.entries as AnchorTermEntry[]), ...extra];
  const patterns: string[] = [];
  const owner: number[] = [];
  entries.forEach((e, index) => {
    for (const p of e.patterns) {
      patterns.push(p);
      owner.push(index);
    }
  });
  const matcher: Matcher = createMatcher(patterns, { fold: FOLD });
  const counter = anchorTerms.meta.counterWords.map((w) => normalize(w, FOLD).text);
  const exceptions = entries.map((e) => (e.exceptions ?? []).map((x) => normalize(x, FOLD).text));
  const hostTokens = new Set(anchorTerms.meta.hostTokens.map((t) => t.toLowerCase()));
  const hostTlds = new Set(anchorTerms.meta.hostTlds.map((t) => t.toLowerCase()));
  const pornTokens = new Set(['porn', 'porno', 'xxx', 'sex', 'sexy', 'av', 'jav', 'adult']);
  const loanTokens = new Set(['loan', 'loans']);

  return {
    judge(text, host) {
      const capped = text.length > 2000 ? text.slice(0, 2000) : text;
      if (capped.length > 0) {
        const folded = normalize(capped, FOLD).text;
        if (!counter.some((w) => folded.includes(w))) {
          const found = new Map<number, string[]>();
          for (const m of matcher.findAll(capped)) {
            const entry = owner[m.pattern]!;
            const exc = exceptions[entry]!;
            if (exc.some((x) => folded.includes(x))) continue;
            const list = found.get(entry) ?? [];
            const term = patterns[m.pattern]!;
            if (!list.includes(term)) list.push(term);
            found.set(entry, list);
          }
          const first = [...found.entries()].sort((a, b) => a[0] - b[0])[0];
          if (first) {
            const e = entries[first[0]]!;
            return { terms: first[1], category: asCategory(e.category), entryId: e.id, source: e.source, byText: true };
          }
        }
      }
      if (host) {
        const labels = host.toLowerCase().split('.');
        const tld = labels[labels.length - 1] ?? '';
        if (hostTlds.has(tld)) {
          return {
            terms: ['.' + tld],
            category: pornTokens.has(tld) ? 'porn' : loanTokens.has(tld) ? 'loan' : 'gambling',
            entryId: 'host-tld',
            source: anchorTerms.meta.source,
            byText: false,
          };
        }
        // Tokens: labels split on hyphens and on letter/digit boundaries ("bet365cn" → bet, 365, cn).
        for (const label of labels.slice(0, -1)) {
          for (const token of label.split(/-|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)) {
            if (hostTokens.has(token)) {
              return {
                terms: [token],
                category: pornTokens.has(token) ? 'porn' : 'gambling',
                entryId: 'host-token',
                source: anchorTerms.meta.source,
                byText: false,
              };
            }
          }
        }
        const shape = hostShape(host);
        if (shape) return { terms: [shape.syllables], category: shape.category, entryId: 'host-shape', source: HOST_SHAPE_SOURCE, byText: false };
      }
      return undefined;
    },
  };
}

/**
 * Top-level domains that sell for a few yuan and carry most gambling and porn spam (Spamhaus' and
 * Interisle's yearly "most abused TLDs" lists keep naming these: .top .xyz .vip .cc .club .icu …).
 */
const CHEAP_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'vip', 'cc', 'club', 'icu', 'win', 'bet', 'fun', 'site', 'online', 'live', 'shop', 'ltd', 'work',
  'wang', 'pw', 'ws', 'la', 'tv', 'asia', 'bid', 'men', 'link', 'info', 'biz', 'cyou', 'buzz', 'monster', 'rest',
  'sbs', 'cfd', 'bond', 'lol', 'fit', 'run', 'vin', 'kim', 'ren', 'ink', 'red', 'pro', 'me',
]);

/**
 * Pinyin syllables and initials that gambling and porn hosts are built from: cp 彩票, cai 彩, yl 娱乐,
 * ylc 娱乐城, yule 娱乐, qp 棋牌, ty 体育, am 澳门, pj 葡京, hg 皇冠, js 金沙, ssc 时时彩, ks 快三,
 * tz 投注, bc 博彩, fc 福彩, lhc 六合彩, dafa 大发, sese 色色, av …
 */
const GAMBLING_SYLLABLES: ReadonlySet<string> = new Set([
  'cp', 'cai', 'caipiao', 'lecai', 'yl', 'ylc', 'yule', 'qp', 'qipai', 'ty', 'tiyu', 'am', 'aomen', 'pj', 'pujing',
  'hg', 'huangguan', 'js', 'jinsha', 'ssc', 'ks', 'kuaisan', 'tz', 'touzhu', 'bc', 'bocai', 'fc', 'fucai', 'lhc',
  'dafa', 'df', 'yh', 'yinhe', 'wns', 'vns', 'xpj', 'bjl', 'dz', 'sb', 'pk', 'bet', 'dubo', 'db', 'yx',
]);
const PORN_SYLLABLES: ReadonlySet<string> = new Set(['av', 'se', 'sese', 'sex', 'xxx', 'porn', 'jav', 'huangse', 'luoli', 'meinv']);

const HOST_SHAPE_SOURCE =
  '涉赌涉黄网站域名的常见构成：数字加彩票、娱乐、棋牌等拼音缩写，注册在廉价顶级域名（.top、.vip、.xyz、.cc 等，见 Spamhaus 与 Interisle 历年“最常被滥用的顶级域名”报告）';

/** Can `token` be cut entirely into syllables of `set` (at most four pieces)? */
function syllabic(token: string, set: ReadonlySet<string>): boolean {
  const n = token.length;
  if (n === 0 || n > 16) return false;
  const ok: number[] = new Array(n + 1).fill(Infinity);
  ok[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 8); j < i; j++) if (ok[j]! < 4 && set.has(token.slice(j, i))) ok[i] = Math.min(ok[i]!, ok[j]! + 1);
  }
  return ok[n]! <= 4;
}

/**
 * A host shaped like a gambling or porn site's: a cheap TLD, and a name holding digits and a run of
 * letters made only of lottery/casino (or porn) syllables, such as `amcp5588.top` (澳门彩票) or
 * `js-yule777.vip` (金沙娱乐). Neither half alone is enough: `12306.cn`, `cp-law.top` stay out.
 */
export function hostShape(host: string): { syllables: string; category: TermCategory } | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (!CHEAP_TLDS.has(tld)) return undefined;
  const names = labels.slice(0, -1).filter((l) => l !== 'www' && l !== 'm' && l !== 'wap');
  const name = names[names.length - 1];
  if (name === undefined || !/\d/.test(name)) return undefined;
  const tokens = name.split(/[^a-z]+/).filter((t) => t.length > 0);
  for (const token of tokens) {
    if (syllabic(token, PORN_SYLLABLES)) return { syllables: token, category: 'porn' };
    if (token.length >= 2 && syllabic(token, GAMBLING_SYLLABLES)) return { syllables: token, category: 'gambling' };
  }
  return undefined;
}
