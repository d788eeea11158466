import type { AnySiteRule } from '../../core/site.js';
import { accountStale } from './account-stale.js';
import { blankColumn } from './blank-column.js';
import { duplicateArticle } from './duplicate-article.js';
import { homepageStale } from './homepage-stale.js';
import { staleColumn } from './stale-column.js';
import { unansweredMessage } from './unanswered-message.js';

/** The site rules (`site/<name>`), sorted by id: each judges the whole site's model and reports once for the site. */
export const rules: readonly AnySiteRule[] = [accountStale, blankColumn, duplicateArticle, homepageStale, staleColumn, unansweredMessage];
/** The same list under the name the inspect runner imports. */
export const siteRules = rules;
