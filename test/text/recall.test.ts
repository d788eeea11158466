import { describe, expect, it } from 'vitest';
import { TextRecall } from '../../src/text/recall.js';

/** A computation that counts its calls per text. */
function counter() {
  const calls = new Map<string, number>();
  return {
    calls,
    of: (text: string) => () => {
      calls.set(text, (calls.get(text) ?? 0) + 1);
      return { text };
    },
  };
}

describe('TextRecall: what a checker keeps of texts that come back', () => {
  const KEY = {};

  it('keeps a text only when it comes back in a later check, then reads it back', () => {
    const r = new TextRecall();
    const c = counter();
    r.nextCheck();
    r.get(KEY, '网站首页导航', c.of('网站首页导航'));
    r.get(KEY, '网站首页导航', c.of('网站首页导航'));
    // Twice in one check: seen, not kept (the check's own store speaks for repeats within it).
    expect(r.size.texts).toBe(0);
    r.nextCheck();
    const kept = r.get(KEY, '网站首页导航', c.of('网站首页导航'));
    expect(r.size).toEqual({ texts: 1, chars: 6 });
    r.nextCheck();
    expect(r.get(KEY, '网站首页导航', c.of('网站首页导航'))).toBe(kept);
    expect(c.calls.get('网站首页导航')).toBe(3);
    // Another computation of the same text is its own value.
    const other = {};
    expect(r.get(other, '网站首页导航', () => 'other')).toBe('other');
    expect(r.get(other, '网站首页导航', () => 'again')).toBe('other');
  });

  it('computes short and very long texts every time', () => {
    const r = new TextRecall(1000, 100, 4, 50);
    const c = counter();
    const long = '政'.repeat(51);
    for (let k = 0; k < 3; k++) {
      r.nextCheck();
      r.get(KEY, '首页', c.of('首页'));
      r.get(KEY, long, c.of(long));
    }
    expect(c.calls.get('首页')).toBe(3);
    expect(c.calls.get(long)).toBe(3);
    expect(r.size.texts).toBe(0);
  });

  it('drops the least recently read texts past its characters, and forgets the oldest seen ones', () => {
    const r = new TextRecall(10, 2);
    const c = counter();
    const texts = ['一二三四五', '甲乙丙丁戊', '子丑寅卯辰'];
    for (let k = 0; k < 2; k++) {
      r.nextCheck();
      for (const t of texts.slice(0, 2)) r.get(KEY, t, c.of(t));
    }
    expect(r.size).toEqual({ texts: 2, chars: 10 });
    // 一二三四五 is read again, so 甲乙丙丁戊 is the least recent when a third text is kept.
    r.nextCheck();
    r.get(KEY, texts[0]!, c.of(texts[0]!));
    r.get(KEY, texts[2]!, c.of(texts[2]!));
    r.nextCheck();
    r.get(KEY, texts[2]!, c.of(texts[2]!));
    expect(r.size).toEqual({ texts: 2, chars: 10 });
    r.nextCheck();
    for (const t of texts) r.get(KEY, t, c.of(t));
    // 一二三四五 and 子丑寅卯辰 were read back; 甲乙丙丁戊 was dropped and computed again.
    expect(c.calls.get(texts[0]!)).toBe(2);
    expect(c.calls.get(texts[2]!)).toBe(2);
    expect(c.calls.get(texts[1]!)).toBe(3);
    // Seen once each in one check: only the last two are remembered as seen (maxSeen 2), so 一二三四五 coming
    // back is new again while the other two are kept.
    const s = new TextRecall(1000, 2);
    s.nextCheck();
    for (const t of texts) s.get(KEY, t, () => t);
    s.nextCheck();
    for (const t of [texts[1]!, texts[2]!, texts[0]!]) s.get(KEY, t, () => t);
    expect(s.size).toEqual({ texts: 2, chars: 10 });
  });
});
