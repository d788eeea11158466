import countsRaw from '../../../../dictionaries/typo/source-counts.json';
import type { WordFrequencies } from '../../../types.js';

export const sourceCountTable = countsRaw as unknown as { meta: { source: string }; entries: { counts: string } };

/** Built once per process from the static table (typo/source-counts.json), never from a checker's config. */
let counts: Map<string, number> | undefined;

/** How often the authoritative documents write a two-character word (typo/source-counts.json; 0 below twice). */
export function sourceCount(word: string): number {
  if (!counts) {
    counts = new Map();
    const parts = sourceCountTable.entries.counts.split(' ');
    for (let i = 0; i + 1 < parts.length; i += 2) counts.set(parts[i] as string, Number(parts[i + 1]));
  }
  return counts.get(word) ?? 0;
}

/**
 * The evidence for reading a slip as `word` (its character at `position` changed), for the kernel to weigh two
 * rules' readings of one stretch (`Report.weight`): how often the authoritative documents write the corrected
 * two-character word around the changed character (typo/source-counts.json: 资金 231, 齐全 3), and its jieba
 * count. Of the two two-character windows holding the changed character, the jieba word with the larger
 * counts speaks (医疗保险 is weighed as 保险); a word with neither window a jieba word weighs as its own
 * jieba count and no documents. A reading outweighs another only when both counts are larger: the two
 * corpora, official documents and general written Chinese, must agree (主仁: 主体 in the documents, 主任 in
 * jieba, so neither reading displaces the other).
 */
export function readingWeight(word: string, position: number, words: WordFrequencies): [number, number] {
  let best: [number, number] | undefined;
  for (const at of [position - 1, position]) {
    if (at < 0 || at + 2 > word.length) continue;
    const w = word.slice(at, at + 2);
    const jieba = words.frequency(w);
    if (jieba <= 0) continue;
    const documents = sourceCount(w);
    if (!best || documents > best[0] || (documents === best[0] && jieba > best[1])) best = [documents, jieba];
  }
  return best ?? [0, words.frequency(word)];
}
