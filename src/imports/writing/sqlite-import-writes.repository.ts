// The import writer for SQLite: prepared multi-row statements on a connection of its own, each batch one synchronous
// BEGIN IMMEDIATE transaction (the result files too), so nothing else in the process can slip into it.
import type SQLite from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDatabase } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import { JOB_CHANGE_COLUMNS, emptyWork, jobChangeOf, startGroupPlan, type BatchWork, type ExistingRow, type GroupPlan } from '../engine/batch-plan.js';
import type { KeyFilter } from '../engine/key-filter.js';
import type { CellValue } from '../engine/row-layout.js';
import type { PreparedBatch } from '../engine/prepared-batches.js';
import type { ResultFilesPositions } from '../accounting/result-file-writer.js';
import type { PreparedBatchSource } from '../engine/prepared-batch-source.js';
import { createStoredKeys } from './stored-keys.js';
import { dialRows, existingRowOf, identityColumns, lookupScope, preferOwnScope, type BatchHandlers, type ImportWriter, type WriteOutcome, type WriterSettings } from './import-writer.js';

const NOW = `cast(unixepoch('subsec') * 1000 as integer)`;
/** SQLite allows 32,766 bound values per statement; stay well under. */
const MAX_VALUES = 16_000;
const KEYS_PER_LOOKUP = 500;
/** How long a batch waits, in all, for another connection's write to finish before giving up. */
const BUSY_PATIENCE_MS = 60_000;
/**
 * A transaction takes batches until it holds this many times INTAKE_BATCH_SIZE records (or HOLD_MS has passed, which
 * mostly comes first). Its batches are written one by one, so its size costs no memory.
 */
const GROUP_FACTOR = 50;
/**
 * Other connections (the server's requests, another worker process) wait for the write lock in SQLite's busy
 * handler, which tries again after 1, 2, 5 … 50 ms and then every 100 ms. An import that commits group after group
 * would hold the lock for its whole run, so after holding it for HOLD_MS, transactions and the moments between them
 * together, it leaves it free for LOCK_GAP_MS: longer than the handler's longest sleep, so every waiter's next try
 * finds it free. A pause of at least LOCK_GAP_MS the import takes anyway (waiting for its next batch) counts as one.
 */
const HOLD_MS = 1_000;
const LOCK_GAP_MS = 120;

type Statement = SQLite.Statement<unknown[]>;

