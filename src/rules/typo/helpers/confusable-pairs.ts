/** One member of a confusable pair and the words that go with it alone (see dictionaries/typo/confusable-pairs.json). */
export interface PairCues {
  /** false: the dictionary lets the other word stand for this one too ("泄漏" also means "泄露"), so this one is never suggested. */
  readonly suggest?: boolean;
  /** The token right before it. */
  readonly prev?: readonly string[];
  /** The token right after it. */
  readonly next?: readonly string[];
  /** A token at most REACH tokens before it in the clause. */
  readonly before?: readonly string[];
  /** A token at most REACH tokens after it in the clause. */
  readonly after?: readonly string[];
}

/** The table as stored. */
export interface PairTable {
  readonly meta: { readonly source: string; readonly time: readonly string[] };
  readonly entries: Readonly<Record<string, { readonly words: Readonly<Record<string, PairCues>>; readonly source: string }>>;
}

/** A word written where the context has only its partner's collocations. */
export interface PairSlip {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  /** The collocate that speaks for the partner ("号召"), or "@time". */
  readonly cue: string;
  /** Where the collocate stands: right before or after, or near. */
  readonly where: 'prev' | 'next' | 'before' | 'after';
  readonly id: string;
  readonly source: string;
}

/** How many tokens away a near collocate may stand (within the clause). */
const REACH = 4;
const BREAK = /^[\s，。；：！？、,.;:!?“”"'‘’《》〈〉（）()【】[\]…—\-·]+$/u;
/** A time expression: a number, a Chinese numeral with 年/月/日, or a listed time word. */
const TIME_SHAPE = /^(?:[0-9０-９]|[〇零一二三四五六七八九十]+[年月日号])/u;
const TIME = '@time';

interface Member {
  readonly word: string;
  readonly partner: string;
  readonly id: string;
  readonly source: string;
}

/**
 * Well-known confusable word pairs (报到/报道, 截至/截止, 泄漏/泄露 …): both members are words, so no
 * count says which is meant; the dictionary's own collocations do. A member written where a neighbour
 * (the segmenter's tokens) is a collocation only its partner has, and none of its own is there, is
 * reported as likely the partner. Cost: one map lookup per token; the cues are read only for the rare
 * token that is a member.
 */
export class ConfusablePairs {
  private readonly members = new Map<string, Member>();
  private readonly cues = new Map<string, { prev: Set<string>; next: Set<string>; before: Set<string>; after: Set<string> }>();
  private readonly time: Set<string>;
  private readonly unsuggested = new Set<string>();

  constructor(table: PairTable) {
    this.time = new Set(table.meta.time);
    for (const [id, entry] of Object.entries(table.entries)) {
      const [a, b] = Object.keys(entry.words) as [string, string];
      this.members.set(a, { word: a, partner: b, id, source: entry.source });
      this.members.set(b, { word: b, partner: a, id, source: entry.source });
      for (const [w, c] of Object.entries(entry.words)) {
        if (c.suggest === false) this.unsuggested.add(w);
        this.cues.set(w, { prev: new Set(c.prev), next: new Set(c.next), before: new Set(c.before), after: new Set(c.after) });
      }
    }
  }

  /** Every member in `tokens` (the segmenter's cut of `text`) whose context speaks only for its partner. */
  find(text: string, tokens: readonly string[]): PairSlip[] {
    const out: PairSlip[] = [];
    let at = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string;
      const start = at;
      at += token.length;
      const member = this.members.get(token);
      if (!member || this.unsuggested.has(member.partner)) continue;
      const partner = this.cueFor(member.partner, tokens, t);
      if (!partner || this.cueFor(member.word, tokens, t)) continue;
      out.push({ start, end: at, word: member.partner, cue: partner.cue, where: partner.where, id: member.id, source: member.source });
    }
    return at === text.length ? out : [];
  }

  /** The first of `word`'s collocations around token t, if any. */
  private cueFor(word: string, tokens: readonly string[], t: number): { cue: string; where: PairSlip['where'] } | null {
    const c = this.cues.get(word);
    if (!c) return null;
    const prev = tokens[t - 1];
    const next = tokens[t + 1];
    if (prev !== undefined) {
      const cue = this.match(c.prev, prev, 'end');
      if (cue) return { cue, where: 'prev' };
    }
    if (next !== undefined) {
      const cue = this.match(c.next, next, 'start');
      if (cue) return { cue, where: 'next' };
    }
    for (let k = t - 1; k >= 0 && t - k <= REACH; k--) {
      const w = tokens[k] as string;
      if (BREAK.test(w)) break;
      const cue = this.match(c.before, w, 'in');
      if (cue) return { cue, where: 'before' };
    }
    for (let k = t + 1; k < tokens.length && k - t <= REACH; k++) {
      const w = tokens[k] as string;
      if (BREAK.test(w)) break;
      const cue = this.match(c.after, w, 'in');
      if (cue) return { cue, where: 'after' };
    }
    return null;
  }

  /**
   * The cue `token` carries: a one-character cue only as the whole token ("期", not "期待"); a longer one
   * also at the token's edge next to the member, or inside it for a near one, as the segmenter often
   * joins a collocate to its neighbour ("燃气管|道", "管理信息系统").
   */
  private match(cues: ReadonlySet<string>, token: string, where: 'end' | 'start' | 'in'): string | null {
    if (cues.has(token)) return token;
    if (cues.has(TIME) && where !== 'in' && this.isTime(token)) return TIME;
    if (token.length < 3) return null;
    for (const cue of cues) {
      if (cue.length < 2 || cue === TIME) continue;
      if (where === 'end' ? token.endsWith(cue) : where === 'start' ? token.startsWith(cue) : token.includes(cue)) return cue;
    }
    return null;
  }

  private isTime(token: string): boolean {
    return this.time.has(token) || TIME_SHAPE.test(token);
  }
}
