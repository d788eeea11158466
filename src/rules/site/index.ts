import type { AnySiteRule } from '../../core/site.js';

/** The site rules (`site/<name>`), sorted by id: each judges the whole site's model and reports once for the site. */
export const rules: readonly AnySiteRule[] = [];
