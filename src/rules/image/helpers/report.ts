import { ShenjiaoError } from '../../../errors.js';
import type { RuleContext } from '../../../core/rule.js';
import { attachedImages, type AttachedImage, type ImageReport } from '../../../facts/image.js';

const RANK = { error: 2, warning: 1, info: 0 } as const;

/**
 * Runs `evaluate` on each image attached to the context's document and reports what it returns.
 * One tag can reference several files (src, srcset candidates, picture sources), and the checker
 * keeps one finding per rule and range: the most severe result is reported (so a broken file is not
 * hidden behind a browser-support warning on the same tag), and the other files are named in `note`.
 */
export function reportImages(context: RuleContext<never, unknown> | RuleContext<any, unknown>, evaluate: (image: AttachedImage) => ImageReport | undefined): void {
  const byRange = new Map<string, { image: AttachedImage; result: ImageReport }[]>();
  for (const image of attachedImages(context.document)) {
    const result = evaluate(image);
    if (!result) continue;
    const key = `${image.range[0]}:${image.range[1]}`;
    const group = byRange.get(key);
    if (group) group.push({ image, result });
    else byRange.set(key, [{ image, result }]);
  }
  for (const group of byRange.values()) {
    let best = group[0]!;
    for (const entry of group) if (RANK[entry.result.severity ?? 'warning'] > RANK[best.result.severity ?? 'warning']) best = entry;
    const { image, result } = best;
    const others = group.filter((e) => e !== best).map((e) => e.image.src);
    const note = others.length > 0 ? `同一标签引用的其他图片文件也有此类问题：${others.slice(0, 5).join('、')}${others.length > 5 ? ` 等 ${others.length} 个` : ''}。` : undefined;
    const notes = [result.note, note].filter((n): n is string => n !== undefined);
    context.report({
      range: image.range,
      message: result.message,
      expected: result.expected ?? [],
      ...(result.severity ? { severity: result.severity } : {}),
      ...(result.source !== undefined ? { source: result.source } : {}),
      ...(notes.length > 0 ? { note: notes.join('') } : {}),
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
