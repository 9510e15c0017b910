// SIGKILL soak: worker processes killed at random moments — some while they write result files — again and again,
// on SQLite and PostgreSQL; after each import its table and result files are exactly an uninterrupted import's.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';
import { startIntake, stopChild, testSeed, waitUntil, type IntakeChild } from '../support/intake-processes.js';
import { byScale, recordFigures } from '../support/test-scale.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import { parseCheckpoint } from '../../src/jobs/import-job-runner.js';
import type { ImportJob } from '../../src/db/schema.js';
import { assertOnlyFinalAttempt, assertSameOutcome, generateCustomers, REF_UNMAPPED, RESULT_KINDS } from './support/job-outcomes.js';
import { createRandom } from '../../src/shared/seeded-random.js';

holdPostgresWhileRunning();

/** The worker gives a job up after 5 attempts (src/jobs/worker.ts): at most 4 kills per job. */
const KILLS_PER_RUN = byScale(3, 4);
const RUNS = byScale(1, 7);
const MAX_RUNS = RUNS * 2;
const RECORDS = byScale(10_000, 40_000);
/** Small batches: many commits, so many kills fall between a batch's writes and its commit. */
const BATCH_SIZE = 40;


describeOnBothDatabases('worker processes killed with SIGKILL at random moments', (suite) => {
  const environment = { INTAKE_BATCH_SIZE: String(BATCH_SIZE), INTAKE_LEASE_SECONDS: '2', INTAKE_POLL_MS: '20' };
  const harness = createHarness(suite, environment);

  it(`ends imports of ${RECORDS.toLocaleString('en-US')} records killed ${RUNS * KILLS_PER_RUN} times in all (up to ${KILLS_PER_RUN} each) exactly as uninterrupted ones`, async () => {
    const seed = testSeed();
    console.log(`# crash soak on ${suite.test.dialect}: seed ${seed} (INTAKE_TEST_SEED=${seed} replays it)`);
    const random = createRandom(seed);
    const figures = { dialect: suite.test.dialect, seed, runs: 0, kills: 0, killsWhileWritingFiles: 0, killsByFileWatch: 0, attempts: 0, seconds: 0 };
    const started = performance.now();
    const { jobs } = harness.context.repositories;
    // Runs go on until the planned kills have landed: a kill that comes after its job closed does not count.
    for (let run = 0; run < MAX_RUNS && figures.kills < RUNS * KILLS_PER_RUN; run++) {
      const { content, refs } = generateCustomers(RECORDS, seed + run);
      const calm = await harness.createTeam(`calm-${run}`);
      const crashed = await harness.createTeam(`crashed-${run}`);
      const options = { duplicate: random() < 0.5 ? 'update' as const : 'skip' as const };
      const referenceStarted = performance.now();
      const reference = await harness.runImport({ teamId: calm, target: 'individual', content, mapping: REF_UNMAPPED, options });
      const referenceMs = performance.now() - referenceStarted;
      const job = await harness.createJob({ teamId: crashed, target: 'individual', content, mapping: REF_UNMAPPED, options });

      for (let kill = 0; kill < KILLS_PER_RUN; kill++) {
        const worker = startWorker();
        try {
          const claimed = await waitUntil(`a worker to claim job ${job.id}`, async () => {
            const current = await jobs.findById(job.id);
            if (current?.status === 'close') return current;
            return current?.lease_owner?.includes(`:${worker.pid}:`) ? current : undefined;
          }, 20_000);
          if (claimed.status === 'close') break;
          // Each kill falls somewhere in this worker's share of the records left: at one of its first writes to the
          // result files (copying the last attempt's, or appending a batch), once its committed progress passes a
          // point, or at a random moment within the time the uninterrupted import took for as many records (a fixed
          // span would outlast a fast import: the kill would come after the job had closed).
          const share = (RECORDS - claimed.records_read) / (KILLS_PER_RUN - kill + 1);
          const strategy = random();
          const isByFileWatch = strategy < 0.4;
          if (isByFileWatch) await killOnFileWrite(worker, job.id, claimed.attempts, 1 + Math.floor(random() * 12));
          else if (strategy < 0.8) await killAfterRecords(worker, job.id, claimed.records_read + Math.ceil(random() * share));
          else await sleep(Math.floor(random() * referenceMs * (share / RECORDS)));
          if (worker.exitCode !== null) continue;
          worker.kill('SIGKILL');
          await worker.exited;
          const after = await jobs.findById(job.id);
          if (after?.status === 'close') break;
          figures.kills += 1;
          if (isByFileWatch) figures.killsByFileWatch += 1;
          if (after && isWritingFiles(after)) figures.killsWhileWritingFiles += 1;
        } finally {
          await stopChild(worker, 'SIGKILL');
        }
      }
      const last = startWorker();
      let ended: ImportJob;
      try {
        ended = await waitUntil(`job ${job.id} to close after the last restart`, async () => {
          const current = await jobs.findById(job.id);
          return current && current.status !== 'running' && current.status !== 'pending' ? current : undefined;
        }, 180_000, 50);
      } finally {
        await stopChild(last);
      }
      await assertSameOutcome(harness, ended, reference, { job: crashed, reference: calm }, refs);
      assertOnlyFinalAttempt(suite.test.dataDir, ended);
      figures.runs += 1;
      figures.attempts += ended.attempts;
    }
    figures.seconds = Math.round((performance.now() - started) / 1000);
    recordFigures('crash-soak', figures);
    assert.ok(figures.kills >= RUNS * KILLS_PER_RUN, `only ${figures.kills} kills landed while the job ran`);
  });

  function startWorker(): IntakeChild {
    return startIntake(['worker'], { ...environment, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir });
  }

  /** Kills the worker as soon as the job's committed progress reaches `records`. */
  async function killAfterRecords(worker: IntakeChild, jobId: number, records: number): Promise<void> {
    await waitUntil(`job ${jobId} to reach ${records} records`, async () => {
      const current = await harness.context.repositories.jobs.findById(jobId);
      return worker.exitCode !== null || !current || current.status !== 'running' || current.records_read >= records;
    }, 60_000, 2);
  }

  /** Kills the worker at the `count`-th write to the attempt's result files (or resolves after a few seconds without one). */
  async function killOnFileWrite(worker: IntakeChild, jobId: number, attempt: number, count: number): Promise<void> {
    const dir = join(suite.test.dataDir, 'files', 'jobs', String(jobId), `attempt-${attempt}`);
    const isThere = await waitUntil(`the files of attempt ${attempt}`, () => existsSync(dir) || worker.exitCode !== null, 10_000, 2).catch(() => false);
    if (!isThere || worker.exitCode !== null) return;
    let watcher: FSWatcher | undefined;
    await new Promise<void>((resolve) => {
      let seen = 0;
      const timer = setTimeout(resolve, 5000);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      watcher = watch(dir, () => {
        // Kill at once, from inside the event: the worker is between a write and its commit, or just past it.
        if (++seen >= count) {
          worker.kill('SIGKILL');
          finish();
        }
      });
      worker.once('exit', finish);
    });
    watcher?.close();
  }

  /**
   * Whether the attempt's result files differ from its checkpoint: longer (the kill fell between a batch's write and
   * its commit) or shorter (it fell while the files of the previous attempt were being copied).
   */
  function isWritingFiles(job: ImportJob): boolean {
    const checkpoint = parseCheckpoint(job.checkpoint);
    if (!checkpoint) return false;
    return RESULT_KINDS.some((kind) => {
      try {
        return statSync(join(suite.test.dataDir, 'files', 'jobs', String(job.id), `attempt-${job.attempts}`, `${kind}.csv`)).size !== checkpoint.positions[kind];
      } catch {
        return false;
      }
    });
  }
});
