/** Two runs of the sample portal recorded in a real history database: the second with history. */
import { join } from 'node:path';
import type { InspectDocument } from '../../src/core/site.js';
import { openHistory, type RunDiff } from '../../src/node/history.js';
import type { Finding } from '../../src/types.js';
import { SITE, pageFindings, sampleDocument } from './sample.js';

export function recordTwoRuns(dir: string): { doc: InspectDocument; diff: RunDiff } {
  const history = openHistory(join(dir, 'shenjiao-history.sqlite'));
  try {
    const first = sampleDocument();
    const old: Finding = {
      ruleId: 'link/dead-link',
      severity: 'error',
      message: '链接不可用：http://www.example-county.gov.cn/old/ldjs.html 返回 404。',
      range: [0, 0],
      loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      actual: '',
      expected: [],
      target: { kind: 'link', src: `${SITE}old/ldjs.html` },
      data: { pages: [`${SITE}zwgk/`] },
      page: `${SITE}zwgk/`,
    } as Finding;
    history.record({ ...first, site: { ...first.site, date: '2025-03-20' }, findings: [...first.findings, old] });
    // Reviewed: the typo finding is a quotation, ignore it.
    history.ignore(first.findings.find((f) => f.ruleId.startsWith('typo/'))!, { note: '引文原文' });
    const second = sampleDocument();
    // New since March: a mobile number in a 政务咨询 reply.
    const reply = pageFindings('答复：请直接联系经办人李某，电话13912345678。', { page: `${SITE}hdjl/zxts/202506/t20250615_9.html`, title: '关于办理居住证的咨询' });
    const doc = { ...second, findings: [...second.findings, ...reply] };
    return { doc, diff: history.record(doc) };
  } finally {
    history.close();
  }
}
