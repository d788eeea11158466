import type { WordFrequencies } from '../types.js';
import { jiebaDictionary } from './segment.js';

/**
 * The word counts of the dictionary nodejieba segments with (the main dictionary's; a word listed
 * twice counts twice, a word only the user dictionary lists counts 0), from the segmenter's compiled
 * dictionary: loaded on first use (about 20 ms from the cache) and shared with the segmenter and by
 * every checker in the thread. A lookup walks the dictionary's trie, about a microsecond a word.
 */
export function jiebaWordFrequencies(): WordFrequencies {
  return jiebaDictionary();
}
