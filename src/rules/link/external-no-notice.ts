import type { Element } from 'domhandler';
import { defineRule } from '../../core/rule.js';
import { externalHost, isGovHost, isSameSite } from '../../knowledge/hosts.js';
import { attr, rawText, textContent } from './helpers/hiding.js';
import { collectLinks, elements, pageInfo } from './helpers/page.js';
import { scriptStrings } from './helpers/script-strings.js';

/** Options of `link/external-no-notice`. */
export interface ExternalNoNoticeOptions {
  /** The page's own address; its host counts as this site. */
  readonly baseUrl?: string;
  /** Further hosts of this site. */
  readonly siteHosts?: readonly string[];
  /** Non-government hosts that need no notice (e.g. the office's own accounts on a platform it runs). */
  readonly allowHosts?: readonly string[];
  /** Check article fragments too (default false: the notice lives in the page template, not the article). */
  readonly fragments?: boolean;
}

/** How the page's leave-site notice was recognised. */
export type NoticeEvidence = 'text' | 'script' | 'script-src' | 'element' | 'per-link';

/**
 * Wording of leave-site notices ("您即将离开本网站", "即将跳转到第三方网站", "您访问的链接即将离开…").
 * Bounded gaps only, so matching stays linear.
 */
const NOTICE_TEXT =
  /(?:即将|将要|正在|就要|马上)(?:离开|跳转(?:到|至)?(?:外部|第三方|其他|非本|非政府))|离开(?:本|我)(?:网)?站|离开[^，。,.\s]{0,16}(?:网站|门户)(?:，|,|。|！|!|？|\?|$)|(?:跳转|前往|访问|进入)(?:到|至)?(?:外部|第三方|非本站|非政府)(?:网站|链接|页面)|外部链接(?:提示|提醒|声明|免责)/;

/** In scripts only: wording that a leave-site confirmation carries but prose also uses. */
const NOTICE_SCRIPT_TEXT = /第三方网站|外部网站|非本站|非本网站|外部链接|外链/;

/** Script file names of leave-site notice plug-ins (外链提示 / 外部链接 / 离开提示). */
const NOTICE_SCRIPT_SRC =
  /(?:^|[/_.-])(?:wblj|wbljts|waibu|waibulianjie|outlink|out[-_]?link|outer[-_]?link|ext[-_]?link|external[-_]?links?|leave(?:site|tip)?|likai|linktip|link[-_]?tips?|tiaozhuan|jumptip)[\w.-]*\.js\b/i;

/** Ids and classes of notice dialogs (`#leaveTip`, `.wblj-dialog`, `.outlink-modal`). */
const NOTICE_MARKUP = /(?:^|[\s_-])(?:wblj\w*|waibu\w*|outlink\w*|leave(?:site|tip|box|modal|dialog|notice)\w*|likai\w*|linktip\w*|exit(?:modal|notice|tip)\w*)(?:$|[\s_-])/i;

/**
 * The allow-list pattern: a script walks the page's links and compares their hosts with a list of
 * government domains before warning (`if (host.indexOf('gov.cn') < 0) confirm(…)`), with the wording
 * possibly in a dialog loaded elsewhere. All three parts must be present.
 */
