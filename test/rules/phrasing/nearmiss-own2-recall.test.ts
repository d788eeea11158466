import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * The second near-miss held-out set (test/fixtures/phrasing-errors/nearmiss-own2.json): 45 sentences in the
 * manner of government news, each with one character of an official term written as a look-alike of the
 * kind typists and OCR produce (营商坏境, 末成年人, 选拨任用, 气侯变化), pairs chosen without looking at any
 * look-alike table; and its clean twin (nearmiss-own2-clean.json): 35 right sentences with rare characters,
 * names and places a look-alike away from common ones (戊戌, 卫戍, 末位淘汰, 侯马, 亳州, 荥阳). Both were written
 * and committed before phrasing/term-near-miss took in the published confusion sets and the computed shape
 * table (issue 12, item 2). Before that, with nodejieba and its word counts, the rules found 66.7 % (60.0 %
 * right first; core 28.9 %); with them 73.3 % (68.9 %), measured blind, once; core unchanged (the weaker
 * tables need the segmenter and its dictionary). Of the 12 it misses, 8 are pairs no table links (量/重,
 * 固/困, 政/故, 制/刺, 主/王, 合/台, 全/金, 态/恋) and 4 slips in terms the lexicon lacks (牢记使命, 严以律己,
 * 选拔任用, 碳达峰碳中和); 耕地保扩, an edge change the weaker tables are not trusted with, is found only as
 * typo/confusable-word's hint. Raise the floor when a general
 * mechanism reaches more; never add a passage's string to a dictionary.
 */
// Shape slips into very common words (typo/common-typo with typo/shape-slips.json): 77.8 % (73.3 % right first).
// The idiom check with the published look-alike pairs as weak pairs (严以律已 for 严以律己), measured once: 80.0 % (75.6 %).
describeHeldOutTypos('recall on the second near-miss held-out set: look-alike slips in official terms', 'nearmiss-own2', { passages: 45, clean: 35 }, { core: { recall: 0.28, expected: 0.28 }, node: { recall: 0.8, expected: 0.75 } });
