import type { AnyRule } from '../../core/rule.js';
import { bannedTerm } from './banned-term.js';
import { canonicalTerm } from './canonical-term.js';
import { formula } from './formula.js';
import { institutionName } from './institution-name.js';
import { leaderName } from './leader-name.js';
import { leaderOrder } from './leader-order.js';
import { leaderTitle } from './leader-title.js';
import { outdatedTerm } from './outdated-term.js';
import { termNearMiss } from './term-near-miss.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [bannedTerm, canonicalTerm, formula, institutionName, leaderName, leaderOrder, leaderTitle, outdatedTerm, termNearMiss];
