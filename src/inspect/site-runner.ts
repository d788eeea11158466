import { parseSetting } from '../core/config.js';
import type { SiteModel, SiteReport, SiteRule } from '../core/site.js';
import { siteRules } from '../rules/site/index.js';
import type { Finding, RuleSetting, Severity } from '../types.js';

/**
 * Runs the site rules over a site model: the stand-in for the kernel's `checkSite` (issue 14) until it
 * lands. Honours `rules` settings for `site/*` ids as the core does (off, a severity, [severity, options]);
 * a finding is whole-site: range [0, 0], loc 1:1, `page` = the URL it is about.
 */
export function runSiteRules(
  site: SiteModel,
  settings: Readonly<Record<string, RuleSetting>> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous options by design
  rules: readonly SiteRule<any>[] = siteRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id] !== undefined ? parseSetting(rule.id, settings[rule.id]) : undefined;
    if (setting?.severity === 'off') continue;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(setting?.options ?? {}) };
    const userSeverity: Severity | undefined = setting ? (setting.severity as Severity) : undefined;
    rule.check({
      site,
      options,
      report(r: SiteReport) {
        findings.push(
          Object.freeze({
            ruleId: rule.id,
            severity: userSeverity ?? r.severity ?? rule.meta.defaultSeverity,
            message: r.message,
            range: Object.freeze([0, 0] as const),
            loc: Object.freeze({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
            actual: '',
            expected: Object.freeze([...(r.expected ?? [])]),
            ...(r.source ? { source: r.source } : {}),
            ...(r.note ? { note: r.note } : {}),
            data: Object.freeze({ ...r.data }),
            page: r.page,
          }),
        );
      },
    });
  }
  return findings;
}
