/**
 * A compact Aho-Corasick automaton over UTF-16 code units, stored in typed arrays.
 *
 * Layout (all indices are state ids in breadth-first order, so the root is 0 and `fail[s] < s`):
 * - `classOf`: a 65536-entry map from code unit to a dense character class; 0 means "in no pattern".
 * - `rootNext`: the complete transition row of the root, one entry per class (the DFA's default row).
 * - a row-displacement table (`base` per state, `cells` of `[owner, target]` pairs) holding, for
 *   each state, its DFA transitions that differ from the root's row. For a "complete" state a step is
 *   one probe: `cells[base[s] + c]` owned by `s` ? its target : `rootNext[c]`. A state whose row would
 *   inherit more than `MAX_INHERITED_ROW` entries from its failure state keeps only its own edges and
 *   a fallback (its failure state), walked on a miss; this bounds the table (8 MB for 100k nodejieba
 *   words) at the cost of a second or third probe on some steps.
 * - `outCount`: how many patterns end at a state, its failure chain included, so counting every
 *   overlapping match is a table walk plus one add per code unit.
 *
 * Nothing is allocated per code unit while scanning.
 */

/** One occurrence of a pattern: UTF-16 offsets into the scanned text, half-open. */
export interface AutomatonMatch {
  /** Offset of the first code unit of the match. */
  start: number;
  /** Offset just after the last code unit of the match. */
  end: number;
  /** Index of the pattern in the list the automaton was built from. */
  pattern: number;
}

/** The built tables; plain typed arrays, read-only after construction. */
export interface Automaton {
  /** Number of patterns the automaton was built from (empty ones included, they never match). */
  readonly patternCount: number;
  /** Number of states, the root included. */
  readonly stateCount: number;
  /** Bytes held by the tables (an estimate of retained memory). */
  readonly byteLength: number;
  /** Every match, overlapping ones included. */
  count(text: string): number;
  /** Every match in order of `end`, longer first at the same end, with its pattern index. */
  findAll(text: string): AutomatonMatch[];
  /** Calls `onMatch(start, end, pattern)` for every match in the order of `findAll`; allocates nothing. */
  forEach(text: string, onMatch: (start: number, end: number, pattern: number) => void): void;
}

/** States whose inherited transition rows would exceed this many entries fall back to failure walks (tuned on nodejieba dictionaries: larger values grow the table and slowed the scan at 100k). */
const MAX_INHERITED_ROW = 8;

/** Failed first-fit probes before a row is placed past the last used cell. */
const MAX_PLACEMENT_ATTEMPTS = 32;

const HIGH_SURROGATE_MIN = 0xd800;
const HIGH_SURROGATE_MAX = 0xdbff;
const LOW_SURROGATE_MIN = 0xdc00;
const LOW_SURROGATE_MAX = 0xdfff;

/** Grows an Int32Array to at least `min` entries, doubling. */
function grow(array: Int32Array, min: number, fill = 0): Int32Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size < min) size *= 2;
  const next = new Int32Array(size);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/**
 * An open-addressing hash from (state, class) to child state, used only while building the trie.
 * Linear probing over power-of-two tables; keys are never deleted.
 */
class EdgeTable {
  /** Slots of four: [state, class, child, unused]; state -1 marks a free slot. One slot, one probe of one cache line. */
  private table: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacity: number) {
    let n = 1024;
    while (n < capacity * 2) n *= 2;
    this.table = new Int32Array(n * 4).fill(-1);
    this.mask = n - 1;
  }

  private slot(state: number, cls: number): number {
    // Both halves mixed, then a murmur3-style finalizer so the low bits the mask keeps depend on all bits.
    let h = Math.imul(state, 0x9e3779b1) + cls;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h & this.mask;
  }

  get(state: number, cls: number): number {
    const { table, mask } = this;
    let i = this.slot(state, cls);
    for (;;) {
      const k = table[i * 4]!;
      if (k === -1) return -1;
      if (k === state && table[i * 4 + 1] === cls) return table[i * 4 + 2]!;
      i = (i + 1) & mask;
    }
  }

  set(state: number, cls: number, child: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.rehash();
    const { table, mask } = this;
    let i = this.slot(state, cls);
    while (table[i * 4] !== -1) i = (i + 1) & mask;
    table[i * 4] = state;
    table[i * 4 + 1] = cls;
    table[i * 4 + 2] = child;
    this.size++;
  }

  private rehash(): void {
    const old = this.table;
    const n = (this.mask + 1) * 2;
    this.table = new Int32Array(n * 4).fill(-1);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 4) {
      if (old[i] !== -1) this.set(old[i]!, old[i + 1]!, old[i + 2]!);
    }
  }
}

