import type { AnyRule } from '../../core/rule.js';
import { cnIdCard } from './cn-id-card.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [cnIdCard];
