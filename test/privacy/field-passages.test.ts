/**
 * The issue's bar on passages shaped like the pages that fail inspections: citizen letters and
 * their replies (留言回复), published lists (公示名单), penalty decisions (行政处罚决定书),
 * recruitment notices (招聘公告) and award notices (中标公示). Every planted ID (resident, X check
 * character, Hong Kong/Macao/Taiwan residence permits, the 2023 foreigners' ID, written plain,
 * spaced, dashed or in full-width digits) and every planted mobile (+86/0086 forms, spaced,
 * dashed) is found by the right rule, on the exact span, at warning or above, with the right kind;
 * redact() leaves none of them readable. Trap passages of the same kinds, full of numbers that are
 * not personal data (credit codes, registration numbers, case, order, work-order and exam-ticket
 * numbers, amounts, statistics, timestamps, URLs, IMEIs), yield nothing at warning or above.
 * Every value is generated here with its check character computed by ./reference.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { redact } from '../../src/redact.js';
import type { Finding } from '../../src/types.js';
import { creditCheckChar, CREDIT_CHARS, idCheckChar, luhnDigit, mod1110Digit } from './reference.js';

/** mulberry32: failures reproduce from the seed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261203);
const pick = <T,>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const TODAY = '2026-11-23';
const table = JSON.parse(readFileSync(new URL('../../dictionaries/privacy/regions.json', import.meta.url), 'utf8')) as { entries: Record<string, unknown> };
const COUNTIES = Object.keys(table.entries).filter((c) => !c.endsWith('00') && c[0] !== '8');
const nationalities = (JSON.parse(readFileSync(new URL('../../dictionaries/privacy/nationality-codes.json', import.meta.url), 'utf8')) as { entries: { id: string }[] }).entries.map((e) => e.id);

function date(fromYear: number, toYear: number): string {
  return `${fromYear + Math.floor(random() * (toYear - fromYear + 1))}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}`;
}
const withCheck = (body: string): string => body + idCheckChar(body);

type IdKind = 'resident' | 'hk-macao-permit' | 'taiwan-permit' | 'foreigner';
function id(kind: IdKind = 'resident', mustEndInX = false): string {
  for (;;) {
    const body =
      kind === 'resident'
        ? `${pick(COUNTIES)}${date(1940, 2008)}${digits(3)}`
        : kind === 'hk-macao-permit'
          ? `${pick(['810000', '820000'])}${date(1950, 2008)}${digits(3)}`
          : kind === 'taiwan-permit'
            ? `830000${date(1950, 2008)}${digits(3)}`
            : `9${pick(['11', '31', '44', '33', '51'])}${pick(nationalities)}${date(1950, 2000)}${digits(3)}`;
    const value = withCheck(body);
    if (!mustEndInX || value.endsWith('X')) return value;
  }
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '138', '139', '145', '147', '149', '150', '151', '153', '155', '157', '158', '159', '162', '165', '166', '167', '170', '171', '172', '173', '175', '176', '177', '178', '180', '181', '183', '185', '186', '187', '188', '189', '190', '191', '192', '193', '195', '196', '197', '198', '199'];
const mobile = (): string => pick(MOBILE_PREFIXES) + digits(8);

interface Planted {
  readonly ruleId: 'privacy/cn-id-card' | 'privacy/cn-mobile';
  readonly value: string;
  readonly kind?: IdKind;
}

const fullWidth = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Fills the slots of a template and returns the text and what was planted, in text order. */
function plant(template: string): { text: string; planted: Planted[] } {
  const planted: Planted[] = [];
  const text = template.replace(/\{([a-z-]+)\}/g, (_, slot: string) => {
    let value: string;
    let kind: IdKind | undefined;
    switch (slot) {
      case 'id':
        value = id();
        kind = 'resident';
        break;
      case 'idx':
        value = id('resident', true);
        kind = 'resident';
        break;
      case 'id-spaced': {
        const v = id();
        value = `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}`;
        kind = 'resident';
        break;
      }
      case 'id-dashed': {
        const v = id();
        value = `${v.slice(0, 6)}-${v.slice(6, 14)}-${v.slice(14)}`;
        kind = 'resident';
        break;
      }
      case 'id-fullwidth':
        value = fullWidth(id());
        kind = 'resident';
        break;
      case 'hk':
        value = id('hk-macao-permit');
        kind = 'hk-macao-permit';
        break;
      case 'tw':
        value = id('taiwan-permit');
        kind = 'taiwan-permit';
        break;
      case 'foreigner':
        value = id('foreigner');
        kind = 'foreigner';
        break;
      default: {
        const m = mobile();
        value =
          slot === 'mobile-dashed'
            ? `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`
            : slot === 'mobile-spaced'
              ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`
              : slot === 'mobile-intl'
                ? `+86 ${m}`
                : slot === 'mobile-0086'
                  ? `0086-${m}`
                  : m;
      }
    }
    planted.push(kind ? { ruleId: 'privacy/cn-id-card', value, kind } : { ruleId: 'privacy/cn-mobile', value });
    return value;
  });
  return { text, planted };
}

const PASSAGES: Readonly<Record<string, string>> = {
  留言回复: [
    '留言标题：关于幸福家园小区地下车库长期积水的问题',
    '留言内容：我是幸福家园3幢的业主张某某，身份证号{id}，手机号码{mobile}。车库积水已有两个月，物业一直推诿，2024年3月12日我又打了12345，至今没有结果，请领导重视。',
    '留言时间：2024-03-15 09:12:33　浏览次数：1382',
    '回复单位：某某街道办事处　回复时间：2024-03-18 16:20:01',
    '回复内容：张先生您好！您反映的问题已收悉。经街道城管科会同物业现场核查，积水系排水泵故障所致，已于3月17日更换。如有疑问，请致电街道城管科0571-86012345，或联系经办人李某（{mobile-dashed}）。',
  ].join('\n'),
  信访答复: '信访人王某某（公民身份号码：{idx}，联系电话：{mobile-spaced}）：你于2024年4月2日提出的信访事项（信访件编号：330106202404020015）收悉。经调查，现答复如下……如不服本答复，可自收到之日起30日内向杭州市某某区人民政府申请复查。',
  低保公示: [
    '2024年第二季度城乡居民最低生活保障对象公示',
    '序号 姓名 性别 身份证号码 家庭住址 联系电话 保障金额（元）',
    '1 王某某 男 {id} 某某村3组 {mobile} 680',
    '2 李某某 女 {idx} 某某村5组 {mobile-dashed} 540',
    '3 陈某 男 {id-spaced} 某某社区 {mobile} 1360',
    '公示期：2024年5月6日至5月12日。监督电话：0571-86012345，政务服务便民热线12345。',
  ].join('\n'),
  行政处罚决定书: [
    '行政处罚决定书',
    '杭某市监罚处〔2024〕128号',
    '当事人：李某某　公民身份号码：{id}',
    '住址：杭州市某某区某某路88号　联系电话：{mobile}',
    '经查，当事人于2024年1月至3月期间销售过期食品，货值金额13865元，违法所得2345元。依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项，决定罚款50000元。',
    '如不服本处罚决定，可在收到本决定书之日起六十日内向杭州市某某区人民政府申请行政复议。',
  ].join('\n'),
  招聘公示: [
    '2024年某某区事业单位公开招聘拟聘用人员公示',
    '序号 姓名 性别 准考证号 岗位代码 总成绩',
    '1 赵某 女 2024030112 A01 82.35',
    '2 钱某 男 2024030245 A02 79.60',
    '赵某身份证号{id-dashed}，钱某身份证号{id}。',
    '公示期间如有异议，请与区人力社保局联系，联系人：周老师，联系电话：0571-86012345，手机：{mobile-intl}。',
  ].join('\n'),
  中标公示: [
    '某某路改造工程施工中标候选人公示',
    '项目编号：HZZC-2024-0156　中标价：13812345.67元',
    '第一中标候选人：浙江某某建设有限公司',
    '项目负责人：孙某，身份证号：{id}，注册建造师证书编号：浙133123456789，联系电话：{mobile-0086}',
    '招标人：杭州市某某局，联系人：吴工，电话：0571-87054321。',
  ].join('\n'),
  居住证与永居证: [
    '2024年度境外人才安居补贴发放名单',
    '1 陈某某（香港居民），港澳居民居住证号码{hk}',
    '2 林某某（台湾居民），台湾居民居住证号码{tw}',
    '3 John Smith，外国人永久居留身份证号码{foreigner}，联系电话{mobile}',
  ].join('\n'),
  全角录入: '网友留言：本人身份证号码{id-fullwidth}，于2023年办理了居住证，电话{mobile}，请问积分怎么查询？',
};

const checker = createChecker({ preset: 'recommended' });
const privacy = (text: string): Finding[] => checker.check(text, { date: TODAY }).filter((f) => f.ruleId.startsWith('privacy/'));

describe('field passages: every planted ID and mobile found, right rule, span, kind and severity', () => {
  for (const [name, template] of Object.entries(PASSAGES)) {
    for (let round = 1; round <= 15; round++) {
      it(`${name}, round ${round}`, () => {
        const { text, planted } = plant(template);
        const found = privacy(text).filter((f) => f.ruleId === 'privacy/cn-id-card' || f.ruleId === 'privacy/cn-mobile');
        let from = 0;
        const expected = planted.map((p) => {
          const start = text.indexOf(p.value, from);
          from = start + p.value.length;
          return { ruleId: p.ruleId, range: [start, start + p.value.length], actual: p.value, kind: p.kind };
        });
        expect(found.map((f) => ({ ruleId: f.ruleId, range: [...f.range], actual: f.actual, kind: (f.data as { kind?: string } | undefined)?.kind }))).toEqual(expected);
        for (const f of found) expect(f.severity, `${f.ruleId} ${f.actual}`).not.toBe('info');
        const masked = redact(text, undefined, { date: TODAY });
        for (const p of planted) expect(masked).not.toContain(p.value);
      });
    }
  }
});

/** A unified social credit code (GB 32100-2015) with its check character computed. */
function creditCode(): string {
  const body = `91${pick(['330106', '440300', '110108', '510104'])}${Array.from({ length: 9 }, () => CREDIT_CHARS[Math.floor(random() * 31)]).join('')}`;
  return body + creditCheckChar(body);
}
/** A 15-digit business registration number (GB/T 17710 MOD 11,10). */
function registrationNumber(): string {
  const body = `${pick(['330106', '440301', '110108'])}000${digits(5)}`;
  return body + mod1110Digit(body);
}
const imei = (): string => {
  const body = `86${digits(12)}`;
  return body + luhnDigit(body);
};
/** A case number built as region + a recent date + a sequence, with a check digit that happens to fit an ID. */
function structuredCaseNumber(): string {
  for (;;) {
    const body = `330106${'2026'}${pad(1 + Math.floor(random() * 10))}${pad(1 + Math.floor(random() * 28))}${digits(3)}`;
    const value = withCheck(body);
    if (/\d$/.test(value)) return value;
  }
}

const TRAPS: Readonly<Record<string, () => string>> = {
  中标公示: () =>
    [
      '某某学校食堂食材采购项目中标结果公告',
      `项目编号：ZJCG-2024-${digits(4)}　采购计划编号：${digits(12)}`,
      `中标供应商：杭州某某农业发展有限公司，统一社会信用代码：${creditCode()}，营业执照注册号：${registrationNumber()}`,
      `中标金额：${digits(1).replace('0', '1')}${digits(10)}元（大写略），中标价：1381234.56`,
      '采购人：杭州市某某中学，地址：杭州市某某路1号，联系人：郑老师，联系电话：0571-87654321，传真：0571-87654322。',
      '采购代理机构：浙江某某招标咨询有限公司，联系电话：400-826-1234，邮编310006。',
      `公告期限：自本公告发布之日起1个工作日。发布时间：2024-05-20 10:23:45　浏览次数：${pick(['1', '2', '3'])}${digits(10)}`,
    ].join('\n'),
  行政处罚: () =>
    [
      `行政处罚决定书 杭某市监罚处〔2024〕${digits(3)}号`,
      `当事人：杭州某某餐饮管理有限公司　统一社会信用代码：${creditCode()}　法定代表人：张某`,
      `案件编号：${structuredCaseNumber()}　受理编号：${structuredCaseNumber()}`,
      `经查，当事人2023年度销售额共计${pick(['13', '15', '18'])}${digits(9)}元，违法所得${digits(5)}元，依法决定罚款${digits(6)}元。`,
      '复议机关：杭州市某某区人民政府，地址：某某路1号，电话：0571-86012345。',
    ].join('\n'),
  留言与统计: () =>
    [
      `留言编号：${digits(12)}　留言时间：2024-03-15 09:12:33　回复时间：2024-03-18　阅读量：${pick(['138', '159', '186'])}${digits(8)}`,
      `工单编号：${pick(['138', '150'])}${digits(8)}　受理号：${digits(17)}`,
      `2023年全市地区生产总值${pick(['13', '15', '18'])}${digits(9)}万元，常住人口${digits(7)}人，财政收入${pick(['13', '15', '19'])}${digits(9)}元，同比增长6.8%。`,
      '详见 https://www.example.gov.cn/art/2024/3/15/art_1229_13812345678.html?id=110101199003074514 。',
      `设备IMEI：${imei()}；时间戳${digits(13)}；ISBN 978-7-01-${digits(6)}-6；ISSN 1002-4956。`,
      '政务服务便民热线12345，市场监管投诉举报热线12315，报警110；供电服务热线95598。',
    ].join('\n'),
  招聘公告: () =>
    [
      '2024年某某区公开招聘社区工作者公告',
      `报名序号：${digits(11)}，准考证号：2024${digits(8)}，考生号：${digits(14)}。`,
      `岗位代码：${digits(7)}；招聘人数：${digits(2)}人；笔试成绩满分100分。`,
      '咨询电话：0571-86012345（工作日9:00-17:00），监督电话：0571-86012346。',
      `订单号：${digits(20)}；快递单号SF${digits(12)}；合同编号：HT-2024-${digits(4)}。`,
    ].join('\n'),
};

describe('field trap passages: nothing at warning or above', () => {
  for (const [name, make] of Object.entries(TRAPS)) {
    for (let round = 1; round <= 25; round++) {
      it(`${name}, round ${round}`, () => {
        const text = make();
        const serious = privacy(text).filter((f) => f.severity !== 'info');
        expect(serious.map((f) => `${f.ruleId} ${f.actual}`)).toEqual([]);
      });
    }
  }
});
