import list from '../../../dictionaries/sensitive/drugs-contraband.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/drugs-contraband`: the built-in list dictionaries/sensitive/drugs-contraband.json, plus users' words under the same name. */
export const drugsContraband = defineListRule(list, {
  description: '毒品、枪支、假币等违禁品交易信息',
  recommended: true,
  docs: { wrong: '出售冰毒、气枪出售', right: '删除并报告公安机关', source: list.meta.source.split('；')[0] as string },
});
