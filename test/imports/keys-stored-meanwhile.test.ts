// The writers look up only the keys that may be stored: those stored when the import began and those it stored
// since. A key stored by someone else while the import runs is refused by the table's unique index instead; the
// batch is then done again with every key looked up, and the record counts as the duplicate it is.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';

const RECORDS = 2_500;
const phoneOf = (index: number) => `+1 212 555 ${String(1000 + index)}`;

describeOnBothDatabases('keys stored while an import runs', (suite) => {
  // Transactions of one prepared batch (500 records) on both databases: the writer reads the stored keys as the
  // second begins, the trigger fires at its checkpoint, the keys it stores come in the fourth and the fifth. Not in
  // the third: on PostgreSQL the third's rows may go to the server before the second's checkpoint (they overlap), and
  // the trigger, which runs inside the second, would then wait for a key the third holds while the third waits for
  // the second to commit.
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '10' });

  it('finds a row stored after the import began as the duplicate it is, and stores no key twice', async () => {
    const teamId = await harness.createTeam('meanwhile');
    const stored = await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Stored before', phoneOf(5)]]) });
    assert.equal(stored.success, 1);
    const lateLines = [1600, 1601, 2100];
    await storeAtSecondCheckpoint(teamId, lateLines.map((index) => phoneOf(index)));
    const rows = [['name', 'phone'], ...Array.from({ length: RECORDS }, (_, index) => [`Customer ${index}`, phoneOf(index)])];
    const job = await harness.runImport({ teamId, target: 'individual', content: csv(rows) });
    assert.deepEqual([job.status, job.success, job.error, job.duplicated], ['close', RECORDS - 1 - lateLines.length, 0, 1 + lateLines.length]);
    const duplicated = await harness.resultFile(job.id, 'duplicated');
    assert.deepEqual(
      duplicated.records.map((record) => [record['line'], /^duplicate of customer #\d+.*: skipped$/.test(record['reason'] ?? '')]),
      [5, ...lateLines].map((index) => [String(index + 2), true]),
    );
    const table = await harness.rows(teamId, 'individual');
    assert.equal(table.length, RECORDS);
    assert.equal(new Set(table.map((row) => row['phone'])).size, RECORDS, 'no key stored twice');
    for (const index of lateLines) assert.equal(table.find((row) => row['phone'] === `+1212555${1000 + index}`)?.['name'], 'Stored meanwhile', 'the row stored meanwhile is left as it was');
  });

  /** At the team's import's second checkpoint, rows with these phones are stored in its table (as another import would). */
  async function storeAtSecondCheckpoint(teamId: number, phones: string[]): Promise<void> {
    const { db } = suite.app;
    const keys = phones.map((phone) => `+${phone.replace(/\D/g, '')}`);
    const values = sql.join(keys.map((key) => sql`(${sql.lit(teamId)}, 'individual', 'Stored meanwhile', ${sql.lit(key)}, ${sql.lit(key)})`));
    const insert = sql`insert into customers (team_id, scope, name, phone, dedupe_key) values ${values}`;
    const name = `store_meanwhile_${teamId}`;
    const isFirstTime = sql`not exists (select 1 from customers where team_id = ${sql.lit(teamId)} and name = 'Stored meanwhile')`;
    if (suite.test.dialect === 'sqlite') {
      await sql`create trigger ${sql.raw(name)} after update of checkpoint on import_jobs
        when new.team_id = ${sql.lit(teamId)} and old.records_read > 0 and new.records_read > old.records_read and ${isFirstTime}
        begin ${insert}; end`.execute(db);
      return;
    }
    await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$
      begin
        if new.team_id = ${sql.lit(teamId)} and old.records_read > 0 and new.records_read > old.records_read and ${isFirstTime} then ${insert}; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger ${sql.raw(name)} after update of checkpoint on import_jobs for each row execute function ${sql.raw(name)}()`.execute(db);
  }
});
