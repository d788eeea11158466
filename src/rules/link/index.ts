import type { AnyRule } from '../../core/rule.js';
import { darkLink } from './dark-link.js';
import { deadLink } from './dead-link.js';
import { externalNoNotice } from './external-no-notice.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [darkLink, deadLink, externalNoNotice];
