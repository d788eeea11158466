/**
 * @fileoverview The inspection history: an embedded SQLite database (better-sqlite3) that keeps each
 * run's columns and findings, so the next run of the same site says what is new, what was fixed, what
 * persists and how long a column has been stale; and the ignore records, a finding marked as reviewed
 * (rule + content hash + page) that stays silent over re-scans until its content changes.
 *
 * A finding's identity is its rule, where it is (the attachment, page, or for whole-resource findings
 * the link or image target) and a hash of its content: the offending text for text rules, the
 * stable facts for site rules (a stale column's newest date, a duplicate's URLs), never offsets or
 * day counts that change from run to run. Content is hashed with a random salt kept in the database,
 * so the file holds no unsalted hash of an ID number; nothing unmasked is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { InspectDocument } from '../core/site.js';
import { ShenjiaoError } from '../errors.js';
import { maskText } from '../report/mask.js';
import { daysBetween, indicatorOf, isVeto, type InspectFinding } from '../report/model.js';
import type { Finding } from '../types.js';

/** A finding of the current run with its stable key (16 hex digits; a unique prefix of 6 or more is accepted back). */
export interface KeyedFinding {
  readonly key: string;
  readonly finding: Finding;
}

/** A finding as stored for an earlier run (message masked, no offending text). */
export interface StoredFinding {
  readonly key: string;
  readonly ruleId: string;
  /** The attachment, page or target the finding is about. */
  readonly page: string;
  readonly severity: string;
  readonly indicator: string;
  readonly veto: boolean;
  readonly message: string;
  /** The inspection date of the run that last saw it. */
  readonly date: string;
}

/** How long a column has been stale (or blank). */
export interface ColumnStaleness {
  readonly url: string;
  readonly title: string;
  readonly latest: string | null;
  /**
   * The day the column became overdue: its newest item's date plus its period when both are known,
   * else the inspection date of the first of the unbroken series of runs that found it stale.
   */
  readonly staleSince: string;
  /** Days from `staleSince` to this inspection. */
  readonly days: number;
  /** How many runs in a row, this one included, found it stale. */
  readonly runs: number;
  readonly blank: boolean;
}

/** What `record` says about a run compared with the previous run of the same site. */
export interface RunDiff {
  readonly run: number;
  readonly date: string;
  /** The previous run of this site, or null for the first. */
  readonly previous: { readonly run: number; readonly date: string } | null;
  /** Not seen in the previous run (all of them on a first run). Ignored findings excluded. */
  readonly new: readonly KeyedFinding[];
  /** Seen in the previous run as well. Ignored findings excluded. */
  readonly persisting: readonly KeyedFinding[];
  /** In the previous run (and not ignored there), gone now. */
  readonly fixed: readonly StoredFinding[];
  /** Matched by an ignore record: reviewed and unchanged. */
  readonly ignored: readonly KeyedFinding[];
  /** Columns stale or blank in this run, longest first. */
  readonly staleSince: readonly ColumnStaleness[];
}

/** A reviewed finding that re-scans keep silent while its content is unchanged. */
export interface IgnoreRecord {
  readonly key: string;
  readonly ruleId: string;
  readonly page: string;
  /** The salted content hash. */
  readonly hash: string;
  readonly note: string;
  readonly created: string;
}

export interface History {
  /** The database file. */
  readonly file: string;
  /** Stores the run and compares it with the previous run of the same site. */
  record(doc: InspectDocument): RunDiff;
  /** Marks a finding (or the key a report printed) as reviewed; returns the record. Throws `invalid-input` for an unknown key. */
  ignore(finding: Finding | string, options?: { note?: string }): IgnoreRecord;
  /** Removes an ignore record by key (or unique prefix); false when there was none. */
  unignore(key: string): boolean;
  ignores(): IgnoreRecord[];
  /** Whether an ignore record covers the finding. */
  isIgnored(finding: Finding): boolean;
  /** The finding's key in this database. */
  keyOf(finding: Finding): string;
  /** The runs recorded, oldest first. */
  runs(): { run: number; site: string; date: string; findings: number }[];
  close(): void;
}

