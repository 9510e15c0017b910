// Every storage test runs on both databases: a fresh SQLite file and a fresh PostgreSQL database per suite.
import { after, before, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config, DatabaseDialect } from '../../src/config/config.js';
import { openDatabase, type AppDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

export const POSTGRES_ADMIN_URL = process.env.INTAKE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = {
  dialect: DatabaseDialect;
  /** Database settings for this suite, as `Config['database']`. */
  settings: Config['database'];
  /** A DATABASE_URL for child processes. */
  url: string;
  dataDir: string;
};

export async function createTestDatabase(dialect: DatabaseDialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'intake-test-'));
  if (dialect === 'sqlite') {
    const path = join(dataDir, 'intake.db');
    return { dialect, settings: { dialect, path }, url: `sqlite:${path}`, dataDir };
  }
  const name = `intake_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { dialect, settings: { dialect, url: url.toString() }, url: url.toString(), dataDir };
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  rmSync(database.dataDir, { recursive: true, force: true });
  if (database.settings.dialect !== 'postgres') return;
  const name = new URL(database.settings.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export const DIALECTS: readonly DatabaseDialect[] = ['sqlite', 'postgres'];

export type DatabaseSuite = {
  /** Filled in before the suite's tests run. */
  test: TestDatabase;
  app: AppDatabase;
};

/**
 * A fresh test database of one dialect for the enclosing `describe`: created (and migrated, unless told not to) in
 * `before`, closed and dropped in `after`. The holder's fields are set in `before`.
 */
export function useTestDatabase(dialect: DatabaseDialect, options: { migrate?: boolean } = {}): DatabaseSuite {
  const suite = {} as DatabaseSuite;
  before(async () => {
    suite.test = await createTestDatabase(dialect);
    suite.app = openDatabase(suite.test.settings);
    if (options.migrate ?? true) await migrateToLatest(suite.app);
  });
  after(async () => {
    await suite.app?.close();
    if (suite.test) await dropTestDatabase(suite.test);
  });
  return suite;
}

/**
 * Declares the suite once per database ("… on sqlite", "… on postgres"), each with a fresh, migrated database.
 * The body receives a holder whose fields are set in `before`.
 */
export function describeOnBothDatabases(name: string, body: (suite: DatabaseSuite) => void, options: { migrate?: boolean } = {}): void {
  for (const dialect of DIALECTS) {
    describe(`${name} on ${dialect}`, () => body(useTestDatabase(dialect, options)));
  }
}
