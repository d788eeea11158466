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
      }
      return undefined;
    },
  };
}
