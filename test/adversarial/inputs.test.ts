import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { assertFindingInvariants } from '../helpers/rule-tester.js';

/**
 * Hostile and broken inputs: every format must return findings or nothing, never throw or hang. The
 * test timeout is the hang guard; there are no timing assertions here (timings live in benchmarks/).
 */
const id = '110101199003074514';
const checker = createChecker({ preset: 'all' });

const inputs: Record<string, string> = {
  'megabyte line': '党'.repeat(1_000_000) + id + '。',
  'megabyte digits': '1'.repeat(1_000_000),
  'lone surrogates': '\ud800\udc00\ud800x\udfff'.repeat(50_000) + id,
  'deep HTML nesting': '<div>'.repeat(20_000) + id,
  'unclosed tags and quotes': '<p title="未闭合>' + '<a '.repeat(50_000) + id,
  'ampersands': '&'.repeat(300_000) + '&#x'.repeat(50_000) + '&amp'.repeat(50_000),
  'nested block quotes': '>'.repeat(100_000) + ' ' + id,
  'nested lists': '- '.repeat(100_000) + id,
  'emphasis run': '*'.repeat(100_000) + id + '*'.repeat(100_000),
  'brackets': '['.repeat(50_000) + ']('.repeat(50_000),
  'angle brackets': '<a'.repeat(200_000),
  'NUL and controls': '\u0000\u0001\u001f\u007f'.repeat(100_000) + id,
  'CR only line breaks': `第一行\r第二行${id}\r`.repeat(10_000),
};

describe('adversarial inputs', () => {
  for (const [name, source] of Object.entries(inputs)) {
    it(name, () => {
      for (const check of [checker.check, checker.checkHtml, checker.checkMarkdown]) {
        const findings = check(source);
        assertFindingInvariants(source, findings);
      }
    });
  }

  it('still finds a leak at the end of a megabyte line', () => {
    expect(checker.check(inputs['megabyte line'] as string).map((f) => f.actual)).toEqual([id]);
  });
});
