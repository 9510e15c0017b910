// A worker killed with SIGKILL in the middle of an import, again and again: the job ends exactly as an uninterrupted one.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';
import type { FileKind } from '../../src/jobs/job-service.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const GENERATOR = join(ROOT, '../shared/bench/gen-customers.mjs');
const RECORDS = 100_000;
const KILL_AT = [8_000, 31_000, 57_000, 88_000];

describeOnBothDatabases('a worker killed with SIGKILL mid-import', (suite) => {
  const environment = { INTAKE_BATCH_SIZE: '1000', INTAKE_LEASE_SECONDS: '2', INTAKE_POLL_MS: '50' };
  const harness = createHarness(suite, environment);
  let content: Buffer;
  before(() => {
    const generated = spawnSync(process.execPath, [GENERATOR, String(RECORDS), '-', '--seed', '7'], { maxBuffer: 64 * 1024 * 1024 });
    assert.equal(generated.status, 0, String(generated.stderr));
    content = generated.stdout;
  });

  it(`ends as an uninterrupted import after ${KILL_AT.length} kills: no row lost or doubled, every line in exactly one result file`, async () => {
    const calm = await harness.createTeam('calm');
    const crashed = await harness.createTeam('crashed');
    const reference = await harness.runImport({ teamId: calm, target: 'individual', content, options: { duplicate: 'update' } });
    assert.equal(reference.status, 'close');

    const job = await harness.createJob({ teamId: crashed, target: 'individual', content, options: { duplicate: 'update' } });
    const { jobs } = harness.context.repositories;
    let kills = 0;
    for (const target of KILL_AT) {
      const attemptsBefore = (await jobs.findById(job.id))?.attempts ?? 0;
      const worker = startWorker(suite.test.url, suite.test.dataDir, environment);
      try {
        for (;;) {
          const current = await jobs.findById(job.id);
          if (!current || (current.status !== 'running' && current.status !== 'pending')) break;
          // Only once this worker holds the job (a new attempt) and has committed past the target.
          if (current.status === 'running' && current.attempts > attemptsBefore && current.records_read >= target) {
            worker.kill('SIGKILL');
            kills += 1;
            break;
          }
          await sleep(5);
        }
      } finally {
        await stopped(worker);
      }
    }
    assert.equal(kills, KILL_AT.length, 'the import finished before every planned kill');
    const last = startWorker(suite.test.url, suite.test.dataDir, environment);
    try {
      for (let waited = 0; (await jobs.findById(job.id))?.status !== 'close'; waited += 50) {
        assert.ok(waited < 120_000, 'the job did not close after the last restart');
        await sleep(50);
      }
    } finally {
      last.kill('SIGTERM');
      await stopped(last);
    }

    const ended = await jobs.findById(job.id);
    assert.ok(ended && ended.attempts > KILL_AT.length, `expected more than ${KILL_AT.length} attempts, got ${ended?.attempts}`);
    assert.deepEqual(
      { total: ended.total, success: ended.success, error: ended.error, duplicated: ended.duplicated },
      { total: reference.total, success: reference.success, error: reference.error, duplicated: reference.duplicated },
    );
    assert.equal(ended.success + ended.error + ended.duplicated, RECORDS);
    assert.equal(await tableHash(crashed), await tableHash(calm));
    for (const kind of ['success', 'error', 'duplicated'] as const satisfies readonly FileKind[]) {
      const [got, expected] = [await harness.resultFile(job.id, kind), await harness.resultFile(reference.id, kind)];
      assert.equal(got.records.length, ended[kind], `${kind} file records`);
      assert.equal(sha256(got.text), sha256(expected.text), `${kind} file content`);
    }
    const lines = new Set<string>();
    for (const kind of ['error', 'duplicated'] as const) for (const record of (await harness.resultFile(job.id, kind)).records) lines.add(record['line'] ?? '');
    assert.equal(lines.size, ended.error + ended.duplicated, 'a line appears in two result files');
  });

  async function tableHash(teamId: number): Promise<string> {
    const rows = (await harness.rows(teamId, 'individual')).map((row) => JSON.stringify(row)).sort();
    return sha256(rows.join('\n'));
  }
});

function startWorker(url: string, dataDir: string, environment: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin/intake'), 'worker'], {
    env: { ...process.env, ...environment, DATABASE_URL: url, INTAKE_DATA_DIR: dataDir, INTAKE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
