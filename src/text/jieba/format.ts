/**
 * The binary form of a compiled jieba dictionary (little-endian, every section 8-byte aligned, so it
 * is read as typed-array views over the bytes without copying them).
 *
 * Header (48 bytes): magic `SJJB`, format version, the cell, value, emission-row and single-word
 * counts, a checksum of everything after the header, 4 spare bytes, then cppjieba's minimum weight
 * (the weight of an unknown single character) and the sum of the main dictionary's counts.
 *
 * Sections, in order:
 * - `valueWeights`, `valueCounts` (Float64, one per distinct (weight, count) pair): a word's weight,
 *   ln(count / sum), and its main-dictionary count;
 * - `start` (4) and `trans` (4 × 4) (Float64): the HMM's start and transition log-probabilities,
 *   states B, E, M, S;
 * - `emit` (Float64, 4 per row): the emission log-probabilities of the character `emitKeys[row]`;
 * - `cells` (Int32, 2 per cell): the trie of words over UTF-16 code units as a hash table with
 *   linear probing, at most `MAX_LOAD` full. A node is a cell, named by its index; the root is cell 0.
 *   The child of cell p along code unit u is found from `cellHash(p, u, cells)` onward: the first cell
 *   whose parent is p and unit u (it is the child), or a free one (there is no such child). A cell's
 *   first word holds, in its low `parentBits(cells)` bits, 0 when it is free, 1 for the root, p + 2
 *   for a child of p, and in the bits above, the signature of its children: the bit
 *   `signatureBit(u, …)` for each child's unit u, so that most steps to no child are known without a
 *   look in the table. Its second word holds the unit in its low 16 bits and 1 + the value row of the
 *   word ending there in its high 16 bits (0 for none). A step down the trie reads about one cache
 *   line: the names of a node's children are not stored, so each step goes straight to the child,
 *   whose parent, unit, value and children's signature sit together;
 * - `rootCells` (Int32, 2 × 65 536): the root's children by code unit u, [cell, value row] at 2u, [−1, −1]
 *   for none (every position of a text starts a step from the root, which has some 12 000 children);
 * - `pairs` (Int32, 2^PAIR_BITS bits): the bit `pairBit(a, b)` set for every two-unit prefix a b of a
 *   word (a root child's children are too many for its signature to tell);
 * - `emitKeys` (Int32, ascending code points), `singles` (Int32, ascending code points of the user
 *   dictionary's one-character words).
 */

/** The magic number ("SJJB" read as a little-endian uint32) and the version this code reads and writes. */
export const FORMAT = { magic: 0x424a4a53, version: 2 } as const;

/** Int32 words a trie cell takes: its parent, then its unit and value. */
export const CELL = 2;

/** A free cell's first word (its parent field 0, no signature). */
export const FREE = 0;

/** The parent field of the root, which has no parent and is no one's child; a child of cell p has p + 2. */
export const ROOT_PARENT = 1;

/** Bits of a cell's first word given to the parent field in a table of `cells` cells; the bits above hold the signature. */
export function parentBits(cells: number): number {
  return 32 - Math.clz32(cells + 1);
}

/** The signature bit, of `bits`, that stands for a child along `unit`. */
export function signatureBit(unit: number, bits: number): number {
  return ((Math.imul(unit, 0x9e3779b1) >>> 16) * bits) >>> 16;
}

/** Bits in the `pairs` section. */
export const PAIR_BITS = 21;

/** The bit of the two-unit prefix `a`, `b` in the `pairs` section. */
export function pairBit(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);
}

/** The trie's load factor, at most. */
export const MAX_LOAD = 0.55;

/** Value rows a cell can name (1 + row in 16 bits). */
export const MAX_VALUES = 0xfffe;

/**
 * The first cell to look in for the child of cell `parent` along code unit `unit`, in a table of
 * `cells` cells (a multiply-xorshift mix, reduced to the range by multiplication).
 */
export function cellHash(parent: number, unit: number, cells: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return Math.floor((h >>> 0) * (cells / 4294967296));
}

/** The header's size in bytes; the sections follow. */
export const HEADER_BYTES = 48;

/** cppjieba's stand-in for log(0): the weight of an impossible HMM state or emission. */
export const MIN_DOUBLE = -3.14e100;

/** The sizes that fix the layout. */
export interface Counts {
  /** Trie cells, free ones included. */
  readonly cells: number;
  /** Distinct (weight, count) rows. */
  readonly values: number;
  /** Characters with emission probabilities. */
  readonly emits: number;
  /** One-character user words. */
  readonly singles: number;
}

/** Byte offsets of the sections (named as in the comment above), and the total size. */
export interface Layout {
  readonly valueWeights: number;
  readonly valueCounts: number;
  readonly start: number;
  readonly trans: number;
  readonly emit: number;
  readonly cells: number;
  readonly rootCells: number;
  readonly pairs: number;
  readonly emitKeys: number;
  readonly singles: number;
  readonly end: number;
}

const align = (n: number) => (n + 7) & ~7;

/** Where each section starts, for these sizes. */
export function layout(c: Counts): Layout {
  let at = HEADER_BYTES;
  const take = (bytes: number) => {
    const here = at;
    at = align(at + bytes);
    return here;
  };
  const valueWeights = take(c.values * 8);
  const valueCounts = take(c.values * 8);
  const start = take(4 * 8);
  const trans = take(16 * 8);
  const emit = take(c.emits * 4 * 8);
  const cells = take(c.cells * CELL * 4);
  const rootCells = take(0x20000 * 4);
  const pairs = take((1 << PAIR_BITS) / 8);
  const emitKeys = take(c.emits * 4);
  const singles = take(c.singles * 4);
  return { valueWeights, valueCounts, start, trans, emit, cells, rootCells, pairs, emitKeys, singles, end: at };
}

/**
 * A 32-bit checksum of 8-byte-aligned bytes (a multiply-xor over 32-bit words; any truncation or
 * changed word changes it with near certainty). About 1 ms a megabyte.
 */
export function checksum(bytes: Uint8Array): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193) + i;
  return h >>> 0;
}
