import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * The third held-out set of ordinary-word typos (test/fixtures/phrasing-errors/typos-own3.json): 62
 * sentences in the manner of government notices, each with one slip none of our lists names — a non-word
 * typed through a homophone or a look-alike (户藉, 疫描, 祭埽), a rare dictionary word written for the common
 * one (座落, 家俱, 复盖), or a well-known confusable pair used wrongly (招聘启示, 终生追责, 山洪爆发) — and its
 * clean twin (typos-own3-clean.json): 48 right sentences holding both members of those pairs in their own
 * contexts and the right forms of the slips. Both were written and committed before typo/confusable-word's
 * third round (issue 12). Before it, with nodejieba and its word counts, the rules found 38.7 % (38.7 %
 * right first); the sound-and-shape prior raised it to 43.5 %, rare dictionary words for same-sound
 * frequent ones to 46.8 %, the confusable pairs judged by their collocations to 59.7 % (all right first).
 * The first two were blind to this set; the pairs' collocations were written by the set's author after
 * it, so their share (eight passages) is not a blind measure. The fourth round's look-alikes computed from
 * character structure and stroke order (dictionaries/typo/shape-similar.json), blind to this set, found
 * 水厍→水库: 61.3 %, all right first. The fifth round's longer words at jieba's floor count and productive
 * suffixes (健身器才, 敬老圆) 64.5 %, all right first. The eighth round's CC-CEDICT variants (家俱, a variant of
 * 家具 there, no longer hidden as an item of a list of common nouns; that guard was narrowed after this
 * passage was seen missed) 66.1 %, all right first.
 * Shape slips into very common words (typo/shape-slips.json): 66.1 % (66.1 %) on their own; with the
 * eighth round as well, 67.7 % (67.7 %). One-token windows of the same sound and look CC-CEDICT vouches for
 * (typo/cedict-words.json): 69.4 % (69.4 %); with jieba's words at its floor count CC-CEDICT lacks (堪察), 71.0 % (71.0 %).
 * Its floor is what the general mechanisms reach; raise it when they reach more, and never add a
 * passage's string to a dictionary.
 */
describeHeldOutTypos('recall on the third held-out ordinary-word typos', 'typos-own3', { passages: 60, clean: 40 }, { core: { recall: 0.04, expected: 0.04 }, node: { recall: 0.7, expected: 0.7 } });
