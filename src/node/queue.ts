/**
 * Distributed checking on BullMQ over Redis: a site is one job; the worker that takes it fans its
 * pages out as child jobs (a few pages each) that any number of worker processes, on any number of
 * machines, check with one checker each; the site job completes once every page has a result.
 *
 * - Retries: a page job that throws is retried (3 attempts, backoff); one whose worker dies (killed,
 *   out of memory, machine lost) stops renewing its lock and is taken again by another worker.
 * - Exactly once in the report: each page's result is written to the site's Redis hash under the
 *   page's index, so a page checked again after a lost worker replaces its own entry; the report is
 *   read from the hash in page order.
 * - Politeness: a page fetched over HTTP goes through its host's gate, Redis keys shared by every
 *   worker (timed by the Redis server's clock, not the workers'): one request to a host at a time, and
 *   `hostInterval` between the end of one and the start of the next, however many workers crawl it.
 *
 * Loaded only in queue mode (`shenjiao check --queue`, `shenjiao queue-worker`); one machine without
 * Redis stays the default.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../types.js';
import { createNodeChecker, type NodeChecker } from './index.js';
import { checkPage, type PageResult, type PageTask } from './page.js';
import type { PageChecker } from './paths.js';
import { loadSegmenter } from './segment.js';

type BullMQ = typeof import('bullmq');
type RedisClient = import('ioredis').Redis;

/** Where the queue lives. */
export interface QueueConnection {
  /** `redis://host:port` (or `rediss://`, with user and password as usual). */
  readonly redis: string;
  /** Key prefix, so several deployments can share one Redis. Default `shenjiao`. */
  readonly prefix?: string;
}

/** One page of a site job: a task as `checkPage` takes it, or a page to fetch over HTTP(S). */
export interface QueuePage extends PageTask {
  /** Fetched by the worker (politely: see `hostInterval`), then checked as HTML. */
  readonly url?: string;
}

/** A site to check: its pages, and how the workers treat them. */
export interface SiteJob {
  /** A name for the site (its host, its folder). */
  readonly site: string;
  readonly pages: readonly QueuePage[];
  /** The checker's config, for this site's pages. */
  readonly config?: Config;
  /** Pages per child job. Default 8. */
  readonly chunk?: number;
}

/** Options of a worker process. */
export interface QueueWorkerOptions extends QueueConnection {
  /** Jobs a process works on at once (checking is synchronous; this overlaps Redis and HTTP waits). Default 4. */
  readonly concurrency?: number;
  /** Milliseconds between two requests to one host, across all workers. Default 1000. */
  readonly hostInterval?: number;
  /** Milliseconds a worker holds a job between lock renewals; a dead worker's jobs are retaken after it. Default 30000. */
  readonly lockDuration?: number;
  /** How often stalled jobs are looked for (milliseconds). Default 30000. */
  readonly stalledInterval?: number;
  /** Called after each page job a worker finishes, with the pages' indices (for progress and tests). */
  readonly onChunk?: (site: string, indices: readonly number[]) => void;
  /** Called after each single-page check (`queuePageChecker`) a worker finishes, with the page's path or `<text>`. */
  readonly onCheck?: (path: string) => void;
  /** The checkers by config (`checkersByConfig`), to share them with the inspection worker of the same process. */
  readonly checkers?: (config: Config | undefined) => Promise<NodeChecker>;
}

const SITES = 'sites';
const PAGES = 'pages';
/** Single pages checked one job each, their results handed back as the job's return value. */
const CHECKS = 'checks';

interface CheckData {
  readonly task: PageTask;
  readonly config?: Config;
}

interface SiteData {
  readonly id: string;
  readonly site: string;
  readonly pages: readonly QueuePage[];
  readonly config?: Config;
  readonly chunk: number;
}

interface ChunkData {
  readonly id: string;
  readonly site: string;
  readonly first: number;
  readonly pages: readonly QueuePage[];
  readonly config?: Config;
}

async function bullmq(): Promise<BullMQ> {
  return import('bullmq');
}

/** A Redis connection as BullMQ wants it (shared with the inspection queue, `inspect/queue.ts`). */
export async function redisClient(url: string): Promise<RedisClient> {
  const { Redis } = await import('ioredis');
  // BullMQ's blocking commands need unlimited retries per request.
  return new Redis(url, { maxRetriesPerRequest: null });
}

export const prefixOf = (c: QueueConnection) => c.prefix ?? 'shenjiao';
const resultsKey = (c: QueueConnection, id: string) => `${prefixOf(c)}:results:${id}`;

/**
 * A host's gate, shared by every worker through Redis and timed by the Redis server's clock: one
 * request to a host at a time (a lock), and the next begins no sooner than `interval` after the last
 * one ended. Returns 0 when the caller now holds the host, -1 when another request is under way,
 * else the milliseconds left to wait.
 */
