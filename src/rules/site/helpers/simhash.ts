/**
 * Near-duplicate detection over character shingles: normalisation, shingling, a 64-bit SimHash (two
 * 32-bit halves, FNV-1a and a Murmur3 finaliser) for candidate pairs by banding, and the exact Jaccard
 * of the shingle sets to confirm. Pure and dependency-free.
 */

/** Lines that differ between a story and its repost without changing the story: 来源/编辑/作者/日期/浏览 … */
const META_LINE =
  /^[\s【\[（(]*(?:来源|来\s*源|信息来源|稿件来源|文章来源|编辑|责任编辑|责编|编审|审核|审校|校对|终审|初审|作者|撰稿|供稿|记者|通讯员|摄影|图片|发布时间|发布日期|发文日期|更新时间|时间|日期|浏览次数|阅读次数|点击数|访问量|字号|打印|关闭|分享到?)\s*[:：].*$/;

/** Punctuation, symbols and spaces: removed before shingling so that punctuation edits do not count. */
const NOISE = /[\s\p{P}\p{S}]+/gu;

/** The text as hashed: meta lines dropped, dates removed, punctuation and spaces removed. */
export function normalizeBody(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => !META_LINE.test(line.trim()))
    .join('\n')
    .replace(/[（(【\[]?\s*(?:来源|编辑|责任编辑|作者|记者|通讯员)\s*[:：][^）)】\]\n]{0,40}[）)】\]]?/g, '')
    .replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/g, '')
    .replace(NOISE, '');
}

/** Overlapping character n-grams (code points), as 32-bit hashes. */
export function shingles(text: string, n = 3): Set<number> {
  const chars = Array.from(text);
  const out = new Set<number>();
  for (let i = 0; i + n <= chars.length; i++) out.add(fnv1a(chars.slice(i, i + n).join('')));
  if (chars.length > 0 && chars.length < n) out.add(fnv1a(text));
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's 32-bit finaliser: a second, independent-looking hash of a hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit SimHash of a shingle set, as [high, low] 32-bit halves. */
export function simhash(features: Iterable<number>): [number, number] {
  const hi = new Int32Array(32);
  const lo = new Int32Array(32);
  for (const f of features) {
    const a = f;
    const b = mix(f ^ 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      hi[bit]! += (a >>> bit) & 1 ? 1 : -1;
      lo[bit]! += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let h = 0;
  let l = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (hi[bit]! > 0) h |= 1 << bit;
    if (lo[bit]! > 0) l |= 1 << bit;
  }
  return [h >>> 0, l >>> 0];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hamming(a: readonly [number, number], b: readonly [number, number]): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Candidate pairs whose SimHashes differ in at most `maxDistance` bits: the 64 bits are cut into
 * `maxDistance + 1` bands, and two hashes that close agree on at least one band (pigeonhole).
 */
export function candidatePairs(hashes: readonly (readonly [number, number])[], maxDistance: number): [number, number][] {
  const bands = maxDistance + 1;
  const width = Math.ceil(64 / bands);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    hashes.forEach((h, i) => {
      let key = '';
      for (let bit = band * width; bit < Math.min(64, (band + 1) * width); bit++) {
        const word = bit < 32 ? h[0] : h[1];
        key += (word >>> bit % 32) & 1;
      }
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x]!;
          const j = list[y]!;
          const k = `${i},${j}`;
          if (seen.has(k)) continue;
          seen.add(k);
          if (hamming(hashes[i]!, hashes[j]!) <= maxDistance) pairs.push([i, j]);
        }
      }
    }
  }
  return pairs;
}
