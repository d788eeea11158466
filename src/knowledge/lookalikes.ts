import confusionRaw from '../../dictionaries/phrasing/confusion-chars.json';
import idiomRaw from '../../dictionaries/typo/idioms.json';
import lookalikesRaw from '../../dictionaries/typo/lookalikes.json';
import shapeRaw from '../../dictionaries/typo/shape-similar.json';
import suspectRaw from '../../dictionaries/typo/suspect-words.json';
import type { ShapeTables } from '../text/near-miss.js';

let lookalikes: Map<string, Set<string>> | undefined;

/**
 * Look-alike (and other easily confused) characters: the sourced confusion tables the project already
 * keeps — pycorrector's same_stroke and same_pinyin lists and the look-alikes cited in inspection
 * reports (phrasing/confusion-chars.json, typo/suspect-words.json, typo/idioms.json), merged: meant
 * character → characters that may be written for it. Built once per process.
 */
export function builtinLookalikes(): ReadonlyMap<string, ReadonlySet<string>> {
  if (lookalikes) return lookalikes;
  const map = new Map<string, Set<string>>();
  const tables = [
    (confusionRaw as { entries: Record<string, string> }).entries,
    (suspectRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion,
    (idiomRaw as unknown as { entries: { confusion: Record<string, string> } }).entries.confusion,
  ];
  for (const t of tables) {
    for (const [c, xs] of Object.entries(t)) {
      let set = map.get(c);
      if (!set) map.set(c, (set = new Set()));
      for (const x of xs) set.add(x);
    }
  }
  lookalikes = map;
  return map;
}

/**
 * The published look-alike tables (typo/lookalikes.json: the SIGHAN-7 Bake-off 2013 shape confusion set,
 * pairs both lines list, and pycorrector's same-component groups), for every common character rather
 * than only those of protected terms: written character → the characters it may have been written for.
 * typo/confusable-word draws its shape candidates from it and from `builtinLookalikes`.
 */
export function publishedLookalikes(): Readonly<Record<string, string>> {
  return (lookalikesRaw as unknown as { entries: Record<string, string> }).entries;
}

/**
 * Look-alikes computed from character structure and stroke order (typo/shape-similar.json, built by
 * scripts/build-shape-similar.ts from the CJK Decomposition Data and cnchar's stroke orders), pairs no
 * published table lists: written character → the characters it may have been written for. A measure of
 * likeness, not a list of checked pairs: weaker evidence wherever it is used.
 */
export function computedLookalikes(): Readonly<Record<string, string>> {
  return (shapeRaw as unknown as { entries: Record<string, string> }).entries;
}

let shapeTables: ShapeTables | undefined;

/** Every look-alike table, by strength (see {@link ShapeTables}): what phrasing/term-near-miss and the lexicon build use. */
export function allLookalikes(): ShapeTables {
  shapeTables ??= { listed: builtinLookalikes(), published: publishedLookalikes(), computed: computedLookalikes() };
  return shapeTables;
}
