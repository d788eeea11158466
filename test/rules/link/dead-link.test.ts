import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/checker.js';
import { builtinRules } from '../../../src/rules/index.js';

// link/dead-link needs the network: its behaviour is tested against a local server in
// test/node/links.test.ts. The core registers the id (docs, severity settings) and stays pure.
describe('link/dead-link in the pure core', () => {
  it('is registered, documented, and off in the recommended preset (opt-in)', () => {
    const rule = builtinRules.find((r) => r.id === 'link/dead-link');
    expect(rule?.meta.recommended).toBe(false);
    expect(createChecker().rules).not.toContain('link/dead-link');
  });

  it('never reports from checkHtml, even when on: the core never touches the network', () => {
    const checker = createChecker({ preset: 'none', rules: { 'link/dead-link': 'error' } });
    expect(checker.rules).toEqual(['link/dead-link']);
    expect(checker.checkHtml('<!DOCTYPE html><html><body><a href="http://127.0.0.1:1/404">死链</a></body></html>')).toEqual([]);
  });
});