function isAllowListScript(code: string): boolean {
  return (
    /getElementsByTagName\(\s*["']a["']\s*\)|querySelectorAll\(\s*["']a[\s\[\]"'=^$*~:\w-]*["']\s*\)|\$\(\s*["']a[\s\[\]"'=^$*~:\w-]*["']\s*\)|\.links\b/.test(code) &&
    /gov\.cn/.test(code) &&
    /\b(?:hostname|host|href|indexOf|includes|test|match)\b/.test(code) &&
    /\b(?:confirm|alert|layer|dialog|modal|open|show)|(?:Dialog|Modal|Tip|Confirm)\b/.test(code)
  );
}

/** Per-link confirmation in an event handler: `onclick="return confirm('您即将离开…')"`. */
function linkHasOwnNotice(el: Element): boolean {
  for (const [name, value] of Object.entries(el.attribs)) {
    if (name.startsWith('on') && /confirm|alert|离开|外部|第三方/.test(value)) return true;
    if (/^data-(?:outlink|external|leave|wblj)/.test(name)) return true;
  }
  return false;
}

/** Finds the page-wide leave-site notice, or undefined when the page has none. */
export function findNotice(root: Parameters<typeof elements>[0], source: string): NoticeEvidence | undefined {
  for (const el of elements(root)) {
    if (el.name === 'script') {
      const src = attr(el, 'src');
      if (src !== undefined) {
        if (NOTICE_SCRIPT_SRC.test(src)) return 'script-src';
        continue;
      }
      const code = rawText(el, source);
      if (NOTICE_TEXT.test(code) || isAllowListScript(code)) return 'script';
      for (const s of scriptStrings(code)) {
        if (s.text.length >= 2 && (NOTICE_TEXT.test(s.text) || NOTICE_SCRIPT_TEXT.test(s.text))) return 'script';
      }
      continue;
    }
    if (el.name === 'style') continue;
    const marker = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
    if (marker.trim() !== '' && NOTICE_MARKUP.test(marker)) return 'element';
    for (const [name, value] of Object.entries(el.attribs)) {
      if (name.startsWith('on') && NOTICE_TEXT.test(value)) return 'script';
    }
  }
  if (NOTICE_TEXT.test(textContent(root as never, source, 1_000_000))) return 'text';
  return undefined;
}

/**
 * `link/external-no-notice`: links to non-government sites on a page with no leave-site notice.
 * Government sites announce when a visitor is leaving for a site they do not run; templates do it
 * page-wide with one script and a domain allow-list, so the notice is looked for per page (its
 * wording in the page or in inline scripts, a notice plug-in's script file, a notice dialog's markup,
 * or a confirmation on the link itself).
 */
export const externalNoNotice = defineRule<ExternalNoNoticeOptions>({
  id: 'link/external-no-notice',
  meta: {
    description: '链接到非政府网站，但页面没有“您即将离开本网站”之类的离站提示',
    defaultSeverity: 'warning',
    // Off by default: a notice that lives in a generic external script (common.js) cannot be seen
    // statically, so a clean page could be flagged. Turn it on for pages whose templates you know.
    recommended: false,
    fixable: false,
    defaultOptions: { fragments: false },
    schema: {
      baseUrl: { type: 'string' },
      siteHosts: { type: 'array', items: { type: 'string' } },
      allowHosts: { type: 'array', items: { type: 'string' } },
      fragments: { type: 'boolean' },
    },
    dictionaries: ['link/gov-domains.json'],
    formats: ['html'],
    docs: {
      wrong: '<a href="https://www.example.com/">某企业网站</a>（页面无离站提示）',
      right: '加载外链提示脚本：点击外链时提示“您即将离开本网站”',
      source: '《政府网站发展指引》（国办发〔2017〕47号）“域名规范”（政府网站使用 .gov.cn）；外链离站提示为政府网站通行做法',
    },
  },
  check(context) {
    const dom = context.document.dom;
    if (!dom) return;
    const source = context.source;
    const info = pageInfo(dom, source, { baseUrl: context.url ?? context.options.baseUrl, siteHosts: context.options.siteHosts });
    if (!info.isFullPage && !context.options.fragments) return;
    const allow = context.options.allowHosts ?? [];
    const links = collectLinks(dom, source, info.base).filter((link) => {
      const host = externalHost(link.url, info.siteHosts);
      return host !== undefined && !isGovHost(host) && !isSameSite(host, allow) && !linkHasOwnNotice(link.element);
    });
    if (links.length === 0) return;
    if (findNotice(dom, source) !== undefined) return;
    for (const link of links) {
      const host = link.url!.hostname.toLowerCase();
      context.report({
        range: link.range,
        message: `外部链接：${host} 不是政府网站，而页面没有“您即将离开本网站”之类的离站提示。请加载外链提示脚本，或在链接上给出离站提示。`,
        expected: [],
        data: { host, href: link.url!.href, text: link.text.slice(0, 100) },
        target: { kind: 'link', src: link.url!.href },
      });
    }
  },
});
