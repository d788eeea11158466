import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WordFrequencies } from '../types.js';

/** The path of jieba's main dictionary as nodejieba ships it (one `word count tag` a line). */
export function jiebaDictionaryPath(): string {
  const require = createRequire(import.meta.url ?? `file://${__filename}`);
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

let loaded: WordFrequencies | undefined;

/**
 * The word counts of the dictionary nodejieba segments with, read on first use (about 0.2 s) and
 * shared by every checker in the thread.
 */
export function jiebaWordFrequencies(): WordFrequencies {
  if (loaded) return loaded;
  const counts = new Map<string, number>();
  let total = 0;
  const text = readFileSync(jiebaDictionaryPath(), 'utf8');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      const second = text.indexOf(' ', space + 1);
      const count = Number(text.slice(space + 1, second > space && second < end ? second : end));
      if (Number.isFinite(count) && count > 0) {
        const word = text.slice(at, space);
        counts.set(word, (counts.get(word) ?? 0) + count);
        total += count;
      }
    }
    at = end + 1;
  }
  loaded = { frequency: (word) => counts.get(word) ?? 0, total };
  return loaded;
}
