/**
 * A worker thread of the check pool (`pool.ts`): builds one node checker, loads the segmenter, then
 * checks the pages the pool posts, replying with plain-data results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ShenjiaoError } from '../errors.js';
import type { Config } from '../types.js';
import { createNodeChecker, type NodeChecker } from './index.js';
import { checkPage, type PageTask } from './page.js';
import { loadSegmenter } from './segment.js';

interface Data {
  readonly config?: Config;
  readonly timing?: boolean;
}

type Request = { type: 'check'; id: number; task: PageTask } | { type: 'timings'; id: number };

/** An error as plain data; a ShenjiaoError keeps its code and details. */
export function errorData(error: unknown): { message: string; stack?: string; code?: string; details?: Record<string, unknown> } {
  if (error instanceof ShenjiaoError) return { message: error.message, code: error.code, details: { ...error.details } };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}

const port = parentPort;
if (port) {
  const data = (workerData ?? {}) as Data;
  let node: NodeChecker | undefined;
  let failed: ReturnType<typeof errorData> | undefined;
  try {
    node = await createNodeChecker(data.config, { timing: data.timing === true });
    loadSegmenter();
    port.postMessage({ type: 'ready' });
  } catch (error) {
    failed = errorData(error);
    port.postMessage({ type: 'init-error', error: failed });
  }
  // Requests posted while the checker was being built wait in the port until now.
  port.on('message', (m: Request) => {
    if (m.type === 'timings') {
      port.postMessage({ type: 'timings', id: m.id, timings: node?.timings() ?? {} });
      return;
    }
    if (!node) {
      port.postMessage({ type: 'fatal', id: m.id, error: failed });
      return;
    }
    checkPage(node, m.task).then(
      (result) => port.postMessage({ type: 'result', id: m.id, result }),
      (error: unknown) => port.postMessage({ type: 'fatal', id: m.id, error: errorData(error) }),
    );
  });
}
