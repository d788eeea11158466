import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const c = (code: string, actual: string, expected: string[], entryId?: string) => ({ code, findings: [at(code, actual, { expected, ...(entryId ? { entryId } : {}) })] });

ruleTester.run('phrasing/canonical-term', {
  valid: [
    '深入开展党史学习教育，增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。',
    '以习近平新时代中国特色社会主义思想为指导，推进中国式现代化，发展全过程人民民主。',
    '全党学习教育要抓实抓细。',
    '推进中国现代化建设事业，没有中华民族的伟大复兴。',
    '人类是命运共同体，唯有团结合作才能应对挑战。',
    '筑牢安全底线，铸牢中华民族共同体意识。',
    '“四个意识”即政治意识、大局意识、核心意识、看齐意识。',
    '新发展理念：创新、协调、绿色、开放、共享，推动高质量发展。',
    '全面建设小康社会是党的十六大提出的目标。',
    '党的二十届三中全会和十四五规划，十九届四中全会。',
    '派员参加同级党委（党组）学习教育工作专班。',
    '我们要始终不忘初心，牢记使命，继续前进。',
    '“两个百年”奋斗目标历史交汇。',
    '具有中国特色的社会主义道路。',
    '社会主义核心价值观：富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。',
    '新时代思想道德建设取得丰硕成果。',
    '贯彻新发展理念，始终以创新、协调、绿色、开放、共享的内在统一来把握发展、衡量发展。',
    '完整准确全面贯彻创新、协调、绿色、开放、共享的新发展理念。',
    '统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。',
    '倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、诚信、友善，积极培育和践行社会主义核心价值观。',
    '保障公民的自由、平等、公正、法治权利，推进民主、文明、和谐社会建设。',
    '践行绿色、开放的新发展理念。',
    '把我国建设成为富强、民主、文明、和谐、美丽的社会主义现代化强国。',
    '以创新、协调、绿色、开放、共享为主要内容的新发展理念。',
    '统筹稳增长、调结构、惠民生、防风险，做好“六稳”“六保”工作。',
    '扎实做好“六稳”工作、全面落实“六保”任务：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。',
  ],
  invalid: [
    c('深入开展党史学习教肓活动', '党史学习教肓', ['党史学习教育'], 'party-history-education'),
    c('开展党史教学习教育', '党史教学习教育', ['党史学习教育'], 'party-history-education'),
    c('坚持以习近平新时代中国社会主义思想为指导', '习近平新时代中国社会主义思想', ['习近平新时代中国特色社会主义思想'], 'xi-thought'),
    c('深刻领悟“三个确立”的决定性意义', '三个确立', ['两个确立'], 'two-establishes'),
    c('做到“两个维户”', '两个维户', ['两个维护'], 'two-safeguards'),
    c('增强“四个意识”：政治意识、大局意识、核心意识、服从意识。', '服从意识', ['看齐意识'], 'four-consciousness'),
    c('坚定“四个自信”，即道路自信、理论自信、制度自信。', '道路自信、理论自信、制度自信', ['道路自信、理论自信、制度自信、文化自信'], 'four-confidences'),
    c('中华人民大和国成立七十五周年', '中华人民大和国', ['中华人民共和国'], 'prc-dahe'),
    c('中華人民共合國', '中華人民共合國', ['中华人民共和国'], 'prc-gonghe'),
    c('推进中国式现带化', '中国式现带化', ['中国式现代化']),
    c('发展全过程人民明主', '全过程人民明主', ['全过程人民民主']),
    c('推动构建人类命运同共体', '人类命运同共体', ['人类命运共同体']),
    c('扎实开展“不忘初心，牢记使命”主题教育', '不忘初心，牢记使命”主题教育', ['不忘初心、牢记使命”主题教育'], 'theme-education-comma'),
    c('深入开展扫黑险恶专项斗争', '扫黑险恶', ['扫黑除恶'], 'crime-crackdown-xian'),
    c('县扶贫开发领导小姐办公室', '领导小姐', ['领导小组'], 'leading-group-xiaojie'),
    c('深入开展群众路线实践教育活动', '群众路线实践教育活动', ['群众路线教育实践活动'], 'mass-line-order'),
    c('筑牢中华民族共同体意识', '筑牢中华民族共同体意识', ['铸牢中华民族共同体意识'], 'forge-ethnic-community'),
    c('中华人民 共合国', '中华人民 共合国', ['中华人民共和国']),
    c('坚持创新、协调、绿色、开放、共赢的新发展理念', '共赢', ['共享'], 'new-development-philosophy'),
    c('统筹推进经济建设、政治建设、文化建设、社会建设、生态建设“五位一体”总体布局', '生态建设', ['生态文明建设'], 'five-in-one'),
    c('富强、民主、文明、和谐、自由、平等、公平、法治、爱国、敬业、诚信、友善', '公平', ['公正'], 'core-socialist-values'),
    c('倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治，倡导爱国、敬业、城信、友善', '城信', ['诚信'], 'core-socialist-values'),
    c('富强、民主、文明、和谐、平等、自由、公正、法治、爱国、敬业、诚信、友善', '富强、民主、文明、和谐、平等、自由、公正、法治、爱国、敬业、诚信、友善', ['富强、民主、文明、和谐、自由、平等、公正、法治、爱国、敬业、诚信、友善'], 'core-socialist-values'),
    c('全力做好“六稳”工作，落实稳就业、稳金融、稳外贸、稳外资、稳投资、稳增长', '稳增长', ['稳预期'], 'six-stabilities'),
    c('稳就业、稳金融、稳外贸、稳外资、稳投资、稳增长“六稳”工作', '稳增长', ['稳预期'], 'six-stabilities'),
  ],
});

ruleTester.run('phrasing/canonical-term', {
  valid: [{ code: '学习贯彻全区“三个示范”要求', config: { dictionaries: { phrasing: [{ id: 'three-demos', patterns: ['三个示范'], expected: ['三个示范'], source: '区委文件' }] } }, name: 'user protected term, exact' }],
  invalid: [
    {
      code: '落实“三个示犯”要求，打造桂林山水',
      config: { dictionaries: { phrasing: [{ id: 'guilin', patterns: ['桂林山水'], expected: ['桂林山水'], source: '市委文件' }, { id: 'three-demos-wrong', patterns: ['三个示犯'], expected: ['三个示范'], source: '区委文件' }] } },
      findings: [at('落实“三个示犯”要求，打造桂林山水', '三个示犯', { expected: ['三个示范'], entryId: 'three-demos-wrong' })],
      name: 'user explicit wrong form',
    },
  ],
});

describe('phrasing/canonical-term severities', () => {
  it('reports a variant seen in quoted speech as info in the recommended preset, a wrong form as error', () => {
    const checker = createChecker();
    const text = '紧密团结在以习近平总书记为核心的党中央周围，深入开展党史学习教肓。';
    const found = checker.check(text).filter((f) => f.ruleId === 'phrasing/canonical-term');
    expect(found.map((f) => [f.actual, f.severity])).toEqual([
      ['以习近平总书记为核心的党中央', 'info'],
      ['党史学习教肓', 'error'],
    ]);
    expect(found[1]?.source).toContain('党史学习教育动员大会');
  });
});
