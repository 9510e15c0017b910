// Two worker processes share one database: each job runs once, overlapping imports never double a row.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FILES = 4;
const PER_FILE = 6_000;
const STEP = 2_000;

describeOnBothDatabases('two workers on one database', (suite) => {
  const environment = { INTAKE_BATCH_SIZE: '500', INTAKE_LEASE_SECONDS: '10', INTAKE_POLL_MS: '20' };
  const harness = createHarness(suite, environment);

  it('runs four overlapping imports into one table: each job once, each phone stored once, every record accounted for', async () => {
    const teamId = await harness.createTeam('busy');
    // File k holds phones k*STEP … k*STEP+PER_FILE-1: each file overlaps the next by two thirds.
    const jobs = [];
    for (let file = 0; file < FILES; file++) {
      const rows = [['name', 'phone']];
      for (let n = file * STEP; n < file * STEP + PER_FILE; n++) rows.push([`Person ${n}`, `+1 312 55${String(n).padStart(5, '0')}`.replace(/^(\+1 312 55)(\d{2})(\d{3})$/, '$1$2 $3')]);
      jobs.push(await harness.createJob({ teamId, target: 'individual', content: csv(rows) }));
    }
    const workers = [startWorker(suite.test.url, suite.test.dataDir, environment), startWorker(suite.test.url, suite.test.dataDir, environment)];
    try {
      for (let waited = 0; ; waited += 50) {
        const states = await Promise.all(jobs.map((job) => harness.context.repositories.jobs.findById(job.id)));
        if (states.every((state) => state?.status === 'close')) break;
        assert.ok(waited < 120_000, `jobs did not close: ${states.map((state) => state?.status).join(', ')}`);
        await sleep(50);
      }
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve)))));
    }
    const claims = workers.flatMap((worker) => [...worker.log.matchAll(/job claimed \{"jobId":(\d+)/g)].map((match) => Number(match[1])));
    assert.deepEqual([...claims].sort((a, b) => a - b), jobs.map((job) => job.id), 'each job is claimed exactly once');
    assert.ok(workers.every((worker) => worker.log.includes('job claimed')), 'both workers took work');

    const ended = await Promise.all(jobs.map((job) => harness.context.repositories.jobs.findById(job.id)));
    let success = 0;
    for (const job of ended) {
      assert.ok(job);
      assert.equal(job.success + job.error + job.duplicated, PER_FILE);
      assert.equal(job.error, 0);
      success += job.success;
    }
    const distinct = (FILES - 1) * STEP + PER_FILE;
    assert.equal(success, distinct);
    const rows = await harness.rows(teamId, 'individual');
    assert.equal(rows.length, distinct);
    assert.equal(new Set(rows.map((row) => row['phone'])).size, distinct);
  });
});

type LoggedChild = ChildProcess & { log: string };

function startWorker(url: string, dataDir: string, environment: Record<string, string>): LoggedChild {
  const child = spawn(process.execPath, [join(ROOT, 'bin/intake'), 'worker'], {
    env: { ...process.env, ...environment, DATABASE_URL: url, INTAKE_DATA_DIR: dataDir, INTAKE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  }) as LoggedChild;
  child.log = '';
  child.stderr?.on('data', (chunk: Buffer) => (child.log += chunk.toString()));
  return child;
}
