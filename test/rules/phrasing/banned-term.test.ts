import { ruleTester } from '../../helpers/rule-tester.js';
import { at } from './helpers.js';

const c = (code: string, actual: string, expected: string[], entryId?: string) => ({ code, findings: [at(code, actual, { expected, ...(entryId ? { entryId } : {}) })] });

ruleTester.run('phrasing/banned-term', {
  valid: [
    '台湾地区领导人选举结果揭晓。',
    '朝鲜半岛局势，朝鲜民主主义人民共和国。',
    '在中华民族走向伟大复兴的进程中台湾同胞不能缺席。',
    '广州至香港中港城码头航线开通。',
    '美国、日本、中国台湾等国家和地区的客商参展。',
    '新加坡、菲律宾、香港、墨西哥等国家和地区考察。',
    '在农村长大，建立农村长效管护机制。',
    '所谓“海峡中线”根本不存在。',
    '世界贸易组织成员，上海合作组织成员国。',
    '我省省委书记在会上讲话。',
    '共建“一带一路”倡议十周年。',
    '华县和平解放后政权的建立和行政区划。',
    '华县人民政府成立。县城解放后一周内接管了国民党华县县级单位。',
  ],
  invalid: [
    c('北朝鲜宣布发射卫星', '北朝鲜', ['朝鲜'], 'north-korea'),
    c('解放后，人民当家作主。', '解放后', ['新中国成立后'], 'after-liberation'),
    c('台湾总统出席活动', '台湾总统', ['台湾地区领导人', '台湾当局领导人'], 'taiwan-president'),
    c('台湾总统选举结果揭晓', '台湾总统选举', ['台湾地区领导人选举'], 'taiwan-presidential-election'),
    c('台湾政府宣布新措施', '台湾政府', ['台湾当局', '台湾方面'], 'taiwan-government'),
    c('加强两岸三地交流', '两岸三地', ['海峡两岸和香港']),
    c('中港两地合作', '中港两地', ['内地与香港']),
    c('世贸组织成员国', '世贸组织成员国', ['世界贸易组织成员', '世界贸易组织成员方']),
    c('WTO成员国', 'WTO成员国', ['世界贸易组织成员', '世界贸易组织成员方']),
    c('推进“一带一路”战略', '一带一路”战略', ['一带一路”倡议'], 'belt-road-strategy'),
    c('越过海峡中线', '海峡中线', ['“海峡中线”'], 'strait-median-line'),
    c('中共湖南省省委书记', '省省委书记', ['省委书记']),
    c('村长张某介绍', '村长', ['村委会主任']),
    c('前苏联解体', '前苏联', ['苏联']),
    c('美国、日本、台湾等国家的客商', '等国家', ['等国家和地区'], 'hk-mo-tw-as-countries'),
    c('香港、新加坡等12个国家参加', '等12个国家', ['等12个国家和地区'], 'hk-mo-tw-as-countries'),
  ],
});

ruleTester.run('phrasing/banned-term', {
  valid: [
    { code: '中国与泰国签署引渡条约，加强执法合作。', name: 'extradition between states is the right word' },
    { code: '业务中台和数据中台建设稳步推进。', name: '中台 in software, with no cross-strait word near it' },
    { code: '中台村村委会组织村民开展环境整治。', name: 'a place named 中台' },
    { code: '台湾“立法院”当天开会。', name: 'a Taiwan institution in quotes' },
    { code: '全国31个省（自治区、直辖市）都已出台方案。', name: 'the provinces written out in brackets' },
    { code: '2003年，缅甸首都仰光举行国际会议。', name: 'a capital before the move, in a dated passage' },
    { code: '秋收起义时，部队高举镰刀斧头的红旗。', name: 'the sickle-and-axe flag of 1927 in a history of the uprising' },
    { code: '十四届全国人大一次会议选举产生国家主席。', name: '届 of a congress' },
    { code: '第十届总统选举投票结束。', name: '届 of an election' },
    { code: '香港实行行政主导，不搞三权分立。', name: 'the separation of powers denied' },
    { code: '该广告宣称药到病除，构成虚假宣传。', name: 'a regulator quoting an illegal claim' },
  ],
  invalid: [
    c('警方将犯罪嫌疑人从香港引渡回内地受审。', '引渡', ['移交'], 'hk-macao-extradition'),
    c('将台湾通缉犯引渡回大陆受审。', '引渡', ['遣返'], 'taiwan-legal-terms'),
    c('双方推动中台交流合作。', '中台交流', ['两岸交流'], 'china-taiwan-compound'),
    c('台湾立法院当天开会。', '立法院', ['“立法院”'], 'taiwan-institutions-unquoted'),
    c('全国31个省都已出台方案。', '31个省', ['31个省区市'], 'thirty-one-provinces'),
    c('代表团抵达缅甸首都仰光。', '缅甸首都仰光', ['缅甸首都内比都'], 'capital-myanmar'),
    c('党旗上的镰刀斧头图案。', '镰刀斧头', ['镰刀锤头'], 'sickle-axe'),
    c('美国第45届总统特朗普当天发表讲话。', '第45届', ['第45任'], 'president-term-ordinal'),
    c('日本第一百届首相就职。', '第一百届', ['第一百任'], 'president-term-ordinal'),
    c('香港实行三权分立。', '三权分立', ['行政主导'], 'hk-separation-of-powers'),
  ],
});
