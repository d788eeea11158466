import { describe, expect, it } from 'vitest';
import { CodeMap, PairMap } from '../../src/text/pair-map.js';

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
    expect(table.size).toBe(oracle.size);
    table.clear();
    expect(table.size).toBe(0);
    for (const k of [...oracle.keys()].slice(0, 100)) expect(table.get(k)).toBeUndefined();
    table.set(-5, 1);
    expect(table.get(-5)).toBe(1);
  });
});

describe('CodeMap (words of two or three code units)', () => {
  it('agrees with a Map of strings, two- and three-unit words apart, across growth', () => {
    let seed = 777;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const unit = () => 0x4e00 + Math.floor(random() * 0x5200);
    const oracle = new Map<string, number>();
    const table = new CodeMap<number>();
    for (let i = 0; i < 20_000; i++) {
      const word = random() < 0.5 ? String.fromCharCode(unit(), unit()) : String.fromCharCode(unit(), unit(), unit());
      oracle.set(word, i);
      table.set(word, i);
    }
    for (const [w, v] of oracle) {
      expect(table.get(w.charCodeAt(0), w.charCodeAt(1), w.length > 2 ? w.charCodeAt(2) : -1)).toBe(v);
    }
    // A two-unit word is not the three-unit word that starts with it, nor the other way round.
    const two = new CodeMap<number>().set('发展', 1);
    expect(two.has(0x53d1, 0x5c55)).toBe(true);
    expect(two.has(0x53d1, 0x5c55, 0x89c2)).toBe(false);
    const three = new CodeMap<number>().set('发展观', 2);
    expect(three.has(0x53d1, 0x5c55)).toBe(false);
    expect(three.get(0x53d1, 0x5c55, 0x89c2)).toBe(2);
  });
});
