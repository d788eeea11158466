import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { parseHtml } from '../../src/document/html.js';
import { parseMarkdown } from '../../src/document/markdown.js';
import { publishedDate } from '../../src/document/published.js';
import { parseText } from '../../src/document/text.js';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}<title>通知</title></head><body>${body}</body></html>`;

describe('publishedDate', () => {
  it('reads the PubDate meta tag government CMSs write, and the other common date metas', () => {
    expect(publishedDate(parseHtml(page('<meta name="PubDate" content="2015-03-05 09:30">', '<p>正文</p>')))).toBe('2015-03-05');
    expect(publishedDate(parseHtml(page('<META NAME="pubdate" CONTENT="2019/5/6">', '')))).toBe('2019-05-06');
    expect(publishedDate(parseHtml(page('<meta property="article:published_time" content="2021-07-01T08:00:00+08:00">', '')))).toBe('2021-07-01');
    expect(publishedDate(parseHtml(page('<meta name="firstpublishedtime" content="2020-12-31-10:20:30">', '')))).toBe('2020-12-31');
    expect(publishedDate(parseHtml(page('<meta name="publishdate" content="20180102">', '')))).toBe('2018-01-02');
    expect(publishedDate(parseHtml(page('<meta name="PubDate" content="2018年1月2日">', '')))).toBe('2018-01-02');
  });

  it('falls back to a labelled date near the top of the visible text', () => {
    expect(publishedDate(parseHtml(page('', '<div class="info">来源：市政府办公室 发布时间：2016-08-09 浏览次数：120</div><p>正文</p>')))).toBe('2016-08-09');
    expect(publishedDate(parseText('关于做好防汛工作的通知\n发布日期：2014年6月3日\n各乡镇：……'))).toBe('2014-06-03');
    expect(publishedDate(parseMarkdown('# 通知\n\n成文日期：2017/11/20\n\n正文'))).toBe('2017-11-20');
  });

  it('reads an official document\'s signing line (落款), in Arabic or Chinese numerals', () => {
    const notice = '晋政办发〔2017〕55号\n各市、县人民政府：\n现印发给你们，请认真贯彻执行。\n山西省人民政府办公厅\n2017年5月15日\n（此件公开发布）';
    expect(publishedDate(parseText(notice))).toBe('2017-05-15');
    expect(publishedDate(parseText('某某县人民政府\n二〇一二年十二月三十一日'))).toBe('2012-12-31');
    expect(publishedDate(parseText('某某县人民政府\n二〇一二年二月九日'))).toBe('2012-02-09');
    expect(publishedDate(parseHtml('<p>……特此通知。</p><p style="text-align:right">市政府办公室</p><p style="text-align:right">2019年3月8日</p>'))).toBe('2019-03-08');
    // A date inside a sentence is not a signing line; a publication label beats the signing line.
    expect(publishedDate(parseText('2015年3月5日，十二届全国人大三次会议开幕。'))).toBeUndefined();
    expect(publishedDate(parseText(`发布日期：2018-01-02\n${notice}`))).toBe('2018-01-02');
  });

  it('prefers a publication label over an update time, and the meta tag over both', () => {
    expect(publishedDate(parseText('更新时间：2024-01-01\n发布时间：2016-08-09'))).toBe('2016-08-09');
    expect(publishedDate(parseText('更新时间：2024-01-01'))).toBe('2024-01-01');
    expect(publishedDate(parseHtml(page('<meta name="PubDate" content="2015-03-05">', '<p>发布时间：2016-08-09</p>')))).toBe('2015-03-05');
  });

  it('ignores impossible dates, dates without a label and pages without one', () => {
    expect(publishedDate(parseHtml(page('<meta name="PubDate" content="2019-02-30">', '')))).toBeUndefined();
    expect(publishedDate(parseHtml(page('<meta name="PubDate" content="">', '<p>2015年，我市GDP增长7%。</p>')))).toBeUndefined();
    expect(publishedDate(parseText('时间：1900-01-01'))).toBeUndefined();
    expect(publishedDate(parseText('日期：2019-13-01'))).toBeUndefined();
    expect(publishedDate(parseText('正文'))).toBeUndefined();
    // Other dates with a label of their own are not the publication date.
    expect(publishedDate(parseText('来信人：王某\n出生日期：1990-03-07\n会议时间：2025年3月5日'))).toBeUndefined();
    expect(publishedDate(parseText('出生日期：1990-03-07 时间：2016-08-09'))).toBe('2016-08-09');
  });

  it('stays linear on hostile input', () => {
    const hostile = `${'发布时间：2019-'.repeat(50_000)}${'时间 :'.repeat(50_000)}`;
    expect(publishedDate(parseText(hostile))).toBeUndefined();
    expect(publishedDate(parseHtml(`<meta name="pubdate" content="${' '.repeat(100_000)}2019">`))).toBeUndefined();
  });
});

describe('dated rules without a date option', () => {
  const checker = createChecker();
  const titled = '<p>国务院总理李克强主持召开国务院常务会议。</p>';

  it('judge a title as of the date the page states', () => {
    expect(checker.checkHtml(page('<meta name="PubDate" content="2015-03-05 09:30">', titled))).toEqual([]);
    expect(checker.checkHtml(page('', `<p>发布时间：2015-03-05</p>${titled}`))).toEqual([]);
  });

  it('judge as of today when the page states no date or a future one, and the caller’s date wins', () => {
    const ids = (html: string, date?: string) => checker.checkHtml(html, date ? { date } : {}).map((f) => f.ruleId);
    expect(ids(page('', titled))).toContain('phrasing/leader-title');
    expect(ids(page('<meta name="PubDate" content="2099-01-01">', titled))).toContain('phrasing/leader-title');
    expect(ids(page('<meta name="PubDate" content="2015-03-05">', titled), '2024-06-01')).toContain('phrasing/leader-title');
  });
});
