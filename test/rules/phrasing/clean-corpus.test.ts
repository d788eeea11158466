import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { atLeast } from '../../../src/core/findings.js';
import { jiebaSegmenter } from '../../../src/node/segment.js';
import { rules as phrasing } from '../../../src/rules/phrasing/index.js';
import { rules as typo } from '../../../src/rules/typo/index.js';

const dir = new URL('../../fixtures/clean/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
/** Every phrasing and typo rule, on at its default severity, whatever the preset. */
const ours = Object.fromEntries([...phrasing, ...typo].map((r) => [r.id, r.meta.defaultSeverity]));
const withoutSegmenter = createChecker({ preset: 'none', rules: ours });
const withSegmenter = createChecker({ preset: 'none', rules: ours }, { segmenter: jiebaSegmenter });

describe('clean official texts (test/fixtures/clean)', () => {
  it('holds at least 30 KB of text from different offices, each file with its source and date', () => {
    const bytes = files.reduce((n, f) => n + readFileSync(new URL(f, dir)).length, 0);
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(bytes).toBeGreaterThan(30_000);
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8')).toMatch(/^# 来源：.+\| 日期：\d{4}-\d{2}-\d{2}\n/);
  });
  for (const file of files) {
    it(`${file}: no phrasing or typo finding at warning or above, with and without the segmenter`, () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const date = /日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] as string;
      for (const checker of [withoutSegmenter, withSegmenter]) {
        const found = checker.check(text, { date }).filter((f) => atLeast(f.severity, 'warning'));
        expect(found.map((f) => `${f.ruleId} ${f.actual} → ${f.expected.join('|')}`)).toEqual([]);
      }
    });
  }
});
