import { describeHeldOutTypos } from '../../helpers/held-out-typos.js';

/**
 * A second held-out set of local bodies named as before the reforms (test/fixtures/phrasing-errors/local-institutions-own.json):
 * 12 county and city news items of 2025 naming bodies the 2018–2019 local reform or the 2018 reform of the fire services
 * retired (县农业局, 县物价局, 县政府法制办, 县文化局, 县旅游局, 县文广新局, 县公安消防大队), with the name of the body that took
 * over; and its clean twin (local-institutions-own-clean.json): 12 right sentences (the new names, a history stating its
 * year, 原县物价局局长, 美国农场局, 澳门特别行政区政府旅游局, 泰国国家旅游局, the reform plan's own wording). Both were written
 * and committed before phrasing/institution-name listed these bodies, without running the checker on them. Before: 0 % found in both modes.
 */
describeHeldOutTypos('recall on the second held-out set of local bodies named as before the reforms', 'local-institutions-own', { passages: 12, clean: 12 }, { core: { recall: 0, expected: 0 }, node: { recall: 0, expected: 0 } });
