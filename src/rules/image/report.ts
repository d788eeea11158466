import { ShenjiaoError } from '../../errors.js';
import type { RuleContext } from '../../core/rule.js';
import { attachedImages, type AttachedImage, type ImageReport } from './facts.js';

/** Runs `evaluate` on each image attached to the context's document and reports what it returns. */
export function reportImages(context: RuleContext<never, unknown> | RuleContext<any, unknown>, evaluate: (image: AttachedImage) => ImageReport | undefined): void {
  for (const image of attachedImages(context.document)) {
    const result = evaluate(image);
    if (!result) continue;
    context.report({
      range: image.range,
      message: result.message,
      expected: result.expected ?? [],
      ...(result.severity ? { severity: result.severity } : {}),
      ...(result.source !== undefined ? { source: result.source } : {}),
      ...(result.note !== undefined ? { note: result.note } : {}),
      ...(result.data !== undefined ? { data: result.data } : {}),
      target: { kind: 'image', src: image.src },
    });
  }
}

/** Checks that the named options are finite positive numbers; throws `invalid-config` naming the rule and key. */
export function requirePositive(ruleId: string, options: Readonly<Record<string, unknown>>, keys: readonly string[]): void {
  for (const key of keys) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new ShenjiaoError('invalid-config', `规则 ${ruleId} 的选项 ${key} 必须是正数`, { key: `rules.${ruleId}.${key}` });
    }
  }
}
