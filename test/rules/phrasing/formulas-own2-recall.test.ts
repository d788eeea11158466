import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * The second held-out set of word-level slips in fixed formulas (test/fixtures/phrasing-errors/formulas-own2.json):
 * 52 sentences in the manner of government news, each with one fixed formula of the 20th and 19th Congress
 * reports, the Party Constitution, the third plenum's decision or a government work report written with two
 * words swapped, a word dropped, added or replaced, or members out of order (全面建设现代化社会主义国家,
 * 中华传统优秀文化, 铸牢中华民族意识, 统筹安全和发展); and its clean twin (formulas-own2-clean.json): 40 right
 * sentences with the canonical forms and the phrases a swap or drop gives that are right as written (生态建设,
 * 加强党史教育, 从严治党, 农业现代化和农村现代化, 民族复兴伟业). Both were written and committed before
 * phrasing/formula made word-level edits of the lexicon's terms (issue 12, item 3). Before that the rules
 * found 11.5 % (9.6 % right first) in both modes; with them, with nodejieba and its word counts, 61.5 %
 * (61.5 %), measured blind, once; core unchanged (the lexicon's terms take part only with the segmenter,
 * which splits them into units, and its word counts). 63.5 % (63.5 %) once a negation 不 moves with the word
 * after it (发展不充分不平衡), a step taken after reading the misses. Of the 19 it then missed, 14 are formulas the
 * lexicon lacks (创新驱动发展战略, 碳达峰碳中和, 共商共建共享, 统筹发展和安全 …), 4 a word replaced
 * (新发展思想, 人类命运联合体, 整体国家安全观, 党的建设新的伟大事业) and 1 a swap of two words that are not
 * neighbours (多党协商和政治合作制度). 69.2 % (69.2 %) since phrasing/formula checks a word of a lexicon term
 * replaced by one of the same length (replaced branch; formulas-own3 measures it): 新发展思想, 人类命运联合体
 * and 整体国家安全观 are found, as advice; 党的建设新的伟大事业 is not (工程/事业 share no character in place). Raise the floor when a general mechanism reaches more; never add a
 * passage's string to a dictionary.
 */
describeHeldOutTypos('recall on the second held-out set of word-level slips in fixed formulas', 'formulas-own2', { passages: 52, clean: 40 }, { core: { recall: 0.11, expected: 0.09 }, node: { recall: 0.71, expected: 0.69 } });
