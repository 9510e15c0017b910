// On SQLite an import holds the database's only write lock a second at a time; the server's own writes (a sign-in,
// a new team) must still get their turn while it runs, not wait for the import's end.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { runnerDependencies } from '../../src/imports/import-workflow.js';
import { createWorker } from '../../src/jobs/worker.js';
import { createHarness } from '../support/import-harness.js';
import { useTestDatabase } from '../support/databases.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('writes beside a long SQLite import', () => {
  const suite = useTestDatabase('sqlite');
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '5000' });

  it('get the write lock within a couple of seconds while the import runs', async () => {
    const generated = spawnSync(process.execPath, [join(ROOT, '../shared/bench/gen-customers.mjs'), '300000', '-', '--seed', '9'], { maxBuffer: 128 * 1024 * 1024 });
    assert.equal(generated.status, 0);
    const teamId = await harness.createTeam('busy');
    const job = await harness.createJob({ teamId, target: 'individual', content: generated.stdout });
    const worker = createWorker(runnerDependencies(harness.context));
    const running = worker.runOnce(job.id);
    const { jobs, teams } = harness.context.repositories;
    for (let waited = 0; ((await jobs.findById(job.id))?.records_read ?? 0) === 0; waited += 20) {
      assert.ok(waited < 60_000, 'the import did not start');
      await sleep(20);
    }
    const waits: number[] = [];
    for (let n = 0; n < 5 && (await jobs.findById(job.id))?.status === 'running'; n++) {
      const started = performance.now();
      await teams.insert({ name: `beside-${n}`, defaultCountry: 'US' });
      waits.push(performance.now() - started);
      await sleep(200);
    }
    await running;
    const ended = await jobs.findById(job.id);
    assert.equal(ended?.status, 'close');
    assert.ok(waits.length >= 2, `the import ended before the writes could be measured (${waits.map(Math.round).join(", ")})`);
    assert.ok(Math.max(...waits) < 3_000, `a write waited ${Math.round(Math.max(...waits))} ms for the import's lock: ${waits.map(Math.round).join(', ')}`);
  });
});
