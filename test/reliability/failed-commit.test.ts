// A transaction that fails once its result lines are in the files (here: its checkpoint refused with a serialization
// failure, which the PostgreSQL writer otherwise retries) ends the attempt; the next one leaves every line once.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';
import { assertOnlyFinalAttempt, assertSameOutcome, generateCustomers, REF_UNMAPPED } from './support/job-outcomes.js';

const RECORDS = 2_000;

describeOnBothDatabases('a transaction that fails after writing its result lines', (suite) => {
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '10' });

  it('ends the attempt, and the next one leaves each line in exactly one result file, once', async () => {
    const { content, refs } = generateCustomers(RECORDS, 11);
    const calm = await harness.createTeam('calm');
    const failing = await harness.createTeam('failing');
    const reference = await harness.runImport({ teamId: calm, target: 'individual', content, mapping: REF_UNMAPPED });
    assert.equal(reference.status, 'close');

    await failOneCheckpoint();
    const job = await harness.createJob({ teamId: failing, target: 'individual', content, mapping: REF_UNMAPPED });
    const { jobs } = harness.context.repositories;
    assert.equal(await harness.runAttempt(job.id), 'lost', 'the attempt whose checkpoint failed ends');
    const interrupted = await jobs.findById(job.id);
    assert.ok(interrupted && interrupted.records_read > 0 && interrupted.records_read < RECORDS, 'it had committed part of the file');
    assert.equal(await harness.runAttempt(job.id), 'close');
    const ended = await jobs.findById(job.id);
    assert.ok(ended);
    assert.equal(ended.attempts, 2);
    await assertSameOutcome(harness, ended, reference, { job: failing, reference: calm }, refs);
    assertOnlyFinalAttempt(suite.test.dataDir, ended);
  });

  /** The first checkpoint after some progress, and only that one, is refused (as a commit-time conflict would be). */
  async function failOneCheckpoint(): Promise<void> {
    const { db } = suite.app;
    if (suite.test.dialect === 'sqlite') {
      // A failed statement undoes what its trigger did: the attempt number tells the first attempt from the next.
      await sql`create trigger fail_checkpoint before update of checkpoint on import_jobs
        when new.attempts = 1 and old.records_read > 0 and new.records_read > old.records_read
        begin select raise(abort, 'injected failure of a checkpoint'); end`.execute(db);
      return;
    }
    // A sequence is not rolled back with the transaction: it counts the failures across retries.
    await sql`create sequence checkpoint_failures`.execute(db);
    await sql`create function fail_checkpoint() returns trigger language plpgsql as $$
      begin
        if old.records_read > 0 and new.records_read > old.records_read and nextval('checkpoint_failures') = 1 then
          raise exception 'injected failure of a checkpoint' using errcode = '40001';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger fail_checkpoint before update of checkpoint on import_jobs for each row execute function fail_checkpoint()`.execute(db);
  }
});
