import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atLeast } from '../src/core/findings.js';
import { createNodeChecker } from '../src/node/index.js';

/**
 * The precision guard (STYLE.md): the `recommended` preset, every category together, as a user gets it
 * from shenjiao/node (nodejieba injected), reports nothing at warning or above on real official text.
 * Each file in test/fixtures/clean names its source and publication date in its first line.
 */
const dir = new URL('fixtures/clean/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('recommended preset on the clean corpus', async () => {
  const node = await createNodeChecker();

  it('has a corpus to check', () => expect(files.length).toBeGreaterThanOrEqual(15));

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const date = /日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
      const found = node.check(text, date ? { date } : {}).filter((f) => atLeast(f.severity, 'warning'));
      expect(found.map((f) => `${f.ruleId} ${f.loc.start.line}:${f.loc.start.column} ${f.actual}`)).toEqual([]);
    });
  }

  it('stays clean when the corpus is published as HTML paragraphs', () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const date = /日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${file}</title></head><body>${text
        .split('\n')
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('\n')}</body></html>`;
      const found = node.checkHtml(html, date ? { date } : {}).filter((f) => atLeast(f.severity, 'warning'));
      expect(found.map((f) => `${file} ${f.ruleId} ${f.actual}`)).toEqual([]);
    }
  });
});

/**
 * Excerpts of 2023–2026 official news and notices (test/fixtures/clean-excerpts.json). A first batch of 82 (county, city
 * and provincial government news, 纪委监委, Party-building, 政协, the Taiwan Affairs Office, Macao's news office),
 * gathered and scanned before the eighth round tuned anything: 6 findings at warning or above, all false alarms; five
 * are gone by mechanism (phrasing/formula's unrelated substitutes as hints, half-width clause punctuation,
 * canonical-term's first-word guard, term-near-miss's echo). The sixth is phrasing/outdated-term's advice on
 * 习近平总书记系列重要讲话精神 written in 2024. A second batch of 100 on other topics (statistics, safety, farming,
 * health, jobs, police, transport, housing, tourism, ethnic unity, foreign affairs), gathered and scanned after those
 * five fixes: 2 false alarms (先后来到 for 先来后到, 服务动能 for 服务功能), gone by mechanism since. A third batch of 105
 * (provincial leaders' activities, State Council and Politburo meetings, Hong Kong and Macao, ethnic and religious affairs,
 * veterans and militia, science, data and audit bureaus, the two high courts' reports, Shanghai's 2026 work report,
 * townships and villages), gathered and scanned after all of them: nothing at warning or above. Then 124 passages that
 * could trap the rules (ethnic autonomous areas and ethnic names, officials' names, foreign leaders in the Foreign
 * Ministry's briefings, Hong Kong and Macao officials, Taiwan wording, anniversaries and session ordinals, new-media
 * posts): nothing; and 100 of 2013–2022 (institutions before the 2018 reform, the leaders and formulas of their time):
 * 2, a false alarm (社会经济发展, now a hint) and the five-in-one members out of order (政治建设、经济建设…), which issue 12
 * asks to report. Then 103 of 2014–2020 and 100 notices, bulletins, budgets, penalty decisions and replies of 2020–2025:
 * real slips in the sources (疏竣, 党的群众路线教育活动 for 教育实践活动: found), false alarms fixed since (“村官” in quotes,
 * 国土资源部门, a quoted “养老钱” for 养老金), and one left, named below: 稳中求进总基调 (a warning for 稳中求进工作总基调).
 */
describe('recommended preset on fresh official excerpts', async () => {
  const node = await createNodeChecker();
  const { passages } = JSON.parse(readFileSync(new URL('fixtures/clean-excerpts.json', import.meta.url), 'utf8')) as { passages: { id: string; text: string; date: string }[] };
  it('reports nothing at warning or above but the findings named here', () => {
    expect(passages.length).toBeGreaterThanOrEqual(700);
    const found = passages.flatMap((p) => node.check(p.text, { date: p.date }).filter((f) => atLeast(f.severity, 'warning')).map((f) => `${p.id} ${f.ruleId} ${f.actual}`));
    expect(found).toEqual([
      'f046 phrasing/outdated-term 习近平总书记系列重要讲话精神',
      'k027 phrasing/formula 政治建设、经济建设、文化建设、社会建设、生态文明建设',
      // Slips the sources really have.
      'm047 typo/common-typo 疏竣',
      'm052 phrasing/canonical-term 群众路线教育活动',
      'm052 phrasing/canonical-term 群众路线教育活动',
      // A false alarm left for a later round.
      'n050 phrasing/formula 稳中求进总基调',
    ]);
  });
});
