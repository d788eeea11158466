import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { ListPrefilter, compileBuiltin } from '../../../src/rules/sensitive/helpers/engine.js';
import { parseDictionary } from '../../../src/dictionaries/parse.js';
import { foldKey, normalize } from '../../../src/text/normalize.js';
import { perCheck } from '../../helpers/per-check.js';

const LISTS = ['pornography', 'drugs-contraband', 'gambling', 'fraud-invoice', 'illegal-services', 'advertising-law'];
const lists = LISTS.map((id) => compileBuiltin(parseDictionary(JSON.parse(readFileSync(new URL(`../../../dictionaries/sensitive/${id}.json`, import.meta.url), 'utf8')), id), undefined, {}));

/** Lines of the spam samples (each list's words) and of the clean sensitive corpus (traps). */
function lines(): string[] {
  const spam = JSON.parse(readFileSync(new URL('../../fixtures/spam-sensitive/injected.json', import.meta.url), 'utf8')) as { cases: { text?: string; body?: string }[] };
  const out = spam.cases.flatMap((c) => [c.text ?? '', c.body ?? '']);
  const dir = new URL('../../fixtures/clean-sensitive/', import.meta.url);
  for (const f of readdirSync(dir)) out.push(...readFileSync(new URL(f, dir), 'utf8').split('\n'));
  return out.filter((l) => l.trim() !== '');
}

describe('ListPrefilter', () => {
  it('says "may match" exactly when some joined list matches, on spam and clean lines alike', () => {
    const prefilter = new ListPrefilter();
    for (const l of lists) prefilter.join(l);
    let some = 0;
    let none = 0;
    for (const line of lines()) {
      for (const l of lists) {
        const norm = { text: normalize(line, l.fold).text };
        const any = lists.some((m) => foldKey(m.fold) === foldKey(l.fold) && m.matcher.count(norm.text) > 0);
        expect(prefilter.mayMatch(norm, l.fold, perCheck())).toBe(any);
        if (any) some++;
        else none++;
      }
    }
    // Both answers occur, so the equality above is tested both ways.
    expect(some).toBeGreaterThan(50);
    expect(none).toBeGreaterThan(50);
  });

  it('remembers the answer per normalized segment object, and claims nothing for a fold no list joined with', () => {
    const prefilter = new ListPrefilter();
    prefilter.join(lists[0]!);
    const norm = { text: '今天天气很好' };
    const check = perCheck();
    expect(prefilter.mayMatch(norm, lists[0]!.fold, check)).toBe(false);
    expect(prefilter.mayMatch({ text: '今天天气很好' }, { width: true }, check)).toBe(true);
  });

  it('leaves the checker findings unchanged, with users\' words merged into a built-in list', () => {
    const config = { preset: 'none' as const, rules: Object.fromEntries(LISTS.map((id) => [`sensitive/${id}`, 'error' as const])), dictionaries: { sensitive: { gambling: ['幸运飞艇代理'] } } };
    const checker = createChecker(config);
    const text = '本站提供幸运飞艇代理。全市经济运行平稳。';
    const found = checker.check(text).filter((f) => f.ruleId === 'sensitive/gambling');
    expect(found.map((f) => f.actual)).toContain('幸运飞艇代理');
    // The same page split in segments: every list still reports what it reported alone.
    for (const id of LISTS) {
      const alone = createChecker({ ...config, rules: { [`sensitive/${id}`]: 'error' as const } });
      for (const line of lines().slice(0, 400)) expect(checker.check(line).filter((f) => f.ruleId === `sensitive/${id}`)).toEqual(alone.check(line));
    }
  });
});
