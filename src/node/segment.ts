import nodejieba from 'nodejieba';
import type { Segmenter } from '../core/rule.js';

/**
 * nodejieba's word segmentation. Importing the addon is cheap; its dictionaries load on the first cut
 * (several seconds), so only checkers whose rules segment pay for it. Shared by every checker in the
 * process. The addon is native, so it lives here and not in the core.
 */
export const jiebaSegmenter: Segmenter = (text) => nodejieba.cut(text, true);
