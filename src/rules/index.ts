import type { AnyRule } from '../core/rule.js';
import type { AnySiteRule } from '../core/site.js';
import { rules as image } from './image/index.js';
import { rules as link } from './link/index.js';
import { rules as phrasing } from './phrasing/index.js';
import { rules as privacy } from './privacy/index.js';
import { rules as sensitive } from './sensitive/index.js';
import { siteRules as site } from './site/index.js';
import { rules as typo } from './typo/index.js';

/** Every built-in rule, sorted by id. Each category keeps its own list in `./<category>/index.ts`. */
export const builtinRules: readonly AnyRule[] = [...image, ...link, ...phrasing, ...privacy, ...sensitive, ...typo].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every built-in site rule (`site/<name>`), sorted by id; `src/rules/site/index.ts` lists them. */
export const builtinSiteRules: readonly AnySiteRule[] = [...site].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
