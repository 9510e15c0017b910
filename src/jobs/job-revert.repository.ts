// The queries of a revert. Each step is one bounded transaction that first renews the reverting process's hold on the
// job and ends by saving the revert's progress with it, so a revert that stops (crash, restart) resumes where its last
// transaction left it, and neither undoes a change twice nor lists a row twice.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { TargetTable } from '../imports/engine/row-layout.js';
import { AppError } from '../shared/app-error.js';
import { changedSinceReason, isTargetTable, keptInsertReason, parseRevertState, planRestore, type InsertedRowHistory, type RevertState } from './revert-plan.js';

/** The job being reverted, as the steps need it. */
export type RevertTarget = { jobId: number; teamId: number; table: TargetTable; owner: string; leaseMs: number; batchSize: number };

export type KeptRow = { table: string; rowId: number; change: 'insert' | 'update'; reason: string; key: string | null; line: number | null };

const ENDED_STATUSES = ['close', 'failed', 'cancelled'] as const;

export function createJobRevertRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  const now = () => databaseNow(dialect);

  /** Renews the hold; AppError('LEASE_LOST') when another process has taken the revert over. */
  async function hold(trx: Transaction<Database>, target: RevertTarget): Promise<void> {
    const result = await trx
      .updateTable('import_jobs')
      .set({ revert_lease_expires_at: sql<number>`${now()} + ${target.leaseMs}` })
      .where('id', '=', target.jobId)
      .where('revert_owner', '=', target.owner)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('LEASE_LOST', `The revert of job ${target.jobId} has been taken over by another process.`);
  }

  /** One step of a revert: a transaction that holds the job first. */
  function inStep(target: RevertTarget, run: (trx: Transaction<Database>) => Promise<RevertState>): Promise<RevertState> {
    return db.transaction().execute(async (trx) => {
      await hold(trx, target);
      return run(trx);
    });
  }

  async function save(trx: Transaction<Database>, target: RevertTarget, state: RevertState): Promise<RevertState> {
    await trx.updateTable('import_jobs').set({ revert_state: JSON.stringify(state), updated_at: now() }).where('id', '=', target.jobId).execute();
    return state;
  }

  async function keep(trx: Transaction<Database>, target: RevertTarget, rows: Array<{ rowId: number; reason: string }>): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('job_changes')
      .values(rows.map(({ rowId, reason }) => ({ job_id: target.jobId, table_name: target.table, row_id: rowId, change: 'insert' as const, previous: null, outcome: 'kept' as const, note: reason })))
      .execute();
  }

  /** The first and last id of the job's rows in a table (one scan: job_id has no index, and needs none elsewhere). */
  async function jobRange(trx: Transaction<Database>, table: 'customers' | 'number_lists' | 'area_codes' | 'dids' | 'dial_list', jobId: number): Promise<{ first: number; last: number } | null> {
    const { rows } = await sql<{ first: number | null; last: number | null }>`select min(id) as first, max(id) as last from ${sql.table(table)} where job_id = ${jobId}`.execute(trx);
    const range = rows[0];
    return range && range.first !== null && range.last !== null ? { first: Number(range.first), last: Number(range.last) } : null;
  }

  /**
   * The next rows of the job after `after`, read a window of ids at a time up to `until`: a range of the primary key
   * is what both planners read by index (asked for "job_id = ? order by id limit n", PostgreSQL may scan the table
   * each time), and a job's rows are mostly one stretch of ids.
   */
  async function inWindows<T>(target: RevertTarget, after: number, until: number, read: (from: number, to: number) => Promise<T[]>): Promise<T[]> {
    const window = target.batchSize * 4;
    for (let from = after; from < until; from += window) {
      const rows = await read(from, Math.min(until, from + window));
      if (rows.length > 0) return rows;
    }
    return [];
  }

  /** Where a phase over the job's rows of a table starts: its range, or null when the job left none there. */
  async function startOf(trx: Transaction<Database>, table: Parameters<typeof jobRange>[1], target: RevertTarget, state: RevertState): Promise<{ after: number; until: number } | null> {
    if (state.after !== null && state.until !== null) return { after: state.after, until: state.until };
    const range = await jobRange(trx, table, target.jobId);
    return range ? { after: range.first - 1, until: range.last } : null;
  }

  /**
   * The first other job that changed each of these rows (ids in ascending order). Asked for the range of ids, which
   * the index on (table_name, row_id) reads as one stretch: a list of thousands of ids, PostgreSQL scans for.
   */
  async function otherJobsChanges(trx: Transaction<Database>, target: RevertTarget, ids: number[]): Promise<Map<number, number>> {
    const rows = await trx
      .selectFrom('job_changes')
      .select(['row_id', (eb) => eb.fn.min('job_id').as('job_id')])
      .where('table_name', '=', target.table)
      .where('row_id', '>=', ids[0] ?? 0)
      .where('row_id', '<=', ids.at(-1) ?? 0)
      .where('job_id', '<>', target.jobId)
      .where('change', '=', 'update')
      // An update another revert has undone no longer counts.
      .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '<>', 'restored')]))
      .groupBy('row_id')
      .execute();
    return new Map(rows.map((row) => [Number(row.row_id), Number(row.job_id)]));
  }

  return {
    /**
     * Takes the revert of an ended job that has not been reverted, unless another process holds it (a lapsed hold
     * is taken over, and its progress continued). Returns where the revert stands; null when it cannot be taken.
     */
    async claim(jobId: number, owner: string, leaseMs: number, initial: RevertState): Promise<RevertState | null> {
      const claimed = await db
        .updateTable('import_jobs')
        .set({
          revert_owner: owner,
          revert_lease_expires_at: sql<number>`${now()} + ${leaseMs}`,
          revert_state: sql<string>`coalesce(revert_state, ${JSON.stringify(initial)})`,
          updated_at: now(),
        })
        .where('id', '=', jobId)
        .where('status', 'in', ENDED_STATUSES)
        .where('reverted_at', 'is', null)
        .where((eb) => eb.or([eb('revert_owner', 'is', null), eb('revert_lease_expires_at', '<', now())]))
        .returning('revert_state')
        .executeTakeFirst();
      return claimed ? parseRevertState(claimed.revert_state) : null;
    },

    /** Lets the revert go after a failure, so that trying again need not wait for the hold to lapse. */
    async release(jobId: number, owner: string): Promise<void> {
      await db.updateTable('import_jobs').set({ revert_owner: null, revert_lease_expires_at: null }).where('id', '=', jobId).where('revert_owner', '=', owner).execute();
    },

    async finish(jobId: number, owner: string): Promise<boolean> {
      const result = await db
        .updateTable('import_jobs')
        .set({ reverted_at: now(), revert_owner: null, revert_lease_expires_at: null, updated_at: now() })
        .where('id', '=', jobId)
        .where('revert_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Undoes the job's next updates, newest first, so that a row it updated twice ends with the values it had before
     * the first. An update is undone only where the row still holds what it set; a row the job inserted is left to
     * the inserts step. Returns the state after them, phase 'inserts' once there are none left.
     */
    async undoUpdates(target: RevertTarget, state: RevertState): Promise<RevertState> {
      return inStep(target, async (trx) => {
        let query = trx
          .selectFrom('job_changes')
          .select(['id', 'table_name', 'row_id', 'previous', 'applied'])
          .where('job_id', '=', target.jobId)
          .where('change', '=', 'update')
          .where('outcome', 'is', null)
          .orderBy('id', 'desc')
          .limit(target.batchSize);
        if (state.after !== null) query = query.where('id', '<', state.after);
        const changes = await query.execute();
        if (changes.length === 0) return save(trx, target, { ...state, phase: 'inserts', after: null, until: null });
        // Outcomes are written once per transaction, a statement per kind (the kept ones, rare, one by one).
        const restored: number[] = [];
        const superseded: number[] = [];
        const kept: Array<{ id: number; note: string }> = [];
        for (const change of changes) {
          const table = change.table_name;
          if (!isTargetTable(table)) {
            kept.push({ id: change.id, note: `unknown table ${table}` });
            continue;
          }
          const plan = planRestore(table, change.previous, change.applied);
          if (plan.kind === 'keep') {
            kept.push({ id: change.id, note: plan.reason });
            continue;
          }
          const set = Object.entries(plan.set).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
          if (table === 'customers') set.push(sql`updated_at = ${now()}`);
          const unchanged = Object.entries(plan.expect).map(([column, value]) => sql`${sql.ref(column)} is not distinct from ${value}`);
          const { rows } = await sql<{ id: number }>`update ${sql.table(table)} set ${sql.join(set)}
            where id = ${change.row_id} and team_id = ${target.teamId} and (job_id is null or job_id <> ${target.jobId})
            ${unchanged.length > 0 ? sql`and ${sql.join(unchanged, sql` and `)}` : sql``}
            returning id`.execute(trx);
          if (rows.length === 1) {
            restored.push(change.id);
            continue;
          }
          const { rows: found } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${change.row_id}`.execute(trx);
          const current = found[0];
          // A row this job inserted goes with the job's other inserts (or is kept there, with its reason).
          if (current && Number(current['job_id']) === target.jobId) superseded.push(change.id);
          else kept.push({ id: change.id, note: changedSinceReason(current, plan.expect) });
        }
        const mark = async (ids: number[], outcome: 'restored' | 'kept', note: string | null) => {
          if (ids.length > 0) await trx.updateTable('job_changes').set({ outcome, note }).where('id', 'in', ids).execute();
        };
        await mark(restored, 'restored', null);
        await mark(superseded, 'restored', 'inserted by this job');
        for (const { id, note } of kept) await mark([id], 'kept', note);
        return save(trx, target, { ...state, restored: state.restored + restored.length, kept: state.kept + kept.length, after: changes.at(-1)?.id ?? state.after });
      });
    },

    /**
     * Removes the next rows the job inserted, in id order, but keeps (and lists) those that have been worked on since:
     * a customer whose status or agent changed, a row another job updated, a customer dialed or queued by another job.
     * A removed customer's dial entries go with it. Returns phase 'dial' once there are none left.
     */
    async removeInserts(target: RevertTarget, state: RevertState): Promise<RevertState> {
      return inStep(target, async (trx) => {
        const isCustomers = target.table === 'customers';
        const next = { ...state, phase: isCustomers ? ('dial' as const) : ('done' as const), after: null, until: null };
        const start = await startOf(trx, target.table, target, state);
        if (!start) return save(trx, target, next);
        const rows = await inWindows(target, start.after, start.until, async (from, to) => {
          const { rows: found } = await sql<{ id: number; status: string | null; agent_id: number | null }>`
            select id, ${isCustomers ? sql`status, agent_id` : sql`null as status, null as agent_id`} from ${sql.table(target.table)}
            where job_id = ${target.jobId} and id > ${from} and id <= ${to}
            order by id limit ${target.batchSize}`.execute(trx);
          return found;
        });
        if (rows.length === 0) return save(trx, target, next);
        const ids = rows.map((row) => Number(row.id));
        const updatedBy = await otherJobsChanges(trx, target, ids);
        const dialed = new Map<number, { jobId: number | null; status: string }>();
        if (isCustomers) {
          const entries = await trx
            .selectFrom('dial_list')
            .select(['customer_id', 'job_id', 'status'])
            // A range, read by the index on customer_id (as otherJobsChanges); other customers' entries are ignored.
            .where('customer_id', '>=', ids[0] ?? 0)
            .where('customer_id', '<=', ids.at(-1) ?? 0)
            .where((eb) => eb.or([eb('job_id', 'is', null), eb('job_id', '<>', target.jobId), eb('status', '<>', 'pending')]))
            .execute();
          for (const entry of entries) dialed.set(Number(entry.customer_id), { jobId: entry.job_id === null ? null : Number(entry.job_id), status: entry.status });
        }
        const kept: Array<{ rowId: number; reason: string }> = [];
        const removable: number[] = [];
        for (const row of rows) {
          const id = Number(row.id);
          const history: InsertedRowHistory = isCustomers ? { status: row.status ?? undefined, agentId: row.agent_id === null ? null : Number(row.agent_id) } : {};
          const reason = keptInsertReason({ ...history, updatedByJob: updatedBy.get(id), dialEntry: dialed.get(id) }, target.jobId);
          if (reason === null) removable.push(id);
          else kept.push({ rowId: id, reason });
        }
        let removed = 0;
        if (removable.length > 0) {
          // The status and agent are checked again by the delete itself, against a change made meanwhile.
          const { rows: deleted } = await sql<{ id: number }>`delete from ${sql.table(target.table)}
            where id in (${sql.join(removable)}) and job_id = ${target.jobId}
            ${isCustomers ? sql`and status = 'new' and agent_id is null` : sql``}
            returning id`.execute(trx);
          removed = deleted.length;
          const gone = new Set(deleted.map((row) => Number(row.id)));
          for (const id of removable) if (!gone.has(id)) kept.push({ rowId: id, reason: 'changed since' });
        }
        await keep(trx, target, kept);
        return save(trx, target, { ...state, removed: state.removed + removed, kept: state.kept + kept.length, after: ids.at(-1) ?? start.after, until: start.until });
      });
    },

    /**
     * Removes the job's dial entries not dialed yet for customers it did not insert (duplicates it queued for the
     * dialer); a customer it inserted and that was kept keeps its entries. Returns phase 'done' once there are none.
     */
    async removeDialEntries(target: RevertTarget, state: RevertState): Promise<RevertState> {
      return inStep(target, async (trx) => {
        const next = { ...state, phase: 'done' as const, after: null, until: null };
        const start = await startOf(trx, 'dial_list', target, state);
        if (!start) return save(trx, target, next);
        const entries = await inWindows(target, start.after, start.until, (from, to) =>
          trx
            .selectFrom('dial_list')
            .leftJoin('customers', 'customers.id', 'dial_list.customer_id')
            .select(['dial_list.id', 'dial_list.status', 'customers.job_id as customer_job_id'])
            .where('dial_list.job_id', '=', target.jobId)
            .where('dial_list.id', '>', from)
            .where('dial_list.id', '<=', to)
            .orderBy('dial_list.id')
            .limit(target.batchSize)
            .execute(),
        );
        if (entries.length === 0) return save(trx, target, next);
        const removable = entries.filter((entry) => entry.status === 'pending' && (entry.customer_job_id === null || Number(entry.customer_job_id) !== target.jobId)).map((entry) => Number(entry.id));
        let removed = 0;
        if (removable.length > 0) {
          const result = await trx.deleteFrom('dial_list').where('id', 'in', removable).where('status', '=', 'pending').executeTakeFirst();
          removed = Number(result.numDeletedRows);
        }
        return save(trx, target, { ...state, dialRemoved: state.dialRemoved + removed, after: Number(entries.at(-1)?.id ?? start.after), until: start.until });
      });
    },

    /** The rows a revert kept, in the order it met them, with what identifies them to a person. */
    async keptRows(jobId: number, limit: number): Promise<KeptRow[]> {
      const changes = await db
        .selectFrom('job_changes')
        .select(['table_name', 'row_id', 'change', 'note'])
        .where('job_id', '=', jobId)
        .where('outcome', '=', 'kept')
        .orderBy('id')
        .limit(limit)
        .execute();
      const identities = new Map<string, { key: string | null; line: number | null }>();
      for (const table of new Set(changes.map((change) => change.table_name))) {
        if (!isTargetTable(table)) continue;
        const ids = changes.filter((change) => change.table_name === table).map((change) => Number(change.row_id));
        const keyColumn = table === 'customers' ? 'dedupe_key' : table === 'area_codes' ? 'prefix' : 'number';
        const { rows } = await sql<{ id: number; key: string | null; job_id: number | null; job_line: number | null }>`
          select id, ${sql.ref(keyColumn)} as key, job_id, job_line from ${sql.table(table)} where id in (${sql.join(ids)})`.execute(db);
        for (const row of rows) {
          identities.set(`${table}:${Number(row.id)}`, { key: row.key === null ? null : row.key.replace(/#job:\d+$/, ''), line: Number(row.job_id) === jobId && row.job_line !== null ? Number(row.job_line) : null });
        }
      }
      return changes.map((change) => ({
        table: change.table_name,
        rowId: Number(change.row_id),
        change: change.change,
        reason: change.note ?? 'changed since',
        ...(identities.get(`${change.table_name}:${Number(change.row_id)}`) ?? { key: null, line: null }),
      }));
    },
  };
}
export type JobRevertRepository = ReturnType<typeof createJobRevertRepository>;

