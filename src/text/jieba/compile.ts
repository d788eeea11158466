import { ShenjiaoError } from '../../errors.js';
import { CELL, FORMAT, FREE, HEADER_BYTES, MAX_LOAD, MAX_VALUES, MIN_DOUBLE, PAIR_BITS, ROOT_PARENT, cellHash, checksum, layout, pairBit, parentBits, signatureBit } from './format.js';
import { logCorrectlyRounded } from './log.js';

/** jieba's three dictionary files, as text (UTF-8 decoded), in the formats cppjieba reads. */
export interface JiebaSources {
  /** The main dictionary (`jieba.dict.utf8`): one `word count tag` a line. */
  readonly dict: string;
  /** The HMM model (`hmm_model.utf8`): start and transition probabilities, then four emission lines. */
  readonly hmm: string;
  /** The user dictionary (`user.dict.utf8`): `word`, `word tag` or `word count tag` a line; may be empty. */
  readonly user?: string;
}

function invalid(file: string, message: string, line?: number): ShenjiaoError {
  return new ShenjiaoError('invalid-dictionary', `jieba ${file}: ${message}`, { list: `jieba/${file}`, ...(line !== undefined ? { line } : {}) });
}

/** The lines `std::getline` reads: split at `\n` only (a `\r` stays), no empty line after a final `\n`. */
function getlines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** limonp's `Split` on one delimiter: empty pieces kept, except that nothing follows a trailing delimiter. */
function split(s: string, delimiter: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < s.length) {
    const end = s.indexOf(delimiter, start);
    if (end < 0) {
      out.push(s.slice(start));
      break;
    }
    out.push(s.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** C's `atof` on the decimal forms a dictionary holds: the longest numeric prefix, 0 when there is none. */
function atof(s: string): number {
  const m = /^[ \t\n\v\f\r]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s);
  return m ? Number.parseFloat(m[0].trim()) : 0;
}

/** C's `atoi`: optional sign and digits after leading white space, 0 when there are none. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1] as string, 10) : 0;
}

/** Trims what C's `isspace` calls white space, as cppjieba does to each HMM model line. */
function trimC(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

function codePoints(word: string): number[] {
  const out: number[] = [];
  for (const ch of word) out.push(ch.codePointAt(0) as number);
  return out;
}

interface Entry {
  weight: number;
  /** The main dictionary's count (0 for a word only the user dictionary lists). */
  count: number;
}

/**
 * Compiles jieba's dictionary files into the binary form `loadJiebaDictionary` reads, with cppjieba's
 * rules (DictTrie, HMMModel): a word's weight is ln(count / sum of all counts), the logarithm
 * correctly rounded as glibc's is; a user word without a count takes the median weight of the main
 * dictionary, with a count ln(count / that sum); a later line for the same word replaces the weight
 * of an earlier one; a user word of one character is never handed to the HMM. Throws a
 * `ShenjiaoError` (`invalid-dictionary`) where cppjieba would abort: a main-dictionary line without
 * exactly three fields, an HMM model line of the wrong shape. Takes about a second for jieba's
 * 349 000 words.
 */
export function compileJiebaDictionary(sources: JiebaSources): Uint8Array {
  const entries = new Map<string, Entry>();
  const mainLines = getlines(sources.dict);
  if (mainLines.length === 0) throw invalid('dict', 'the main dictionary is empty');
  const mainWords: string[] = new Array(mainLines.length);
  const mainCounts = new Float64Array(mainLines.length);
  let sum = 0;
  for (let i = 0; i < mainLines.length; i++) {
    const fields = split(mainLines[i] as string, ' ');
    if (fields.length !== 3) throw invalid('dict', `line ${i + 1} has ${fields.length} fields, not 3`, i + 1);
    mainWords[i] = fields[0] as string;
    mainCounts[i] = atof(fields[1] as string);
    sum += mainCounts[i] as number;
  }
  const logs = new Map<number, number>();
  const weightOf = (count: number): number => {
    let w = logs.get(count);
    if (w === undefined) {
      w = logCorrectlyRounded(count / sum);
      logs.set(count, w);
    }
    return w;
  };
  const weights = new Float64Array(mainLines.length);
  for (let i = 0; i < mainLines.length; i++) weights[i] = weightOf(mainCounts[i] as number);
  let total = 0;
  for (let i = 0; i < mainLines.length; i++) {
    const word = mainWords[i] as string;
    const count = mainCounts[i] as number;
    // The counts words.ts summed: a word listed twice counts twice; the weight is the last line's.
    if (Number.isFinite(count) && count > 0) total += count;
    const known = entries.get(word);
    entries.set(word, { weight: weights[i] as number, count: (known?.count ?? 0) + (Number.isFinite(count) && count > 0 ? count : 0) });
  }
  const sorted = weights.slice().sort();
  const minWeight = sorted[0] as number;
  const median = sorted[sorted.length >> 1] as number;

  const singles = new Set<number>();
  for (const line of getlines(sources.user ?? '')) {
    if (line.length === 0) continue;
    const fields = split(line, ' ');
    let weight: number;
    if (fields.length === 1 || fields.length === 2) weight = median;
    else if (fields.length === 3) weight = logCorrectlyRounded(atoi(fields[1] as string) / sum);
    else continue; // cppjieba inserts nothing for four fields or more
    const word = fields[0] as string;
    const runes = codePoints(word);
    if (runes.length === 1) singles.add(runes[0] as number);
    if (word.length === 0) continue;
    const known = entries.get(word);
    entries.set(word, { weight, count: known?.count ?? 0 });
  }

  const hmm = parseHmm(sources.hmm);
  return serialize(entries, minWeight, total, hmm, [...singles].sort((a, b) => a - b));
}

interface Hmm {
  start: Float64Array;
  trans: Float64Array;
  keys: number[];
  emit: Float64Array;
}

function parseHmm(text: string): Hmm {
  const lines: string[] = [];
  for (const raw of getlines(text)) {
    const line = trimC(raw);
    if (line.length > 0 && !line.startsWith('#')) lines.push(line);
  }
  if (lines.length < 9) throw invalid('hmm', `${lines.length} model lines, not 9`);
  const row = (i: number): Float64Array => {
    const fields = split(lines[i] as string, ' ');
    if (fields.length !== 4) throw invalid('hmm', `model line ${i + 1} has ${fields.length} fields, not 4`);
    return Float64Array.from(fields, atof);
  };
  const start = row(0);
  const trans = new Float64Array(16);
  for (let i = 0; i < 4; i++) trans.set(row(1 + i), i * 4);
  const maps: Map<number, number>[] = [];
  for (let s = 0; s < 4; s++) {
    const map = new Map<number, number>();
    for (const pair of split(lines[5 + s] as string, ',')) {
      const kv = split(pair, ':');
      const runes = kv.length === 2 ? codePoints(kv[0] as string) : [];
      if (runes.length !== 1) throw invalid('hmm', `emission line ${s + 1} has a malformed pair "${pair}"`);
      map.set(runes[0] as number, atof(kv[1] as string));
    }
    maps.push(map);
  }
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const emit = new Float64Array(keys.length * 4);
  keys.forEach((k, i) => {
    for (let s = 0; s < 4; s++) emit[i * 4 + s] = maps[s]?.get(k) ?? MIN_DOUBLE;
  });
  return { start, trans, keys, emit };
}

/** The trie over UTF-16 code units (built with children contiguous and sorted by unit, then laid out as a hash table), then the bytes. */
function serialize(entries: Map<string, Entry>, minWeight: number, total: number, hmm: Hmm, singles: number[]): Uint8Array {
  const words = [...entries.keys()].sort();
  let capacity = 1;
  for (const w of words) capacity += w.length;
  const parent = new Int32Array(capacity);
  const label = new Uint16Array(capacity);
  const value = new Int32Array(capacity).fill(-1);
  const valueIndex = new Map<string, number>();
  const valueWeights: number[] = [];
  const valueCounts: number[] = [];
  const path = [0];
  let nodes = 1;
  let previous = '';
  for (const word of words) {
    let common = 0;
    const limit = Math.min(word.length, previous.length);
    while (common < limit && word.charCodeAt(common) === previous.charCodeAt(common)) common++;
    path.length = common + 1;
    for (let d = common; d < word.length; d++) {
      parent[nodes] = path[d] as number;
      label[nodes] = word.charCodeAt(d);
      path.push(nodes++);
    }
    const entry = entries.get(word) as Entry;
    const key = `${entry.weight} ${entry.count}`;
    let v = valueIndex.get(key);
    if (v === undefined) {
      v = valueWeights.length;
      valueIndex.set(key, v);
      valueWeights.push(entry.weight);
      valueCounts.push(entry.count);
    }
    value[path[word.length] as number] = v;
    previous = word;
  }
  // Nodes were made in sorted order, so each parent's children come in ascending units.
  const first = new Int32Array(nodes + 1);
  for (let n = 1; n < nodes; n++) {
    const p = (parent[n] as number) + 1;
    first[p] = (first[p] as number) + 1;
  }
  for (let n = 0; n < nodes; n++) first[n + 1] = (first[n + 1] as number) + (first[n] as number);
  const fill = first.slice(0, nodes);
  const edgeChild = new Int32Array(nodes - 1);
  for (let n = 1; n < nodes; n++) {
    const p = parent[n] as number;
    const at = fill[p] as number;
    fill[p] = at + 1;
    edgeChild[at] = n;
  }
  const cells = hashTrie(first, edgeChild, label, value.subarray(0, nodes), valueWeights.length);

  const counts = { cells: cells.length / CELL, values: valueWeights.length, emits: hmm.keys.length, singles: singles.length };
  const parts = layout(counts);
  const bytes = new Uint8Array(parts.end);
  const buffer = bytes.buffer;
  const header = new DataView(buffer);
  header.setUint32(0, FORMAT.magic, true);
  header.setUint32(4, FORMAT.version, true);
  header.setUint32(8, counts.cells, true);
  header.setUint32(12, counts.values, true);
  header.setUint32(16, counts.emits, true);
  header.setUint32(20, counts.singles, true);
  header.setFloat64(32, minWeight, true);
  header.setFloat64(40, total, true);
  new Float64Array(buffer, parts.valueWeights, counts.values).set(valueWeights);
  new Float64Array(buffer, parts.valueCounts, counts.values).set(valueCounts);
  new Float64Array(buffer, parts.start, 4).set(hmm.start);
  new Float64Array(buffer, parts.trans, 16).set(hmm.trans);
  new Float64Array(buffer, parts.emit, counts.emits * 4).set(hmm.emit);
  new Int32Array(buffer, parts.cells, cells.length).set(cells);
  rootAndPairs(cells, new Int32Array(buffer, parts.rootCells, 0x20000), new Int32Array(buffer, parts.pairs, (1 << PAIR_BITS) / 32));
  new Int32Array(buffer, parts.emitKeys, counts.emits).set(hmm.keys);
  new Int32Array(buffer, parts.singles, counts.singles).set(singles);
  header.setUint32(24, checksum(bytes.subarray(HEADER_BYTES)), true);
  return bytes;
}

/**
 * Lays out a trie (node n's children are `edgeChild[first[n]] …`, `label[child]` their code units,
 * `value[n]` the value row of the word ending at n or −1) as the hash table of `format.ts`: the root is
 * cell 0, and each node, from the root down level by level, takes the first free cell from
 * `cellHash(its parent's cell, its unit)`, that cell being its name for its own children. Throws when
 * there are more value rows than a cell can name.
 */
function hashTrie(first: Int32Array, edgeChild: Int32Array, label: Uint16Array, value: Int32Array, values: number): Int32Array {
  if (values > MAX_VALUES) throw invalid('dict', `${values} distinct word weights, more than the ${MAX_VALUES} a compiled dictionary holds`);
  const nodes = value.length;
  const size = Math.max(2, Math.ceil(nodes / MAX_LOAD));
  const bits = parentBits(size);
  const cells = new Int32Array(size * CELL); // all free
  cells[0] = ROOT_PARENT;
  cells[1] = value[0] === -1 ? 0 : ((value[0] as number) + 1) << 16;
  const cellOf = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const n = queue[head++] as number;
    const p = cellOf[n] as number;
    let signature = 0;
    for (let e = first[n] as number; e < (first[n + 1] as number); e++) {
      const child = edgeChild[e] as number;
      const unit = label[child] as number;
      let c = cellHash(p, unit, size);
      while (cells[c * CELL] !== FREE) c = c + 1 === size ? 0 : c + 1;
      cells[c * CELL] = p + 2;
      cells[c * CELL + 1] = unit | (((value[child] as number) + 1) << 16);
      cellOf[child] = c;
      queue[tail++] = child;
      signature |= 1 << signatureBit(unit, 32 - bits);
    }
    cells[p * CELL] = (cells[p * CELL] as number) | (signature << bits);
  }
  return cells;
}

/** Fills the `rootCells` and `pairs` sections (see `format.ts`) from the trie's cells. */
function rootAndPairs(cells: Int32Array, rootCells: Int32Array, pairs: Int32Array): void {
  const count = cells.length / CELL;
  const mask = (1 << parentBits(count)) - 1;
  rootCells.fill(-1);
  for (let c = 0; c < count; c++) {
    if (((cells[c * CELL] as number) & mask) !== 2) continue;
    const unit = (cells[c * CELL + 1] as number) & 0xffff;
    rootCells[unit * 2] = c;
    rootCells[unit * 2 + 1] = ((cells[c * CELL + 1] as number) >>> 16) - 1;
  }
  for (let c = 0; c < count; c++) {
    const p = ((cells[c * CELL] as number) & mask) - 2;
    if (p <= 0 || ((cells[p * CELL] as number) & mask) !== 2) continue;
    const bit = pairBit((cells[p * CELL + 1] as number) & 0xffff, (cells[c * CELL + 1] as number) & 0xffff);
    pairs[bit >>> 5] = (pairs[bit >>> 5] as number) | (1 << (bit & 31));
  }
}
