import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/rules/index.js';
import { withRulesTable } from '../scripts/rules-table.js';

const root = new URL('../', import.meta.url);
const ID = /^(phrasing|typo|sensitive|privacy|image|link)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('rule registry (ESLint checkRuleFiles)', () => {
  it('is sorted by id with unique ids', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of builtinRules) {
    describe(rule.id, () => {
      it('has a kebab-case id in a known category', () => expect(rule.id).toMatch(ID));
      it('has its source file and its test file', () => {
        expect(existsSync(new URL(`src/rules/${rule.id}.ts`, root)), `src/rules/${rule.id}.ts`).toBe(true);
        expect(existsSync(new URL(`test/rules/${rule.id}.test.ts`, root)), `test/rules/${rule.id}.test.ts`).toBe(true);
      });
      it('documents itself in zh-CN with an example and a source', () => {
        expect(rule.meta.description).toMatch(/[\u4e00-\u9fff]/);
        expect(rule.meta.docs.wrong).not.toBe('');
        expect(rule.meta.docs.source).not.toBe('');
      });
    });
  }

  it('README rules table is up to date (run `npm run docs`)', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toBe(withRulesTable(readme));
  });
});
