import list from '../../../dictionaries/sensitive/fraud-invoice.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/fraud-invoice`: the built-in list dictionaries/sensitive/fraud-invoice.json, plus users' words under the same name. */
export const fraudInvoice = defineListRule(list, {
  description: '代开发票、出售发票、办假证广告（放行税务机关代开等政务用法）',
  recommended: true,
  docs: { wrong: '代开发票，联系电话', right: '删除（“税务机关代开发票”不报）', source: list.meta.source.split('；')[0] as string },
});
