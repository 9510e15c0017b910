// Four imports of overlapping files into one table at once, on PostgreSQL with two worker processes: no natural key
// is stored twice, and every record of every file is accounted for exactly once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createHarness, csv } from '../support/import-harness.js';
import { startIntake, stopChild, waitUntil } from '../support/intake-processes.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import { byScale, recordFigures } from '../support/test-scale.js';
import { RESULT_KINDS } from './support/job-outcomes.js';
import type { ImportJob } from '../../src/db/schema.js';
import { useTestDatabase } from '../support/databases.js';

holdPostgresWhileRunning();

const FILES = 4;
const PER_FILE = byScale(4_500, 60_000);
/** Each file overlaps the next by two thirds. */
const STEP = PER_FILE / 3;

/** The same number written four ways, one per file: the duplicate check must see through the formatting. */
function phone(n: number, style: number): string {
  const exchange = String(200 + Math.floor(n / 10_000));
  const line = String(n % 10_000).padStart(4, '0');
  return [`+1 312 ${exchange} ${line}`, `(312) ${exchange}-${line}`, `312.${exchange}.${line}`, `1312${exchange}${line}`][style]!;
}

describe('four overlapping imports at once on PostgreSQL with two workers', () => {
  const suite = useTestDatabase('postgres');
  const environment = { INTAKE_BATCH_SIZE: byScale('250', '1000'), INTAKE_LEASE_SECONDS: '10', INTAKE_POLL_MS: '20' };
  const harness = createHarness(suite, environment);

  it(`stores each of ${((FILES - 1) * STEP + PER_FILE).toLocaleString('en-US')} numbers once and accounts for each of ${(FILES * PER_FILE).toLocaleString('en-US')} records once`, async () => {
    const teamId = await harness.createTeam('busy');
    const jobs: ImportJob[] = [];
    for (let file = 0; file < FILES; file++) {
      const rows = [['name', 'phone', 'ref']];
      for (let n = file * STEP; n < file * STEP + PER_FILE; n++) rows.push([`Person ${n} of file ${file}`, phone(n, file), `f${file}-${n}`]);
      jobs.push(await harness.createJob({ teamId, target: 'individual', content: csv(rows), mapping: [['ref', null]], options: { duplicate: file % 2 === 0 ? 'skip' : 'update' } }));
    }
    const started = performance.now();
    const workers = [0, 1].map(() => startIntake(['worker'], { ...environment, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir }));
    const { repositories } = harness.context;
    try {
      await waitUntil('the four jobs to close', async () => {
        const states = await Promise.all(jobs.map((job) => repositories.jobs.findById(job.id)));
        for (const state of states) assert.ok(state?.status === 'running' || state?.status === 'pending' || state?.status === 'close', `job ${state?.id} ${state?.status}: ${state?.failure_reason}`);
        return states.every((state) => state?.status === 'close');
      }, 600_000, 50);
    } finally {
      await Promise.all(workers.map((worker) => stopChild(worker)));
    }
    const seconds = (performance.now() - started) / 1000;
    const claims = workers.flatMap((worker) => [...worker.log.matchAll(/job claimed \{"jobId":(\d+)/g)].map((match) => Number(match[1])));
    assert.deepEqual([...claims].sort((a, b) => a - b), jobs.map((job) => job.id), 'each job is claimed exactly once');
    assert.ok(workers.every((worker) => worker.log.includes('job claimed')), 'both workers took work');

    const distinct = (FILES - 1) * STEP + PER_FILE;
    const { rows: doubled } = await sql<{ dedupe_key: string; n: number }>`
      select dedupe_key, count(*) as n from customers where team_id = ${teamId} group by scope, dedupe_key having count(*) > 1 limit 5`.execute(suite.app.db);
    assert.deepEqual(doubled, [], 'a natural key is stored twice');
    const stored = await harness.rows(teamId, 'individual');
    assert.equal(stored.length, distinct);
    assert.equal(new Set(stored.map((row) => row['phone'])).size, distinct);

    let success = 0;
    for (const [file, created] of jobs.entries()) {
      const job = await repositories.jobs.findById(created.id);
      assert.ok(job);
      assert.equal(job.error, 0, `job ${job.id}: ${(await harness.resultFile(job.id, 'error')).text.slice(0, 400)}`);
      assert.equal(job.success + job.duplicated, PER_FILE);
      success += job.success;
      const seen = new Set<string>();
      for (const kind of RESULT_KINDS) {
        const { records } = await harness.resultFile(job.id, kind);
        assert.equal(records.length, job[kind], `job ${job.id}: ${kind} file`);
        for (const record of records) {
          const ref = record['ref'] ?? '';
          assert.ok(ref.startsWith(`f${file}-`) && !seen.has(ref), `job ${job.id}: record ${ref} twice, or from another file`);
          seen.add(ref);
        }
      }
      assert.equal(seen.size, PER_FILE, `job ${job.id}: records missing from its result files`);
    }
    assert.equal(success, distinct, 'the successes of the four jobs are the distinct numbers');
    recordFigures('concurrent-imports', { files: FILES, recordsPerFile: PER_FILE, records: FILES * PER_FILE, distinct, workers: 2, seconds: Math.round(seconds) });
  });
});