export function createSqliteImportWriter(database: AppDatabase, settings: WriterSettings): ImportWriter {
  if (!database.openSqliteConnection) throw new AppError('INTERNAL', 'The SQLite import writer needs an SQLite database.');
  const connection = database.openSqliteConnection();
  // A bulk load touches index pages all over the table: a page cache of 16 MiB (by default) instead of 2 MiB keeps
  // more in memory. A table of millions of rows has more index pages than that: each one missed is read again, and
  // a dirty one pushed out is written to the WAL before its time (the README's performance section has figures).
  connection.pragma(`cache_size = ${-1024 * settings.sqliteCacheMb}`);
  // The rows written here refer only to the job's team and campaign, checked when the job started (neither is ever
  // deleted): checking them again for every row costs a sixth of the insert.
  connection.pragma('foreign_keys = OFF');
  const statements = new Map<string, Statement>();
  const prepared = (text: string): Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const { spec, layout, jobId } = settings;
  const scope = lookupScope(spec);
  const filter = scope.where.map(([column]) => `${column} = ?`).join(' and ');
  const filterValues = scope.where.map(([, value]) => value);

  // An update needs the whole stored row (to keep its previous values); otherwise what tells a duplicate is enough.
  const lookupColumns = settings.isUpdate ? '*' : identityColumns(layout.table, layout.keyColumn);

  // Batches insert without asking first; only the keys that may be stored are looked up (stored-keys.ts). A batch
  // that inserts a key stored after all is undone to its savepoint and done again, looking every key up.
  const storedKeys = createStoredKeys(settings);

  /** Puts the keys stored in the import's scope into the filter, up to what it holds (past that, all are looked up). */
  function readStoredKeys(keyFilter: KeyFilter): void {
    const stored = prepared(`select ${layout.keyColumn} from ${scope.table} where ${filter} and ${layout.keyColumn} is not null limit ?`)
      .pluck()
      .iterate(...filterValues, keyFilter.capacity + 1);
    for (const key of stored) keyFilter.add(String(key));
  }

  function lookupExisting(keys: string[]): Map<string, ExistingRow> {
    const found = new Map<string, ExistingRow>();
    for (let start = 0; start < keys.length; start += KEYS_PER_LOOKUP) {
      const chunk = padded(keys.slice(start, start + KEYS_PER_LOOKUP));
      const rows = prepared(`select ${lookupColumns} from ${scope.table} where ${filter} and ${layout.keyColumn} in (${placeholders(chunk.length)})`).all(...filterValues, ...chunk) as Array<Record<string, unknown> & { id: number }>;
      for (const row of rows) preferOwnScope(found, String(row[layout.keyColumn]), existingRowOf(row), spec);
    }
    return found;
  }

  function lookupSeen(keys: string[]): Map<string, number> {
    const seen = new Map<string, number>();
    for (let start = 0; start < keys.length; start += KEYS_PER_LOOKUP) {
      const chunk = padded(keys.slice(start, start + KEYS_PER_LOOKUP));
      const rows = prepared(`select key, line from import_seen_keys where job_id = ? and key in (${placeholders(chunk.length)})`).all(jobId, ...chunk) as Array<{ key: string; line: number }>;
      for (const row of rows) seen.set(row.key, Number(row.line));
    }
    return seen;
  }

  function lookupListed(numbers: string[]): Map<string, string> {
    const listed = new Map<string, string>();
    if (settings.blacklists.length === 0) return listed;
    for (let start = 0; start < numbers.length; start += KEYS_PER_LOOKUP) {
      const chunk = padded(numbers.slice(start, start + KEYS_PER_LOOKUP));
      const rows = prepared(
        `select number, list from number_lists where team_id = ? and list in (${placeholders(settings.blacklists.length)}) and number in (${placeholders(chunk.length)})`,
      ).all(spec.teamId, ...settings.blacklists, ...chunk) as Array<{ number: string; list: string }>;
      for (const row of rows) listed.set(row.number, row.list);
    }
    return listed;
  }

  /** Inserts rows in multi-row statements; returns the new ids in row order when asked. */
  function insertRows(table: string, columns: readonly string[], rows: ReadonlyArray<readonly CellValue[]>, isIdNeeded: boolean): Array<number | undefined> {
    const ids: Array<number | undefined> = [];
    const perStatement = Math.max(1, Math.min(500, Math.floor(MAX_VALUES / columns.length)));
    const tuple = `(${placeholders(columns.length)})`;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values: CellValue[] = [];
      for (const row of chunk) for (const value of row) values.push(value);
      const text = `insert into ${table} (${columns.join(', ')}) values ${new Array<string>(chunk.length).fill(tuple).join(', ')}`;
      if (isIdNeeded) {
        // RETURNING gives no order guarantee: ids are matched back by the row's line.
        const lineAt = columns.indexOf('job_line');
        const returned = prepared(`${text} returning id, job_line`).all(...values) as Array<{ id: number; job_line: number }>;
        const byLine = new Map(returned.map((row) => [Number(row.job_line), Number(row.id)]));
        for (const row of chunk) ids.push(byLine.get(Number(row[lineAt])));
      } else {
        prepared(text).run(...values);
      }
    }
    return ids;
  }

  function holdLease(): { is_cancel_requested: number } {
    const held = prepared(`update import_jobs set lease_expires_at = ${NOW} + ? where id = ? and lease_owner = ? and status = 'running' returning is_cancel_requested`)
      .get(settings.leaseMs, jobId, settings.workerId) as { is_cancel_requested: number } | undefined;
    if (!held) throw new AppError('LEASE_LOST', `Job ${jobId} is no longer held by worker ${settings.workerId}.`);
    return held;
  }

  /** Plans a batch into its group and writes the plan (its result lines are the caller's). */
  function planAndWrite(batch: PreparedBatch, handlers: BatchHandlers, group: GroupPlan, isSkipping: boolean): void {
    const opened = handlers.open(batch);
    opened.plan(
      {
        existing: lookupExisting(storedKeys.toLookUp(opened.keys, isSkipping)),
        seen: settings.isDryRun ? lookupSeen(opened.keys) : new Map(),
        listed: lookupListed(opened.phones),
      },
      group,
    );
    writeWork(group.work);
  }

  function writeWork(work: BatchWork): void {
    if (settings.isDryRun) {
      insertRows('import_seen_keys', ['job_id', 'key', 'line'], work.seenKeys.map(([key, line]) => [jobId, key, line]), false);
      return;
    }
    const ids = insertRows(layout.table, layout.columns, work.inserts, settings.dial !== null && work.dial.length > 0);
    for (const update of work.updates) {
      const columns = Object.keys(update.set);
      prepared(`update ${layout.table} set ${columns.map((column) => `${column} = ?`).join(', ')} where id = ?`).run(...Object.values(update.set), update.id);
    }
    insertRows('job_changes', JOB_CHANGE_COLUMNS, work.updates.map((update) => jobChangeOf(jobId, layout.table, update)), false);
    insertRows('dial_list', ['campaign_id', 'customer_id', 'phone', 'priority', 'dial_at', 'job_id'], dialRows(work, ids, settings), false);
  }

  /**
   * Plans a batch and writes it, its result lines too, at once: the transaction keeps no batch but the one at hand.
   * Its rows are in the table for the batches after it, which find them as those of an earlier transaction.
   */
  function writeBatch(batch: PreparedBatch, handlers: BatchHandlers, group: GroupPlan): ResultFilesPositions {
    const toRead = storedKeys.toRead();
    if (toRead) {
      readStoredKeys(toRead);
      storedKeys.markRead();
    }
    if (!storedKeys.canSkipLookups()) {
      planAndWrite(batch, handlers, group, false);
    } else {
      const before = { counts: { ...group.work.counts }, records: group.records };
      prepared('savepoint batch').run();
      try {
        planAndWrite(batch, handlers, group, true);
      } catch (error) {
        // Any other failure ends the whole transaction (the caller rolls it back).
        if ((error as { code?: string } | null)?.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
        prepared('rollback to batch').run();
        storedKeys.collided();
        clearBatch(group, before.counts);
        group.records = before.records;
        planAndWrite(batch, handlers, group, false);
      }
      prepared('release batch').run();
    }
    storedKeys.remember(group.pending.keys());
    storedKeys.done();
    const { work } = group;
    const positions = handlers.results.appendSync(work.results);
    clearBatch(group, work.counts);
    return positions;
  }

  /** The group as it is between batches: the written batch's work and keys gone, its counts kept. */
  function clearBatch(group: GroupPlan, counts: BatchWork['counts']): void {
    group.work = emptyWork(counts);
    group.pending.clear();
    group.updated.clear();
  }

  /**
   * One transaction over many batches (SQLite writes each commit's pages anew: fewer, bigger commits are much
   * cheaper, the more so the bigger the table). It never yields: the batches after the first are waited for
   * synchronously, so nothing else in this process runs while it is open. It ends after GROUP_FACTOR ×
   * INTAKE_BATCH_SIZE records or at `deadline`, with the checkpoint, in the same transaction.
   */
  function writeGroup(first: PreparedBatch, source: PreparedBatchSource, handlers: BatchHandlers, deadline: number): WriteOutcome {
    const held = holdLease();
    const group = startGroupPlan();
    let positions = writeBatch(first, handlers, group);
    let isEnd = false;
    while (group.records < settings.transactionRecords * GROUP_FACTOR && Date.now() < deadline) {
      const batch = source.nextSync();
      if (!batch) {
        isEnd = true;
        break;
      }
      positions = writeBatch(batch, handlers, group);
    }
    // The checkpoint names positions in the result files: they are on disk before it commits.
    handlers.results.syncSync();
    const progress = handlers.progress(group, positions, null);
    prepared(`update import_jobs set checkpoint = ?, records_read = ?, estimated_total = ?, success = ?, error = ?, duplicated = ?, stalled_attempts = 0, updated_at = ${NOW} where id = ?`)
      .run(progress.checkpoint, progress.recordsRead, progress.estimatedTotal, progress.success, progress.error, progress.duplicated, jobId);
    return { committed: progress, isCancelRequested: held.is_cancel_requested === 1, isEnd };
  }
  const writeInTransaction = connection.transaction(writeGroup);
  /** Since when this writer has held the write lock, counting the short moments between its transactions. */
  let holdingSince: number | undefined;
  let releasedAt = 0;

  return {
    async write(first, source, handlers) {
      // Another connection (the server, another worker process) may be writing: wait for it before the transaction
      // begins, without blocking the process. Once begun, the transaction holds the write lock to its end.
      for (let waited = 0; ; ) {
        try {
          const started = Date.now();
          if (holdingSince === undefined || started - releasedAt >= LOCK_GAP_MS) holdingSince = started;
          const outcome = writeInTransaction.immediate(first, source, handlers, holdingSince + HOLD_MS);
          releasedAt = Date.now();
          if (releasedAt - holdingSince >= HOLD_MS) {
            await sleep(LOCK_GAP_MS);
            holdingSince = undefined;
          }
          return outcome;
        } catch (error) {
          if (!isBusyAtBegin(error) || waited >= BUSY_PATIENCE_MS) throw error;
          const pause = Math.min(200, 5 + waited / 10);
          await sleep(pause);
          waited += pause;
        }
      }
    },
    async drain() {
      // Each transaction has committed when write returns.
      return null;
    },
    async finish() {
      if (settings.isDryRun) connection.prepare('delete from import_seen_keys where job_id = ?').run(jobId);
    },
    async close() {
      connection.close();
    },
  };
}

/** Repeats the last value up to a power of two, so that a few prepared statements serve every lookup size. */
function padded(values: string[]): string[] {
  let size = 8;
  while (size < values.length) size *= 2;
  const last = values[values.length - 1];
  while (last !== undefined && values.length < size) values.push(last);
  return values;
}

function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}

/** BUSY can only come from BEGIN IMMEDIATE: after it the transaction holds the write lock. */
function isBusyAtBegin(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}
