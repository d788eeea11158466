import attestedRaw from '../../../../dictionaries/typo/attested-forms.json';
import cedictWordsRaw from '../../../../dictionaries/typo/cedict-words.json';
import idiomsRaw from '../../../../dictionaries/typo/idioms.json';
import shapeSlipsRaw from '../../../../dictionaries/typo/shape-slips.json';
import suspectRaw from '../../../../dictionaries/typo/suspect-words.json';
import { IdiomMatcher, type IdiomTable } from './idioms.js';
import { type CedictWordTable, type ShapeSlipTable, SuspectWords, type SuspectTable } from './suspect-words.js';

export const idiomTable = idiomsRaw as unknown as { meta: { source: string }; entries: IdiomTable };
export const suspectTable = suspectRaw as unknown as { meta: { source: string }; entries: SuspectTable };
export const shapeSlipTable = shapeSlipsRaw as unknown as { meta: { source: string }; entries: ShapeSlipTable };
export const cedictWordTable = cedictWordsRaw as unknown as { meta: { source: string }; entries: CedictWordTable };

/**
 * Built once per process: the indexes take a few (tens of) milliseconds and depend only on the static
 * built-in tables, never on a checker's config, so checkers cannot see each other's data through them.
 */
let idiomMatcher: IdiomMatcher | undefined;
let suspectWords: SuspectWords | undefined;

/** The idiom near-miss index of typo/idioms.json. */
export function builtinIdioms(): IdiomMatcher {
  idiomMatcher ??= new IdiomMatcher(idiomTable.entries);
  return idiomMatcher;
}

/** The non-word check of typo/suspect-words.json (typo/common-typo's `suspect-word`). */
export function builtinSuspects(): SuspectWords {
  suspectWords ??= new SuspectWords(suspectTable.entries, idiomTable.entries.confusion, {}, shapeSlipTable.entries, cedictWordTable.entries);
  return suspectWords;
}

/**
 * Written forms two or more authoritative documents use (typo/attested-forms.json, built by
 * scripts/build-attested-forms.ts: 勠力同心, 提质): usage, not slips, for both typo rules.
 */
export function attestedForms(): string[] {
  return (attestedRaw as unknown as { entries: { forms: string } }).entries.forms.split(' ').filter(Boolean);
}
