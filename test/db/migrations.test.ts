import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../support/databases.js';
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
    assert.deepEqual(await migrateToLatest(suite.app), ['applied 0001-initial-schema', 'applied 0002-auth']);
    const tables = await tableNames(suite);
    for (const table of ['teams', 'users', 'customers', 'campaigns', 'dial_list', 'number_lists', 'area_codes', 'dids', 'import_jobs', 'job_files', 'job_changes', 'saved_mappings', 'uploads', 'field_definitions', 'sessions', 'api_tokens', 'login_attempts']) {
      assert.ok(tables.includes(table), `missing table ${table}`);
    }
  });

  it('is a no-op when already up to date', async () => {
    assert.deepEqual(await migrateToLatest(suite.app), []);
  });

  it('goes down cleanly, leaving no table, and up again', async () => {
    assert.deepEqual(await migrateDownAll(suite.app), ['reverted 0002-auth', 'reverted 0001-initial-schema']);
    assert.deepEqual(await tableNames(suite), []);
    assert.deepEqual(await migrateToLatest(suite.app), ['applied 0001-initial-schema', 'applied 0002-auth']);
  });
}, { migrate: false });
