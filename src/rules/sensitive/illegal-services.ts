import list from '../../../dictionaries/sensitive/illegal-services.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/illegal-services`: the built-in list dictionaries/sensitive/illegal-services.json, plus users' words under the same name. */
export const illegalServices = defineListRule(list, {
  description: '违法服务广告：代孕中介、面向黑户的贷款、招募刷手等招揽话术',
  recommended: true,
  docs: { wrong: '试管代孕包成功、黑户贷款、诚招刷手', right: '删除（打击代孕、反诈宣传中的说法不报）', source: list.meta.source.split('；')[0] as string },
});
