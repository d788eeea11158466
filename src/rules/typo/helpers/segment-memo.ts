import type { Segmenter } from '../../../core/rule.js';

/** How many recent texts a memo keeps: the rules of one check segment the same few segments in turn. */
const KEEP = 4;
/**
 * Texts at least this long are kept: segments. The clauses the rules re-segment around a candidate
 * (at most 20 characters each side of a window of 4) are cut on their own and never evict a segment.
 */
const MIN_KEPT = 48;

/**
 * The segmenter's cut of the last few texts, per checker (built through `RuleSetup.shared`): the typo
 * rules that read word boundaries segment the same folded segments one after another, and a cut of a
 * long paragraph costs more than the rest of a rule's work.
 */
export class SegmentMemo {
  private readonly texts: string[] = [];
  private readonly cuts: (readonly string[])[] = [];
  private next = 0;

  constructor(private readonly segmenter: Segmenter) {}

  /** The cut of `text`, computed once while it stays among the last few long texts asked for. */
  cut(text: string): readonly string[] {
    if (text.length < MIN_KEPT) return this.segmenter(text);
    for (let k = 0; k < this.texts.length; k++) if (this.texts[k] === text) return this.cuts[k] as readonly string[];
    const cut = this.segmenter(text);
    this.texts[this.next] = text;
    this.cuts[this.next] = cut;
    this.next = (this.next + 1) % KEEP;
    return cut;
  }

  /** A segmenter that answers from the memo. */
  readonly segment: Segmenter = (text) => this.cut(text);
}
