import list from '../../../dictionaries/sensitive/pornography.json';
import { defineListRule } from './helpers/list-rule.js';

/** `sensitive/pornography`: the built-in list dictionaries/sensitive/pornography.json, plus users' words under the same name. */
export const pornography = defineListRule(list, {
  description: '淫秽色情信息：色情站名、约炮裸聊等引流话术',
  recommended: true,
  docs: { wrong: '亚洲品质自拍、同城约炮', right: '删除并排查暗链', source: list.meta.source.split('；')[0] as string },
});
