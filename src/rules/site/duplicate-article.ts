import type { SiteArticle } from '../../core/site.js';
import { defineSiteRule } from '../../core/site.js';
import { SOURCE_19 } from './helpers/dates.js';
import { candidatePairs, jaccard, normalizeBody, shingles, simhash } from './helpers/simhash.js';

export interface DuplicateArticleOptions {
  /** Normalised characters (no punctuation, spaces, 来源/编辑 lines) below which an article is a short notice and skipped. Default 50. */
  readonly minChars: number;
  /** Jaccard similarity of the 3-gram sets at or above which two bodies are the same article. Default 0.8. */
  readonly similarity: number;
  /** SimHash distance for candidate pairs (bits of 64). Default 8. */
  readonly maxDistance: number;
}

/**
 * 重复发布 / 旧稿重发 (19号 V1e 弄虚作假 risk; the national 2017 check's "以旧稿重发"): the same article
 * body under two or more URLs. Bodies are compared as character 3-grams after removing punctuation,
 * spaces, 来源/编辑/日期 lines; shingles shared by most articles (the site's template: 打印/关闭, a
 * standing footer paragraph) are dropped first, so a template never makes two articles alike. Short
 * notices and reposts marked 转载 with their source are skipped. A copy under a newer date is flagged as
 * possible 旧稿重发 for human review; not a veto on its own.
 */
export const duplicateArticle = defineSiteRule<DuplicateArticleOptions>({
  id: 'site/duplicate-article',
  meta: {
    description: '同一篇稿件以不同网址重复发布（疑似旧稿重发，需人工复核）',
    defaultSeverity: 'warning',
    recommended: true,
    fixable: false,
    defaultOptions: { minChars: 50, similarity: 0.8, maxDistance: 8 },
    docs: { wrong: '同一篇工作动态在两个网址各发布一次', right: '每篇稿件只发布一次，其他栏目以链接引用', source: SOURCE_19 },
  },
  check({ site, options, report }) {
    const minChars = options.minChars ?? 50;
    const threshold = options.similarity ?? 0.8;
    const maxDistance = options.maxDistance ?? 8;
    const seenUrl = new Set<string>();
    const docs: { article: SiteArticle; set: Set<number> }[] = [];
    for (const article of site.articles) {
      if (article.reposted || seenUrl.has(article.url)) continue;
      seenUrl.add(article.url);
      const body = normalizeBody(article.text);
      if (Array.from(body).length < minChars) continue;
      docs.push({ article, set: shingles(body) });
    }
    if (docs.length < 2) return;
    // Template shingles: present in more than max(3, half of) the articles (a phrase common in news
    // writing stays: it is in a few articles, not in most).
    const df = new Map<number, number>();
    for (const d of docs) for (const s of d.set) df.set(s, (df.get(s) ?? 0) + 1);
    const limit = Math.max(3, Math.floor(docs.length / 2));
    const sets = docs.map((d) => {
      const kept = new Set<number>();
      for (const s of d.set) if ((df.get(s) ?? 0) <= limit) kept.add(s);
      return kept;
    });
    const usable = sets.map((s) => s.size >= minChars / 2);
    const hashes = sets.map((s) => simhash(s));
    // Union-find over confirmed pairs.
    const parent = docs.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const similarity = new Map<number, number>();
    for (const [i, j] of candidatePairs(hashes, maxDistance)) {
      if (!usable[i] || !usable[j]) continue;
      const sim = jaccard(sets[i]!, sets[j]!);
      // Short bodies (under 120 characters of text) must be near-identical: a few shared phrases weigh more there.
      if (sim < (Math.min(sets[i]!.size, sets[j]!.size) < 120 ? Math.max(threshold, 0.9) : threshold)) continue;
      const a = find(i);
      const b = find(j);
      const root = Math.min(a, b);
      parent[Math.max(a, b)] = root;
      similarity.set(root, Math.min(similarity.get(root) ?? 1, similarity.get(Math.max(a, b)) ?? 1, sim));
    }
    const groups = new Map<number, number[]>();
    docs.forEach((_, i) => {
      const r = find(i);
      const list = groups.get(r);
      if (list) list.push(i);
      else groups.set(r, [i]);
    });
    const found = [...groups.entries()]
      .filter(([, members]) => members.length > 1)
      .map(([root, members]) => {
        const articles = members.map((i) => docs[i]!.article).sort((a, b) => (a.url < b.url ? -1 : 1));
        return { root, articles };
      })
      .sort((a, b) => (a.articles[0]!.url < b.articles[0]!.url ? -1 : 1));
    for (const { root, articles } of found) {
      const pages = articles.map((a) => a.url);
      const dates = [...new Set(articles.map((a) => a.date).filter((d): d is string => !!d))].sort();
      const redated = dates.length > 1;
      const sim = Math.round((similarity.get(root) ?? 1) * 1000) / 1000;
      report({
        page: pages[0]!,
        message: `重复发布：同一稿件“${articles[0]!.title || pages[0]}”以 ${pages.length} 个网址发布（正文相似度 ${Math.round(sim * 100)}%）${
          redated ? `，发布日期不同（${dates.join('、')}），疑似旧稿重发，请人工复核` : ''
        }。同一稿件应只发布一次，其他栏目以链接引用。`,
        expected: [],
        source: SOURCE_19,
        data: { indicator: redated ? '弄虚作假（疑似旧稿重发）' : '重复发布', veto: false, pages, similarity: sim, titles: articles.map((a) => a.title), dates, redated },
      });
    }
  },
});
