/**
 * `shenjiao inspect` on the queue (BullMQ over Redis): a site is one inspection job, taken by any
 * worker process (`shenjiao queue-worker`), which crawls it through the host gate shared in Redis
 * (one request to a host at a time from all workers together, `hostInterval` apart) and fans the
 * pages' text checks out as jobs that every worker process takes. The document comes back to the
 * process that asked, which writes the reports and the history as a local run does.
 *
 * - Retries: an inspection whose worker dies (killed, out of memory, machine lost) stops renewing its
 *   lock and is run again by another worker (3 attempts); a page check likewise.
 * - Each page once: the crawl decides the pages and awaits one answer for each; a page check of a
 *   dead run is answered to nobody.
 */
import { randomUUID } from 'node:crypto';
import type { InspectDocument } from '../core/site.js';
import { checkersByConfig, hostGate, prefixOf, queuePageChecker, redisClient, type QueueConnection, type QueueWorker, type QueueWorkerOptions } from '../node/queue.js';
import type { Config, RuleSetting } from '../types.js';
import type { CrawlProgress } from './crawl.js';
import { inspectSite, type InspectResult } from './inspect.js';
import type { ColumnRegister } from './model.js';

/** One site to inspect, as plain data (it travels through Redis). Sites are crawled: a mirror folder stays on its machine. */
export interface InspectJob {
  readonly start: string;
  readonly date: string;
  readonly config?: Config;
  readonly siteRules?: Readonly<Record<string, RuleSetting>>;
  readonly register?: ColumnRegister;
  readonly maxPages?: number;
  readonly network?: boolean;
  readonly allowPrivateNetwork?: boolean;
  readonly attachments?: boolean;
  readonly crawl?: { readonly concurrency?: number; readonly delayMs?: number; readonly retries?: number; readonly retryDelayMs?: number; readonly timeoutMs?: number };
}

/** What an inspection job gives back. */
export interface InspectOutcome {
  readonly document: InspectDocument;
  readonly stats: InspectResult['stats'];
  /** Same-site attachments found. */
  readonly attachments: number;
  /** The home page's HTTP status, when it was not read. */
  readonly homeStatus?: number;
  /** The worker process that ran it (`host:pid`). */
  readonly worker: string;
}

const INSPECTIONS = 'inspections';

/** Submits a site's inspection and waits for its document; `onProgress` follows the crawl on the worker. */
export async function inspectOnQueue(connection: QueueConnection, job: InspectJob, options: { readonly onProgress?: (p: CrawlProgress) => void } = {}): Promise<InspectOutcome> {
  const { Queue, QueueEvents } = await import('bullmq');
  const prefix = prefixOf(connection);
  const redis = await redisClient(connection.redis);
  const eventsRedis = await redisClient(connection.redis);
  const queue = new Queue<InspectJob>(INSPECTIONS, { connection: redis, prefix });
  const events = new QueueEvents(INSPECTIONS, { connection: eventsRedis, prefix });
  const id = randomUUID();
  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
    if (jobId === id && typeof data === 'object' && data !== null) options.onProgress?.(data as CrawlProgress);
  };
  try {
    await events.waitUntilReady();
    events.on('progress', onProgress);
    const added = await queue.add('inspect', job, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 600 }, removeOnFail: { age: 86_400 } });
    return (await added.waitUntilFinished(events)) as InspectOutcome;
  } finally {
    events.off('progress', onProgress);
    await events.close();
    await queue.close();
    eventsRedis.disconnect();
    redis.disconnect();
  }
}

/**
 * Takes inspection jobs in this process (one at a time by default: a crawl is bound by the site's
 * politeness, not by this machine), besides the page work of `startQueueWorker`, which must run in
 * some process for the pages to be checked.
 */
export async function startInspectWorker(options: QueueWorkerOptions & { readonly inspections?: number; readonly onInspect?: (start: string) => void }): Promise<QueueWorker> {
  const { Worker } = await import('bullmq');
  const prefix = prefixOf(options);
  const interval = options.hostInterval ?? 1000;
  const checkerFor = options.checkers ?? checkersByConfig();
  await checkerFor(undefined);
  const connection = await redisClient(options.redis);
  const worker = new Worker<InspectJob, InspectOutcome>(
    INSPECTIONS,
    async (job) => {
      const data = job.data;
      options.onInspect?.(data.start);
      const pages = await queuePageChecker(options, data.config ? { config: data.config } : {});
      const gate = await hostGate(options, interval);
      let last = 0;
      try {
        const result = await inspectSite(data.start, {
          date: data.date,
          checker: await checkerFor(data.config),
          pages,
          ...(data.siteRules ? { siteRules: data.siteRules } : {}),
          ...(data.register ? { register: data.register } : {}),
          ...(data.maxPages !== undefined ? { maxPages: data.maxPages } : {}),
          ...(data.network !== undefined ? { network: data.network } : {}),
          ...(data.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
          ...(data.attachments !== undefined ? { attachments: data.attachments } : {}),
          crawl: { ...(data.crawl ?? {}), politely: gate.politely },
          onProgress: (p) => {
            // Progress at most every 200 ms: it is a Redis write.
            if (Date.now() - last < 200) return;
            last = Date.now();
            void job.updateProgress({ ...p }).catch(() => {});
          },
        });
        const home = result.stats.pages === 0 ? result.model.pages.find((p) => p.url === result.model.url) : undefined;
        return {
          document: result.document,
          stats: result.stats,
          attachments: result.attachments.length,
          ...(home ? { homeStatus: home.status } : {}),
          worker: `${(await import('node:os')).hostname()}:${process.pid}`,
        };
      } finally {
        gate.close();
        await pages.close();
      }
    },
    {
      connection,
      prefix,
      concurrency: Math.max(1, options.inspections ?? 1),
      ...(options.lockDuration !== undefined ? { lockDuration: options.lockDuration } : {}),
      ...(options.stalledInterval !== undefined ? { stalledInterval: options.stalledInterval } : {}),
      maxStalledCount: 3,
    },
  );
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}
