import { defineRule } from '../../core/rule.js';
import { attachedLinks, UNSAFE_NAMES, type LinkResult, type LinkStatus, type UnsafeReason } from '../../facts/link.js';
import type { Severity } from '../../types.js';

const SOURCE = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）';

/** How bad each verdict is; `ok` is no finding. Below error the verdict is advice (unverifiable, not requested). */
const SEVERITY: Readonly<Record<LinkStatus, Severity | undefined>> = {
  ok: undefined,
  'not-found': 'error',
  gone: 'error',
  'client-error': 'error',
  'server-error': 'error',
  timeout: 'error',
  dns: 'error',
  connection: 'error',
  tls: 'error',
  'redirect-loop': 'error',
  'too-many-redirects': 'error',
  'soft-404': 'error',
  'invalid-url': 'error',
  'local-file': 'error',
  unsafe: 'warning',
  blocked: 'info',
  'rate-limited': 'info',
  'auth-required': 'info',
  forbidden: 'info',
  'unsupported-scheme': 'info',
};

/** zh-CN: what the verdict means and what to do. */
function message(r: LinkResult, timeoutMs: number): string {
  const code = r.httpStatus !== undefined ? `HTTP ${r.httpStatus}` : '';
  switch (r.status) {
    case 'not-found':
      return `死链：链接返回 ${code}（页面不存在）。请改为有效地址或删除链接。`;
    case 'gone':
      return `死链：链接返回 ${code}（页面已永久删除）。请改为有效地址或删除链接。`;
    case 'client-error':
      return `死链：链接返回 ${code}，无法正常访问。请改为有效地址或删除链接。`;
    case 'server-error':
      return `死链：目标服务器出错（${code}${r.reason ? `，${r.reason}` : ''}），重试后仍无法访问。请确认目标网站状态，必要时删除链接。`;
    case 'timeout':
      return `死链：超过 ${Math.round(timeoutMs / 100) / 10} 秒仍未打开（检查指标以 15 秒为限）。请确认目标网站状态，必要时删除链接。`;
    case 'dns':
      return `死链：域名无法解析（${r.reason ?? 'DNS'}）。请改为有效地址或删除链接。`;
    case 'connection':
      return `死链：无法连接目标服务器（${r.reason ?? '连接失败'}），重试后仍失败。请确认目标网站状态，必要时删除链接。`;
    case 'tls':
      return `死链：HTTPS 证书或加密连接出错（${r.reason ?? 'TLS'}），浏览器会拦截访问。请改用有效地址。`;
    case 'redirect-loop':
      return `死链：重定向循环（${[r.url, ...r.redirects].slice(-3).join(' → ')}），页面永远打不开。请改为最终有效的地址。`;
    case 'too-many-redirects':
      return `死链：重定向次数过多（超过 ${r.redirects.length} 次）。请改为最终有效的地址。`;
    case 'soft-404':
      return r.reason === 'redirect-to-home' || r.reason === 'refresh-to-home'
        ? `死链（软 404）：链接被转到首页 ${r.finalUrl ?? ''}，原页面已不存在。请改为有效地址或删除链接。`
        : `死链（软 404）：页面返回 ${code}，内容却是“页面不存在”之类的提示（${r.reason ?? ''}）。请改为有效地址或删除链接。`;
    case 'invalid-url':
      return '死链：链接地址格式无效，浏览器无法打开。请改正地址。';
    case 'local-file':
      return '死链：链接指向本地文件路径（file:），公众无法访问。请上传文件后改为网站地址。';
    case 'unsafe': {
      const [reason, address] = (r.reason ?? '').split(' ');
      return `未检查：链接指向${UNSAFE_NAMES[reason as UnsafeReason] ?? '非公网地址'}（${address ?? ''}），公众无法访问；出于安全考虑未发起请求。请改为公网可访问的地址。`;
    }
    case 'blocked':
      return `无法核实：目标网站的防护（WAF 或人机验证，${code}）拦截了自动检查，请人工打开确认。`;
    case 'rate-limited':
      return `无法核实：目标网站限制了访问频率（${code}${r.reason ? `，${r.reason}` : ''}），请稍后人工确认。`;
    case 'auth-required':
      return `无法核实：链接需要登录（${code}）。公众无法访问的链接不宜放在公开页面，请确认。`;
    case 'forbidden':
      return `无法核实：目标网站拒绝访问（${code}），可能是防护策略，请人工打开确认。`;
    case 'unsupported-scheme':
      return `未检查：${r.reason ?? ''} 链接不是网页地址。请确认公众能够打开。`;
    default:
      return '链接无法访问。';
  }
}

/**
 * `link/dead-link`: links that do not open. Finding them needs the network: `shenjiao/node`'s
 * `checkLinks` (CLI `--links`) requests the URLs and attaches the verdicts to the page (link facts);
 * this rule judges them, so severity, `off`, options and allow-lists apply as to every rule. Without
 * link facts (any check that did not ask for the network) it finds nothing; `checkLinks` judges with
 * it on unless the config sets it.
 */
export const deadLink = defineRule({
  id: 'link/dead-link',
  meta: {
    description: '死链：链接打不开（404、5xx、超时 15 秒、重定向循环、软 404 等；需联网，仅 checkLinks / --links 检查）',
    defaultSeverity: 'error',
    // Off in the presets: asking for the network (checkLinks, --links) is the opt-in.
    recommended: false,
    fixable: false,
    docs: {
      wrong: '<a href="/xxgk/2019/old.html">（该页面已删除，返回 404）</a>',
      right: '改为有效地址或删除链接',
      source: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：首页及其他页面不能正常访问的链接数量；超过（含）15 秒打不开视为无法访问',
    },
  },
  check(context) {
    for (const link of attachedLinks(context.document)) {
      const severity = SEVERITY[link.result.status];
      if (!severity) continue;
      context.report({
        range: link.range,
        message: message(link.result, link.timeoutMs),
        source: SOURCE,
        data: { ...link.result },
        target: { kind: 'link', src: link.target },
        severity,
        // A link not verified or not requested is advice: raising the rule to error never fails a page for it.
        ...(severity === 'error' ? {} : { advisory: true }),
      });
    }
  },
});
