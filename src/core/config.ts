import { ShenjiaoError } from '../errors.js';
import type { Config, RuleSetting, Severity } from '../types.js';

const SEVERITIES = new Set<string>(['error', 'warning', 'info']);
const PRESETS = new Set<string>(['recommended', 'all', 'none']);
const KEYS = new Set<string>(['preset', 'rules', 'dictionaries', 'allow']);

function fail(message: string, key: string): never {
  throw new ShenjiaoError('invalid-config', message, { key });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A rule's resolved setting: off, or a severity with the user's options. */
export interface ResolvedSetting {
  readonly severity: Severity | 'off';
  readonly options: Readonly<Record<string, unknown>>;
  /** Whether the user named the rule (rather than the preset deciding). */
  readonly explicit: boolean;
}

/** Parses one rule setting; throws `invalid-config` naming the rule. */
export function parseSetting(ruleId: string, setting: unknown): { severity: Severity | 'off'; options: Record<string, unknown> } {
  if (setting === 'off' || (typeof setting === 'string' && SEVERITIES.has(setting))) return { severity: setting as Severity | 'off', options: {} };
  if (Array.isArray(setting) && setting.length >= 1 && setting.length <= 2 && (setting[0] === 'off' || SEVERITIES.has(setting[0]))) {
    const options = setting[1] ?? {};
    if (!isObject(options)) fail(`规则 ${ruleId} 的选项必须是对象`, `rules.${ruleId}`);
    return { severity: setting[0], options };
  }
  return fail(`规则 ${ruleId} 的设置无效：应为 "off"、"error"、"warning"、"info" 或 [级别, 选项]`, `rules.${ruleId}`);
}

/**
 * Validates the shape of a config (from code or from a JSON file). Unknown keys, unknown presets and
 * malformed rule settings throw `ShenjiaoError('invalid-config')`; rule ids are checked by the checker,
 * which knows the registry.
 */
export function validateConfig(config: unknown): Config {
  if (config === undefined || config === null) return {};
  if (!isObject(config)) fail('配置必须是对象', '');
  for (const key of Object.keys(config)) if (!KEYS.has(key)) fail(`未知的配置项 "${key}"`, key);
  if (config.preset !== undefined && (typeof config.preset !== 'string' || !PRESETS.has(config.preset))) {
    fail('preset 只能是 "recommended"、"all" 或 "none"', 'preset');
  }
  if (config.rules !== undefined) {
    if (!isObject(config.rules)) fail('rules 必须是对象', 'rules');
    for (const [id, setting] of Object.entries(config.rules)) parseSetting(id, setting as RuleSetting);
  }
  if (config.allow !== undefined && (!Array.isArray(config.allow) || config.allow.some((a) => typeof a !== 'string' || a === ''))) {
    fail('allow 必须是非空字符串数组', 'allow');
  }
  if (config.dictionaries !== undefined && !isObject(config.dictionaries)) fail('dictionaries 必须是对象', 'dictionaries');
  return config as Config;
}