const ACQUIRE = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local after = tonumber(redis.call('GET', KEYS[2]) or '0') + tonumber(ARGV[2])
if now < after then return after - now end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[3]))
return 0`;

/** Lets go of the host (if still held by this token) and stamps when its request ended. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  local t = redis.call('TIME')
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], tostring(tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)), 'PX', tonumber(ARGV[2]) + 60000)
end
return 0`;

/**
 * Runs `request` politely: holding `host`'s gate (see ACQUIRE), so that a host sees one request at a
 * time from all workers together and a pause of `interval` between them. The hold lapses after
 * `interval` + 30 s should the worker die holding it.
 */
export async function politely<T>(redis: RedisClient, prefix: string, host: string, interval: number, request: () => Promise<T>): Promise<T> {
  const lock = `${prefix}:host:${host}:busy`;
  const last = `${prefix}:host:${host}:last`;
  const token = randomUUID();
  for (;;) {
    const wait = Number(await redis.eval(ACQUIRE, 2, lock, last, token, String(interval), String(interval + 30_000)));
    if (wait === 0) break;
    const pause = wait > 0 ? wait : Math.min(50, Math.max(5, interval / 4));
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * 5));
  }
  try {
    return await request();
  } finally {
    await redis.eval(RELEASE, 2, lock, last, token, String(interval));
  }
}

/** A host gate shared through the queue's Redis (see `politely`), for a crawler on any machine. */
export interface HostGate {
  politely<T>(host: string, request: () => Promise<T>): Promise<T>;
  close(): void;
}

export async function hostGate(connection: QueueConnection, interval: number): Promise<HostGate> {
  const redis = await redisClient(connection.redis);
  const prefix = prefixOf(connection);
  return { politely: (host, request) => politely(redis, prefix, host, interval, request), close: () => redis.disconnect() };
}

/**
 * Submits a site and yields its pages' results in page order once the site is done. The site job is
 * taken by any worker (`startQueueWorker`), which fans the pages out; results come from Redis, each
 * page once. Removes the site's results from Redis when the iteration ends.
 */
export async function* checkSiteOnQueue(connection: QueueConnection, job: SiteJob): AsyncGenerator<PageResult, void, undefined> {
  const { Queue, QueueEvents } = await bullmq();
  const prefix = prefixOf(connection);
  const redis = await redisClient(connection.redis);
  const queue = new Queue<SiteData>(SITES, { connection: redis, prefix });
  const eventsRedis = await redisClient(connection.redis);
  const events = new QueueEvents(SITES, { connection: eventsRedis, prefix });
  const id = randomUUID();
  try {
    await events.waitUntilReady();
    const data: SiteData = { id, site: job.site, pages: job.pages, ...(job.config ? { config: job.config } : {}), chunk: Math.max(1, job.chunk ?? 8) };
    const added = await queue.add('site', data, { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: 100 });
    await added.waitUntilFinished(events);
    const key = resultsKey(connection, id);
    for (let from = 0; from < job.pages.length; from += 256) {
      const fields = [];
      for (let i = from; i < Math.min(job.pages.length, from + 256); i++) fields.push(String(i));
      const values = await redis.hmget(key, ...fields);
      for (const [k, v] of values.entries()) {
        if (v === null) throw new Error(`queue: page ${from + k} of site ${job.site} has no result`);
        yield JSON.parse(v) as PageResult;
      }
    }
  } finally {
    await redis.del(resultsKey(connection, id)).catch(() => 0);
    await events.close();
    await queue.close();
    eventsRedis.disconnect();
    redis.disconnect();
  }
}

/** A page checker on the queue: `check` runs as a job on any worker process; `close` disconnects. */
export interface QueuePageChecker extends PageChecker {
  close(): Promise<void>;
}

/**
 * Checks pages on the queue's worker processes, one job a page, each answer awaited: what
 * `inspect` uses to fan a site's pages out while it crawls. A page whose worker dies is taken again by
 * another (3 attempts); its answer is the one result of its job, so no page is reported twice.
 */
export async function queuePageChecker(connection: QueueConnection, options: { readonly config?: Config } = {}): Promise<QueuePageChecker> {
  const { Queue, QueueEvents } = await bullmq();
  const prefix = prefixOf(connection);
  const redis = await redisClient(connection.redis);
  const eventsRedis = await redisClient(connection.redis);
  const queue = new Queue<CheckData>(CHECKS, { connection: redis, prefix });
  const events = new QueueEvents(CHECKS, { connection: eventsRedis, prefix });
  await events.waitUntilReady();
  return {
    async check(task) {
      const job = await queue.add('check', { task, ...(options.config ? { config: options.config } : {}) }, {
        attempts: 3,
        backoff: { type: 'exponential', delay: 500 },
        // Kept a while after completion, so the answer is there however late the waiter asks.
        removeOnComplete: { age: 600 },
        removeOnFail: { age: 3600 },
      });
      return (await job.waitUntilFinished(events)) as PageResult;
    },
    async close() {
      await events.close();
      await queue.close();
      eventsRedis.disconnect();
      redis.disconnect();
    },
  };
}

