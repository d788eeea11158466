import { createKernel, type Checker, type CheckerRuntime } from './core/checker.js';
import { builtinRules, builtinSiteRules } from './rules/index.js';
import type { Config } from './types.js';

export type { Checker, CheckerRuntime };

/**
 * Creates a checker with the built-in rules (and `runtime.rules` / `runtime.siteRules` beside them).
 * Validates the config and every rule's options (throws `ShenjiaoError` with code `invalid-config` or
 * `invalid-dictionary`) and builds the automata once: reuse the checker.
 */
export function createChecker(config?: Config, runtime: CheckerRuntime = {}): Checker {
  return createKernel({ rules: [...builtinRules, ...(runtime.rules ?? [])], siteRules: [...builtinSiteRules, ...(runtime.siteRules ?? [])] }, config, runtime);
}
