/**
 * The bar, as tests: every valid ID and mobile in realistic passages is found with the
 * right rule and span; passages full of the numbers government text is made of yield nothing at
 * warning or above. IDs, mobiles and cards are generated with their checksums computed here.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import type { Finding } from '../../src/types.js';
import { creditCheckChar, idCheckChar, luhnDigit } from './reference.js';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const table = JSON.parse(readFileSync(new URL('../../dictionaries/privacy/regions.json', import.meta.url), 'utf8')) as { entries: Record<string, unknown> };
const REGIONS = Object.keys(table.entries).filter((c) => !c.endsWith('0000'));

const random = rng(20261123);
const pick = <T,>(a: readonly T[]): T => a[Math.floor(random() * a.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

function randomId(): string {
  const region = pick(REGIONS);
  const year = 1930 + Math.floor(random() * 90);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${digits(3)}`;
  return body + idCheckChar(body);
}
const PREFIXES = ['130', '133', '135', '138', '139', '147', '150', '153', '158', '162', '166', '170', '171', '176', '177', '180', '186', '189', '191', '192', '193', '195', '198', '199'];
const randomMobile = () => pick(PREFIXES) + digits(8);

const checker = createChecker({ preset: 'recommended' });
const privacy = (text: string, html = false): Finding[] =>
  (html ? checker.checkHtml(text) : checker.check(text)).filter((f) => f.ruleId.startsWith('privacy/'));

interface Planted {
  ruleId: string;
  value: string;
}

/** Fills `{id}` and `{mobile}` slots with fresh values and returns the text and what was planted, in order. */
function plant(template: string): { text: string; planted: Planted[] } {
  const planted: Planted[] = [];
  const text = template.replace(/\{(id|idx|mobile|mobile-dashed|mobile-spaced|mobile-intl)\}/g, (_, kind: string) => {
    if (kind === 'id' || kind === 'idx') {
      let id = randomId();
      if (kind === 'idx') while (!id.endsWith('X')) id = randomId();
      planted.push({ ruleId: 'privacy/cn-id-card', value: id });
      return id;
    }
    const m = randomMobile();
    const value =
      kind === 'mobile-dashed' ? `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}` : kind === 'mobile-spaced' ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` : kind === 'mobile-intl' ? `+86 ${m}` : m;
    planted.push({ ruleId: 'privacy/cn-mobile', value });
    return value;
  });
  return { text, planted };
}

const PASSAGES = [
  '网友留言：我叫张某某，身份证号{id}，家住幸福小区3幢2单元，手机{mobile}。去年12月申请的低保至今没有答复，请尽快处理。',
  '关于2024年度拟录用公务员名单的公示\n李某，女，身份证号码：{id}，联系电话：{mobile}，拟录用职位：办公室科员。\n王某，男，身份证号码：{idx}，联系电话：{mobile-dashed}。',
  '2023年第四季度困难群众补贴发放名单：\n序号 姓名 身份证号 手机号码 金额（元）\n1 赵某 {id} {mobile} 1200\n2 钱某 {id} {mobile-spaced} 800\n3 孙某 {idx} {mobile} 800',
  '各有关单位：为做好2025年防汛工作，现将有关事项通知如下。联系人：周某，联系电话：0571-87054321，手机：{mobile}。附件：值班表。',
  '关于张三同志的处分决定。张三，男，汉族，1975年5月出生，身份证{id}，原任某某局副局长。',
  '当事人：吴某（身份证号：{id}），住所地：某市某区。委托代理人：郑某，手机{mobile-intl}。',
  '办事指南：申请人应提交身份证复印件。示例：申请人陈某，公民身份号码{id}，联系方式{mobile}，邮寄地址略。',
  '政民互动回复：来信人（身份证：{id}）您好！您反映的问题已转交属地办理，经办人电话{mobile-dashed}（微信同号）。',
  '手机号:{mobile};身份证号:{idx};地址:略',
  '经核查，{id}号码持有人已于2023年迁出。联系电话 {mobile-spaced} 。',
];

describe('realistic passages: every planted ID and mobile found with the right rule and span', () => {
  for (let round = 0; round < 20; round++) {
    PASSAGES.forEach((template, i) => {
      it(`passage ${i + 1}, round ${round + 1}`, () => {
        const { text, planted } = plant(template);
        const found = privacy(text).filter((f) => f.ruleId === 'privacy/cn-id-card' || f.ruleId === 'privacy/cn-mobile');
        let from = 0;
        const expected = planted.map((p) => {
          const start = text.indexOf(p.value, from);
          from = start + p.value.length;
          return { ruleId: p.ruleId, range: [start, start + p.value.length], actual: p.value };
        });
        expect(found.map((f) => ({ ruleId: f.ruleId, range: [...f.range], actual: f.actual }))).toEqual(expected);
        expect(found.every((f) => f.severity === 'error' || f.severity === 'warning')).toBe(true);
      });
    });
  }

  it('in Markdown, in a table and after emphasis', () => {
    const id = randomId();
    const mobile = randomMobile();
    const md = `# 公示\n\n| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 李某 | ${id} | **${mobile}** |\n`;
    const found = checker.checkMarkdown(md).filter((f) => f.ruleId.startsWith('privacy/')).map((f) => [f.ruleId, f.actual, md.slice(f.range[0], f.range[1])]);
    expect(found).toEqual([
      ['privacy/cn-id-card', id, id],
      ['privacy/cn-mobile', mobile, mobile],
    ]);
  });

  it('in HTML, across inline tags and table cells', () => {
    const id = randomId();
    const mobile = randomMobile();
    const html = `<table><tr><td>姓名</td><td>身份证号</td><td>电话</td></tr><tr><td>李某</td><td>${id.slice(0, 6)}<span>${id.slice(6)}</span></td><td><a href="tel:${mobile}">${mobile}</a></td></tr></table>`;
    const found = privacy(html, true).map((f) => [f.ruleId, f.actual]);
    expect(found).toEqual([
      ['privacy/cn-id-card', `${id.slice(0, 6)}<span>${id.slice(6)}`],
      ['privacy/cn-mobile', mobile],
    ]);
  });
});

