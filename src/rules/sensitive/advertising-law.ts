import list from '../../../dictionaries/sensitive/advertising-law.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/advertising-law`: the built-in list dictionaries/sensitive/advertising-law.json, plus users' words under the same name. */
export const advertisingLaw = defineListRule(list, {
  description: '广告法第九条禁止的绝对化用语（最佳、第一、国家级、极品等，短词只在广告语境中报告）',
  recommended: false,
  docs: { wrong: '全国销量第一、最佳品牌', right: '全国销量领先、优质品牌', source: list.meta.source.split('；')[0] as string },
});
