// The import writer for PostgreSQL: a few batches in one transaction on a client of its own — lookups with one array
// query, new rows through COPY, updates set-based — retried whole when a concurrent import took one of its keys first;
// the next transaction is planned on another client while one writes.
import pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppDatabase } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import type { KeyFilter } from '../engine/key-filter.js';
import { createCopyValueReader } from './copy-text.js';
import { createStoredKeys } from './stored-keys.js';
import { JOB_CHANGE_COLUMNS, jobChangeOf, startGroupPlan, type BatchLookups, type BatchWork, type ExistingRow, type RowUpdate } from '../engine/batch-plan.js';
import type { CellValue } from '../engine/row-layout.js';
import type { PreparedBatch } from '../engine/prepared-batches.js';
import type { PreparedBatchSource } from '../engine/prepared-batch-source.js';
import { dialRows, existingRowOf, identityColumns, lookupScope, preferOwnScope, type BatchHandlers, type ImportWriter, type JobProgress, type WriteOutcome, type WriterSettings } from './import-writer.js';
import type { ResultFilesPositions } from '../accounting/result-file-writer.js';

const NOW = `(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;
const MAX_PARAMETERS = 60_000;
/**
 * unique_violation (a concurrent import stored one of the keys first), deadlock, serialization failure, and a
 * statement cancelled by the statement timeout (waiting for another import's lock).
 */
const RETRYABLE = new Set(['23505', '40P01', '40001', '57014']);
const MAX_TRIES = 8;
/** unique_violation: a key the writer did not look up was stored after all. */
const UNIQUE_VIOLATION = '23505';
/** Columns an update may set whose type is not text. */
const BIGINT_COLUMNS = new Set(['agent_id', 'updated_at']);

export function createPostgresImportWriter(database: AppDatabase, settings: WriterSettings): ImportWriter {
  const pool = database.pool;
  if (!pool) throw new AppError('INTERNAL', 'The PostgreSQL import writer needs a PostgreSQL database.');
  const { spec, layout, jobId } = settings;
  const scope = lookupScope(spec);
  const filter = scope.where.map(([column], index) => `${column} = $${index + 1}`).join(' and ');
  const filterValues = scope.where.map(([, value]) => value);
  const keyParameter = `$${filterValues.length + 1}`;
  let sequence: string | null = null;

  // Transactions insert without asking first; only the keys that may be stored are looked up (stored-keys.ts).
  const storedKeys = createStoredKeys(settings);

  // Lookups go key by key through the unique index (unnest + lateral … limit 1): a plan that cannot turn into a scan
  // of the whole table when its statistics are stale, as they are while a first import fills it.
  const ownScopeFirst = spec.table === 'customers' && spec.isTeamWide ? `order by (scope = $${filterValues.length + 2}) desc` : '';
  const existingQuery = `select c.* from unnest(${keyParameter}::text[]) as k(key), lateral (
      select ${settings.isUpdate ? '*' : identityColumns(layout.table, layout.keyColumn)} from ${scope.table} where ${filter} and ${layout.keyColumn} = k.key ${ownScopeFirst} limit 1) as c`;
  const existingParameters = (keys: string[]) => (ownScopeFirst ? [...filterValues, keys, spec.table === 'customers' ? spec.scope : null] : [...filterValues, keys]);

  async function lookups(
    client: pg.PoolClient,
    allKeys: string[],
    phones: string[],
    isTrusting: boolean,
    previousPending: ReadonlyMap<string, { line: number }> | null,
  ): Promise<BatchLookups> {
    const existing = new Map<string, ExistingRow>();
    let keys = storedKeys.toLookUp(allKeys, isTrusting);
    if (previousPending && previousPending.size > 0) {
      // Inserted by the transaction before, which may not have committed: a row of this import at that line.
      keys = keys.filter((key) => {
        const inserted = previousPending.get(key);
        if (inserted) existing.set(key, { id: 0, jobId, jobLine: inserted.line, status: 'new', scope: spec.table === 'customers' ? spec.scope : null, stored: { id: 0 } });
        return !inserted;
      });
    }
    if (keys.length > 0) {
      const { rows } = await client.query<Record<string, unknown> & { id: number }>(existingQuery, existingParameters(keys));
      for (const row of rows) preferOwnScope(existing, String(row[layout.keyColumn]), existingRowOf(row), spec);
    }
    const seen = new Map<string, number>();
    if (settings.isDryRun && allKeys.length > 0) {
      const { rows } = await client.query<{ key: string; line: number }>(
        'select s.key, s.line from unnest($2::text[]) as k(key), lateral (select key, line from import_seen_keys where job_id = $1 and key = k.key) as s',
        [jobId, allKeys],
      );
      for (const row of rows) seen.set(row.key, Number(row.line));
    }
    const listed = new Map<string, string>();
    if (settings.blacklists.length > 0 && phones.length > 0) {
      const { rows } = await client.query<{ number: string; list: string }>(
        `select l.number, l.list from unnest($2::text[]) as k(number), lateral (
           select number, list from number_lists where team_id = $1 and list = any($3::text[]) and number = k.number limit 1) as l`,
        [spec.teamId, phones, settings.blacklists],
      );
      for (const row of rows) listed.set(row.number, row.list);
    }
    return { existing, seen, listed };
  }

  /** The transaction's writes; `copying` is its new rows' COPY when it was begun already (startGroup). */
  async function write(client: pg.PoolClient, work: BatchWork, copying: Promise<void> | null): Promise<void> {
    if (settings.isDryRun) {
      await insertValues(client, 'import_seen_keys', ['job_id', 'key', 'line'], work.seenKeys.map(([key, line]) => [jobId, key, line]));
      return;
    }
    let ids: Array<number | undefined> = [];
    if (work.inserts.length > 0) {
      const isIdNeeded = settings.dial !== null && work.dial.length > 0;
      if (isIdNeeded) {
        sequence ??= (await client.query<{ name: string }>(`select pg_get_serial_sequence('${layout.table}', 'id') as name`)).rows[0]?.name ?? null;
        const { rows } = await client.query<{ id: number }>('select nextval($1::regclass) as id from generate_series(1, $2)', [sequence, work.inserts.length]);
        ids = rows.map((row) => Number(row.id));
      }
      if (copying) await copying;
      else await copyRows(client, layout.table, isIdNeeded ? ['id', ...layout.columns] : layout.columns, isIdNeeded ? work.inserts.map((row, index) => [ids[index] ?? null, ...row]) : work.inserts);
    }
    await updateRows(client, layout.table, work.updates);
    await insertValues(client, 'job_changes', JOB_CHANGE_COLUMNS, work.updates.map((update) => jobChangeOf(jobId, layout.table, update)));
    await insertValues(client, 'dial_list', ['campaign_id', 'customer_id', 'phone', 'priority', 'dial_at', 'job_id'], dialRows(work, ids, settings));
  }

  /**
   * One transaction: `first` and the batches after it, up to INTAKE_BATCH_SIZE records. It is planned while
   * `previous` (the transaction before, not committed yet) writes, taking the keys that one inserts as stored rows
   * of this import. Its new rows go to the server as soon as `previous` has sent its own, while `previous` writes
   * its checkpoint and commits (their keys differ: nothing waits for a lock), so that the server loads rows without
   * a pause for each commit; the rest of its writes, its result lines and its checkpoint wait for `previous` to
   * have committed. Resolves then: `tail` settles when it has committed or failed.
   */
  async function startGroup(
    batches: PreparedBatch[],
    source: PreparedBatchSource,
    handlers: BatchHandlers,
    isTrusting: boolean,
    previous: InFlight | null,
    base: JobProgress | null,
  ): Promise<StartedGroup> {
    // A connection lost mid-batch (server restarted, backend terminated) fails the query in flight; the client's own
    // 'error' event is heard by the listener every pooled client has (openDatabase).
    const client = await pool!.connect();
    let isOpen = false;
    /** Its new rows' COPY, once begun: a failure waits for it to end before the rollback. */
    let copying: Promise<void> | null = null;
    let isBroken = false;
    // A client whose connection failed is not given back to the pool for the next batch.
    const isClientBroken = (error: unknown) => !(error instanceof pg.DatabaseError) && !(error instanceof PreviousGroupFailed);
    const end = async () => {
      if (isOpen) await client.query('rollback').catch(() => undefined);
      client.release(isBroken);
    };
    try {
      await client.query('begin');
      isOpen = true;
      // A worker stopped in the middle of a batch must not keep the job's row locked past its lease: between
      // statements (idle in transaction) nor inside one (a COPY waiting for data it will never send).
      await client.query(
        `select set_config('idle_in_transaction_session_timeout', $1, true), set_config('statement_timeout', $1, true)`,
        [`${settings.leaseMs}ms`],
      );
      const group = startGroupPlan();
      let isEnd = false;
      for (let index = 0; ; index++) {
        // Batches taken from the source are kept in `batches`, so that a retried transaction has them again.
        let batch = batches[index];
        if (!batch) {
          if (group.records >= settings.transactionRecords) break;
          const next = await source.next();
          if (!next) {
            isEnd = true;
            break;
          }
          batches.push(next);
          batch = next;
        }
        const opened = handlers.open(batch);
        opened.plan(await lookups(client, opened.keys, opened.phones, isTrusting, previous?.pending ?? null), group);
      }
      storedKeys.remember(group.pending.keys());
      // Rows that need no ids from the server (a dial list's entries do) are sent at once, in one COPY.
      const copyText = !settings.isDryRun && settings.dial === null && group.work.inserts.length > 0 ? copyTextOf(group.work.inserts) : null;
      await previous?.copied;
      if (copyText) {
        copying = sendCopy(client, layout.table, layout.columns, copyText);
        copying.catch(() => undefined);
      }
      const copied = copying ? copying.then(() => undefined, () => undefined) : Promise.resolve();
      // The transaction before must have committed: its checkpoint comes first, and this one was planned on it.
      const previousOutcome = previous ? await previous.tail.catch((error: unknown) => Promise.reject(new PreviousGroupFailed(error))) : null;
      const before = previousOutcome ? previousOutcome.committed : base;
      const tail = (async (): Promise<WriteOutcome> => {
        const start = handlers.results.positions();
        let appending: Promise<ResultFilesPositions> | null = null;
        try {
          // The result lines go to the files while the rows go to the server: from here on, a failure leaves the
          // files longer than the checkpoint says.
          appending = handlers.results.append(group.work.results);
          appending.catch(() => undefined);
          await write(client, group.work, copying);
          const positions = await appending;
          const progress = handlers.progress(group, positions, before);
          // The lease is checked and renewed with the checkpoint, in the transaction: without it, nothing of it commits.
          const held = await client.query<{ is_cancel_requested: number }>(
            `update import_jobs set checkpoint = $1, records_read = $2, estimated_total = $3, success = $4, error = $5, duplicated = $6, stalled_attempts = 0,
               updated_at = ${NOW}, lease_expires_at = ${NOW} + $7
             where id = $8 and lease_owner = $9 and status = 'running' returning is_cancel_requested`,
            [progress.checkpoint, progress.recordsRead, progress.estimatedTotal, progress.success, progress.error, progress.duplicated, settings.leaseMs, jobId, settings.workerId],
          );
          if (held.rowCount !== 1) throw new AppError('LEASE_LOST', `Job ${jobId} is no longer held by worker ${settings.workerId}.`);
          const isCancelRequested = Number(held.rows[0]?.is_cancel_requested) === 1;
          await client.query('commit');
          isOpen = false;
          return { committed: progress, isCancelRequested, isEnd };
        } catch (error) {
          isBroken = isClientBroken(error);
          if (appending && RETRYABLE.has(codeOf(error) ?? '')) {
            // The server refused the transaction with a code that nextTry retries: it rolled back, so its lines come
            // out of the files before it is done again (if they cannot, that failure ends the attempt instead).
            // After any other failure (a connection lost during the commit, which may have committed) the attempt
            // ends as it is: the next one copies the files up to the checkpoint.
            await appending.catch(() => undefined);
            await handlers.results.rewind(start).catch((failure: unknown) => {
              const reason = failure instanceof Error ? failure.message : String(failure);
              throw new AppError('INTERNAL', `Job ${jobId}: its result files could not be cut back after a failed transaction: ${reason}`);
            });
          }
          throw error;
        } finally {
          await end();
        }
      })();
      return { tail, copied, pending: group.pending, isCancelRequested: previousOutcome?.isCancelRequested ?? false, isEnd, committedBefore: before };
    } catch (error) {
      isBroken = isClientBroken(error);
      await copying?.catch(() => undefined);
      await end();
      throw error;
    }
  }

  /** Settles a transaction whose writes were left running: retried on its own when it failed and may be retried. */
  async function settle(group: InFlight): Promise<WriteOutcome> {
    try {
      return await group.tail;
    } catch (error) {
      return writeAlone(group.batches, group.source, group.handlers, error, group.isTrusting);
    }
  }

  /** A transaction written from start to end, none before it in flight, with the retries of `failure` (if any). */
  async function writeAlone(batches: PreparedBatch[], source: PreparedBatchSource, handlers: BatchHandlers, failure?: unknown, wasTrusting = false): Promise<WriteOutcome> {
    let tries = failure === undefined ? 1 : await nextTry(failure, wasTrusting, 1);
    for (; ; tries += 1) {
      const isTrusting = storedKeys.canSkipLookups();
      try {
        const started = await startGroup(batches, source, handlers, isTrusting, null, null);
        const outcome = await started.tail;
        storedKeys.done();
        return outcome;
      } catch (error) {
        tries = (await nextTry(error, isTrusting, tries)) - 1;
      }
    }
  }

  /**
   * Puts the keys stored in the import's scope into its key filter (up to what it holds: past that it is full and
   * every key is looked up). One COPY of the key column through the unique index, read as it streams.
   */
  async function readStoredKeys(filter: KeyFilter): Promise<void> {
    const client = await pool!.connect();
    let isBroken = false;
    try {
      const where = scope.where.map(([column, value]) => `${column} = ${literalOf(client, value)}`).join(' and ');
      const stream = client.query(copyTo(`copy (select ${layout.keyColumn} from ${scope.table} where ${where} and ${layout.keyColumn} is not null limit ${filter.capacity + 1}) to stdout`));
      const reader = createCopyValueReader((key) => filter.add(key));
      await whileCopying(client, stream, async () => {
        for await (const chunk of stream) reader.push(chunk as Buffer);
        reader.end();
      });
    } catch (error) {
      isBroken = !(error instanceof pg.DatabaseError);
      throw error;
    } finally {
      client.release(isBroken);
    }
  }

  /**
   * After the `tries`-th try of a transaction failed with `error`: throws it when the transaction is not done again,
   * else returns the number of the next try (a refused key's retry is free; others wait a little first).
   */
  async function nextTry(error: unknown, wasTrusting: boolean, tries: number): Promise<number> {
    const code = codeOf(error);
    if (wasTrusting && code === UNIQUE_VIOLATION) {
      // A key it did not look up is stored: this transaction again, and the next ones, with every key looked up.
      storedKeys.collided();
      return tries;
    }
    if (code === undefined || !RETRYABLE.has(code) || tries >= MAX_TRIES) throw error;
    await sleep(5 + Math.random() * 20 * tries);
    return tries + 1;
  }

  // Transactions overlap (one plans while the one before writes) when a stored row found in the one before needs no
  // more than its key and line: no updates or resets (previous values), no dial list (ids), no dry run.
  const canOverlap = !settings.isDryRun && !settings.isUpdate && settings.dial === null;
  let inFlight: InFlight | null = null;

  return {
    async write(first, source, handlers) {
      const filter = storedKeys.toRead();
      if (filter) {
        await readStoredKeys(filter);
        storedKeys.markRead();
      }
      const batches = [first];
      if (!canOverlap) return writeAlone(batches, source, handlers);
      let previous = inFlight;
      /** What the transaction before committed, once it was settled here (it failed and was done again). */
      let settled: JobProgress | null = null;
      for (let tries = 1; ; tries += 1) {
        const isTrusting = storedKeys.canSkipLookups();
        try {
          const started = await startGroup(batches, source, handlers, isTrusting, previous, settled);
          storedKeys.done();
          // Its writes go on while the caller brings the next batches: a failure is met by the next write or drain.
          started.tail.catch(() => undefined);
          inFlight = { tail: started.tail, copied: started.copied, pending: started.pending, batches, source, handlers, isTrusting };
          return { committed: started.committedBefore ?? settled, isCancelRequested: started.isCancelRequested, isEnd: started.isEnd };
        } catch (error) {
          if (error instanceof PreviousGroupFailed && previous) {
            // The one before failed after this one was planned on it: it is settled on its own, then this one again.
            inFlight = null;
            settled = (await writeAlone(previous.batches, previous.source, previous.handlers, error.failure, previous.isTrusting)).committed;
            previous = null;
            tries -= 1;
            continue;
          }
          tries = (await nextTry(error, isTrusting, tries)) - 1;
        }
      }
    },
    async drain() {
      const last = inFlight;
      inFlight = null;
      return last ? (await settle(last)).committed : null;
    },
    async finish() {
      if (settings.isDryRun) await pool.query('delete from import_seen_keys where job_id = $1', [jobId]);
    },
    async close() {
      // Clients go back to the shared pool after each transaction; one left writing is let finish first.
      await inFlight?.tail.catch(() => undefined);
      inFlight = null;
    },
  };
}

/** A transaction whose writes were left running while the next one was planned, with what it was made of. */
type InFlight = Pick<StartedGroup, 'tail' | 'copied' | 'pending'> & {
  batches: PreparedBatch[];
  source: PreparedBatchSource;
  handlers: BatchHandlers;
  isTrusting: boolean;
};

type StartedGroup = {
  /** Settles when it has committed or failed. */
  tail: Promise<WriteOutcome>;
  /** Settles when its new rows have been sent and loaded (or their COPY failed), before it commits. */
  copied: Promise<void>;
  /** The keys it inserts, with the line of each: stored rows of this import for the transaction after it. */
  pending: ReadonlyMap<string, { index: number; line: number }>;
  /** A cancel was asked for, as the transaction before saw it. */
  isCancelRequested: boolean;
  isEnd: boolean;
  /** What the transaction before committed, when there was one in flight. */
  committedBefore: WriteOutcome['committed'];
};

/** The transaction before failed (its error is the cause): the one planned on it must be planned again. */
class PreviousGroupFailed extends Error {
  constructor(readonly failure: unknown) {
    super('The transaction before this one failed.', { cause: failure });
  }
}

/** A value of a lookup scope written into SQL (COPY takes no parameters). */
function literalOf(client: pg.PoolClient, value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new AppError('INTERNAL', `Not an id: ${value}.`);
    return String(value);
  }
  return client.escapeLiteral(value);
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/**
 * COPY in CSV: an unquoted empty field is NULL, a quoted one the empty text. The text is one string appended to, made
 * a buffer once: a string per line, joined after, kept every line alive through the job thread's scavenges (a
 * fifth to a third more CPU for the whole import).
 */
async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CellValue>>): Promise<void> {
  await sendCopy(client, table, columns, copyTextOf(rows));
}

async function sendCopy(client: pg.PoolClient, table: string, columns: readonly string[], text: Buffer): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
  await whileCopying(client, stream, () => pipeline(Readable.from([text]), stream));
}

function copyTextOf(rows: ReadonlyArray<ReadonlyArray<CellValue>>): Buffer {
  let text = '';
  for (const row of rows) {
    for (let index = 0; index < row.length; index++) {
      const value = row[index];
      if (index > 0) text += ',';
      if (value === null || value === undefined) continue;
      if (typeof value === 'number') text += String(value);
      else text += value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
    }
    text += '\n';
  }
  return Buffer.from(text);
}

/**
 * Runs a COPY's streaming. A connection lost during the COPY (server restarted) reaches the client, not the COPY
 * stream, which would wait for its end for good: the stream is failed with it.
 */
async function whileCopying<T>(client: pg.PoolClient, stream: { destroy(error?: Error): unknown }, run: () => Promise<T>): Promise<T> {
  const onLost = (error?: Error) => stream.destroy(error ?? new Error('The connection to PostgreSQL ended during a COPY.'));
  client.once('error', onLost);
  client.once('end', onLost);
  try {
    return await run();
  } finally {
    client.off('error', onLost);
    client.off('end', onLost);
  }
}

async function insertValues(client: pg.PoolClient, table: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CellValue>>): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: CellValue[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
  }
}

/**
 * Updates grouped by the columns they set: one `update … from (values …)` per group. A row's updates are first merged
 * into one, in file order: one statement applies only one of several values rows for the same row, and groups run in
 * the order their column sets first came up, not in the order of the updates.
 */
async function updateRows(client: pg.PoolClient, table: string, updates: readonly RowUpdate[]): Promise<void> {
  const merged = new Map<number, Record<string, CellValue>>();
  for (const update of updates) merged.set(update.id, Object.assign(merged.get(update.id) ?? {}, update.set));
  const groups = new Map<string, Array<{ id: number; set: Record<string, CellValue> }>>();
  for (const [id, set] of merged) {
    const signature = Object.keys(set).sort().join(',');
    const group = groups.get(signature);
    if (group) group.push({ id, set });
    else groups.set(signature, [{ id, set }]);
  }
  for (const [signature, group] of groups) {
    const columns = signature.split(',');
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / (columns.length + 1)));
    for (let start = 0; start < group.length; start += perStatement) {
      const values: CellValue[] = [];
      const tuples = group.slice(start, start + perStatement).map((update) => {
        const cells = [`$${values.push(update.id)}::bigint`];
        for (const column of columns) cells.push(`$${values.push(update.set[column] ?? null)}::${BIGINT_COLUMNS.has(column) ? 'bigint' : 'text'}`);
        return `(${cells.join(', ')})`;
      });
      await client.query(
        `update ${table} as t set ${columns.map((column) => `${column} = v.${column}`).join(', ')} from (values ${tuples.join(', ')}) as v(id, ${columns.join(', ')}) where t.id = v.id`,
        values,
      );
    }
  }
}
