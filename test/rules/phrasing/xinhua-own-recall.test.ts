import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * A held-out set of two classes of Xinhua's banned usages (test/fixtures/phrasing-errors/xinhua-own.json): 30
 * sentences in the manner of government sites reprinting cross-Strait and Hong Kong/Macao news, each with an organ or
 * office of the Taiwan authorities named as a state's, unquoted (台湾外交部, 台湾陆委会主委, 台湾的总统选举), or with
 * Hong Kong, Macao or Taiwan put beside China as its equal (中国和香港, 香港与中国, 中国与台湾); and its clean twin
 * (xinhua-own-clean.json): 30 right sentences (台湾“外交部”, 我国外交部, 外交部发言人就台湾问题答记者问, 中国香港, 内地与
 * 香港, 台湾和中国大陆, 中国和葡语国家). Both were written and committed before phrasing/banned-term took these two
 * classes whole, without running the checker on them. Before: 0 % found in both modes. With four entries of
 * dictionaries/phrasing/banned-terms.json that take each class whole (the organs the Taiwan authorities' organisation law
 * sets up and their ministers, and 总统, when written right after 台湾, 台北, 岛内 or 台当局 and unquoted; 中国 joined to
 * 香港, 澳门 or 台湾 by any conjunction, either way round, unless 中国大陆 or 中国内地 is written, or the sentence speaks of
 * 并列 itself), measured once: 100 % found and right first in both modes, the clean twin silent.
 */
describeHeldOutTypos('recall on the held-out set of Taiwan organs unquoted and Hong Kong, Macao or Taiwan put beside China', 'xinhua-own', { passages: 30, clean: 30 }, { core: { recall: 1, expected: 1 }, node: { recall: 1, expected: 1 } });
