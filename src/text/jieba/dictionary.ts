import { ShenjiaoError } from '../../errors.js';
import type { WordFrequencies } from '../../types.js';
import { CELL, FORMAT, FREE, HEADER_BYTES, MAX_LOAD, PAIR_BITS, cellHash, checksum, layout, parentBits } from './format.js';

/** A compiled jieba dictionary: typed-array views over the bytes of `compileJiebaDictionary` (see `format.ts`). */
export interface JiebaDictionary extends WordFrequencies {
  /** The weight of a character no word covers (cppjieba's minimum weight). */
  readonly minWeight: number;
  /** A value row's weight, ln(count / sum) (the user dictionary's rule for its words). */
  readonly valueWeights: Float64Array;
  /** A value row's main-dictionary count (0 for a word only the user dictionary lists). */
  readonly valueCounts: Float64Array;
  /** The HMM's start log-probabilities, states B, E, M, S. */
  readonly start: Float64Array;
  /** The HMM's transition log-probabilities, `trans[from * 4 + to]`. */
  readonly trans: Float64Array;
  /** Emission log-probabilities, `emit[row * 4 + state]`, MIN_DOUBLE where the model has none. */
  readonly emit: Float64Array;
  /**
   * The word trie over UTF-16 code units as a hash table, `CELL` (2) Int32 words a cell (see
   * `format.ts`): the parent field (low `parentBits` bits: 0 free, 1 the root, p + 2 a child of cell p)
   * and the children's signature above it, then unit | (1 + value row) << 16. The root is cell 0.
   */
  readonly cells: Int32Array;
  /** Cells in `cells`. */
  readonly cellCount: number;
  /** Bits of a cell's first word that hold the parent field. */
  readonly parentBits: number;
  /** The root's children by code unit: [cell, value row] at 2 × unit, [−1, −1] for none. */
  readonly rootCells: Int32Array;
  /** The bit `pairBit(a, b)` set for every two-unit prefix a b of a word (a bit set over Int32 words). */
  readonly pairs: Int32Array;
  /** The emission row of each BMP code point, −1 for none; astral code points are looked up in `emitKeys`. */
  readonly emitRow: Int32Array;
  /** The code points with emission probabilities, ascending (row r is `emitKeys[r]`). */
  readonly emitKeys: Int32Array;
  /** The user dictionary's one-character words, as ascending code points: never handed to the HMM. */
  readonly singles: Int32Array;
}

function corrupt(message: string): ShenjiaoError {
  return new ShenjiaoError('invalid-dictionary', `compiled jieba dictionary: ${message}`, { list: 'jieba' });
}

/** The cell of the child of trie cell `cell` along the code unit `unit`, or −1. */
export function childOf(d: JiebaDictionary, cell: number, unit: number): number {
  const { cells, cellCount } = d;
  const mask = (1 << d.parentBits) - 1;
  for (let c = cellHash(cell, unit, cellCount); ; c = c + 1 === cellCount ? 0 : c + 1) {
    const w = cells[c * CELL] as number;
    if ((w & mask) === cell + 2 && ((cells[c * CELL + 1] as number) & 0xffff) === unit) return c;
    if (w === FREE) return -1;
  }
}

/** Index of `key` in an ascending Int32Array, or −1. */
export function searchSorted(keys: Int32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid] as number;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Reads a compiled dictionary (a few milliseconds: the checksum, a count of the trie's free cells, one
 * 65 536-entry table; the sections are views over `bytes`, copied once only when `bytes` is not 8-byte aligned). Throws a `ShenjiaoError`
 * (`invalid-dictionary`) for bytes that are not one whole, unchanged dictionary of
 * this format version: a truncated or corrupt file is refused, never read into wrong cuts.
 */
export function loadJiebaDictionary(input: Uint8Array): JiebaDictionary {
  if (input.byteLength < HEADER_BYTES) throw corrupt(`${input.byteLength} bytes, shorter than the header`);
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (header.getUint32(0, true) !== FORMAT.magic) throw corrupt('not a compiled jieba dictionary (bad magic number)');
  const version = header.getUint32(4, true);
  if (version !== FORMAT.version) throw corrupt(`format version ${version}, this code reads ${FORMAT.version}`);
  const counts = { cells: header.getUint32(8, true), values: header.getUint32(12, true), emits: header.getUint32(16, true), singles: header.getUint32(20, true) };
  if (counts.cells < 2) throw corrupt('no trie');
  const parts = layout(counts);
  if (parts.end !== bytes.byteLength) throw corrupt(`${bytes.byteLength} bytes where its header says ${parts.end}`);
  if (checksum(bytes.subarray(HEADER_BYTES)) !== header.getUint32(24, true)) throw corrupt('checksum mismatch');
  const buffer = bytes.buffer;
  const at = bytes.byteOffset;
  const cells = new Int32Array(buffer, at + parts.cells, counts.cells * CELL);
  const bits = parentBits(counts.cells);
  if (bits > 30) throw corrupt(`${counts.cells} trie cells`);
  // A lookup walks on to a free cell: a table without enough of them is no table this code wrote.
  let free = 0;
  for (let c = 0; c < counts.cells; c++) if (cells[c * CELL] === FREE) free++;
  if (free < counts.cells * (1 - MAX_LOAD) - 1) throw corrupt(`a trie table ${counts.cells - free} of ${counts.cells} cells full`);
  const valueCounts = new Float64Array(buffer, at + parts.valueCounts, counts.values);
  const emitKeys = new Int32Array(buffer, at + parts.emitKeys, counts.emits);

  const emitRow = new Int32Array(0x10000).fill(-1);
  for (let r = 0; r < emitKeys.length && (emitKeys[r] as number) < 0x10000; r++) emitRow[emitKeys[r] as number] = r;

  const dictionary: JiebaDictionary = {
    minWeight: header.getFloat64(32, true),
    total: header.getFloat64(40, true),
    valueWeights: new Float64Array(buffer, at + parts.valueWeights, counts.values),
    valueCounts,
    start: new Float64Array(buffer, at + parts.start, 4),
    trans: new Float64Array(buffer, at + parts.trans, 16),
    emit: new Float64Array(buffer, at + parts.emit, counts.emits * 4),
    cells,
    cellCount: counts.cells,
    parentBits: bits,
    rootCells: new Int32Array(buffer, at + parts.rootCells, 0x20000),
    pairs: new Int32Array(buffer, at + parts.pairs, (1 << PAIR_BITS) / 32),
    emitRow,
    emitKeys,
    singles: new Int32Array(buffer, at + parts.singles, counts.singles),
    frequency(word: string): number {
      let cell = 0;
      for (let i = 0; i < word.length && cell >= 0; i++) cell = childOf(dictionary, cell, word.charCodeAt(i));
      if (cell <= 0) return 0;
      const v = ((cells[cell * CELL + 1] as number) >>> 16) - 1;
      return v < 0 ? 0 : (valueCounts[v] as number);
    },
  };
  return dictionary;
}
