import { defineRule } from '../../core/rule.js';
import type { RuleId } from '../../types.js';
import { SENSITIVE_OPTIONS, assertListName, checkList, compileList, userEntries, type CompiledList, type SensitiveOptions, type UserList } from './helpers/engine.js';

/** Names of the built-in lists; users' words under these names extend those rules instead. */
export const BUILTIN_LISTS: ReadonlySet<string> = new Set(['advertising-law', 'drugs-contraband', 'fraud-invoice', 'gambling', 'illegal-services', 'pornography']);

function userLists(sensitive: Readonly<Record<string, UserList>> | undefined): [string, UserList][] {
  return Object.entries(sensitive ?? {}).filter(([name]) => !BUILTIN_LISTS.has(name));
}

/**
 * Users' own sensitive lists from `config.dictionaries.sensitive`: every new list name reports as
 * `sensitive/<name>` (words as given, entries with `exceptions`/`context`, or one-word-a-line text).
 * The id `sensitive/custom` itself only switches all user lists at once.
 */
export const custom = defineRule<SensitiveOptions, CompiledList[]>({
  id: 'sensitive/custom',
  ids({ config }) {
    return userLists(config.dictionaries?.sensitive as Readonly<Record<string, UserList>> | undefined).map(([name]) => {
      assertListName(name);
      return `sensitive/${name}` as RuleId;
    });
  },
  meta: {
    description: '用户自定义敏感词表（每个词表报告为 sensitive/<词表名>）',
    defaultSeverity: 'error',
    recommended: true,
    fixable: false,
    defaultOptions: {},
    schema: SENSITIVE_OPTIONS,
    docs: { wrong: '（用户词表中的词）', right: '按词表要求修改或删除', source: '用户配置 dictionaries.sensitive' },
  },
  prepare({ options, config }) {
    return userLists(config.dictionaries?.sensitive as Readonly<Record<string, UserList>> | undefined).map(([name, value]) => {
      assertListName(name);
      return compileList(name, { id: name, title: name, source: `用户词表 ${name}`, retrieved: '1970-01-01' }, userEntries(name, value), options);
    });
  },
  check(context) {
    for (const list of context.prepared) checkList(context, list);
  },
});
