import type { AnyRule } from '../../core/rule.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [];
