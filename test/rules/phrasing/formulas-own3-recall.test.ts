import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * The third held-out set of word-level slips in fixed formulas (test/fixtures/phrasing-errors/formulas-own3.json):
 * 33 sentences in the manner of government news, each with one fixed term of the 20th Congress report, the
 * Party Constitution, the nineteenth fourth and twentieth third plenums' decisions or a government work report
 * with one word replaced by a word of the same length (科技兴国战略, 新发展局面, 人与自然和谐共处,
 * 中华优良传统文化, 多党合作和政治协调制度); and its clean twin (formulas-own3-clean.json): 35 right sentences with
 * the canonical forms and generic phrases that share their words (开展学习活动, 国家安全, 发展思想,
 * 规模化种养, 更新发展观念). Both were written and committed before phrasing/formula checked a replaced word
 * (issue 12, item 3). Before that the rules found 3.0 % in core (3.0 % right first) and 6.1 % (3.0 %) with
 * nodejieba and its word counts; with it, 27.3 % (24.2 %) with nodejieba, measured after the precision
 * tightening (30.3 % and 27.3 % before it: the place of 基本公共服务均等化 is open, the sources write
 * 基本公共服务均衡性 and 一体化), core unchanged (the lexicon's terms take part only with the segmenter). Of the
 * 24 it misses, 15 are terms the lexicon lacks (现代化经济体系, 中国特色大国外交, 全人类共同价值, 社会主义法治国家,
 * 科教兴国战略 …); of the 9 it holds, 4 take a substitute that shares no character in place with the word and fills
 * no sibling's slot (水平/能力, 观念/意识, 人民/群众, 地区/区域), 2 are two segmenter words (全面深化改革,
 * 全面从严治党), 1 only government work reports hold (新质生产力), 1 the segmenter joins to a neighbour
 * (中华/优良传统/文化) and 1 is at the open place (基本公共服务平等化). With any common word of the word's kind
 * taken at the place of a name (the synonyms branch: 治理水平, 共同体观念, 民族地区, 新型生产力), 36.4 % (33.3 %)
 * with nodejieba, core unchanged; with a related substitute the segmenter glues to a neighbour inside the term
 * (中华|优良传统|文化, 现代化|经济体制), 42.4 % (39.4 %). Raise the floor when a general mechanism reaches more; never add a passage's
 * string to a dictionary.
 * With the terms one Party document and eight documents hold taking related replacements (phrasing/formula,
 * `TermUnits.semi`), measured once: 45.5 % (42.4 %) with nodejieba.
 */
describeHeldOutTypos('recall on the third held-out set of word-level slips in fixed formulas (a word replaced)', 'formulas-own3', { passages: 33, clean: 35 }, { core: { recall: 0.03, expected: 0.03 }, node: { recall: 0.45, expected: 0.42 } });
