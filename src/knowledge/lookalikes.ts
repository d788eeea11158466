import confusionRaw from '../../dictionaries/phrasing/confusion-chars.json';
import idiomRaw from '../../dictionaries/typo/idioms.json';
import lookalikesRaw from '../../dictionaries/typo/lookalikes.json';
import suspectRaw from '../../dictionaries/typo/suspect-words.json';

let lookalikes: Map<string, Set<string>> | undefined;
let sourced: Map<string, Set<string>> | undefined;

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
 * The look-alikes above together with the published look-alike tables in typo/lookalikes.json (the
 * SIGHAN-7 Bake-off 2013 shape confusion set and pycorrector's same-component groups, for every common
 * character, not only those of protected terms): meant character → characters that may be written for
 * it. typo/confusable-word draws its shape candidates from it. Built once per process.
 */
export function sourcedLookalikes(): ReadonlyMap<string, ReadonlySet<string>> {
  if (sourced) return sourced;
  const map = new Map<string, Set<string>>();
  for (const [c, xs] of builtinLookalikes()) map.set(c, new Set(xs));
  for (const [written, meant] of Object.entries((lookalikesRaw as unknown as { entries: Record<string, string> }).entries)) {
    for (const m of meant) {
      let set = map.get(m);
      if (!set) map.set(m, (set = new Set()));
      set.add(written);
    }
  }
  sourced = map;
  return map;
}
