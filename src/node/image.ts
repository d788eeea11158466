import { ShenjiaoError } from '../errors.js';
import type { Finding } from '../types.js';

/** Options of `checkImage`. */
export interface ImageCheckOptions {
  /** The reference to report as `target.src` (a path or URL); default the path given, or `<bytes>`. */
  readonly src?: string;
}

/** Checks one image's bytes. Filled in by the image-checks work (issue 6). */
export async function checkImageBytes(_bytes: Uint8Array, _options: ImageCheckOptions = {}): Promise<Finding[]> {
  throw new ShenjiaoError('unreadable-image', '图片检查尚未实现');
}