/** Where the history lives by default: `shenjiao-history.sqlite` beside the report file. */
export function defaultHistoryPath(reportFile: string): string {
  return join(dirname(reportFile), 'shenjiao-history.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, site TEXT NOT NULL, date TEXT NOT NULL, recorded TEXT NOT NULL, pages INTEGER NOT NULL, findings INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS runs_site ON runs (site, id);
CREATE TABLE IF NOT EXISTS columns (
  run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE, url TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL,
  items INTEGER NOT NULL, latest TEXT, threshold INTEGER, stale INTEGER NOT NULL, blank INTEGER NOT NULL, PRIMARY KEY (run, url));
CREATE TABLE IF NOT EXISTS findings (
  run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE, key TEXT NOT NULL, rule TEXT NOT NULL, page TEXT NOT NULL,
  hash TEXT NOT NULL, severity TEXT NOT NULL, indicator TEXT NOT NULL, veto INTEGER NOT NULL, message TEXT NOT NULL,
  count INTEGER NOT NULL, ignored INTEGER NOT NULL, PRIMARY KEY (run, key));
CREATE INDEX IF NOT EXISTS findings_key ON findings (key);
CREATE TABLE IF NOT EXISTS ignores (
  key TEXT PRIMARY KEY, rule TEXT NOT NULL, page TEXT NOT NULL, hash TEXT NOT NULL, note TEXT NOT NULL, created TEXT NOT NULL);
`;

/** Where a finding is, for its identity: a link or image target for whole-resource findings, else the attachment or page. */
function locus(f: InspectFinding): string {
  if (f.target?.src) return f.target.src;
  return f.attachment ?? f.page ?? '';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** What a finding is about, without what changes from run to run (offsets, day counts). */
function content(f: Finding): string {
  const d = f.data ?? {};
  switch (f.ruleId) {
    case 'site/homepage-stale':
      return `latest=${str(d.latest)}`;
    case 'site/stale-column':
      return `column=${str(d.column)};latest=${str(d.latest)}`;
    case 'site/blank-column':
      return `column=${str(d.column)}`;
    case 'site/unanswered-message':
      return `column=${str(d.column)};oldest=${str(d.oldest)}`;
    case 'site/account-stale':
      return `account=${str(d.account)};latest=${str(d.latest)}`;
    case 'site/duplicate-article':
      return `pages=${(Array.isArray(d.pages) ? d.pages.map(str).sort() : []).join('\n')}`;
    default:
      break;
  }
  if (f.ruleId.startsWith('site/')) {
    const { days: _d, count: _c, similarity: _s, threshold: _t, indicator: _i, veto: _v, ...stable } = d;
    return JSON.stringify(Object.keys(stable).sort().map((k) => [k, stable[k]]));
  }
  if (f.target) return `target=${f.target.src}`;
  return `actual=${f.actual};entry=${f.entryId ?? ''}`;
}

function sha(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

function isStale(column: InspectDocument['columns'][number], date: string, flagged: ReadonlyMap<string, 'stale' | 'blank'>): { stale: boolean; blank: boolean } {
  const flag = flagged.get(column.url);
  const blank = flag === 'blank' || column.items === 0;
  const days = column.days !== undefined ? column.days : daysBetween(column.latest, date);
  const stale = blank || flag === 'stale' || (days !== null && days !== undefined && column.threshold !== undefined && days > column.threshold);
  return { stale, blank };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Opens (creating when missing, with its folder) the history database at `file`. Throws `invalid-input`
 * when the file cannot be opened or is not a shenjiao history.
 */
export function openHistory(file: string, options: { now?: () => Date } = {}): History {
  const now = options.now ?? (() => new Date());
  let db: Database.Database;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: 5000 });
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 1) throw new Error(`schema version ${version} is newer than this shenjiao knows (1)`);
    db.exec(SCHEMA);
    db.pragma('user_version = 1');
  } catch (cause) {
    throw new ShenjiaoError('invalid-input', `无法打开检查历史数据库：${basename(file)}（${(cause as Error).message}）`, { path: file }, { cause });
  }
  let salt = (db.prepare('SELECT value FROM meta WHERE key = ?').get('salt') as { value: string } | undefined)?.value;
  if (!salt) {
    salt = randomBytes(16).toString('hex');
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('salt', salt);
  }
  const theSalt = salt;

  const identity = (f: Finding): { key: string; page: string; hash: string } => {
    const page = locus(f as InspectFinding);
    const hash = sha(theSalt, 'content', f.ruleId, content(f)).slice(0, 32);
    return { key: sha(f.ruleId, page, hash).slice(0, 16), page, hash };
  };

  const ignoredKeys = (): Set<string> => new Set((db.prepare('SELECT key FROM ignores').all() as { key: string }[]).map((r) => r.key));

  const resolveKey = (key: string, table: 'findings' | 'ignores'): string | undefined => {
    const k = key.trim().toLowerCase();
    if (!/^[0-9a-f]{6,16}$/.test(k)) return undefined;
    const rows = db.prepare(`SELECT DISTINCT key FROM ${table} WHERE key LIKE ? LIMIT 2`).all(`${k}%`) as { key: string }[];
    if (rows.length > 1) throw new ShenjiaoError('invalid-input', `问题编号“${key}”不唯一，请输入更长的编号`, { key });
    return rows[0]?.key;
  };

  const toIgnore = (r: { key: string; rule: string; page: string; hash: string; note: string; created: string }): IgnoreRecord => ({
    key: r.key,
    ruleId: r.rule,
    page: r.page,
    hash: r.hash,
    note: r.note,
    created: r.created,
  });

  const history: History = {
    file,

    keyOf: (f) => identity(f).key,

    isIgnored: (f) => db.prepare('SELECT 1 FROM ignores WHERE key = ?').get(identity(f).key) !== undefined,

    record(doc) {
      const site = doc.site.url;
      const ignores = ignoredKeys();
      const flagged = new Map<string, 'stale' | 'blank'>();
      for (const f of doc.findings as readonly InspectFinding[]) {
        if (!f.page) continue;
        if (f.ruleId === 'site/blank-column') flagged.set(f.page, 'blank');
        else if (f.ruleId === 'site/stale-column' && !flagged.has(f.page)) flagged.set(f.page, 'stale');
      }
      const previous = db.prepare('SELECT id, date FROM runs WHERE site = ? ORDER BY id DESC LIMIT 1').get(site) as { id: number; date: string } | undefined;

      const run = db.transaction(() => {
        const id = Number(
          db.prepare('INSERT INTO runs (site, date, recorded, pages, findings) VALUES (?, ?, ?, ?, ?)').run(site, doc.site.date, now().toISOString(), doc.site.pages, doc.findings.length).lastInsertRowid,
        );
        const insertColumn = db.prepare('INSERT OR REPLACE INTO columns (run, url, title, kind, items, latest, threshold, stale, blank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const c of doc.columns) {
          const { stale, blank } = isStale(c, doc.site.date, flagged);
          insertColumn.run(id, c.url, maskText(c.title), c.kind, c.items, c.latest, c.threshold ?? null, stale ? 1 : 0, blank ? 1 : 0);
        }
        const insertFinding = db.prepare(
          `INSERT INTO findings (run, key, rule, page, hash, severity, indicator, veto, message, count, ignored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
           ON CONFLICT (run, key) DO UPDATE SET count = count + 1`,
        );
        const keyed: KeyedFinding[] = [];
        for (const f of doc.findings) {
          const { key, page, hash } = identity(f);
          keyed.push({ key, finding: f });
          insertFinding.run(id, key, f.ruleId, maskText(page), hash, f.severity, indicatorOf(f).name, isVeto(f) ? 1 : 0, maskText(f.message), ignores.has(key) ? 1 : 0);
        }
        return { id, keyed };
      })();

      const before = new Map<string, StoredFinding>();
      if (previous) {
        // Findings ignored then are not reported as fixed when they go.
        const rows = db.prepare('SELECT key, rule, page, severity, indicator, veto, message FROM findings WHERE run = ? AND ignored = 0').all(previous.id) as {
          key: string;
          rule: string;
          page: string;
          severity: string;
          indicator: string;
          veto: number;
          message: string;
        }[];
        for (const r of rows) before.set(r.key, { key: r.key, ruleId: r.rule, page: r.page, severity: r.severity, indicator: r.indicator, veto: r.veto === 1, message: r.message, date: previous.date });
      }
      const fresh: KeyedFinding[] = [];
      const persisting: KeyedFinding[] = [];
      const ignored: KeyedFinding[] = [];
      const seen = new Set<string>();
      for (const k of run.keyed) {
        seen.add(k.key);
        if (ignores.has(k.key)) ignored.push(k);
        else if (before.has(k.key)) persisting.push(k);
        else fresh.push(k);
      }
      const fixed = [...before.values()].filter((f) => !seen.has(f.key));

      // Stale columns: overdue since latest + period, else since the first of the unbroken stale runs.
      const streak = db.prepare('SELECT r.date AS date, c.stale AS stale, c.latest AS latest FROM runs r LEFT JOIN columns c ON c.run = r.id AND c.url = ? WHERE r.site = ? ORDER BY r.id DESC');
      const staleSince: ColumnStaleness[] = [];
      for (const c of doc.columns) {
        const { stale, blank } = isStale(c, doc.site.date, flagged);
        if (!stale) continue;
        let first = doc.site.date;
        let runs = 0;
        // The unbroken series of runs that found it stale with the same newest item (an update breaks it).
        for (const r of streak.all(c.url, site) as { date: string; stale: number | null; latest: string | null }[]) {
          if (r.stale !== 1 || r.latest !== c.latest) break;
          first = r.date;
          runs++;
        }
        const overdue = !blank && c.latest && c.threshold !== undefined ? addDays(c.latest, c.threshold) : null;
        const since = overdue ?? first;
        staleSince.push({ url: c.url, title: maskText(c.title), latest: c.latest, staleSince: since, days: daysBetween(since, doc.site.date) ?? 0, runs, blank });
      }
      staleSince.sort((a, b) => b.days - a.days || (a.url < b.url ? -1 : 1));

      return {
        run: run.id,
        date: doc.site.date,
        previous: previous ? { run: previous.id, date: previous.date } : null,
        new: fresh,
        persisting,
        fixed,
        ignored,
        staleSince,
      };
    },

    ignore(finding, options = {}) {
      let rec: { key: string; rule: string; page: string; hash: string };
      if (typeof finding === 'string') {
        const key = resolveKey(finding, 'findings');
        const row = key ? (db.prepare('SELECT key, rule, page, hash FROM findings WHERE key = ? ORDER BY run DESC LIMIT 1').get(key) as typeof rec | undefined) : undefined;
        if (!row) throw new ShenjiaoError('invalid-input', `检查历史中没有编号为“${finding}”的问题`, { key: finding });
        rec = row;
      } else {
        const { key, page, hash } = identity(finding);
        rec = { key, rule: finding.ruleId, page: maskText(page), hash };
      }
      const created = now().toISOString();
      const note = options.note ?? '';
      db.prepare('INSERT INTO ignores (key, rule, page, hash, note, created) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET note = excluded.note').run(rec.key, rec.rule, rec.page, rec.hash, note, created);
      return toIgnore(db.prepare('SELECT * FROM ignores WHERE key = ?').get(rec.key) as Parameters<typeof toIgnore>[0]);
    },

    unignore(key) {
      const k = resolveKey(key, 'ignores');
      return k !== undefined && db.prepare('DELETE FROM ignores WHERE key = ?').run(k).changes > 0;
    },

    ignores: () => (db.prepare('SELECT * FROM ignores ORDER BY created, key').all() as Parameters<typeof toIgnore>[0][]).map(toIgnore),

    runs: () => db.prepare('SELECT id AS run, site, date, findings FROM runs ORDER BY id').all() as { run: number; site: string; date: string; findings: number }[],

    close: () => db.close(),
  };
  return history;
}

/**
 * The `--ignore KEY…` command of `shenjiao inspect`: marks findings of the history at `file` as
 * reviewed by the keys a report printed (or unique prefixes of 6+). Returns the records.
 */
export function ignoreFindings(file: string, keys: readonly string[], note = ''): IgnoreRecord[] {
  const history = openHistory(file);
  try {
    return keys.map((k) => history.ignore(k, { note }));
  } finally {
    history.close();
  }
}

/** A few zh-CN lines for the text report: the comparison with the previous run and the stale columns. */
export function describeRunDiff(diff: RunDiff): string[] {
  const lines: string[] = [];
  if (diff.previous) lines.push(`与上次检查（${diff.previous.date}）相比：新增问题 ${diff.new.length} 个，已整改 ${diff.fixed.length} 个，仍存在 ${diff.persisting.length} 个，已复核忽略 ${diff.ignored.length} 个。`);
  else lines.push(`首次检查：发现问题 ${diff.new.length} 个${diff.ignored.length ? `，已复核忽略 ${diff.ignored.length} 个` : ''}。`);
  for (const c of diff.staleSince) lines.push(`栏目“${c.title}”${c.blank ? '为空白栏目' : '未按期更新'}，自 ${c.staleSince} 起已 ${c.days} 天${c.runs > 1 ? `（连续 ${c.runs} 次检查）` : ''}。`);
  return lines;
}
