/**
 * @fileoverview Shared helpers of the privacy rules: what surrounds a candidate number. All work
 * on a bounded window next to the candidate, so their cost does not grow with the segment.
 */

/** Characters that, right before a candidate, make it part of a longer token (a code, a path, an amount). */
const GLUE_BEFORE = /[0-9A-Za-z_/\\@#=&%$¥￥*]/;
/** Characters that glue only when a letter or digit stands before them (`A-1`, `3.1`); not `:` (`Tel:`). */
const GLUE_BETWEEN = /[-.]/;
/** Characters that, right after a candidate, make it part of a longer token. */
const GLUE_AFTER = /[0-9A-Za-z_@%*]/;

/** Whether the character before `start` leaves the candidate free-standing. */
export function freeBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text[start - 1]!;
  if (GLUE_BEFORE.test(c)) return false;
  if (GLUE_BETWEEN.test(c) && start >= 2 && /[0-9A-Za-z]/.test(text[start - 2]!)) return false;
  return true;
}

/**
 * Whether the character at `end` leaves the candidate free-standing: not a letter or digit,
 * and not a `.` `/` `-` or `:` that continues with a digit or letter (a decimal, a path, a range).
 */
export function freeAfter(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text[end]!;
  if (GLUE_AFTER.test(c)) return false;
  if (c === '.' || c === '/' || c === '-' || c === ':' || c === '_') {
    const next = text[end + 1];
    if (next !== undefined && /[0-9A-Za-z]/.test(next)) return false;
  }
  return true;
}

/** Clause boundaries (。！？；!?; and line breaks): context words do not reach across them. */
function isClauseEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 33 || code === 63 || code === 59 || code === 10 || code === 13;
}

/**
 * The text of the same clause before `start`, at most `window` characters, so context words
 * of a preceding sentence do not count.
 */
export function clauseBefore(text: string, start: number, window = 16): string {
  const from = Math.max(0, start - window);
  let s = start;
  while (s > from && !isClauseEnd(text.charCodeAt(s - 1))) s--;
  return text.slice(s, start);
}

/** The text of the same clause after `end`, at most `window` characters. */
export function clauseAfter(text: string, end: number, window = 8): string {
  const to = Math.min(text.length, end + window);
  let e = end;
  while (e < to && !isClauseEnd(text.charCodeAt(e))) e++;
  return text.slice(end, e);
}

/**
 * Units and counters that follow numbers which are amounts or counts (11-digit yuan amounts,
 * statistics), never personal numbers. Counters that are also common surnames or start common
 * words after a phone number (张, 家, 本人, 个人, 人员) are left out, and 万/亿/千/百 count only
 * with a unit after them: "13812345678张某" is a phone and a name.
 */
const UNIT_AFTER =
  /^\s?(?:元|[万亿千百](?:元|人|户|吨|亩|美元|余|多|平方|公里|千瓦)|角|分钱|美元|欧元|港元|人次|人(?!员)|户|个(?!人)|次|件|吨|台|辆|套|株|头|只|份|项|条|册|篇|页|字|亩|公顷|平方|立方|米|公里|千米|克|千克|公斤|升|度|瓦|伏|秒|年|号(?!码)|期|届|倍|%|‰)/;

/** Whether the number ending at `end` is followed by a unit or counter. */
export function followedByUnit(text: string, end: number): boolean {
  return UNIT_AFTER.test(text.slice(end, end + 4));
}

/** Words right before a number that make it an amount, a statistic or an ordinal (第…号). */
const AMOUNT_BEFORE =
  /(?:[¥￥$第]|[（(](?:单位[:：])?[万亿千百]?元[）)]|单位[:：][万亿千百]?元[，,、 ]?|人民币|金额|合计|总计|共计|价款|款项|资金|投资|收入|产值|总额|余额|预算|GDP|生产总值|营收|销售额|利润|税收|存款|贷款|总量|规模|人口|数量|数额)(?:为|是|达|达到|约|共|计)?[:：]?\s?$/i;

/** Whether the number starting at `start` is introduced as an amount. */
export function precededByAmount(text: string, start: number): boolean {
  return AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 10), start));
}

