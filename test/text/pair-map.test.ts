import { describe, expect, it } from 'vitest';
import { PairMap } from '../../src/text/pair-map.js';

describe('PairMap (two code units packed in 32 bits)', () => {
  it('agrees with a Map on random CJK pairs, negative keys and overwrites included, across growth', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const oracle = new Map<number, number>();
    const table = new PairMap<number>();
    for (let i = 0; i < 20_000; i++) {
      const a = 0x4e00 + Math.floor(random() * 0x5200);
      const b = Math.floor(random() * 0x10000);
      const key = (a << 16) | b;
      oracle.set(key, i);
      table.set(key, i);
    }
    expect([...oracle.keys()].some((k) => k < 0)).toBe(true);
    for (const [k, v] of oracle) expect(table.get(k)).toBe(v);
    for (let i = 0; i < 5_000; i++) {
      const key = ((0x4e00 + Math.floor(random() * 0x5200)) << 16) | Math.floor(random() * 0x10000);
      expect(table.get(key)).toBe(oracle.get(key));
    }
    expect(table.get(0)).toBeUndefined();
  });
});
