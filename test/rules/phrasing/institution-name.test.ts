import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { jiebaWordFrequencies } from '../../../src/node/words.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

ruleTester.run('phrasing/institution-name', {
  valid: [
    '最高人民检察院、最高人民法院、全国人民代表大会常务委员会、中国人民政治协商会议',
    { code: '国家卫生计生委印发通知', date: '2016-05-01' },
    { code: '2017年，国家卫生计生委印发通知', date: '2024-05-01' },
    { code: '原中国银监会副主席蔡鄂生', date: '2022-01-15' },
    { code: '新西兰贸易和农业部长会见，俄罗斯文化部长出席', date: '2024-05-01' },
    '全国人民代表大厦',
    { code: '依据《暂行办法》（中华人民共和国文化部令第45号）', date: '2018-05-08', name: 'a regulation keeps its issuer\'s name' },
    { code: '转发《国家卫生计生委关于做好免疫规划工作的通知》', date: '2019-05-08', name: 'a document title in 《》 keeps its issuer\'s name' },
    { code: '国家卫生计生委〔2015〕12号文件', date: '2019-05-08', name: 'a document number' },
    { code: '将文件中的“中国银行业监督管理委员会”修改为“国家金融监督管理总局”', date: '2024-01-18' },
    { code: '县工商局联合县公安局开展打击传销专项行动', date: '2018-11-01', name: 'a local body before the local reform was done' },
    { code: '2017年，县环保局共立案查处环境违法案件42件', date: '2025-03-01', name: 'a local body in a history that states its year' },
    { code: '原县环保局局长张某被开除党籍', date: '2025-03-01', name: '原 before a place and a local body' },
    { code: '原江宁区国土局副局长李某接受审查', date: '2025-03-01', name: '原 before a longer place name' },
    { code: '美国环保局发布新的汽车排放标准，美国国税局延长报税期限', date: '2025-03-01', name: 'foreign bodies of the same name' },
    { code: '美国农业部发布报告，法国文化部宣布修缮计划，上海合作组织成员国农业部长会议举行', date: '2025-03-01', name: 'a bare ministry name after another state' },
    { code: '根据方案，组建文化和旅游部，不再保留文化部、国家旅游局', date: '2025-03-01', name: 'a sentence stating the reform itself' },
    { code: '台湾农业部宣布新措施', date: '2025-03-01', name: 'the Taiwan authorities\' organ (phrasing/banned-term asks for quotes)' },
    { code: '各级农业部门要加强指导，文化部门、环保部门、纪检监察部门密切配合，农业部署有序推进，开创农业局面', date: '2025-03-01', name: 'the common words that hold a bare name (部门, 部署, 局面)' },
    { code: '国家税务总局南京市税务局推出便民服务措施', date: '2025-03-01', name: 'the successor of the local tax bureaus' },
  ],
  invalid: [
    { code: '最高人民检查院工作报告', findings: [at('最高人民检查院工作报告', '最高人民检查院', { expected: ['最高人民检察院'], entryId: 'supreme-procuratorate' })] },
    { code: '中国人民政治协商会义', findings: [at('中国人民政治协商会义', '中国人民政治协商会义', { expected: ['中国人民政治协商会议'] })] },
    { code: '中央纪律检察委员会', findings: [at('中央纪律检察委员会', '中央纪律检察委员会', { expected: ['中央纪律检查委员会'] })] },
    { code: '国家卫生计生委印发通知', date: '2024-05-01', findings: [at('国家卫生计生委印发通知', '国家卫生计生委', { expected: ['国家卫生健康委员会', '国家卫生健康委'], entryId: 'nhfpc' })] },
    { code: '中国银保监会发布', date: '2024-05-01', findings: [at('中国银保监会发布', '中国银保监会', { expected: ['国家金融监督管理总局'], entryId: 'cbirc' })] },
    { code: '农业部印发通知', date: '2025-03-01', findings: [at('农业部印发通知', '农业部', { expected: ['农业农村部'], entryId: 'moa-bare' })] },
    { code: '国家旅游局发布数据', date: '2025-03-01', findings: [at('国家旅游局发布数据', '国家旅游局', { expected: ['文化和旅游部'], entryId: 'cnta' })] },
    {
      code: '中国银监会印发通知',
      date: '2025-03-01',
      name: 'a name retired twice: the body current at the day first',
      findings: [at('中国银监会印发通知', '中国银监会', { expected: ['国家金融监督管理总局', '中国银行保险监督管理委员会'], entryId: 'cbrc' })],
    },
    { code: '2020年，中国银监会印发通知', date: '2025-03-01', name: 'at a stated year, the body of that year first', findings: [at('2020年，中国银监会印发通知', '中国银监会', { expected: ['中国银行保险监督管理委员会', '国家金融监督管理总局'], entryId: 'cbrc' })] },
    { code: '县工商局联合县公安局开展打击传销专项行动', date: '2025-03-01', findings: [at('县工商局联合县公安局开展打击传销专项行动', '工商局', { expected: ['市场监督管理局'], entryId: 'local-saic' })] },
    { code: '市卫计委发布夏季传染病防控提示', date: '2025-03-01', findings: [at('市卫计委发布夏季传染病防控提示', '卫计委', { expected: ['卫健委'], entryId: 'local-nhfpc-committee-abbr' })] },
    { code: '检查时发现县环保局未按期公开信息', date: '2025-03-01', findings: [at('检查时发现县环保局未按期公开信息', '环保局', { expected: ['生态环境局'], entryId: 'local-mep' })] },
    { code: '请到市地税局办税服务厅办理', date: '2019-01-01', findings: [at('请到市地税局办税服务厅办理', '地税局', { expected: ['税务局'], entryId: 'local-tax' })] },
    { code: '中国银监会发布', date: '2020-05-01', findings: [at('中国银监会发布', '中国银监会', { expected: ['中国银行保险监督管理委员会', '国家金融监督管理总局'], entryId: 'cbrc' })] },
  ],
});

describe('phrasing/institution-name with the word counts: a name the text carries on into a common word', () => {
  const node = createChecker({ preset: 'none', rules: { 'phrasing/institution-name': 'error' } }, { segmenter: jiebaSegmenter, words: jiebaWordFrequencies() });
  const found = (text: string, date: string) => node.check(text, { date }).map((f) => f.actual);
  it('names no body (国土资源部门, in a 2020 city bureau notice)', () => {
    expect(found('三级、二级、一级分别对应国土资源部门的地质灾害黄色、橙色和红色预警。', '2020-06-01')).toEqual([]);
  });
  it('still does where the characters after the name make a word of their own (国务院法制办|公布, 国家粮食局|部署)', () => {
    expect(found('国务院法制办公布条例草案，国家粮食局部署夏粮收购。', '2020-06-01')).toEqual(['国务院法制办', '国家粮食局']);
  });
});
