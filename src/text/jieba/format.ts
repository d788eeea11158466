/**
 * The binary form of a compiled jieba dictionary (little-endian, every section 8-byte aligned, so it
 * is read as typed-array views over the bytes without copying them).
 *
 * Header (48 bytes): magic `SJJB`, format version, the node, value, emission-row and single-word
 * counts, a checksum of everything after the header, 4 spare bytes, then cppjieba's minimum weight
 * (the weight of an unknown single character) and the sum of the main dictionary's counts.
 *
 * Sections, in order:
 * - `valueWeights`, `valueCounts` (Float64, one per distinct (weight, count) pair): a word's weight,
 *   ln(count / sum), and its main-dictionary count;
 * - `start` (4) and `trans` (4 × 4) (Float64): the HMM's start and transition log-probabilities,
 *   states B, E, M, S;
 * - `emit` (Float64, 4 per row): the emission log-probabilities of the character `emitKeys[row]`;
 * - `first` (Int32, nodes + 1): the children of trie node n are the edges first[n] … first[n + 1] − 1;
 * - `edgeChild` (Int32, nodes − 1): the node an edge leads to;
 * - `nodeValue` (Int32, nodes): the value row of the word ending at a node, −1 for none;
 * - `emitKeys` (Int32, ascending code points), `singles` (Int32, ascending code points of the user
 *   dictionary's one-character words);
 * - `edgeLabel` (Uint16, nodes − 1): the UTF-16 code unit of an edge; ascending within a node.
 *
 * The trie is over UTF-16 code units; node 0 is the root.
 */

/** The magic number ("SJJB" read as a little-endian uint32) and the version this code reads and writes. */
export const FORMAT = { magic: 0x424a4a53, version: 1 } as const;

/** The header's size in bytes; the sections follow. */
export const HEADER_BYTES = 48;

/** cppjieba's stand-in for log(0): the weight of an impossible HMM state or emission. */
export const MIN_DOUBLE = -3.14e100;

/** The sizes that fix the layout. */
export interface Counts {
  /** Trie nodes, the root included. */
  readonly nodes: number;
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
  readonly first: number;
  readonly edgeChild: number;
  readonly nodeValue: number;
  readonly emitKeys: number;
  readonly singles: number;
  readonly edgeLabel: number;
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
  const first = take((c.nodes + 1) * 4);
  const edgeChild = take((c.nodes - 1) * 4);
  const nodeValue = take(c.nodes * 4);
  const emitKeys = take(c.emits * 4);
  const singles = take(c.singles * 4);
  const edgeLabel = take((c.nodes - 1) * 2);
  return { valueWeights, valueCounts, start, trans, emit, first, edgeChild, nodeValue, emitKeys, singles, edgeLabel, end: at };
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
