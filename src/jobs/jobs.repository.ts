// The jobs table is the queue: claiming with a lease, committing batches with their checkpoint, finishing.
import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database, ImportJob, JobFileTable, JobStatus, NewImportJob } from '../db/schema.js';
import type { AppErrorCode } from '../shared/app-error.js';

export function createJobsRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  const now = () => databaseNow(dialect);

  return {
    async insert(job: Omit<NewImportJob, 'due_at' | 'updated_at'> & { dueAt: number | null }): Promise<ImportJob> {
      const { dueAt, ...values } = job;
      return db
        .insertInto('import_jobs')
        .values({ ...values, due_at: dueAt ?? now(), updated_at: now() })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async findById(id: number): Promise<ImportJob | undefined> {
      return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async list(filter: { teamId: number | null; status?: JobStatus; target?: string; limit?: number; beforeId?: number }): Promise<ImportJob[]> {
      let query = db.selectFrom('import_jobs').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 50);
      if (filter.teamId !== null) query = query.where('team_id', '=', filter.teamId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.target) query = query.where('target', '=', filter.target);
      if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
      return query.execute();
    },

    /**
     * Claims one due job atomically: a pending job whose time has come (by the database's clock), or a running job
     * whose lease lapsed (its worker died). PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time.
     */
    async claimNext(workerId: string, leaseMs: number, onlyJobId?: number): Promise<ImportJob | undefined> {
      const lockClause = dialect === 'postgres' ? sql`for update skip locked` : sql``;
      const onlyClause = onlyJobId === undefined ? sql`` : sql`and id = ${onlyJobId}`;
      const { rows } = await sql<ImportJob>`
        update import_jobs
        set status = 'running', lease_owner = ${workerId}, lease_expires_at = ${now()} + ${leaseMs},
            attempts = attempts + 1, stalled_attempts = stalled_attempts + 1, started_at = coalesce(started_at, ${now()}), updated_at = ${now()}
        where id = (
          select id from import_jobs
          where ((status = 'pending' and due_at <= ${now()}) or (status = 'running' and lease_expires_at < ${now()}))
            ${onlyClause}
          order by due_at, id
          limit 1
          ${lockClause}
        )
        and ((status = 'pending' and due_at <= ${now()}) or (status = 'running' and lease_expires_at < ${now()}))
        returning *`.execute(db);
      return rows[0];
    },

    async renewLease(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
      const result = await db
        .updateTable('import_jobs')
        .set({ lease_expires_at: sql<number>`${now()} + ${leaseMs}` })
        .where('id', '=', jobId)
        .where('lease_owner', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * PostgreSQL: ends the session of a batch transaction whose worker lost its lease inside it. A process stopped
     * (SIGSTOP, a frozen machine) with its TCP connection still open keeps the job's row locked, so no other worker
     * can claim the job, and a COPY waiting for data is interrupted by no timeout. The row's xmax names the
     * transaction that locks it; that transaction's session is ended once the lease has been over for another lease.
     * Returns how many sessions were ended.
     */
    async endStaleBatchSessions(leaseMs: number): Promise<number> {
      if (dialect !== 'postgres') return 0;
      const { rows } = await sql<{ ended: boolean }>`
        select pg_terminate_backend(lock.pid) as ended
        from import_jobs as job
        join pg_locks as lock on lock.locktype = 'transactionid' and lock.transactionid = job.xmax and lock.granted
        where job.status = 'running' and job.lease_expires_at < ${now()} - ${leaseMs} and lock.pid <> pg_backend_pid()`.execute(db);
      return rows.filter((row) => row.ended).length;
    },

    /**
     * Gives a job up at once (its worker hit an error it cannot carry on from): another claim may take it now.
     * `interruption` says what ended the attempt.
     */
    async releaseLease(jobId: number, workerId: string, interruption?: string): Promise<void> {
      await db
        .updateTable('import_jobs')
        .set({ lease_expires_at: now(), ...(interruption === undefined ? {} : { last_interruption: interruption.slice(0, 1000) }) })
        .where('id', '=', jobId)
        .where('lease_owner', '=', workerId)
        .where('status', '=', 'running')
        .execute();
    },

    async finish(
      jobId: number,
      workerId: string,
      outcome: { status: Extract<JobStatus, 'close' | 'failed' | 'cancelled'>; total: number | null; failureReason?: string; failureCode?: AppErrorCode; files: JobFileTable[] },
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('import_jobs')
          .set({
            status: outcome.status,
            total: outcome.total,
            failure_reason: outcome.failureReason ?? null,
            failure_code: outcome.failureCode ?? null,
            lease_owner: null,
            lease_expires_at: null,
            finished_at: now(),
            updated_at: now(),
          })
          .where('id', '=', jobId)
          .where('lease_owner', '=', workerId)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        if (outcome.files.length > 0) {
          await trx
            .insertInto('job_files')
            .values(outcome.files)
            .onConflict((oc) => oc.columns(['job_id', 'kind']).doUpdateSet((eb) => ({ storage_key: eb.ref('excluded.storage_key'), size: eb.ref('excluded.size'), records: eb.ref('excluded.records') })))
            .execute();
        }
        return true;
      });
    },

    /** Pending jobs are cancelled at once; a running job is asked to stop after its current batch. */
    async cancel(jobId: number): Promise<ImportJob | undefined> {
      await db
        .updateTable('import_jobs')
        .set({ status: 'cancelled', finished_at: now(), updated_at: now() })
        .where('id', '=', jobId)
        .where('status', '=', 'pending')
        .execute();
      await db
        .updateTable('import_jobs')
        .set({ is_cancel_requested: 1, updated_at: now() })
        .where('id', '=', jobId)
        .where('status', '=', 'running')
        .execute();
      return db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
    },

    async listFiles(jobId: number): Promise<JobFileTable[]> {
      return db.selectFrom('job_files').selectAll().where('job_id', '=', jobId).execute();
    },

    async databaseTime(): Promise<number> {
      const { rows } = await sql<{ now: number }>`select ${now()} as now`.execute(db);
      return Number(rows[0]?.now);
    },
  };
}
export type JobsRepository = ReturnType<typeof createJobsRepository>;
