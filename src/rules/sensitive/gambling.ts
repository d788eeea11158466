import list from '../../../dictionaries/sensitive/gambling.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/gambling`: the built-in list dictionaries/sensitive/gambling.json, plus users' words under the same name. */
export const gambling = defineListRule(list, {
  description: '赌博（博彩）信息：赌场站名、私彩、充值返利等推广话术（常见于暗链）',
  recommended: true,
  docs: { wrong: '澳门新葡京、真人百家乐、首存送', right: '删除并排查暗链', source: list.meta.source.split('；')[0] as string },
});
