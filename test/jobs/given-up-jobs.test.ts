// A job whose attempts keep failing without committing anything is given up, and says what ended the last one.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';

describeOnBothDatabases('a job given up after attempts that made no progress', (suite) => {
  const harness = createHarness(suite);

  it('fails with the error that ended its last attempt, not only "see the server log"', async () => {
    const teamId = await harness.createTeam('stalled');
    const job = await harness.createJob({ teamId, target: 'individual', content: 'name,phone\nAnn,415-555-0134\n' });
    // Options no thread can read: every attempt ends with the same error, and commits nothing.
    await sql`update import_jobs set options = ${'{not json'} where id = ${job.id}`.execute(suite.app.db);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 10 && !outcomes.includes('failed'); attempt++) {
      // A lease given up is due again from the next millisecond on.
      await sleep(5);
      outcomes.push(await harness.runAttempt(job.id));
    }
    assert.deepEqual(outcomes, ['lost', 'lost', 'lost', 'lost', 'lost', 'failed']);
    const ended = await harness.context.repositories.jobs.findById(job.id);
    assert.equal(ended?.status, 'failed');
    assert.match(ended?.failure_reason ?? '', /^Gave up after 5 attempts in a row that made no progress; the last one ended with: .*JSON/);
  });
});
