import { DictionaryError } from '../errors.js';
import type { Dictionary, DictionaryMeta, Entry } from '../types.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function parseMeta(raw: unknown, list: string): DictionaryMeta {
  if (!isObject(raw)) throw new DictionaryError(`词表 ${list} 缺少 meta`, { list, field: 'meta' });
  for (const field of ['id', 'title', 'source', 'retrieved'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') throw new DictionaryError(`词表 ${list} 的 meta.${field} 必须是非空字符串`, { list, field: `meta.${field}` });
  }
  if (!DAY.test(raw.retrieved as string)) throw new DictionaryError(`词表 ${list} 的 meta.retrieved 必须是 YYYY-MM-DD`, { list, field: 'meta.retrieved' });
  return raw as DictionaryMeta;
}

/**
 * Validates one term entry (prh's raw → validated split). `defaultSource` fills in a missing `source`
 * for users' own lists; built-in lists must source every entry, which the dictionary test enforces.
 */
export function parseEntry(raw: unknown, list: string, defaultSource?: string): Entry {
  if (!isObject(raw)) throw new DictionaryError(`词表 ${list} 含有非对象的词条`, { list });
  const id = raw.id;
  if (typeof id !== 'string' || !ID.test(id)) throw new DictionaryError(`词表 ${list} 的词条 id 必须是 ASCII kebab-case：${String(id)}`, { list, field: 'id' });
  const where = (field: string) => ({ list, entryId: id, field });
  if (!isStringArray(raw.patterns) || raw.patterns.length === 0 || raw.patterns.some((p) => p === '')) {
    throw new DictionaryError(`词条 ${list}/${id} 的 patterns 必须是非空字符串数组`, where('patterns'));
  }
  if (raw.expected !== undefined && !isStringArray(raw.expected)) throw new DictionaryError(`词条 ${list}/${id} 的 expected 必须是字符串数组`, where('expected'));
  const source = raw.source ?? defaultSource;
  if (typeof source !== 'string' || source === '') throw new DictionaryError(`词条 ${list}/${id} 缺少 source（出处）`, where('source'));
  if (raw.severity !== undefined && !['error', 'warning', 'info'].includes(raw.severity as string)) {
    throw new DictionaryError(`词条 ${list}/${id} 的 severity 无效`, where('severity'));
  }
  if (raw.exceptions !== undefined && !isStringArray(raw.exceptions)) throw new DictionaryError(`词条 ${list}/${id} 的 exceptions 必须是字符串数组`, where('exceptions'));
  for (const field of ['validFrom', 'validTo'] as const) {
    if (raw[field] !== undefined && (typeof raw[field] !== 'string' || !DAY.test(raw[field] as string))) {
      throw new DictionaryError(`词条 ${list}/${id} 的 ${field} 必须是 YYYY-MM-DD`, where(field));
    }
  }
  if (raw.specs !== undefined) {
    if (!Array.isArray(raw.specs) || raw.specs.some((s) => !isObject(s) || typeof s.from !== 'string' || typeof s.to !== 'string')) {
      throw new DictionaryError(`词条 ${list}/${id} 的 specs 必须是 {from, to} 数组`, where('specs'));
    }
  }
  return { ...raw, id, patterns: raw.patterns, expected: (raw.expected as string[] | undefined) ?? [], source } as Entry;
}

/**
 * Validates a dictionary file's parsed JSON: `{ meta, entries }` with entries sorted by unique id.
 * Throws `DictionaryError` (code `invalid-dictionary`) naming the list, entry and field at fault.
 */
export function parseDictionary(raw: unknown, list = 'dictionary'): Dictionary {
  if (!isObject(raw)) throw new DictionaryError(`词表 ${list} 必须是 JSON 对象`, { list });
  const meta = parseMeta(raw.meta, list);
  if (!Array.isArray(raw.entries)) throw new DictionaryError(`词表 ${list} 的 entries 必须是数组`, { list, field: 'entries' });
  const entries = raw.entries.map((e) => parseEntry(e, list));
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new DictionaryError(`词表 ${list} 的词条 id 重复：${e.id}`, { list, entryId: e.id, field: 'id' });
    seen.add(e.id);
  }
  return { meta, entries };
}

/**
 * Parses a flat word list: UTF-8 text, one entry a line, after a header of `# key: value` lines giving
 * the same meta as a JSON list (`# id:`, `# title:`, `# source:`, `# retrieved:`). Blank lines and
 * further `#` lines are skipped. Each word becomes an entry whose id is derived from its line number.
 */
export function parseWordList(text: string, list = 'wordlist'): Dictionary {
  const meta: Record<string, string> = {};
  const entries: Entry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      const m = /^#\s*([A-Za-z]+)\s*:\s*(.*)$/.exec(trimmed);
      if (m && entries.length === 0) meta[m[1] as string] = (m[2] as string).trim();
      return;
    }
    entries.push({ id: `line-${i + 1}`, patterns: [trimmed], expected: [], source: meta.source ?? '' });
  });
  const parsedMeta = parseMeta({ id: list, title: list, ...meta }, list);
  return { meta: parsedMeta, entries: entries.map((e) => ({ ...e, source: parsedMeta.source })) };
}
