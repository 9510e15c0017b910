// PostgreSQL going away in the middle of an import — its connections killed, or the server restarted (soak only: the
// machine has one PostgreSQL) — and coming back: the worker carries on, the job resumes, nothing is lost or doubled.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createHarness } from '../support/import-harness.js';
import { startIntake, stopChild, waitUntil, type IntakeChild } from '../support/intake-processes.js';
import { holdPostgresWhileRunning, isPostgresReady, restartPostgres, withPostgresToItself } from '../support/postgres-guard.js';
import { byScale, isFullScale, recordFigures } from '../support/test-scale.js';
import type { ImportJob } from '../../src/db/schema.js';
import { assertOnlyFinalAttempt, assertSameOutcome, generateCustomers, REF_UNMAPPED } from './support/job-outcomes.js';
import { useTestDatabase } from '../support/databases.js';

holdPostgresWhileRunning();

const RECORDS = byScale(15_000, 60_000);

describe('PostgreSQL going away mid-import', () => {
  const suite = useTestDatabase('postgres');
  const environment = { INTAKE_BATCH_SIZE: '200', INTAKE_LEASE_SECONDS: '3', INTAKE_POLL_MS: '50' };
  const harness = createHarness(suite, environment);

  /** Runs an import with one worker process, calls `disrupt` at each of `points` (fractions of the records). */
  async function importThrough(name: string, points: readonly number[], disrupt: () => Promise<void>): Promise<{ job: ImportJob; worker: IntakeChild; restarts: number }> {
    const { content, refs } = generateCustomers(RECORDS, name.length);
    const calm = await harness.createTeam(`${name}-calm`);
    const hit = await harness.createTeam(`${name}-hit`);
    const reference = await harness.runImport({ teamId: calm, target: 'individual', content, mapping: REF_UNMAPPED, options: { duplicate: 'update' } });
    const job = await harness.createJob({ teamId: hit, target: 'individual', content, mapping: REF_UNMAPPED, options: { duplicate: 'update' } });
    const { jobs } = harness.context.repositories;
    let worker = startIntake(['worker'], { ...environment, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir });
    let restarts = 0;
    try {
      for (const point of points) {
        const reached = await waitUntil(`job ${job.id} to pass ${Math.round(point * 100)}%`, async () => {
          const current = await jobs.findById(job.id);
          if (current && current.status !== 'running' && current.status !== 'pending') return current;
          return current && current.records_read >= point * RECORDS ? current : undefined;
        }, 120_000, 10);
        assert.ok(reached.status === 'running' || reached.status === 'pending', `job ${job.id} ended (${reached.status}: ${reached.failure_reason}) before ${Math.round(point * 100)}%`);
        await disrupt();
        if (worker.exitCode !== null) {
          // Counted (the test below fails on it), and started again as a supervisor would, to see what was kept.
          restarts += 1;
          worker = startIntake(['worker'], { ...environment, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir });
        }
      }
      const ended = await waitUntil(`job ${job.id} to end`, async () => {
        const current = await jobs.findById(job.id);
        return current && current.status !== 'running' && current.status !== 'pending' ? current : undefined;
      }, 180_000, 50);
      await assertSameOutcome(harness, ended, reference, { job: hit, reference: calm }, refs);
      assertOnlyFinalAttempt(suite.test.dataDir, ended);
      return { job: ended, worker, restarts };
    } catch (error) {
      // Whatever failed (a wait timed out, an outcome differs), the job's row and the worker's own account of the
      // attempts are what tell why.
      if (error instanceof Error) {
        error.message += `\njob: ${JSON.stringify(await jobs.findById(job.id).catch(() => null))}\nworker (${worker.exitCode ?? 'alive'}, ${restarts} restarts):\n${worker.log.slice(-4000)}`;
      }
      throw error;
    } finally {
      await stopChild(worker);
    }
  }

  it('has its worker\'s connections killed (pg_terminate_backend) three times: the worker lives on, the job resumes, nothing is lost', async () => {
    let terminated = 0;
    const outcome = await importThrough('terminated', [0.2, 0.45, 0.7], async () => {
      const { rows } = await sql<{ pid: number }>`
        select pg_terminate_backend(pid) as pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(suite.app.db);
      terminated += rows.length;
    });
    recordFigures('postgres-backends-terminated', { records: RECORDS, terminated, attempts: outcome.job.attempts, workerRestarts: outcome.restarts });
    assert.ok(terminated >= 3);
    assert.equal(outcome.restarts, 0, `the worker process died when its connections were killed:\n${outcome.worker.log}`);
  });

  // Found by this test: every claim counted as an attempt, so an import interrupted 5 times failed although each
  // attempt moved it on; now only claims in a row that commit nothing count.
  it('closes an import interrupted more often than the worker\'s attempt limit, each attempt making progress', async () => {
    const outcome = await importThrough('interrupted', [0.1, 0.25, 0.4, 0.55, 0.7, 0.85], async () => {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(suite.app.db);
    });
    assert.equal(outcome.job.status, 'close');
  });

  it('has PostgreSQL restarted twice: the worker lives on, the job resumes, nothing is lost', { skip: isFullScale ? false : 'soak only (npm run test:soak): it restarts the machine\'s PostgreSQL' }, async () => {
    await withPostgresToItself(async () => {
      const downtimes: number[] = [];
      try {
        const outcome = await importThrough('restarted', [0.25, 0.6], async () => {
          const started = performance.now();
          await restartPostgres();
          downtimes.push(Math.round(performance.now() - started));
        });
        recordFigures('postgres-restarted', { records: RECORDS, restarts: downtimes.length, restartMs: downtimes, attempts: outcome.job.attempts, workerRestarts: outcome.restarts });
        assert.equal(outcome.restarts, 0, `the worker process died when PostgreSQL restarted:\n${outcome.worker.log}`);
      } finally {
        if (!isPostgresReady()) await restartPostgres('start');
      }
    });
  });
});
