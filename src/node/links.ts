import { ShenjiaoError } from '../errors.js';
import type { Finding } from '../types.js';

/** Options of `checkLinks`. */
export interface LinkCheckOptions {
  /** The page's own URL; relative links resolve against it. */
  readonly baseUrl?: string;
}

/** Checks the links of an HTML page over the network. Filled in by the link-checks work (issue 7). */
export async function checkPageLinks(_html: string, _options: LinkCheckOptions = {}): Promise<Finding[]> {
  throw new ShenjiaoError('invalid-input', '链接检查尚未实现');
}
