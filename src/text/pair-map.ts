/**
 * A map keyed by two code units packed in 32 bits (`(a << 16) | b`). Such keys lie outside V8's small
 * integers, so a `Map` boxes and hashes each as a double on every probe; this table keeps them in an
 * `Int32Array` with open addressing (linear probing, at most half full).
 */
export class PairMap<V> {
  private keys = new Int32Array(16);
  private used = new Uint8Array(16);
  private values: (V | undefined)[] = new Array(16);
  private count = 0;

  /** Entries held. */
  get size(): number {
    return this.count;
  }

  /** Forgets every entry (keeps the table's capacity). */
  clear(): void {
    this.used.fill(0);
    this.values.fill(undefined);
    this.count = 0;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
    while (this.used[h] === 1 && this.keys[h] !== key) h = (h + 1) & mask;
    return h;
  }

  get(key: number): V | undefined {
    const h = this.slot(key | 0);
    return this.used[h] === 1 ? this.values[h] : undefined;
  }

  set(key: number, value: V): this {
    const k = key | 0;
    let h = this.slot(k);
    if (this.used[h] === 1) {
      this.values[h] = value;
      return this;
    }
    if ((this.count + 1) * 2 > this.keys.length) {
      this.grow();
      h = this.slot(k);
    }
    this.keys[h] = k;
    this.used[h] = 1;
    this.values[h] = value;
    this.count++;
    return this;
  }

  private grow(): void {
    const { keys, used, values } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.values = new Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (used[i] !== 1) continue;
      const h = this.slot(keys[i] as number);
      this.keys[h] = keys[i] as number;
      this.used[h] = 1;
      this.values[h] = values[i];
    }
  }
}

/** A free slot's third unit in `CodeMap` (a key's is a code unit or −1). */
const FREE_SLOT = -2;

/**
 * A map keyed by two or three code units (a word of two or three ideographs), without building a
 * string or a boxed number per probe: open addressing, at most half full, each slot's key in two
 * adjacent Int32 words (the first two units packed, then the third or −1; −2 marks a free slot), so
 * that a probe reads one cache line; the values apart, read only on a hit.
 */
export class CodeMap<V> {
  private keys = new Int32Array(32).fill(FREE_SLOT);
  private values: (V | undefined)[] = new Array(16);
  private count = 0;

  private slot(high: number, low: number): number {
    const keys = this.keys;
    const mask = (keys.length >> 1) - 1;
    let h = (Math.imul(Math.imul(high, 0x9e3779b1) ^ low, 0x85ebca6b) >>> 12) & mask;
    for (;;) {
      const l = keys[h * 2 + 1] as number;
      if (l === FREE_SLOT || (l === low && keys[h * 2] === high)) return h;
      h = (h + 1) & mask;
    }
  }

  /** The value of the word of code units `a`, `b` (and `c`, when given and not -1). */
  get(a: number, b: number, c = -1): V | undefined {
    const h = this.slot((a << 16) | b, c);
    return this.keys[h * 2 + 1] === FREE_SLOT ? undefined : this.values[h];
  }

  has(a: number, b: number, c = -1): boolean {
    return this.keys[this.slot((a << 16) | b, c) * 2 + 1] !== FREE_SLOT;
  }

  /** Sets the value of a two- or three-unit string. */
  set(word: string, value: V): this {
    const high = (word.charCodeAt(0) << 16) | word.charCodeAt(1);
    const low = word.length > 2 ? word.charCodeAt(2) : -1;
    let h = this.slot(high, low);
    if (this.keys[h * 2 + 1] === FREE_SLOT) {
      if ((this.count + 1) * 2 > this.keys.length >> 1) {
        this.grow();
        h = this.slot(high, low);
      }
      this.keys[h * 2] = high;
      this.keys[h * 2 + 1] = low;
      this.count++;
    }
    this.values[h] = value;
    return this;
  }

  private grow(): void {
    const { keys, values } = this;
    const slots = keys.length;
    this.keys = new Int32Array(slots * 2).fill(FREE_SLOT);
    this.values = new Array(slots);
    for (let i = 0; i < slots >> 1; i++) {
      if (keys[i * 2 + 1] === FREE_SLOT) continue;
      const h = this.slot(keys[i * 2] as number, keys[i * 2 + 1] as number);
      this.keys[h * 2] = keys[i * 2] as number;
      this.keys[h * 2 + 1] = keys[i * 2 + 1] as number;
      this.values[h] = values[i];
    }
  }
}

/**
 * A set of short strings (two to four code units) that may answer yes for a string it lacks but never
 * no for one it holds: one bit per hashed string, in a bit set of `bitsPerString` bits per string added
 * (with 8, about 12 % of absent strings pass). For gates in front of exact lookups: a probe reads one
 * 32-bit word and builds no string.
 */
export class CodeFilter {
  private readonly bits: Int32Array;
  /** Bits in the set, as a fraction of 2^32 (a hash times this, floored, is a bit index). */
  private readonly scale: number;

  /**
   * @param capacity how many strings will be added (at most; more only raise the false positives)
   * @param bitsPerString bits of the set per string: 8 lets about 12 % of absent strings through, 16 about 6 %
   */
  constructor(capacity: number, bitsPerString = 8) {
    const words = Math.max(1, Math.ceil((capacity * bitsPerString) / 32));
    this.bits = new Int32Array(words);
    this.scale = (words * 32) / 2 ** 32;
  }

  private bit(a: number, b: number, c: number, d: number): number {
    let h = Math.imul(a ^ 0x3c6ef372, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16) ^ d, 0x27d4eb2f);
    return Math.floor(((h ^ (h >>> 15)) >>> 0) * this.scale);
  }

  /** Adds the string of code units `a`, `b`, `c`, `d` (−1 for a unit the string lacks: `c` and `d` of two units). */
  add(a: number, b: number, c = -1, d = -1): void {
    const h = this.bit(a, b, c, d);
    this.bits[h >>> 5] = (this.bits[h >>> 5] as number) | (1 << (h & 31));
  }

  /** Whether the string may have been added (false: it certainly was not). */
  has(a: number, b: number, c = -1, d = -1): boolean {
    const h = this.bit(a, b, c, d);
    return ((this.bits[h >>> 5] as number) & (1 << (h & 31))) !== 0;
  }
}
