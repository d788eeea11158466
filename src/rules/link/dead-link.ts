import { defineRule } from '../../core/rule.js';

/**
 * `link/dead-link`: links that do not open. Finding them needs the network, so the pure core never
 * reports this id; `shenjiao/node`'s `checkLinks` (CLI `--links`) does, with the options described
 * there. The module exists so that the id, its documentation and its severity setting live in the
 * registry like every other rule's.
 */
export const deadLink = defineRule({
  id: 'link/dead-link',
  meta: {
    description: '死链：链接打不开（404、5xx、超时 15 秒、重定向循环、软 404 等；需联网，仅 checkLinks / --links 检查）',
    defaultSeverity: 'error',
    recommended: false,
    fixable: false,
    formats: ['html'],
    docs: {
      wrong: '<a href="/xxgk/2019/old.html">（该页面已删除，返回 404）</a>',
      right: '改为有效地址或删除链接',
      source: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）：首页及其他页面不能正常访问的链接数量；超过（含）15 秒打不开视为无法访问',
    },
  },
  check() {
    // Network check only: see src/node/links.ts.
  },
});
