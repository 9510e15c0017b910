// A transaction that fails once its result lines are in the files (its checkpoint refused by a trigger): it is done
// again within the attempt when the failure may be retried, else the attempt ends and the next one resumes. Either
// way every line is in exactly one result file, once, and the import ends as an uninterrupted one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases, useTestDatabase, type DatabaseSuite } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';
import { waitUntil } from '../support/intake-processes.js';
import { assertOnlyFinalAttempt, assertSameOutcome, generateCustomers, REF_UNMAPPED } from './support/job-outcomes.js';

const RECORDS = 2_000;

const { content, refs } = generateCustomers(RECORDS, 11);

describeOnBothDatabases('a transaction that fails after writing its result lines', (suite) => {
  const { harness, importBoth } = failingImports(suite);

  it('ends the attempt on a failure it does not retry; the next one leaves each line in one result file, once', async () => {
    const [reference, job] = await importBoth('ended', 'P0001');
    const { jobs } = harness.context.repositories;
    assert.equal(await harness.runAttempt(job.id), 'lost', 'the attempt whose checkpoint failed ends');
    const interrupted = await jobs.findById(job.id);
    assert.ok(interrupted && interrupted.records_read > 0 && interrupted.records_read < RECORDS, 'it had committed part of the file');
    // Due again once its lease is given back (a renewal still on its way may hold it a few seconds longer).
    assert.equal(await waitUntil(`job ${job.id} to be due again`, () => harness.runAttempt(job.id), 15_000, 100), 'close');
    const ended = await jobs.findById(job.id);
    assert.equal(ended?.attempts, 2);
    await assertSameOutcome(harness, ended, reference.job, { job: job.teamId, reference: reference.teamId }, refs);
    assertOnlyFinalAttempt(suite.test.dataDir, ended);
  });

});

// SQLite's writer has nothing to retry: one writer, no serialization failures or deadlocks.
describe('a transaction that fails after writing its result lines, with a failure PostgreSQL says may be retried', () => {
  const suite = useTestDatabase('postgres');
  const { harness, importBoth } = failingImports(suite);

  it('is done again within the attempt, its lines written once', async () => {
    const [reference, job] = await importBoth('retried', '40001');
    assert.equal(await harness.runAttempt(job.id), 'close');
    const ended = await harness.context.repositories.jobs.findById(job.id);
    assert.equal(ended?.attempts, 1);
    await assertSameOutcome(harness, ended, reference.job, { job: job.teamId, reference: reference.teamId }, refs);
  });
});

function failingImports(suite: DatabaseSuite) {
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '10' });
  return { harness, importBoth };

  /** The reference import, done calmly, and the job (not run yet) whose first checkpoint after some progress fails with `code`. */
  async function importBoth(name: string, code: string) {
    const calm = await harness.createTeam(`${name}-calm`);
    const failing = await harness.createTeam(`${name}-failing`);
    const reference = await harness.runImport({ teamId: calm, target: 'individual', content, mapping: REF_UNMAPPED });
    assert.equal(reference.status, 'close');
    await failOneCheckpoint(failing, code);
    const job = await harness.createJob({ teamId: failing, target: 'individual', content, mapping: REF_UNMAPPED });
    return [{ job: reference, teamId: calm }, { id: job.id, teamId: failing }] as const;
  }

  /** The first checkpoint of the team's import after some progress, and only that one, is refused. */
  async function failOneCheckpoint(teamId: number, code: string): Promise<void> {
    const { db } = suite.app;
    const name = `fail_checkpoint_${teamId}`;
    if (suite.test.dialect === 'sqlite') {
      // A failed statement undoes what its trigger did: the attempt number tells the first attempt from the next.
      await sql`create trigger ${sql.raw(name)} before update of checkpoint on import_jobs
        when new.team_id = ${sql.lit(teamId)} and new.attempts = 1 and old.records_read > 0 and new.records_read > old.records_read
        begin select raise(abort, 'injected failure of a checkpoint'); end`.execute(db);
      return;
    }
    // A sequence is not rolled back with the transaction: it counts the failures across retries.
    await sql`create sequence ${sql.raw(name)}`.execute(db);
    await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$
      begin
        if new.team_id = ${sql.lit(teamId)} and old.records_read > 0 and new.records_read > old.records_read and nextval('${sql.raw(name)}') = 1 then
          raise exception 'injected failure of a checkpoint' using errcode = '${sql.raw(code)}';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger ${sql.raw(name)} before update of checkpoint on import_jobs for each row execute function ${sql.raw(name)}()`.execute(db);
  }
}
