import type { Element } from 'domhandler';
import type { Document } from './document.js';
import { frontMatter } from './markdown.js';

/**
 * Meta tags that carry an article's publication date. `PubDate` is the one government CMSs write on
 * every article page (the page metadata of 《政府网站发展指引》, 国办发〔2017〕47号, and the
 * provincial intensive-platform specs that follow it); the others are the Open Graph, Dublin Core and
 * schema.org names other publishers use. Compared in lower case.
 */
const DATE_META = new Set([
  'pubdate',
  'publishdate',
  'publish_date',
  'publishtime',
  'firstpublishedtime',
  'article:published_time',
  'datepublished',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.issued',
  'dcterms.created',
]);

/**
 * A labelled date in visible text: 发布时间：2019-05-06, 发布日期：2019年5月6日, 成文日期：2019/05/06.
 * The label is literal and every quantifier bounded, so a scan is linear on any input.
 */
const LABELLED = /(发布|发文|印发|成文|公开|更新)?(?:时间|日期)[ \t\u00a0\u3000]{0,3}[:：][ \t\u00a0\u3000]{0,3}(\d{4})[ \t]{0,2}[-/.年][ \t]{0,2}(\d{1,2})[ \t]{0,2}[-/.月][ \t]{0,2}(\d{1,2})/g;

/** A date written at the start of a value: 2019-05-06 10:00, 2019/5/6, 2019年5月6日, 20190506, ISO 8601. */
const LEADING = /^\s{0,8}(\d{4})(?:[-/.年]\s{0,2}(\d{1,2})\s{0,2}[-/.月]\s{0,2}(\d{1,2})|(\d{2})(\d{2})(?!\d))/;

/** How far into the visible text a labelled date is looked for (UTF-16 units): the article header. */
const HEADER_SPAN = 4000;

function ymd(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // The People's Republic's first government documents are from 1949; later than 2100 is a typo.
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fromValue(value: string): string | undefined {
  const m = LEADING.exec(value);
  if (!m) return undefined;
  return m[2] !== undefined ? ymd(m[1] as string, m[2], m[3] as string) : ymd(m[1] as string, m[4] as string, m[5] as string);
}

function fromMeta(document: Document): string | undefined {
  const head = document.dom?.children ?? [];
  // Breadth-first over the first levels only: meta tags sit in <head>, which sits in <html>.
  const queue = [...head];
  for (let visited = 0; queue.length > 0 && visited < 2000; visited++) {
    const node = queue.shift();
    if (!node || node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name === 'meta') {
      const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? '').toLowerCase();
      if (DATE_META.has(key) && el.attribs.content) {
        const date = fromValue(el.attribs.content);
        if (date) return date;
      }
    } else if (el.name === 'html' || el.name === 'head') {
      queue.push(...el.children);
    }
  }
  return undefined;
}

/**
 * A signing line (落款): a paragraph that is nothing but a full date, as official documents print their
 * date of issue under the issuing organ (GB/T 9704-2012 7.3.5: 2017年5月15日; older ones in Chinese
 * numerals: 二〇一七年五月十五日). Only short segments are tested, so this is cheap on any input.
 */
const SIGNING = /^[（(]?([0-9]{4}|[〇○零一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,2})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日[）)]?$/;

const CN_DIGITS: Readonly<Record<string, number>> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** A number written in Arabic digits, digit by digit in Chinese (二〇一七), or as a count up to 39 (二十三). */
function numberOf(text: string): string {
  if (/^[0-9]+$/.test(text)) return text;
  if (text.length === 4) return [...text].map((c) => CN_DIGITS[c] ?? 0).join('');
  const ten = text.indexOf('十');
  if (ten === -1) return String(CN_DIGITS[text] ?? 0);
  const tens = ten === 0 ? 1 : (CN_DIGITS[text[0] as string] ?? 0);
  const units = ten === text.length - 1 ? 0 : (CN_DIGITS[text[ten + 1] as string] ?? 0);
  return String(tens * 10 + units);
}

function fromSigningLine(document: Document): string | undefined {
  for (const segment of document.segments) {
    if (segment.kind !== 'block' || segment.text.length > 24) continue;
    const m = SIGNING.exec(segment.text.trim());
    if (!m) continue;
    const date = ymd(numberOf(m[1] as string), numberOf(m[2] as string), numberOf(m[3] as string));
    if (date) return date;
  }
  return undefined;
}

function fromText(document: Document): string | undefined {
  let seen = 0;
  let fallback: string | undefined;
  for (const segment of document.segments) {
    if (segment.kind !== 'block') continue;
    const text = segment.text.length > HEADER_SPAN ? segment.text.slice(0, HEADER_SPAN) : segment.text;
    LABELLED.lastIndex = 0;
    for (let m = LABELLED.exec(text); m !== null; m = LABELLED.exec(text)) {
      const date = ymd(m[2] as string, m[3] as string, m[4] as string);
      // A bare 时间/日期 right after other words is some other date (会议时间, 出生日期, 办结日期).
      if (!date || (m[1] === undefined && /[\u3400-\u9fff]/.test(text[m.index - 1] ?? ''))) continue;
      // 发布/发文/印发/成文 name the publication itself; a bare 时间/日期 or 更新时间 is a fallback.
      if (m[1] !== undefined && m[1] !== '更新') return date;
      fallback ??= date;
    }
    seen += text.length;
    if (seen >= HEADER_SPAN) break;
  }
  // A 发布 label beats the signing line; the signing line beats a bare 时间/日期 label.
  return fromSigningLine(document) ?? fallback;
}

/**
 * The publication date a document states about itself, as YYYY-MM-DD, or undefined. HTML pages are
 * read for a date meta tag first (`<meta name="PubDate" content="2019-05-06 10:00">`), then for a
 * labelled date near the top of the visible text (发布时间：2019-05-06), which is also how plain text
 * exports state it, then for a document's signing line (a paragraph that is only a date, under the
 * issuing organ); Markdown is read for a `date:` in its front matter first. Dated rules judge titles and renamed terms as of this day when the
 * caller gives no `date`, so an old article in a site export is not faulted for being old.
 */
export function publishedDate(document: Document): string | undefined {
  return (document.kind === 'html' ? fromMeta(document) : document.kind === 'markdown' ? fromFrontMatter(document.source) : undefined) ?? fromText(document);
}

/** Front-matter keys static-site generators use for the publication date. */
const DATE_FIELDS = new Set(['date', 'pubdate', 'publishdate', 'published', 'publish_date', 'publishedat']);

function fromFrontMatter(source: string): string | undefined {
  for (const field of frontMatter(source)?.fields ?? []) {
    if (!DATE_FIELDS.has(field.key)) continue;
    const date = fromValue(source.slice(field.start, field.end));
    if (date) return date;
  }
  return undefined;
}
