import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester.run('privacy/cn-landline', {
  valid: [
    { code: '联系电话：0571-87654321', name: 'an office contact number' },
    { code: '咨询电话：010-65123456', name: 'an enquiry number' },
    { code: '传真：(020)83123456', name: 'a fax number' },
    { code: '监督举报电话 0755-82123456 转 8001', name: 'a reporting number with extension' },
    { code: '服务热线12345，市场监管投诉12315，报警110', name: 'hotlines' },
    { code: '请拨打0571-12345政务服务便民热线', name: 'area code plus hotline' },
    { code: '客服电话400-810-8888', name: 'a 400 number' },
    { code: '市民可拨打12345或0571-87654321反映', name: 'a landline beside a listed hotline' },
    { code: '地址：杭州市某路1号 电话0571-87054321', name: 'a page footer: just 电话' },
    { code: '邮编310006', name: 'a postcode' },
    { code: '国办发〔2017〕47号', name: 'a document number' },
    { code: '日期2023-01-23', name: 'a date' },
    { code: '号码0261-2345678', name: 'an unallocated area code' },
    { code: '号码0571-1234567', name: 'a subscriber number starting with 1' },
    { code: '编号：0571-87654321', name: 'labelled as a serial' },
    { code: 'https://example.gov.cn/0571-87654321', name: 'inside a URL' },
    { code: '举报人可拨打举报电话0571-87654321', name: 'a role word followed by the office line it is told to call' },
    { code: '申请人：杭州某某有限公司，联系电话：0571-87054321', name: 'an applicant that is a company' },
    { code: '0'.repeat(1_000_000), name: 'a megabyte of zeros' },
    { code: '0571-'.repeat(200_000), name: 'repeated area codes' },
  ],
  invalid: [
    {
      code: '反映人王五，家庭电话0571-87654321',
      name: 'a home number',
      findings: [{ range: [10, 23], actual: '0571-87654321', expected: ['0571-******21'], data: { areaCode: '0571', context: 'personal' } }],
    },
    { code: '住宅电话（010）87654321', findings: [{ range: [4, 17], actual: '（010）87654321', data: { areaCode: '010' } }] },
    { code: '王五 057187654321', name: 'no separator, four-digit area code', findings: [{ range: [3, 15], actual: '057187654321', data: { areaCode: '0571' } }] },
    { code: '王五 01087654321', name: 'no separator, three-digit area code', findings: [{ range: [3, 14], actual: '01087654321', data: { areaCode: '010' } }] },
    { code: '王五 +86-10-87654321', findings: [{ range: [3, 18], actual: '+86-10-87654321', data: { areaCode: '010' } }] },
    { code: '王五 0571-8765-4321', findings: [{ range: [3, 17], actual: '0571-8765-4321' }] },
    { code: '王五 0571 - 87654321', name: 'a spaced dash', findings: [{ range: [3, 18], actual: '0571 - 87654321' }] },
    { code: '王五 0898-6512345', name: 'seven-digit number', findings: [{ range: [3, 15], actual: '0898-6512345' }] },
    { code: '我的电话是0571-87654321，请回复', name: 'a letter writer’s own number', findings: [{ range: [5, 18], actual: '0571-87654321', data: { context: 'personal' } }] },
    { code: '住宅电话0755-82123456-8001', name: 'with an extension', findings: [{ range: [4, 22], actual: '0755-82123456-8001', expected: ['0755-******56-8001'] }] },
    { code: '家住某小区，电话0571 8765 4321', name: 'spaced groups, personal by 家住', findings: [{ range: [8, 22], actual: '0571 8765 4321', data: { context: 'personal' } }] },
    { code: '举报人王某，电话0571-87654321', name: 'a reporting citizen’s number', findings: [{ range: [8, 21], actual: '0571-87654321', data: { context: 'personal' } }] },
    { code: '反映人：李某，联系电话：0571-87654321。', name: 'a letter writer’s contact number', findings: [{ range: [12, 25], actual: '0571-87654321', data: { context: 'personal' } }] },
    { code: '来电人：刘某 来电号码：021-62345678', name: 'a hotline caller', findings: [{ range: [12, 24], actual: '021-62345678', data: { context: 'personal' } }] },
    { code: '电话：0571-87654321', options: { office: 'info' }, name: 'office numbers at info when asked', findings: [{ range: [3, 16], actual: '0571-87654321', data: { context: 'office' } }] },
  ],
});

describe('privacy/cn-landline severities (recommended preset)', () => {
  const checker = createChecker({ preset: 'recommended' });
  const landlines = (text: string) => checker.check(text).filter((f) => f.ruleId === 'privacy/cn-landline');
  it('a home number is a warning, an unlabelled one info, an office one nothing', () => {
    expect(landlines('家庭电话0571-87654321').map((f) => f.severity)).toEqual(['warning']);
    expect(landlines('王五 0571-87654321').map((f) => f.severity)).toEqual(['info']);
    expect(landlines('咨询电话：0571-87654321')).toEqual([]);
  });
  it('no hotline of the list is reported, alone or after an area code', () => {
    const hotlines = JSON.parse(readFileSync(new URL('../../../dictionaries/privacy/hotlines.json', import.meta.url), 'utf8')) as { entries: { id: string }[] };
    const text = hotlines.entries.map((h) => `拨打${h.id}或0571-${h.id}或(010)${h.id}。`).join('\n');
    expect(checker.check(text).filter((f) => f.ruleId.startsWith('privacy/'))).toEqual([]);
  });
});
