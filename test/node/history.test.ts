import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectDocument } from '../../src/core/site.js';
import { ShenjiaoError } from '../../src/errors.js';
import { defaultHistoryPath, describeRunDiff, ignoreFindings, openHistory } from '../../src/node/history.js';
import type { Finding } from '../../src/types.js';
import { ID_NUMBER, SITE, pageFindings } from '../report/sample.js';

const dir = mkdtempSync(join(tmpdir(), 'shenjiao-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function site(ruleId: Finding['ruleId'], page: string, data: Record<string, unknown>): Finding {
  return { ruleId, severity: 'error', message: `${ruleId} ${page}`, range: [0, 0], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, actual: '', expected: [], data, page } as Finding;
}

function deadLink(target: string, pages: string[]): Finding {
  return { ...site('link/dead-link', pages[0]!, { status: 404, pages }), target: { kind: 'link', src: target } } as Finding;
}

const TYPO_PAGE = `${SITE}xwzx/gzdt/202502/t20250210_1.html`;

function doc(date: string, findings: Finding[], columns: InspectDocument['columns']): InspectDocument {
  return { version: 1, site: { url: SITE, date, pages: 300 }, columns, findings, summary: { total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {}, veto: {} } };
}

const bmdt = (date: string, latest: string) => ({ url: `${SITE}xwzx/bmdt/`, title: '部门动态', kind: 'news' as const, items: 40, latest, threshold: 14, days: Math.round((Date.parse(date) - Date.parse(latest)) / 86_400_000) });
const zxft = { url: `${SITE}hdjl/zxft/`, title: '在线访谈', kind: 'interaction' as const, items: 0, latest: null };
const gzdt = (latest: string) => ({ url: `${SITE}xwzx/gzdt/`, title: '工作动态', kind: 'news' as const, items: 100, latest, threshold: 14 });

describe('the inspection history (SQLite)', () => {
  const file = join(dir, 'sub', 'history.sqlite');

  const run1 = () =>
    doc(
      '2025-03-20',
      [
        site('site/stale-column', `${SITE}xwzx/bmdt/`, { indicator: '栏目不更新', veto: false, column: '部门动态', latest: '2025-02-01', days: 47, threshold: 14 }),
        site('site/blank-column', `${SITE}hdjl/zxft/`, { indicator: '空白栏目', veto: false, column: '在线访谈' }),
        ...pageFindings('全县上下按步就班推进工作。', { page: TYPO_PAGE, title: '工作动态' }),
        ...pageFindings(`拟录用人员：王某，身份证号码${ID_NUMBER}。`, { page: `${SITE}a.pdf`, attachment: `${SITE}a.pdf`, parent: `${SITE}a.html` }),
        deadLink(`${SITE}old/1.html`, [`${SITE}index.html`]),
      ],
      [bmdt('2025-03-20', '2025-02-01'), zxft, gzdt('2025-03-18')],
    );

  it('records a first run: everything is new, stale columns dated from their newest item', () => {
    const history = openHistory(file, { now: () => new Date('2025-03-20T10:00:00Z') });
    const diff = history.record(run1());
    history.close();
    expect(diff.previous).toBeNull();
    expect(diff.new.map((k) => k.finding.ruleId).sort()).toEqual(['link/dead-link', 'privacy/cn-id-card', 'site/blank-column', 'site/stale-column', 'typo/common-typo']);
    expect(diff.fixed).toEqual([]);
    expect(diff.staleSince).toEqual([
      { url: `${SITE}xwzx/bmdt/`, title: '部门动态', latest: '2025-02-01', staleSince: '2025-02-15', days: 33, runs: 1, blank: false },
      { url: `${SITE}hdjl/zxft/`, title: '在线访谈', latest: null, staleSince: '2025-03-20', days: 0, runs: 1, blank: true },
    ]);
    expect(describeRunDiff(diff)[0]).toBe('首次检查：发现问题 5 个。');
  });

  it('a re-scan says what is new, fixed, persisting and ignored, and how long columns have been stale', () => {
    // The reviewer marks the typo finding as reviewed, by the key a report printed (a prefix will do).
    const first = openHistory(file);
    const typoKey = first.keyOf(run1().findings.find((f) => f.ruleId.startsWith('typo/'))!);
    first.close();
    const [record] = ignoreFindings(file, [typoKey.slice(0, 8)], '专有名称，已复核');
    expect(record).toMatchObject({ key: typoKey, ruleId: 'typo/common-typo', page: TYPO_PAGE, note: '专有名称，已复核' });

    const history = openHistory(file);
    const diff = history.record(
      doc(
        '2025-06-20',
        [
          site('site/stale-column', `${SITE}xwzx/bmdt/`, { indicator: '栏目不更新', veto: false, column: '部门动态', latest: '2025-02-01', days: 139, threshold: 14 }),
          site('site/blank-column', `${SITE}hdjl/zxft/`, { indicator: '空白栏目', veto: false, column: '在线访谈' }),
          // The same typo, now at another offset on the edited page: still ignored.
          ...pageFindings('根据通知，全县上下按步就班推进工作。', { page: TYPO_PAGE, title: '工作动态' }),
          // The dead link now shows on more pages: the same finding.
          deadLink(`${SITE}old/1.html`, [`${SITE}index.html`, `${SITE}zwgk/`]),
          deadLink(`${SITE}old/2.html`, [`${SITE}zwgk/`]),
          // The attachment with the ID number was taken down: fixed.
        ],
        [bmdt('2025-06-20', '2025-02-01'), zxft, gzdt('2025-06-18')],
      ),
    );
    expect(diff.previous).toEqual({ run: 1, date: '2025-03-20' });
    expect(diff.new.map((k) => k.finding.target?.src)).toEqual([`${SITE}old/2.html`]);
    expect(diff.fixed.map((f) => f.ruleId)).toEqual(['privacy/cn-id-card']);
    expect(diff.fixed[0]!.page).toBe(`${SITE}a.pdf`);
    expect(diff.fixed[0]!.message).not.toContain(ID_NUMBER);
    expect(diff.persisting.map((k) => k.finding.ruleId).sort()).toEqual(['link/dead-link', 'site/blank-column', 'site/stale-column']);
    expect(diff.ignored.map((k) => k.key)).toEqual([typoKey]);
    expect(history.isIgnored(diff.ignored[0]!.finding)).toBe(true);
    expect(diff.staleSince.map((c) => [c.title, c.staleSince, c.days, c.runs])).toEqual([
      ['部门动态', '2025-02-15', 125, 2],
      ['在线访谈', '2025-03-20', 92, 2],
    ]);
    expect(describeRunDiff(diff)).toEqual([
      '与上次检查（2025-03-20）相比：新增问题 1 个，已整改 1 个，仍存在 3 个，已复核忽略 1 个。',
      '栏目“部门动态”未按期更新，自 2025-02-15 起已 125 天（连续 2 次检查）。',
      '栏目“在线访谈”为空白栏目，自 2025-03-20 起已 92 天（连续 2 次检查）。',
    ]);
    history.close();
  });

  it('an ignore record stops applying when the content changes; a column updated and stale again is a new finding', () => {
    const history = openHistory(file);
    const diff = history.record(
      doc(
        '2025-09-20',
        [
          // New items came, then stopped: another newest date, so a new finding, not the old one.
          site('site/stale-column', `${SITE}xwzx/bmdt/`, { indicator: '栏目不更新', veto: false, column: '部门动态', latest: '2025-08-01', days: 50, threshold: 14 }),
          // The page now has another typo where the reviewed one was: reported again.
          ...pageFindings('全县上下再接再励推进工作。', { page: TYPO_PAGE, title: '工作动态' }),
        ],
        [bmdt('2025-09-20', '2025-08-01'), { ...zxft, items: 5, latest: '2025-09-01' }, gzdt('2025-09-19')],
      ),
    );
    expect(diff.ignored).toEqual([]);
    expect(diff.new.map((k) => k.finding.ruleId).sort()).toEqual(['site/stale-column', 'typo/common-typo']);
    expect(diff.fixed.map((f) => f.ruleId).sort()).toEqual(['link/dead-link', 'link/dead-link', 'site/blank-column', 'site/stale-column']);
    // The column was updated in between: stale since its new newest item plus 14 days, one run.
    expect(diff.staleSince).toEqual([{ url: `${SITE}xwzx/bmdt/`, title: '部门动态', latest: '2025-08-01', staleSince: '2025-08-15', days: 36, runs: 1, blank: false }]);
    expect(history.runs().map((r) => r.date)).toEqual(['2025-03-20', '2025-06-20', '2025-09-20']);
    expect(history.ignores()).toHaveLength(1);
    expect(history.unignore(history.ignores()[0]!.key)).toBe(true);
    expect(history.ignores()).toEqual([]);
    history.close();
  });

  it('keeps no unmasked personal data in the database file', () => {
    const bytes = readFileSync(file).toString('latin1');
    expect(bytes).not.toContain(ID_NUMBER);
    expect(bytes).not.toContain('19491231');
    expect(bytes).not.toContain('1949-12-31');
  });

  it('refuses unknown keys and files that are not a history, with typed errors', () => {
    const history = openHistory(file);
    expect(() => history.ignore('ffffffffffff')).toThrow(ShenjiaoError);
    expect(() => history.ignore('not-a-key')).toThrow(/没有编号/);
    history.close();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text '.repeat(200));
    expect(() => openHistory(junk)).toThrow(ShenjiaoError);
  });

  it('lives beside the report by default', () => {
    expect(defaultHistoryPath(join(dir, 'out', 'report.html'))).toBe(join(dir, 'out', 'shenjiao-history.sqlite'));
  });
});
