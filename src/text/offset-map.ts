/**
 * Maps UTF-16 ranges of a derived string back to the string it came from. Each derived code unit
 * records the half-open range `[starts[i], ends[i])` of the original units that produced it, so a
 * derived range `[a, b)` maps to `[starts[a], ends[b - 1])`: exact even where one original character
 * became several (an entity decoded) or where originals were dropped between (tags, noise).
 */
export class OffsetMap {
  private constructor(
    /** Length of the derived string. */
    readonly length: number,
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
    /** Offset added to every mapped position (identity maps only). */
    private readonly shift: number,
    /** Where an empty range at the end of the derived string maps. */
    private readonly endOffset: number,
  ) {}

  /** An identity map shifted by `offset`: derived position p is original position p + offset. */
  static identity(length: number, offset = 0): OffsetMap {
    return new OffsetMap(length, null, null, offset, offset + length);
  }

  /** A map from explicit per-unit original ranges; `endOffset` is where the derived end maps. */
  static fromArrays(starts: Int32Array, ends: Int32Array, endOffset: number): OffsetMap {
    return new OffsetMap(starts.length, starts, ends, 0, endOffset);
  }

  /** Maps a derived half-open range to the original half-open range that produced it. */
  toOriginal(start: number, end: number): [number, number] {
    if (this.starts === null || this.ends === null) return [start + this.shift, end + this.shift];
    if (start >= end) {
      const p = start < this.length ? (this.starts[start] as number) : this.endOffset;
      return [p, p];
    }
    return [this.starts[start] as number, this.ends[end - 1] as number];
  }
}

/** Appends derived text while recording, per derived unit, the original range it came from. */
export class OffsetMapBuilder {
  private text = '';
  /** Kept apart: reading the end of a concatenated (rope) string would flatten it on every call. */
  private last = -1;
  /** Per derived unit, its original range; typed and grown by doubling, so a page's text allocates little. */
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private n = 0;

  private room(more: number): void {
    const need = this.n + more;
    if (need <= this.starts.length) return;
    let size = this.starts.length * 2;
    while (size < need) size *= 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.n));
    ends.set(this.ends.subarray(0, this.n));
    this.starts = starts;
    this.ends = ends;
  }

  /** Appends `derived`, every unit of which came from original `[start, end)`. */
  push(derived: string, start: number, end: number): void {
    const k = derived.length;
    if (k === 0) return;
    this.text += derived;
    this.last = derived.charCodeAt(k - 1);
    this.room(k);
    this.starts.fill(start, this.n, this.n + k);
    this.ends.fill(end, this.n, this.n + k);
    this.n += k;
  }

  /** Appends original units unchanged: unit i of `derived` came from `[start + i, start + i + 1)`. */
  pushVerbatim(derived: string, start: number): void {
    const k = derived.length;
    if (k === 0) return;
    this.text += derived;
    this.last = derived.charCodeAt(k - 1);
    this.room(k);
    const { starts, ends } = this;
    for (let i = 0, at = this.n; i < k; i++, at++) {
      starts[at] = start + i;
      ends[at] = start + i + 1;
    }
    this.n += k;
  }

  get length(): number {
    return this.text.length;
  }

  /** The last derived code unit, or -1 when nothing was appended. */
  lastCode(): number {
    return this.last;
  }

  /** The derived text and its map (arrays of its exact length); `endOffset` is where the end of the derived text maps. */
  finish(endOffset: number): { text: string; map: OffsetMap } {
    return { text: this.text, map: OffsetMap.fromArrays(this.starts.slice(0, this.n), this.ends.slice(0, this.n), endOffset) };
  }

  /** Empties the builder for the next text, keeping the room it has grown (a page's blocks reuse it). */
  clear(): void {
    this.text = '';
    this.last = -1;
    this.n = 0;
  }
}