/** An all-digit 18-character string that passes the ID checks and is also a valid credit code. */
function idLookingCreditCode(): string {
  for (let n = 0; ; n++) {
    const body = `510100${19800101 + (n % 28)}${String(n % 1000).padStart(3, '0')}`;
    const id = body + idCheckChar(body);
    if (/\d$/.test(id) && creditCheckChar(id.slice(0, 17)) === id[17]) return id;
  }
}

function luhnValid(prefix: string, length: number): string {
  const payload = prefix + digits(length - prefix.length - 1);
  return payload + luhnDigit(payload);
}

const creditBody = '91330106MA2CDEF1L'.slice(0, 17);
const credit = creditBody + creditCheckChar(creditBody);
const creditDigits = idLookingCreditCode();

const TRAPS = [
  '根据《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）和《浙江省人民政府办公厅关于印发……的通知》（浙政办发〔2017〕47号）要求，现就有关事项通知如下。',
  '发布时间：2024-01-05 09:12:33，更新时间：20240105091233，时间戳1704417153000，访问量13812次。',
  '全年实现地区生产总值13812345678元，同比增长6.8%；完成固定资产投资15012345678.50元；合计人民币18612345678元整。财政收入￥19912345678。',
  '全市常住人口13812345人，户籍人口11012345人；共发放补贴资金62220212345678901元；粮食产量19912345678公斤。',
  '本书ISBN 978-7-01-012345-6，ISBN9787010123456，期刊ISSN 1002-4956，CN11-1234/D。',
  `统一社会信用代码：${credit}；统一社会信用代码 ${creditDigits}；组织机构代码：MA2CDEF1-L。`,
  '营业执照注册号：110108000123452，注册号330106000012345。',
  '订单号：202303151234567890，案号：（2023）浙0106民初1234号，工单编号：20230315000123，准考证号：330106202301234，受理编号13812345678。',
  '详见 https://www.gov.cn/zhengce/content/2017-05/04/content_5190818.htm 和 http://example.gov.cn/art/2023/3/15/art_1229_13812345678.html?id=110101199003074514 。',
  '邮编：310006，邮政编码100017。',
  `设备IMEI：${luhnValid('86', 15)}，设备序列号：${luhnValid('6222', 16)}，SN ${luhnValid('4', 16)}。`,
  '无效号码：12345678901、15412345678、14012345678、10086、95598、400-810-8888、800-820-8820。',
  '联系电话：0571-87054321，咨询电话：010-65123456，传真：0571-87054322，监督电话：(0571)87054323，政务服务便民热线12345，市场监管投诉举报热线12315，报警110。',
  '坐标东经120.1551，北纬30.2741；版本V2.3.1；价格区间1000-5000元；学号2019123456；房间号1301。',
  '投稿邮箱：xxgk@hz.gov.cn，联系邮箱 bgs@example.gov.cn。',
  '高铁G1234次、D3125次于2023年12月12日起运行；车次K1234。',
  `第十四个五年规划（2021—2025年）纲要；2035年远景目标；财政预算编码1100000000000012345。`,
  '发票代码：033002100311，发票号码：12345678；快递单号SF1234567890123；统计用区划代码110101001001。',
  '批准文号：国药准字H20003263；京ICP备12345678号；京公网安备11010502030143号；行政区划代码110101。',
  `产品编号${luhnValid('62', 19)}，合同号${luhnValid('4', 16)}，车架号LSVAU2180N2183294。`,
  '比赛成绩：男子100米10.38秒，跳远8.12米；股票代码600519；电话区号0571；长途区号010。',
];

describe('trap passages: nothing at warning or above', () => {
  TRAPS.forEach((text, i) => {
    it(`trap ${i + 1}: ${text.slice(0, 30)}`, () => {
      const serious = privacy(text).filter((f) => f.severity !== 'info');
      expect(serious.map((f) => `${f.ruleId} ${f.actual}`)).toEqual([]);
    });
  });
  it('all traps in one article', () => {
    const serious = privacy(TRAPS.join('\n')).filter((f) => f.severity !== 'info');
    expect(serious).toEqual([]);
  });
});

describe('labelled and counted numbers never warn (property)', () => {
  it('any digits after an order/case/serial label or before a unit', () => {
    const label = fc.constantFrom('订单号：', '编号', '案号', '工单号', '准考证号：', '序列号 ', 'IMEI:', '流水号', '合同号', '发票号码', '邮编', '统一社会信用代码：', '金额', '投资');
    const unit = fc.constantFrom('元', '万元', '人', '吨', '%', '次', '号', '户');
    const digits = fc.integer({ min: 11, max: 19 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join('')));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(label, digits).map(([l, d]) => `${l}${d}。`), fc.tuple(digits, unit).map(([d, u]) => `全年${d}${u}。`)), (text) => {
        expect(privacy(text).filter((f) => f.severity !== 'info')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
