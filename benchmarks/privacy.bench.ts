/**
 * Privacy rules on a 3 KB government article: the bar is a median under 0.2 ms for the
 * whole privacy category (8 rules), checker overhead included. The article is built here from
 * fixed sentences (a notice with dates, document numbers, amounts, office numbers, a URL, and a
 * few leaks: an ID, a staff mobile, a card), repeated to size. Also runs a megabyte digit run and
 * a megabyte of spaced digit groups, the inputs that would expose a backtracking regex.
 */
import { createChecker } from '../src/checker.js';
import { rules } from '../src/rules/privacy/index.js';
import type { RuleSetting } from '../src/types.js';

const settings: Record<string, RuleSetting> = {};
for (const rule of rules) settings[rule.id] = rule.meta.defaultSeverity;
const checker = createChecker({ preset: 'none', rules: settings });

const SENTENCES = [
  '关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知',
  '各县（市、区）人民政府，市政府各部门、各直属单位：',
  '根据《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）和省医保局有关要求，现就做好2025年度参保缴费工作通知如下。',
  '一、参保范围。除职工基本医疗保险应参保人员以外的其他所有城乡居民，均可在户籍所在地或居住证所在地参保。',
  '二、缴费标准。2025年度个人缴费标准为每人每年380元，财政补助标准不低于每人每年670元，全市共安排补助资金1381234万元。',
  '三、缴费时间。集中缴费期为2024年9月1日至12月31日，缴费后次年1月1日起享受待遇。发布时间：2024-08-26 10:30:00。',
  '四、咨询方式。市医保局联系电话：0571-87054321，政务服务便民热线12345，监督电话（0571）87054322，投稿邮箱xxgk@hz.gov.cn。',
  '详见 https://www.hangzhou.gov.cn/art/2024/8/26/art_1229063382_1834567.html 。',
  '附件：2024年度参保情况统计表（全市户籍人口8123456人，参保率98.6%，基金支出123456789.50元）。',
  '经办人：王某，手机13812345678。申请人李某，身份证号110101199003074514，补助发放至卡号6222021234567890128。',
];
let article = '';
for (let i = 0; Buffer.byteLength(article, 'utf8') < 3072; i++) article += `${SENTENCES[i % SENTENCES.length]}\n`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function bench(name: string, text: string, runs: number): { name: string; median: number; p90: number; findings: number } {
  const findings = checker.check(text).length;
  for (let i = 0; i < Math.min(200, runs); i++) checker.check(text); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checker.check(text);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { name, median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)]!, findings };
}

const results = [
  bench(`article ${Buffer.byteLength(article, 'utf8')} B UTF-8 (${article.length} chars)`, article, 5000),
  bench('article x3 (~9 KB)', article.repeat(3), 2000),
  bench('1 MB digit run', '1'.repeat(1 << 20), 10),
  bench('1 MB spaced digit groups', '6222 '.repeat(1 << 18), 10),
  bench('1 MB of "138-"', '138-'.repeat(1 << 18), 10),
];
console.log('| input | median ms | p90 ms | findings |');
console.log('|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.median.toFixed(4)} | ${r.p90.toFixed(4)} | ${r.findings} |`);
const bar = results[0]!.median;
console.log(`\n3 KB article through all ${rules.length} privacy rules: median ${(bar * 1000).toFixed(1)} µs (bar: 200 µs) — ${bar < 0.2 ? 'met' : 'NOT met'}`);
