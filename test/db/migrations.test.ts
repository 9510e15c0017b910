import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases, useTestDatabase } from '../support/databases.js';
import { migrateDownAll, migrateToLatest } from '../../src/db/migrator.js';

async function tableNames(suite: Parameters<Parameters<typeof describeOnBothDatabases>[1]>[0]): Promise<string[]> {
  const query =
    suite.app.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'`;
  const { rows } = await query.execute(suite.app.db);
  return rows.map((r) => r.name).sort();
}

describeOnBothDatabases('migrations', (suite) => {
  it('creates every table of the domain', async () => {
    assert.deepEqual(await migrateToLatest(suite.app), ['applied 0001-initial-schema', 'applied 0002-auth', 'applied 0003-bytewise-keys', 'applied 0004-job-revert', 'applied 0005-job-interruptions']);
    const tables = await tableNames(suite);
    for (const table of ['teams', 'users', 'customers', 'campaigns', 'dial_list', 'number_lists', 'area_codes', 'dids', 'import_jobs', 'job_files', 'job_changes', 'saved_mappings', 'uploads', 'field_definitions', 'sessions', 'api_tokens', 'login_attempts']) {
      assert.ok(tables.includes(table), `missing table ${table}`);
    }
  });

  it('is a no-op when already up to date', async () => {
    assert.deepEqual(await migrateToLatest(suite.app), []);
  });

  it('goes down cleanly, leaving no table, and up again', async () => {
    assert.deepEqual(await migrateDownAll(suite.app), ['reverted 0005-job-interruptions', 'reverted 0004-job-revert', 'reverted 0003-bytewise-keys', 'reverted 0002-auth', 'reverted 0001-initial-schema']);
    assert.deepEqual(await tableNames(suite), []);
    assert.deepEqual(await migrateToLatest(suite.app), ['applied 0001-initial-schema', 'applied 0002-auth', 'applied 0003-bytewise-keys', 'applied 0004-job-revert', 'applied 0005-job-interruptions']);
  });
}, { migrate: false });

// SQLite compares text bytewise (BINARY) already.
describe('migrations on postgres: duplicate keys', () => {
  const suite = useTestDatabase('postgres');
  it('are compared byte by byte, whatever the database locale', async () => {
    const { rows } = await sql<{ table: string; collation: string | null }>`select table_name as table, collation_name as collation
      from information_schema.columns where table_schema = 'public' and (table_name, column_name) in (('customers', 'dedupe_key'), ('import_seen_keys', 'key'))
      order by table_name`.execute(suite.app.db);
    assert.deepEqual(rows, [{ table: 'customers', collation: 'C' }, { table: 'import_seen_keys', collation: 'C' }]);
  });
});
