import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typoFindings, type TypoFinding } from './typo-corpus.js';

/**
 * The typo rule's tables and loops are tuned for speed; what it finds must not move. The fixture was
 * recorded (scripts/record-typo-findings.ts) before the optimisations, on the corpora, on generated
 * portal pages and on the clean texts with slips put in.
 */
describe('typo/common-typo finds exactly what it found before its speed-ups', () => {
  it('on the corpora, portal pages and mutated texts', async () => {
    const recorded = JSON.parse(readFileSync(new URL('../../fixtures/typo-findings.json', import.meta.url), 'utf8')) as { inputs: string[]; findings: TypoFinding[] };
    expect(recorded.findings.length).toBeGreaterThan(200);
    const now = await typoFindings(new Set(recorded.inputs));
    // Every input of the recording is still there and checked, and each gives the same findings.
    expect(now.inputs).toEqual(recorded.inputs);
    expect(now.findings).toEqual(recorded.findings);
  }, 120_000);
});
