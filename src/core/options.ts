import { ShenjiaoError } from '../errors.js';

/** One option's type: a JSON type, or an array of one (`items`). */
export interface OptionSpec {
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  /** The values allowed, for a closed set ('off' | 'info' | …). */
  readonly enum?: readonly (string | number | boolean)[];
  /** The least value a number may take. */
  readonly minimum?: number;
  /** A number must be greater than this. */
  readonly exclusiveMinimum?: number;
  /** The type of each item of an array. */
  readonly items?: OptionSpec;
}

/** A rule's options by key (ESLint's `meta.schema` as a flat map): keys not listed are refused. */
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

function typeOf(value: unknown): OptionSpec['type'] {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'object';
  return typeof value === 'number' ? 'number' : (typeof value as OptionSpec['type']);
}

/** The schema a rule declares, or the one its defaults imply: those keys, each of its default's type. */
export function schemaOf(meta: { readonly schema?: OptionSchema; readonly defaultOptions?: Readonly<Record<string, unknown>> }): OptionSchema {
  if (meta.schema) return meta.schema;
  return Object.fromEntries(Object.entries(meta.defaultOptions ?? {}).map(([key, value]) => [key, { type: typeOf(value) }]));
}

/** Why `value` does not fit `spec`, or undefined when it does. */
function mismatch(value: unknown, spec: OptionSpec): string | undefined {
  const ok =
    spec.type === 'integer'
      ? Number.isInteger(value)
      : spec.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : spec.type === 'object'
          ? typeof value === 'object' && value !== null && !Array.isArray(value)
          : spec.type === 'array'
            ? Array.isArray(value)
            : typeof value === spec.type;
  if (!ok) return `应为 ${spec.type}`;
  if (spec.enum && !spec.enum.includes(value as string)) return `只能是 ${spec.enum.map((v) => JSON.stringify(v)).join('、')}`;
  if (typeof value === 'number') {
    if (spec.minimum !== undefined && value < spec.minimum) return `不能小于 ${spec.minimum}`;
    if (spec.exclusiveMinimum !== undefined && value <= spec.exclusiveMinimum) return `必须大于 ${spec.exclusiveMinimum}`;
  }
  if (spec.items && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const why = mismatch(item, spec.items);
      if (why) return `第 ${i + 1} 项${why}`;
    }
  }
  return undefined;
}

/**
 * Checks a rule's user options against its schema: an unknown key or a value of the wrong type throws
 * `ShenjiaoError('invalid-config')` naming the rule and the key (`rules.<id>.<key>`).
 */
export function validateOptions(ruleId: string, schema: OptionSchema, options: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(options)) {
    const spec = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!spec) {
      const known = Object.keys(schema);
      throw new ShenjiaoError('invalid-config', `规则 ${ruleId} 没有选项 "${key}"${known.length > 0 ? `（可用：${known.join('、')}）` : '（该规则没有选项）'}`, {
        key: `rules.${ruleId}.${key}`,
      });
    }
    const why = value === undefined ? undefined : mismatch(value, spec);
    if (why) throw new ShenjiaoError('invalid-config', `规则 ${ruleId} 的选项 ${key} ${why}，收到 ${JSON.stringify(value)}`, { key: `rules.${ruleId}.${key}` });
  }
}
