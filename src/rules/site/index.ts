import type { SiteRule } from '../../core/site.js';
import { accountStale } from './account-stale.js';
import { blankColumn } from './blank-column.js';
import { duplicateArticle } from './duplicate-article.js';
import { homepageStale } from './homepage-stale.js';
import { staleColumn } from './stale-column.js';
import { unansweredMessage } from './unanswered-message.js';

/** The site rules, sorted by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous options by design
export const siteRules: readonly SiteRule<any>[] = [accountStale, blankColumn, duplicateArticle, homepageStale, staleColumn, unansweredMessage];