/** One node checker per distinct config (jobs carry their site's config), built on first use. */
export function checkersByConfig(): (config: Config | undefined) => Promise<NodeChecker> {
  const checkers = new Map<string, Promise<NodeChecker>>();
  return (config) => {
    const key = JSON.stringify(config ?? null);
    let c = checkers.get(key);
    if (!c) checkers.set(key, (c = createNodeChecker(config)));
    return c;
  };
}

/** A running worker process's queue workers. */
export interface QueueWorker {
  /** Stops taking jobs, waits for those in hand, and disconnects. */
  close(): Promise<void>;
}

/**
 * Starts working on the queue in this process: site jobs (fanning pages out) and page jobs
 * (checking them with one checker per distinct config, built on first use).
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { Worker, Queue, WaitingChildrenError } = await bullmq();
  const prefix = prefixOf(options);
  const redis = await redisClient(options.redis);
  const pagesQueue = new Queue<ChunkData>(PAGES, { connection: redis, prefix });
  const checkerFor = options.checkers ?? checkersByConfig();
  // Built (and the segmenter loaded) before taking jobs: a second of synchronous loading inside a job
  // would hold up its lock renewal, and the job would look stalled to the other workers.
  await checkerFor(undefined);
  loadSegmenter();
  const interval = options.hostInterval ?? 1000;
  const timing = {
    ...(options.lockDuration !== undefined ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval !== undefined ? { stalledInterval: options.stalledInterval } : {}),
    maxStalledCount: 3,
  };

  const sitesRedis = await redisClient(options.redis);
  const pagesRedis = await redisClient(options.redis);
  const checksRedis = await redisClient(options.redis);
  const sites = new Worker<SiteData>(
    SITES,
    async (job, token) => {
      const data = job.data;
      if ((job.data as SiteData & { step?: string }).step !== 'gather') {
        // Child job ids are fixed by the site and the chunk, so a site job retried after a crash adds no page twice.
        const chunks = [];
        for (let first = 0; first < data.pages.length; first += data.chunk) {
          chunks.push({
            name: 'pages',
            data: { id: data.id, site: data.site, first, pages: data.pages.slice(first, first + data.chunk), ...(data.config ? { config: data.config } : {}) },
            opts: { jobId: `${data.id}-${first}`, parent: { id: job.id as string, queue: job.queueQualifiedName }, attempts: 3, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: true },
          });
        }
        for (let i = 0; i < chunks.length; i += 500) await pagesQueue.addBulk(chunks.slice(i, i + 500));
        await job.updateData({ ...data, step: 'gather' } as SiteData);
        if (await job.moveToWaitingChildren(token as string)) throw new WaitingChildrenError();
      }
      // Every page job has finished: each page must have exactly one result.
      const count = await redis.hlen(resultsKey(options, data.id));
      if (count !== data.pages.length) throw new Error(`queue: site ${data.site} has ${count} results for ${data.pages.length} pages`);
      return { pages: count };
    },
    { connection: sitesRedis, prefix, concurrency: 2, ...timing },
  );

  const pages = new Worker<ChunkData>(
    PAGES,
    async (job) => {
      const data = job.data;
      const node = await checkerFor(data.config);
      const fields: string[] = [];
      for (const [k, page] of data.pages.entries()) {
        const { url, ...task } = page;
        let result: PageResult;
        if (url !== undefined) {
          const fetched = await politely(redis, prefix, new URL(url).host, interval, async () => {
            try {
              const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
              return response.ok ? new Uint8Array(await response.arrayBuffer()) : `HTTP ${response.status}`;
            } catch (error) {
              return (error as Error).message;
            }
          });
          result =
            typeof fetched === 'string'
              ? { path: task.path ?? url, findings: [], error: `无法获取：${fetched}` }
              : await checkPage(node, { ...task, path: task.path ?? url, bytes: fetched, format: task.format ?? 'html' });
        } else {
          result = await checkPage(node, task);
        }
        fields.push(String(data.first + k), JSON.stringify(result));
      }
      // One write per job: the chunk's pages land together, under their indices (a retry overwrites them).
      await redis.hset(resultsKey(options, data.id), ...fields);
      options.onChunk?.(data.site, data.pages.map((_, k) => data.first + k));
    },
    { connection: pagesRedis, prefix, concurrency: Math.max(1, options.concurrency ?? 4), ...timing },
  );

  const checks = new Worker<CheckData>(
    CHECKS,
    async (job) => {
      const result = await checkPage(await checkerFor(job.data.config), job.data.task);
      options.onCheck?.(result.path);
      return result;
    },
    { connection: checksRedis, prefix, concurrency: Math.max(1, options.concurrency ?? 4), ...timing },
  );

  await Promise.all([sites.waitUntilReady(), pages.waitUntilReady(), checks.waitUntilReady()]);
  return {
    close: async () => {
      await Promise.all([sites.close(), pages.close(), checks.close()]);
      await pagesQueue.close();
      for (const r of [redis, sitesRedis, pagesRedis, checksRedis]) r.disconnect();
    },
  };
}