/**
 * Labels of numbers that are not personal data (document, order, case, work-order, exam-ticket,
 * serial numbers, codes of organisations and publications). A candidate right after one of them
 * is that kind of number.
 */
export const OTHER_NUMBER_LABEL =
  /(?:订单|单号|编号|编码|案号|案件号|工单|流水号|准考证|考生号|考号|报名号|学号|工号|序列号|串号|IMEI|MEID|IMSI|ICCID|S\/?N|批号|批次|文号|注册号|信用代码|组织机构代码|税号|纳税人识别号|识别号|发票|合同号|票号|条形码|条码|ISBN|ISSN|CN|邮编|邮政编码|交易号|凭证号|登记号|许可证号|备案号|证书号|代码|型号|版本|QQ|运单|快递单|物流单|申请号|受理号|专利号|档案号|项目号|标段|宗地号|不动产)(?:号码|号|码)?\s?[:：]?\s?(?:为|是)?\s?$/i;

/** Whether `before` (the clause before a candidate) ends with a label of another kind of number. */
export function labelledAsOtherNumber(before: string): boolean {
  return OTHER_NUMBER_LABEL.test(before) || COUNTER_LABEL.test(before);
}

/**
 * Labels of numbers that belong to one person (exam tickets, student, staff, member, certificate,
 * social-security and taxpayer numbers, driving licences): many of them are the holder's ID
 * number itself (社保卡号, 驾驶证号, 个人纳税人识别号 are by rule), so a fully valid ID after such a
 * label is still the holder's ID.
 */
const PERSON_NUMBER_LABEL =
  /(?:准考证|考生|考号|报名|学号|学籍|工号|证书|执业证|资格证|会员|会员卡|社保卡|社会保障卡|社会保障|医保卡|医保|就诊卡|纳税人识别号|识别号|税号|档案|个人编号|人员编号|用户名|登录名|账号|帐号|驾驶证|驾驶证号|特种作业|操作证|残疾人证|残疾证)(?:证号|号码|编号|编码|号|码)?\s?[:：]?\s?(?:为|是)?\s?$/;

/** Whether `before` ends with a label of a number held by one person (see PERSON_NUMBER_LABEL). */
export function labelledAsPersonNumber(before: string): boolean {
  return PERSON_NUMBER_LABEL.test(before);
}

/**
 * Labels of counts, prices and codes shown next to a number on a web page (浏览次数, 阅读量,
 * 成交价, 中标金额（元）, 序号, 验证码 …): the number is that count, price or code, however much it
 * looks like a mobile number.
 */
const COUNTER_LABEL =
  /(?:[额值量数]|浏览|点击|阅读|访问|下载|播放|点赞|人次|成交价|报价|单价|总价|限价|底价|售价|标价|中标价|投标价|控制价|价格|费用|序号|排名|名次|查询码|验证码|校验码|识别码|提取码|取件码|邀请码|密码|口令)(?:[（(][^）)]{0,6}[）)])?\s?[:：]?\s?(?:为|是|达|约|共)?\s?$/;

/** Ranges of URLs in `text` (scheme or www. up to the next space, CJK character or closing bracket). */
const URL = /(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"'<>)\]}]+/gi;

let lastText: string | undefined;
let lastSpans: readonly number[] = [];

/** Whether `[start, end)` overlaps a URL of `text`. The URL spans of the last text are cached. */
export function insideUrl(text: string, start: number, end: number): boolean {
  if (text !== lastText) {
    const spans: number[] = [];
    if (text.includes('://') || /www\./i.test(text)) {
      URL.lastIndex = 0;
      for (let m = URL.exec(text); m !== null; m = URL.exec(text)) spans.push(m.index, m.index + m[0].length);
    }
    lastText = text;
    lastSpans = spans;
  }
  for (let i = 0; i < lastSpans.length; i += 2) {
    if (start < lastSpans[i + 1]! && end > lastSpans[i]!) return true;
  }
  return false;
}

/** Strips everything but ASCII digits and letters (separators, `+`). */
export function compact(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '');
}
