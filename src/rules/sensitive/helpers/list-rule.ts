import { defineRule, type Rule, type RuleMeta } from '../../../core/rule.js';
import { parseDictionary } from '../../../dictionaries/parse.js';
import type { Dictionary, RuleId } from '../../../types.js';
import { ListPrefilter, SENSITIVE_OPTIONS, checkList, compileBuiltin, type CompiledList, type SensitiveOptions, type UserList } from './engine.js';

/** The parts of a built-in list rule's meta that are not derived from its dictionary. */
export type ListRuleMeta = Pick<RuleMeta, 'description' | 'recommended' | 'docs'>;

/**
 * Makes the rule `sensitive/<list>` for a built-in list. Users' words under the same list name in
 * `config.dictionaries.sensitive` are added to it; the automaton is built once per checker.
 */
export function defineListRule(raw: unknown, meta: ListRuleMeta): Rule<SensitiveOptions, CompiledList> {
  const id = (raw as { meta?: { id?: string } }).meta?.id ?? '';
  let dictionary: Dictionary | undefined;
  const load = (): Dictionary => (dictionary ??= parseDictionary(raw, id));
  const severity = (raw as { meta?: { severity?: 'error' | 'warning' | 'info' } }).meta?.severity ?? 'error';
  return defineRule<SensitiveOptions, CompiledList>({
    id: `sensitive/${id}` as RuleId,
    meta: {
      ...meta,
      defaultSeverity: severity,
      fixable: false,
      defaultOptions: {},
      schema: SENSITIVE_OPTIONS,
      dictionaries: [`sensitive/${id}.json`],
    },
    prepare({ options, config, shared }) {
      const extra = config.dictionaries?.sensitive?.[id] as UserList | undefined;
      const list = compileBuiltin(load(), extra, options);
      const prefilter = shared('sensitive/prefilter', () => new ListPrefilter());
      prefilter.join(list);
      return { ...list, prefilter };
    },
    check(context) {
      checkList(context, context.prepared);
    },
  });
}