/**
 * Builds the automaton. Patterns are matched as UTF-16 code unit sequences; equal patterns are all
 * reported; an empty pattern never matches.
 */
export function buildAutomaton(patterns: readonly string[], tuning: { maxInheritedRow?: number } = {}): Automaton {
  const maxInheritedRow = tuning.maxInheritedRow ?? MAX_INHERITED_ROW;
  const patternCount = patterns.length;

  // 1. Character classes, most frequent code units first (small classes pack the table densely).
  const freq = new Int32Array(65536);
  let totalUnits = 0;
  for (let p = 0; p < patternCount; p++) {
    const word = patterns[p]!;
    for (let i = 0; i < word.length; i++) freq[word.charCodeAt(i)]!++;
    totalUnits += word.length;
  }
  const units: number[] = [];
  for (let u = 0; u < 65536; u++) if (freq[u]! !== 0) units.push(u);
  units.sort((a, b) => freq[b]! - freq[a]! || a - b);
  const classOf = new Int32Array(65536);
  for (let i = 0; i < units.length; i++) classOf[units[i]!] = i + 1;
  const classCount = units.length + 1;


  // 2. The trie, in insertion order; children kept as linked lists for the breadth-first pass.
  const maxStates = totalUnits + 1;
  const edges = new EdgeTable(Math.min(maxStates, 1 << 22));
  let firstChild = new Int32Array(Math.min(maxStates, 1 << 22) + 1).fill(-1);
  let nextSibling = new Int32Array(firstChild.length).fill(-1);
  let label = new Int32Array(firstChild.length);
  let stateCount = 1;
  const patternState = new Int32Array(patternCount);
  for (let p = 0; p < patternCount; p++) {
    const word = patterns[p]!;
    let s = 0;
    for (let i = 0; i < word.length; i++) {
      const c = classOf[word.charCodeAt(i)]!;
      let child = edges.get(s, c);
      if (child === -1) {
        child = stateCount++;
        if (child >= firstChild.length) {
          firstChild = grow(firstChild, child + 1, -1);
          nextSibling = grow(nextSibling, child + 1, -1);
          label = grow(label, child + 1);
        }
        edges.set(s, c, child);
        label[child] = c;
        nextSibling[child] = firstChild[s]!;
        firstChild[s] = child;
      }
      s = child;
    }
    patternState[p] = word.length === 0 ? -1 : s;
  }


  // 3. Breadth-first renumbering: order[newId] = oldId, rename[oldId] = newId.
  const order = new Int32Array(stateCount);
  const rename = new Int32Array(stateCount);
  let head = 0;
  let tail = 1;
  order[0] = 0;
  while (head < tail) {
    const old = order[head++]!;
    for (let ch = firstChild[old]!; ch !== -1; ch = nextSibling[ch]!) order[tail++] = ch;
  }
  for (let i = 0; i < stateCount; i++) rename[order[i]!] = i;


  // 4. Failure links and output counts, in breadth-first order (a state's failure precedes it).
  const fail = new Int32Array(stateCount);
  const parent = new Int32Array(stateCount);
  const outCount = new Int32Array(stateCount);
  const patFirst = new Int32Array(stateCount).fill(-1);
  const patNext = new Int32Array(patternCount).fill(-1);
  const patLength = new Int32Array(patternCount);
  for (let p = patternCount - 1; p >= 0; p--) {
    patLength[p] = patterns[p]!.length;
    if (patternState[p]! === -1) continue;
    const s = rename[patternState[p]!]!;
    patNext[p] = patFirst[s]!;
    patFirst[s] = p;
    outCount[s]!++;
  }
  for (let i = 1; i < stateCount; i++) {
    for (let ch = firstChild[order[i]!]!; ch !== -1; ch = nextSibling[ch]!) parent[rename[ch]!] = i;
  }
  for (let ch = firstChild[0]!; ch !== -1; ch = nextSibling[ch]!) parent[rename[ch]!] = 0;
  // Goto on new ids through the old-id edge table.
  const gotoNew = (s: number, c: number): number => {
    const child = edges.get(order[s]!, c);
    return child === -1 ? -1 : rename[child]!;
  };
  // dictLink: the nearest proper suffix state on the failure chain where a pattern ends, or -1.
  const dictLink = new Int32Array(stateCount).fill(-1);
  for (let s = 1; s < stateCount; s++) {
    const p = parent[s]!;
    const c = label[order[s]!]!;
    let f = 0;
    if (p !== 0) {
      let t = fail[p]!;
      for (;;) {
        const g = gotoNew(t, c);
        if (g !== -1) {
          f = g;
          break;
        }
        if (t === 0) break;
        t = fail[t]!;
      }
    }
    fail[s] = f;
    outCount[s]! += outCount[f]!;
    dictLink[s] = f !== 0 && patFirst[f]! !== -1 ? f : dictLink[f]!;
  }


  // 5. Rows: each state's DFA transitions that differ from the root row, inherited along failure.
  // A state's row = its trie edges + its failure state's row minus classes it has edges for.
  // A state whose failure state is incomplete, or whose row would grow past the limit, keeps only
  // its trie edges and a fallback (its failure state) walked while scanning.
  const rowStart = new Int32Array(stateCount + 1);
  let rowClass = new Int32Array(Math.max(1024, stateCount * 2));
  let rowTarget = new Int32Array(rowClass.length);
  const fallback = new Int32Array(stateCount);
  const stamp = new Int32Array(classCount).fill(-1);
  let rowLength = 0;
  for (let s = 0; s < stateCount; s++) {
    rowStart[s] = rowLength;
    if (s === 0) continue; // the root row is dense (rootNext), not stored here
    let own = 0;
    for (let ch = firstChild[order[s]!]!; ch !== -1; ch = nextSibling[ch]!) own++;
    const f = fail[s]!;
    const inherited = f === 0 ? 0 : rowStart[f + 1]! - rowStart[f]!;
    const complete = f === 0 || (fallback[f]! === 0 && inherited <= maxInheritedRow);
    const need = rowLength + own + (complete ? inherited : 0);
    if (need > rowClass.length) {
      rowClass = grow(rowClass, need);
      rowTarget = grow(rowTarget, need);
    }
    for (let ch = firstChild[order[s]!]!; ch !== -1; ch = nextSibling[ch]!) {
      const c = label[ch]!;
      stamp[c] = s;
      rowClass[rowLength] = c;
      rowTarget[rowLength] = rename[ch]!;
      rowLength++;
    }
    if (complete) {
      for (let k = rowStart[f]!, end = rowStart[f + 1]!; k < end; k++) {
        if (stamp[rowClass[k]!]! === s) continue;
        rowClass[rowLength] = rowClass[k]!;
        rowTarget[rowLength] = rowTarget[k]!;
        rowLength++;
      }
    } else {
      fallback[s] = f;
    }
  }
  rowStart[stateCount] = rowLength;

  const rootNext = new Int32Array(classCount);
  for (let ch = firstChild[0]!; ch !== -1; ch = nextSibling[ch]!) rootNext[label[ch]!] = rename[ch]!;


  // 6. Row displacement: place every row at the first base where all its classes land on free cells.
  // Rows are placed largest first (Tarjan and Yao's heuristic); free cells are found through a skip array.
  const byLength = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) byLength[s] = s;
  const rowLen = (s: number): number => rowStart[s + 1]! - rowStart[s]!;
  // Counting sort by row length, descending.
  let maxLen = 0;
  for (let s = 0; s < stateCount; s++) maxLen = Math.max(maxLen, rowLen(s));
  const bucket = new Int32Array(maxLen + 2);
  for (let s = 0; s < stateCount; s++) bucket[maxLen - rowLen(s) + 1]!++;
  for (let i = 1; i < bucket.length; i++) bucket[i]! += bucket[i - 1]!;
  for (let s = 0; s < stateCount; s++) byLength[bucket[maxLen - rowLen(s)]!++] = s;

  // Free cells are found through a skip array with path compression: skip[x] === x when cell x
  // is free, else it points further right (a union-find over taken cells).
  let capacity = Math.max(1024, rowLength * 2 + classCount + 1);
  let owner = new Int32Array(capacity).fill(-1);
  let skip = new Int32Array(capacity);
  for (let i = 0; i < capacity; i++) skip[i] = i;
  const base = new Int32Array(stateCount);
  let used = 0;
  const ensure = (min: number): void => {
    if (min < capacity) return;
    let size = capacity * 2;
    while (size <= min) size *= 2;
    const o = new Int32Array(size).fill(-1);
    o.set(owner);
    const k = new Int32Array(size);
    k.set(skip);
    for (let i = capacity; i < size; i++) k[i] = i;
    owner = o;
    skip = k;
    capacity = size;
  };
  const findFree = (x: number): number => {
    ensure(x + 1);
    let r = x;
    while (skip[r]! !== r) {
      r = skip[r]!;
      if (r >= capacity) ensure(r + 1);
    }
    while (skip[x]! !== r) {
      const nx = skip[x]!;
      skip[x] = r;
      x = nx;
    }
    return r;
  };
  // Cell 0 is never used by a row (classes start at 1).
  skip[0] = 1;
  owner[0] = -2;
  const sortedRow = new Int32Array(maxLen);
  for (let k = 0; k < stateCount; k++) {
    const s = byLength[k]!;
    const len = rowLen(s);
    if (len === 0) break; // sorted descending: the rest are empty and keep base 0
    const start = rowStart[s]!;
    for (let i = 0; i < len; i++) sortedRow[i] = rowClass[start + i]!;
    const row = sortedRow.subarray(0, len).sort();
    const first = row[0]!;
    let cell = findFree(first);
    let attempts = 0;
    let b: number;
    for (;;) {
      b = cell - first;
      ensure(b + row[len - 1]! + 1);
      let fits = true;
      for (let i = 1; i < len; i++) {
        if (owner[b + row[i]!]! !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      // After a few misses, place the row past every used cell, where it always fits: this bounds
      // the build to O(rows × attempts × row length) at the cost of a little sparsity.
      if (++attempts > MAX_PLACEMENT_ATTEMPTS) {
        // The tail: the last row's span is sparse, so rows interleave there after few probes.
        b = Math.max(used - row[len - 1]!, 0);
        for (;; b++) {
          ensure(b + row[len - 1]! + 1);
          let ok = true;
          for (let i = 0; i < len; i++) {
            if (owner[b + row[i]!]! !== -1) {
              ok = false;
              break;
            }
          }
          if (ok) break;
        }
        break;
      }
      cell = findFree(cell + 1);
    }
    base[s] = b;
    for (let i = 0; i < len; i++) {
      const cellIndex = b + row[i]!;
      owner[cellIndex] = s;
      skip[cellIndex] = cellIndex + 1;
      if (cellIndex + 1 > used) used = cellIndex + 1;
    }
  }

  // Interleave owner and target per cell; pad so base + any class stays inside the array.
  const cellCount = Math.max(used, 1) + classCount;
  const cells = new Int32Array(cellCount * 2).fill(-1);
  for (let s = 1; s < stateCount; s++) {
    const b = base[s]!;
    for (let k = rowStart[s]!, end = rowStart[s + 1]!; k < end; k++) {
      const cell = b + rowClass[k]!;
      cells[cell * 2] = s;
      cells[cell * 2 + 1] = rowTarget[k]!;
    }
  }


  // Per-state record: [base * 2, outCount, fallback], base pre-doubled for the interleaved cells.
  const states = new Int32Array(stateCount * 3);
  for (let s = 0; s < stateCount; s++) {
    states[s * 3] = base[s]! * 2;
    states[s * 3 + 1] = outCount[s]!;
    states[s * 3 + 2] = fallback[s]!;
  }
  const classOfDoubled = new Int32Array(65536);
  for (let u = 0; u < 65536; u++) classOfDoubled[u] = classOf[u]! * 2;
  let hasFallback = false;
  for (let s = 0; s < stateCount; s++) if (fallback[s]! !== 0) hasFallback = true;

  // Patterns with a lone surrogate at an edge could match half of a surrogate pair; matches of
  // those are checked so that no match splits a pair.
  const edgeSurrogate = new Uint8Array(patternCount);
  let hasEdgeSurrogate = false;
  for (let p = 0; p < patternCount; p++) {
    const w = patterns[p]!;
    if (w.length === 0) continue;
    const first = w.charCodeAt(0);
    const last = w.charCodeAt(w.length - 1);
    if ((first >= LOW_SURROGATE_MIN && first <= LOW_SURROGATE_MAX) || (last >= HIGH_SURROGATE_MIN && last <= HIGH_SURROGATE_MAX)) {
      edgeSurrogate[p] = 1;
      hasEdgeSurrogate = true;
    }
  }

  /** One transition; the fallback chain is walked only for incomplete states. */
  const step = (s: number, c2: number): number => {
    for (;;) {
      const t = states[s * 3]! + c2;
      if (cells[t]! === s) return cells[t + 1]!;
      const f = states[s * 3 + 2]!;
      if (f === 0) return rootNext[c2 >> 1]!;
      s = f;
    }
  };

  const splitsPair = (text: string, start: number, end: number): boolean => {
    if (start > 0) {
      const a = text.charCodeAt(start - 1);
      const b = text.charCodeAt(start);
      if (a >= HIGH_SURROGATE_MIN && a <= HIGH_SURROGATE_MAX && b >= LOW_SURROGATE_MIN && b <= LOW_SURROGATE_MAX) return true;
    }
    if (end < text.length) {
      const a = text.charCodeAt(end - 1);
      const b = text.charCodeAt(end);
      if (a >= HIGH_SURROGATE_MIN && a <= HIGH_SURROGATE_MAX && b >= LOW_SURROGATE_MIN && b <= LOW_SURROGATE_MAX) return true;
    }
    return false;
  };

  const forEach = (text: string, onMatch: (start: number, end: number, pattern: number) => void): void => {
    let s = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      s = step(s, classOfDoubled[text.charCodeAt(i)]!);
      if (states[s * 3 + 1]! === 0) continue;
      const end = i + 1;
      for (let q = patFirst[s]! !== -1 ? s : dictLink[s]!; q !== -1; q = dictLink[q]!) {
        for (let p = patFirst[q]!; p !== -1; p = patNext[p]!) {
          const start = end - patLength[p]!;
          if (edgeSurrogate[p]! === 1 && splitsPair(text, start, end)) continue;
          onMatch(start, end, p);
        }
      }
    }
  };

  const countFast = (text: string): number => {
    let s = 0;
    let n = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      const c2 = classOfDoubled[text.charCodeAt(i)]!;
      const t = states[s * 3]! + c2;
      s = cells[t]! === s ? cells[t + 1]! : rootNext[c2 >> 1]!;
      n += states[s * 3 + 1]!;
    }
    return n;
  };

  const countGeneral = (text: string): number => {
    let n = 0;
    if (hasEdgeSurrogate) {
      forEach(text, () => {
        n++;
      });
      return n;
    }
    let s = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      s = step(s, classOfDoubled[text.charCodeAt(i)]!);
      n += states[s * 3 + 1]!;
    }
    return n;
  };

  const byteLength =
    classOfDoubled.byteLength + rootNext.byteLength + cells.byteLength + states.byteLength + patFirst.byteLength +
    patNext.byteLength + patLength.byteLength + dictLink.byteLength + edgeSurrogate.byteLength;

  return {
    patternCount,
    stateCount,
    byteLength,
    count: hasFallback || hasEdgeSurrogate ? countGeneral : countFast,
    findAll(text: string): AutomatonMatch[] {
      const out: AutomatonMatch[] = [];
      forEach(text, (start, end, pattern) => {
        out.push({ start, end, pattern });
      });
      return out;
    },
    forEach,
  };
}
