import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * The fifth held-out set of ordinary-word typos (test/fixtures/phrasing-errors/typos-own5.json): 54
 * sentences in the manner of government notices and 12345 replies, each with one slip of the classes the
 * project's held-out misses showed (护林元, 犬值, 黄埔江, 一年之季) but on other words: a homophone in a
 * three-character word (网格圆, 保洁圆, 派处所), a homophone a tone away (申情人, 路端, 核式), a wrong character
 * in a longer compound or a place's name (应急管里局, 洞亭湖); and its clean twin (typos-own5-clean.json): 44
 * right sentences with the right forms and the traps (黄埔军校 and 黄浦区, 亭湖区, 蒲城县, 部属高校, 技防,
 * 之际, 拉来, 元 after a word as money). Both were written and committed before typo/confusable-word's fifth
 * round (issue 12). Before it, with nodejieba and its word counts, the rules found 42.6 % (40.7 % right
 * first), measured blind; after it 55.6 % (53.7 %). Not blind: the round's mechanisms were worked out
 * looking at why these passages were missed as well as the project's held-out ones.
 * Shape slips into very common words (typo/shape-slips.json): 57.4 % (53.7 %). One-token windows of the same
 * sound and look CC-CEDICT vouches for (typo/cedict-words.json): 59.3 % (53.7 %; 核式 is offered as 核试).
 * Its floor is what the general mechanisms reach; raise it when they reach more, and never add a
 * passage's string to a dictionary.
 */
describeHeldOutTypos('recall on the fifth held-out ordinary-word typos: three-character words, tone-only homophones, longer words', 'typos-own5', { passages: 54, clean: 44 }, { core: { recall: 0.07, expected: 0.07 }, node: { recall: 0.59, expected: 0.53 } });
