import canonicalRaw from '../../dictionaries/phrasing/canonical-terms.json';
import confusionRaw from '../../dictionaries/phrasing/confusion-chars.json';
import institutionsRaw from '../../dictionaries/phrasing/institutions.json';
import protectedRaw from '../../dictionaries/phrasing/protected-terms.json';
import { parseDictionary } from '../dictionaries/parse.js';
import type { Entry } from '../types.js';
import { confusionMap, type ConfusionMap, type NearMiss, type ProtectedTerm } from '../text/fuzzy.js';
import { foldPattern, q } from '../text/patterns.js';

/** A protected canonical term with its dictionary entry. */
export interface ProtectedEntry extends ProtectedTerm {
  readonly entry: Entry;
  /** The numeral of a numbered formula ("四" in 四个意识). */
  readonly number?: string;
  /** Any other numeral is wrong (两个确立, 两个维护: no other count exists). */
  readonly numberStrict?: boolean;
  /** The members a numbered formula stands for, in order. */
  readonly members?: readonly string[];
  /** The members' order is part of the formula (core socialist values). */
  readonly ordered?: boolean;
  /** A full list of the members identifies the formula even without its name. */
  readonly standalone?: boolean;
}

let confusion: ConfusionMap | undefined;

/** Homophones and look-alikes of the characters in protected terms (built once per process). */
export function builtinConfusion(): ConfusionMap {
  confusion ??= confusionMap((confusionRaw as { entries: Record<string, string> }).entries);
  return confusion;
}

/** Turns a dictionary entry whose first pattern is its canonical form into a protected term. */
export function protectedEntry(entry: Entry): ProtectedEntry {
  const canonical = foldPattern(entry.patterns[0] as string);
  const strings = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const segments = strings(entry.segments)?.map(foldPattern);
  const members = strings(entry.members)?.map(foldPattern);
  const exceptions = entry.exceptions ? entry.exceptions.map(foldPattern) : undefined;
  return {
    id: entry.id,
    canonical,
    entry,
    ...(segments ? { segments } : {}),
    ...(exceptions ? { exceptions } : {}),
    ...(entry.fuzzy === 'any' ? { fuzzy: 'any' as const } : {}),
    ...(typeof entry.number === 'string' ? { number: entry.number } : {}),
    ...(entry.numberStrict === true ? { numberStrict: true } : {}),
    ...(members ? { members } : {}),
    ...(entry.ordered === true ? { ordered: true } : {}),
    ...(entry.standalone === true ? { standalone: true } : {}),
  };
}

/** The built-in protected terms and explicit wrong forms, parsed once per process. */
export const builtinTerms = {
  protected: parseDictionary(protectedRaw, 'phrasing/protected-terms.json').entries.map(protectedEntry),
  explicit: parseDictionary(canonicalRaw, 'phrasing/canonical-terms.json').entries,
};

/** The state bodies of phrasing/institutions.json (protected names and names retired by reform), parsed once per process. */
export const builtinInstitutions: readonly Entry[] = parseDictionary(institutionsRaw, 'phrasing/institutions.json').entries;

/**
 * Splits users' phrasing entries: an entry whose expected form is its own pattern protects that form
 * (near misses are found); any other entry lists wrong forms to replace.
 */
export function splitUserEntries(entries: readonly Entry[] | undefined): { protected: ProtectedEntry[]; explicit: Entry[] } {
  const out = { protected: [] as ProtectedEntry[], explicit: [] as Entry[] };
  for (const e of entries ?? []) {
    if (e.patterns.length === 1 && e.expected[0] === e.patterns[0]) out.protected.push(protectedEntry(e));
    else out.explicit.push(e);
  }
  return out;
}

/** zh-CN message for a near miss. */
export function nearMissMessage(m: NearMiss<ProtectedTerm>, written: string): string {
  const T = q(m.term.canonical);
  switch (m.kind) {
    case 'substitution':
      return `疑似把${T}中的“${m.expectedPart}”误写为“${m.actualPart}”（同音、形近或输入法错误），应为${T}。`;
    case 'deletion':
      return `疑似漏字：${q(written)}缺少“${m.expectedPart}”，规范表述为${T}。`;
    case 'insertion':
      return `疑似多字：${q(written)}多了“${m.actualPart}”，规范表述为${T}。`;
    case 'transposition':
      return `疑似字序颠倒：“${m.actualPart}”应为“${m.expectedPart}”，规范表述为${T}。`;
    case 'dropped-word':
      return `固定提法漏词：${q(written)}缺少“${m.expectedPart}”，规范表述为${T}。`;
    case 'swapped-words':
      return `固定提法词序错误：${q(written)}应为${T}。`;
  }
}
