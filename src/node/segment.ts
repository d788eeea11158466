import { createRequire } from 'node:module';
import type { Segmenter } from '../core/rule.js';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
}

let jieba: Jieba | undefined;

/**
 * nodejieba's word segmentation, loaded on first use (its dictionaries take ~0.5 s to load) and shared
 * by every checker in the process. The addon is native, so it lives here and not in the core.
 */
export const jiebaSegmenter: Segmenter = (text) => {
  jieba ??= createRequire(import.meta.url)('nodejieba') as Jieba;
  return jieba.cut(text, true);
};
