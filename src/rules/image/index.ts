import type { AnyRule } from '../../core/rule.js';
import { blurry } from './blurry.js';
import { exifLocation } from './exif-location.js';
import { lowResolution } from './low-resolution.js';
import { missingAlt } from './missing-alt.js';
import { oversized } from './oversized.js';
import { unreadable } from './unreadable.js';

/** The rules of this category, sorted by id. */
export const rules: readonly AnyRule[] = [blurry, exifLocation, lowResolution, missingAlt, oversized, unreadable];
