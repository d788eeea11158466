import { describe, expect, it } from 'vitest';
import cedictWordsRaw from '../../../dictionaries/typo/cedict-words.json';

/**
 * The table typo/common-typo's non-word check reads for one-token windows below its bare-window gain
 * (dictionaries/typo/cedict-words.json, built by scripts/build-cedict-words.ts; see helpers/suspect-words.ts).
 */
const table = cedictWordsRaw as unknown as {
  meta: { source: string; license: string; built: string };
  entries: { uncommon: Record<string, string>; written: Record<string, string>; alike: Record<string, string>; floor: Record<string, string> };
};
const split = (s: string, n: number) => Array.from({ length: s.length / n }, (_, i) => s.slice(i * n, i * n + n));

describe('the CC-CEDICT word table (dictionaries/typo/cedict-words.json)', () => {
  it('names its sources, its licence (a derived word list of CC-CEDICT, CC BY-SA 4.0) and its build', () => {
    expect(table.meta.source).toContain('CC-CEDICT');
    expect(table.meta.source).toContain('pinyin-pro');
    expect(table.meta.license).toContain('CC BY-SA 4.0');
    expect(table.meta.built).toBe('npx tsx scripts/build-cedict-words.ts');
  });

  it('holds words by length, written one after another', () => {
    for (const part of [table.entries.uncommon, table.entries.written]) {
      for (const n of ['2', '3']) expect((part[n] ?? '').length % Number(n)).toBe(0);
    }
    expect(split(table.entries.uncommon['2'] ?? '', 2)).toContain('县里');
    expect(split(table.entries.uncommon['2'] ?? '', 2)).not.toContain('搁置');
  });

  it("lists words at jieba's floor count one pair of the same sound and look from a common word, not two words of their own", () => {
    const floor = split(table.entries.floor['2'] ?? '', 2);
    expect(floor).toContain('威协');
    expect(floor).toContain('膨涨');
    expect(floor).not.toContain('哪天');
    expect(floor).not.toContain('北房');
  });

  it('keeps only the pairs of the same sound and look: not a sound alone (妥/拓) or a look alone (见/责, 交/效)', () => {
    expect(table.entries.alike['搁']).toContain('阁');
    expect(table.entries.alike['健']).toContain('建');
    expect(table.entries.alike['躁']).toContain('燥');
    expect(table.entries.alike['妥'] ?? '').not.toContain('拓');
    expect(table.entries.alike['见'] ?? '').not.toContain('责');
    expect(table.entries.alike['交'] ?? '').not.toContain('效');
  });
});
