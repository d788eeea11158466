import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { parseDictionary } from '../../../src/dictionaries/parse.js';
import { normalize } from '../../../src/text/normalize.js';
import type { Finding } from '../../../src/types.js';

const dir = new URL('../../../dictionaries/sensitive/', import.meta.url);
/** Term lists only: reference tables (reporting-frames.json) keep a map in `entries`. */
const lists = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && Array.isArray((JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { entries?: unknown }).entries))
  .sort();

/** prh-style spec: `to` is `from` with every finding replaced by its first `expected` (or deleted). */
function apply(source: string, findings: readonly Finding[]): string {
  let out = source;
  for (const f of [...findings].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, f.range[0]) + (f.expected[0] ?? '') + out.slice(f.range[1]);
  return out;
}

describe('built-in sensitive lists', () => {
  it('has at least the five categories the issue asks for', () => {
    expect(lists).toEqual(expect.arrayContaining(['advertising-law.json', 'drugs-contraband.json', 'fraud-invoice.json', 'gambling.json', 'pornography.json']));
  });

  for (const file of lists) {
    const raw = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { meta: { id: string; severity?: string } };
    const dict = parseDictionary(raw, file);
    const ruleId = `sensitive/${dict.meta.id}`;
    const checker = createChecker({ preset: 'none', rules: { [ruleId]: 'error' } });
    describe(file, () => {
      it('names its file after its id and gives a severity', () => {
        expect(file).toBe(`${dict.meta.id}.json`);
        expect(['error', 'warning', 'info']).toContain(raw.meta.severity);
      });
      it('keeps every pattern in one entry only, every short pattern with context', () => {
        const seen = new Map<string, string>();
        for (const e of dict.entries) {
          for (const p of e.patterns) {
            const key = normalize(p).text;
            expect(seen.get(key), `${p} in ${e.id} and ${seen.get(key)}`).toBeUndefined();
            seen.set(key, e.id);
            if (p.length <= 2) expect(e.context, `${e.id}: short pattern ${p} needs context`).toBeDefined();
          }
        }
      });
      for (const entry of dict.entries) {
        it(`${entry.id}: every pattern fires on its own and every spec holds`, () => {
          expect(entry.specs?.length, 'each entry carries specs').toBeGreaterThan(0);
          for (const spec of entry.specs ?? []) {
            const findings = checker.check(spec.from);
            if (spec.to === spec.from) expect(findings.map((f) => f.actual), `must not fire: ${spec.from}`).toEqual([]);
            else {
              expect(findings.some((f) => f.entryId === entry.id), `fires: ${spec.from}`).toBe(true);
              expect(apply(spec.from, findings)).toBe(spec.to);
            }
          }
          if (entry.context) return;
          for (const p of entry.patterns) {
            const exception = (entry.exceptions ?? []).some((x) => x === p);
            if (!exception) expect(checker.check(`。${p}。`).map((f) => f.entryId), p).toContain(entry.id);
          }
        });
      }
    });
  }
});

describe('precision on clean official text (recommended preset)', () => {
  const cleanDir = new URL('../../fixtures/clean/', import.meta.url);
  const files = existsSync(cleanDir) ? readdirSync(cleanDir).filter((f) => f.endsWith('.txt')) : [];
  const checker = createChecker();
  for (const file of files) {
    it(`no sensitive finding in fixtures/clean/${file}`, () => {
      const text = readFileSync(new URL(file, cleanDir), 'utf8');
      expect(checker.check(text).filter((f) => f.ruleId.startsWith('sensitive/')).map((f) => `${f.ruleId} ${f.actual}`)).toEqual([]);
    });
  }
  it('stays silent on official reporting about the very crimes the lists target', () => {
    const text = [
      '市公安局通报：今年以来共破获跨境赌博案件12起，其中利用“百家乐”“六合彩”等名义开设网络赌场案件5起。',
      '扫黄打非办公室部署开展“净网”专项行动，依法查处淫秽色情网站和裸聊敲诈团伙，提醒群众防范裸聊诈骗。',
      '纳税人可通过电子税务局申请代开发票，税务机关代开发票的征收率为3%。被告人犯非法出售发票罪，判处有期徒刑二年。',
      '禁毒宣传月活动中，民警讲解冰毒、K粉等毒品的危害；法院以非法出售枪支罪对被告人判处刑罚。',
      '第一季度全区地区生产总值同比增长5.2%，驻村第一书记第一时间走访群众，形成可复制推广的最佳实践。',
      '我县成功创建国家级全域旅游示范区，国家级非物质文化遗产项目增至3项。',
    ].join('\n');
    expect(checker.check(text).filter((f) => f.ruleId.startsWith('sensitive/')).map((f) => `${f.ruleId} ${f.actual}`)).toEqual([]);
  });
});
