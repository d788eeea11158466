import { ShenjiaoError } from '../../errors.js';
import type { WordFrequencies } from '../../types.js';
import { FORMAT, HEADER_BYTES, checksum, layout } from './format.js';

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
  /** The edges of trie node n are first[n] … first[n + 1] − 1. */
  readonly first: Int32Array;
  /** The node an edge leads to. */
  readonly edgeChild: Int32Array;
  /** The UTF-16 code unit of an edge, ascending within a node. */
  readonly edgeLabel: Uint16Array;
  /** The value row of the word ending at a node, −1 for none. */
  readonly nodeValue: Int32Array;
  /** The root's child for each UTF-16 code unit, −1 for none (built on load: the root has some 20 000 children). */
  readonly rootChild: Int32Array;
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

/** The child of trie node `node` along the code unit `unit`, or −1. */
export function childOf(d: JiebaDictionary, node: number, unit: number): number {
  if (node === 0) return d.rootChild[unit] as number;
  let lo = d.first[node] as number;
  let hi = (d.first[node + 1] as number) - 1;
  const labels = d.edgeLabel;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = labels[mid] as number;
    if (l === unit) return d.edgeChild[mid] as number;
    if (l < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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
 * Reads a compiled dictionary (a few milliseconds: the checksum, and two 65 536-entry tables; the
 * sections are views over `bytes`, copied once only when `bytes` is not 8-byte aligned). Throws a
 * `ShenjiaoError` (`invalid-dictionary`) for bytes that are not one whole, unchanged dictionary of
 * this format version: a truncated or corrupt file is refused, never read into wrong cuts.
 */
export function loadJiebaDictionary(input: Uint8Array): JiebaDictionary {
  if (input.byteLength < HEADER_BYTES) throw corrupt(`${input.byteLength} bytes, shorter than the header`);
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (header.getUint32(0, true) !== FORMAT.magic) throw corrupt('not a compiled jieba dictionary (bad magic number)');
  const version = header.getUint32(4, true);
  if (version !== FORMAT.version) throw corrupt(`format version ${version}, this code reads ${FORMAT.version}`);
  const counts = { nodes: header.getUint32(8, true), values: header.getUint32(12, true), emits: header.getUint32(16, true), singles: header.getUint32(20, true) };
  if (counts.nodes < 1) throw corrupt('no trie');
  const parts = layout(counts);
  if (parts.end !== bytes.byteLength) throw corrupt(`${bytes.byteLength} bytes where its header says ${parts.end}`);
  if (checksum(bytes.subarray(HEADER_BYTES)) !== header.getUint32(24, true)) throw corrupt('checksum mismatch');
  const buffer = bytes.buffer;
  const at = bytes.byteOffset;
  const nodes = counts.nodes;
  const first = new Int32Array(buffer, at + parts.first, nodes + 1);
  const edgeChild = new Int32Array(buffer, at + parts.edgeChild, nodes - 1);
  const edgeLabel = new Uint16Array(buffer, at + parts.edgeLabel, nodes - 1);
  const valueCounts = new Float64Array(buffer, at + parts.valueCounts, counts.values);
  const nodeValue = new Int32Array(buffer, at + parts.nodeValue, nodes);
  const emitKeys = new Int32Array(buffer, at + parts.emitKeys, counts.emits);

  const rootChild = new Int32Array(0x10000).fill(-1);
  for (let e = first[0] as number; e < (first[1] as number); e++) rootChild[edgeLabel[e] as number] = edgeChild[e] as number;
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
    first,
    edgeChild,
    edgeLabel,
    nodeValue,
    rootChild,
    emitRow,
    emitKeys,
    singles: new Int32Array(buffer, at + parts.singles, counts.singles),
    frequency(word: string): number {
      let node = 0;
      for (let i = 0; i < word.length && node >= 0; i++) node = childOf(dictionary, node, word.charCodeAt(i));
      if (node <= 0) return 0;
      const v = nodeValue[node] as number;
      return v < 0 ? 0 : (valueCounts[v] as number);
    },
  };
  return dictionary;
}
