import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../../src/dictionaries/parse.js';
import { createAnchorTerms } from '../../../src/rules/link/helpers/anchor-terms.js';
import { isGovHost } from '../../../src/knowledge/hosts.js';

const raw = JSON.parse(readFileSync(new URL('../../../dictionaries/link/anchor-terms.json', import.meta.url), 'utf8'));
const dict = parseDictionary(raw, 'link/anchor-terms.json');
const terms = createAnchorTerms();

describe('dictionaries/link/anchor-terms.json specs (prh-style: to "" fires, to === from must not)', () => {
  for (const entry of dict.entries) {
    for (const spec of entry.specs ?? []) {
      it(`${entry.id}: ${spec.from}`, () => {
        const verdict = terms.judge(spec.from, undefined);
        if (spec.to === spec.from) expect(verdict).toBeUndefined();
        else expect(verdict?.entryId).toBe(entry.id);
      });
    }
  }

  it('every entry has at least one spec that fires', () => {
    for (const entry of dict.entries) expect((entry.specs ?? []).some((s) => s.to !== s.from), entry.id).toBe(true);
  });
});

describe('host judgement', () => {
  it('tokens and TLDs of gambling and porn hosts', () => {
    expect(terms.judge('', 'www.bet365cn.example')?.terms).toEqual(['bet']);
    expect(terms.judge('', 'casino-88.example')?.category).toBe('gambling');
    expect(terms.judge('', 'x.example.porn')?.category).toBe('porn');
    expect(terms.judge('', '91av.example')?.category).toBe('porn');
  });
  it('does not cut words apart', () => {
    for (const host of ['www.tibet.cn', 'www.alphabet.com', 'sexton.example', 'avenue.example', 'www.xxxx.example', 'betaphase.example']) {
      expect(terms.judge('', host), host).toBeUndefined();
    }
  });
});

describe('government hosts (dictionaries/link/gov-domains.json)', () => {
  it('accepts the official suffixes and nothing that merely contains them', () => {
    for (const host of ['gov.cn', 'www.gov.cn', 'www.beijing.gov.cn', 'slj.bd.gov.cn', 'WWW.GOV.CN', 'www.gov.cn.', 'www.gov.hk', 'www.mil.cn', 'xn--fiqs8s.xn--zfr164b']) {
      expect(isGovHost(host), host).toBe(true);
    }
    for (const host of ['www.gov.cn.example.com', 'xxgov.cn', 'gov.cn-x.com', 'www.org.cn', 'www.example.cn', 'www.12371.cn', 'govcn.com']) {
      expect(isGovHost(host), host).toBe(false);
    }
  });
});
