// A worker that lost its job cannot write for it any more: one stopped past its lease (SIGSTOP) and woken (SIGCONT)
// after another took the job over, and any attempt to claim, finish or re-run a job that has ended.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';
import { sha256, startIntake, stopChild, stopProcess, waitUntil, type IntakeChild } from '../support/intake-processes.js';
import { byScale, recordFigures } from '../support/test-scale.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import type { ImportJob } from '../../src/db/schema.js';
import { assertOnlyFinalAttempt, assertSameOutcome, generateCustomers, REF_UNMAPPED, RESULT_KINDS, tableHash } from './support/job-outcomes.js';

holdPostgresWhileRunning();

const RECORDS = byScale(20_000, 50_000);
const LEASE_SECONDS = 2;

describeOnBothDatabases('a worker that lost its job', (suite) => {
  const environment = { INTAKE_BATCH_SIZE: '50', INTAKE_LEASE_SECONDS: String(LEASE_SECONDS), INTAKE_POLL_MS: '20' };
  const harness = createHarness(suite, environment);
  const startWorker = (): IntakeChild => startIntake(['worker'], { ...environment, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir });
  const jobs = () => harness.context.repositories.jobs;
  const heldBy = (job: ImportJob | undefined, worker: IntakeChild) => job?.lease_owner?.includes(`:${worker.pid}:`) ?? false;

  /**
   * PostgreSQL: anywhere but inside a COPY (a transaction left open is ended by idle_in_transaction_session_timeout,
   * set to the lease).
   * SQLite: a process stopped inside a transaction holds the database's only write lock, and no one can take the job
   * over (nor write anything else): it is woken and stopped again until it stops outside its transactions.
   */
  async function stopOutsideItsTransactions(worker: IntakeChild): Promise<void> {
    if (suite.test.settings.dialect !== 'sqlite') {
      // Not inside a COPY, though: that case is the test below.
      for (let tries = 1; ; tries++) {
        await stopProcess(worker);
        await sleep(30);
        if (!(await isCopying())) return;
        assert.ok(tries < 200, 'the worker was always stopped inside a COPY');
        worker.kill('SIGCONT');
        await sleep(1 + Math.floor(Math.random() * 20));
      }
    }
    const probe = new SQLite(suite.test.settings.path);
    try {
      probe.pragma('busy_timeout = 0');
      for (let tries = 1; ; tries++) {
        await stopProcess(worker);
        try {
          probe.exec('BEGIN IMMEDIATE');
          probe.exec('ROLLBACK');
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || tries >= 2000) throw error;
        }
        worker.kill('SIGCONT');
        await sleep(1 + Math.floor(Math.random() * 20));
      }
    } finally {
      probe.close();
    }
  }

  it('stopped (SIGSTOP) past its lease while another worker takes the job, then woken (SIGCONT), writes nothing more for it', async () => {
    const { content, refs } = generateCustomers(RECORDS, 31);
    const calm = await harness.createTeam('calm');
    const stale = await harness.createTeam('stale');
    const reference = await harness.runImport({ teamId: calm, target: 'individual', content, mapping: REF_UNMAPPED, options: { duplicate: 'update' } });
    const job = await harness.createJob({ teamId: stale, target: 'individual', content, mapping: REF_UNMAPPED, options: { duplicate: 'update' } });

    const first = startWorker();
    const second = startWorker();
    second.kill('SIGSTOP');
    try {
      const before = await waitUntil('the first worker to commit a few batches', async () => {
        const current = await jobs().findById(job.id);
        return heldBy(current, first) && current!.records_read >= 500 ? current : undefined;
      }, 30_000, 2);
      second.kill('SIGCONT');
      await stopOutsideItsTransactions(first);
      const taken = await waitUntil('the second worker to take the job over', async () => {
        const current = await jobs().findById(job.id);
        return heldBy(current, second) ? current : undefined;
      }, LEASE_SECONDS * 1000 + 20_000).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\njob: ${JSON.stringify(await jobs().findById(job.id))}\nfirst: ${first.log.slice(-2000)}\nsecond: ${second.log.slice(-2000)}`);
      });
      assert.ok(taken.attempts > before.attempts);
      // Generous: in a full run it shares 2 cores with other suites, and once took over 30 s to start and commit.
      await waitUntil('the second worker to commit', async () => ((await jobs().findById(job.id))?.records_read ?? 0) > taken.records_read, 90_000, 2);
      const running = await jobs().findById(job.id);
      assert.equal(running?.status, 'running', 'the job ended before the stale worker was woken');
      first.kill('SIGCONT');
      const ended = await waitUntil(`job ${job.id} to end`, async () => {
        const current = await jobs().findById(job.id);
        return current && current.status !== 'running' ? current : undefined;
      }, 120_000, 20);
      await waitUntil('the woken worker to give the job up', () => /job (ended|interrupted) \{"jobId":\d+/.test(first.log) || undefined, 30_000);
      assert.match(first.log, new RegExp(`job (ended \\{"jobId":${job.id},"outcome":"lost"\\}|interrupted \\{"jobId":${job.id},)`), first.log);
      await stopChild(first);
      await stopChild(second);
      const final = await jobs().findById(job.id);
      assert.equal(final?.attempts, taken.attempts, 'the job was claimed again after the takeover');
      await assertSameOutcome(harness, final!, reference, { job: stale, reference: calm }, refs);
      assertOnlyFinalAttempt(suite.test.dataDir, final!);
      recordFigures('stale-worker', { dialect: suite.test.dialect, records: RECORDS, recordsBeforeStop: before.records_read, attempts: ended.attempts });
    } finally {
      for (const worker of [first, second]) {
        worker.kill('SIGCONT');
        await stopChild(worker, 'SIGKILL');
      }
      // Out of the way of the next tests, which claim whatever is claimable.
      await sql`update import_jobs set status = 'cancelled', lease_owner = null where id = ${job.id} and status = 'running'`.execute(suite.app.db);
    }
  });

  /** Whether a backend of this database is in a COPY that waits for its client's data. */
  async function isCopying(): Promise<boolean> {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and state = 'active' and wait_event = 'ClientRead' and query ilike 'copy %'`.execute(suite.app.db);
    return Number(rows[0]?.n) > 0;
  }

  // Found by this test: the stopped worker's session waited for COPY data, which no timeout interrupts, and held the
  // job's row lock for good; now an idle worker ends the session of a transaction whose lease has long lapsed.
  it('stopped (SIGSTOP) in the middle of a COPY loses the job after its lease (PostgreSQL)', async (t) => {
    if (suite.test.dialect !== 'postgres') {
      t.skip('PostgreSQL only: SQLite has no COPY');
      return;
    }
    const { content } = generateCustomers(byScale(20_000, 50_000), 33);
    const teamId = await harness.createTeam('copying');
    const newJob = () => harness.createJob({ teamId, target: 'individual', content, mapping: REF_UNMAPPED });
    let job = await newJob();
    // Big batches: COPYs long enough to be stopped in.
    const bigBatches = { ...environment, INTAKE_BATCH_SIZE: '5000', DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir };
    const first = startIntake(['worker'], bigBatches);
    let second: IntakeChild | undefined;
    const jobIds = [job.id];
    const endedStatuses: string[] = [];
    try {
      await waitUntil('the first worker to claim the job', async () => heldBy(await jobs().findById(job.id), first), 30_000, 2);
      // Where the stop lands is chance: a job that ends before one lands in a COPY is followed by another (a busy CI
      // machine once ran a whole job between stops), for at most a minute.
      const deadline = Date.now() + 60_000;
      for (let tries = 1; ; tries++) {
        await stopProcess(first);
        await sleep(30);
        if (await isCopying()) {
          recordFigures('stale-worker-copy', { stops: tries, jobs: jobIds.length, ended: endedStatuses });
          break;
        }
        first.kill('SIGCONT');
        assert.ok(Date.now() < deadline, `never stopped the worker inside a COPY (${tries} stops; jobs ended: ${endedStatuses.join(', ')})`);
        const status = (await jobs().findById(job.id))?.status;
        if (status !== 'running') {
          endedStatuses.push(String(status));
          job = await newJob();
          jobIds.push(job.id);
          await waitUntil('the first worker to claim the next job', async () => heldBy(await jobs().findById(job.id), first), 30_000, 2);
        }
        await sleep(Math.floor(Math.random() * 15));
      }
      second = startIntake(['worker'], bigBatches);
      await waitUntil('the second worker to take the job over', async () => heldBy(await jobs().findById(job.id), second!), LEASE_SECONDS * 1000 + 20_000);
    } finally {
      first.kill('SIGCONT');
      await stopChild(first, 'SIGKILL');
      if (second) await stopChild(second, 'SIGKILL');
      // Out of the way of the next test, which claims whatever is claimable.
      for (const id of jobIds) await sql`update import_jobs set status = 'cancelled', lease_owner = null where id = ${id} and status in ('pending', 'running')`.execute(suite.app.db);
    }
  });

  it('cannot claim, finish or cancel a job that has ended; a forced re-run resumes at its end and writes nothing', async () => {
    const { content } = generateCustomers(byScale(2_000, 10_000), 32);
    const teamId = await harness.createTeam('finished');
    const ended = await harness.runImport({ teamId, target: 'individual', content, mapping: REF_UNMAPPED, options: { duplicate: 'update' } });
    assert.equal(ended.status, 'close');
    const { db } = suite.app;
    const snapshot = async () => ({
      table: await tableHash(harness, teamId),
      changes: Number((await sql<{ n: number | string }>`select count(*) as n from job_changes where job_id = ${ended.id}`.execute(db)).rows[0]?.n),
      files: await Promise.all(RESULT_KINDS.map(async (kind) => sha256((await harness.resultFile(ended.id, kind)).bytes))),
      counts: await jobs().findById(ended.id).then((job) => job && { status: job.status, total: job.total, success: job.success, error: job.error, duplicated: job.duplicated, checkpoint: job.checkpoint }),
    });
    const before = await snapshot();

    // Its lease, long gone, changes nothing: only a running job with a lapsed lease may be taken over.
    await sql`update import_jobs set lease_expires_at = 0 where id = ${ended.id}`.execute(db);
    assert.equal(await jobs().claimNext('intruder', 2000, ended.id), undefined);
    assert.equal(await jobs().claimNext('intruder', 2000), undefined);
    assert.equal(await jobs().finish(ended.id, 'intruder', { status: 'close', total: 0, files: [] }), false);
    assert.equal(await jobs().renewLease(ended.id, 'intruder', 2000), false);
    assert.equal((await jobs().cancel(ended.id))?.status, 'close');
    // A worker process polling over ended jobs takes none of them.
    const idle = startWorker();
    await sleep(1500);
    await stopChild(idle);
    assert.doesNotMatch(idle.log, /job claimed/);
    assert.deepEqual(await snapshot(), before);

    // Forced back to running with a lapsed lease (a bookkeeping slip): it resumes from its final checkpoint.
    await sql`update import_jobs set status = 'running', lease_owner = 'gone', lease_expires_at = 0 where id = ${ended.id}`.execute(db);
    const worker = startWorker();
    try {
      await waitUntil('the re-run to end', async () => ((await jobs().findById(ended.id))?.status === 'close' ? true : undefined), 30_000);
    } finally {
      await stopChild(worker);
    }
    const rerun = await jobs().findById(ended.id);
    assert.equal(rerun?.attempts, ended.attempts + 1);
    assert.deepEqual(await snapshot(), before, 'the re-run wrote something');
    assertOnlyFinalAttempt(suite.test.dataDir, rerun!);
  });
});
