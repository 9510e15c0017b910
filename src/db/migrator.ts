// Runs the migrations (a static list, so the compiled code needs no directory scan). Each runs in a transaction.
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { AppError } from '../shared/app-error.js';
import type { AppDatabase } from './database.js';
import { initialSchema } from './migrations/0001-initial-schema.js';
import { authSchema } from './migrations/0002-auth.js';
import { bytewiseKeys } from './migrations/0003-bytewise-keys.js';
import { jobRevert } from './migrations/0004-job-revert.js';
import { jobInterruptions } from './migrations/0005-job-interruptions.js';

export type DialectMigration = (dialect: DatabaseDialect) => Migration;

const MIGRATIONS: ReadonlyArray<[string, DialectMigration]> = [
  ['0001-initial-schema', initialSchema],
  ['0002-auth', authSchema],
  ['0003-bytewise-keys', bytewiseKeys],
  ['0004-job-revert', jobRevert],
  ['0005-job-interruptions', jobInterruptions],
];

function createMigrator(database: AppDatabase): Migrator {
  const migrations = Object.fromEntries(MIGRATIONS.map(([name, make]) => [name, make(database.dialect)]));
  return new Migrator({
    db: database.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AppError('INTERNAL', `Migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`, {}, { cause: result.error });
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

export async function migrateToLatest(database: AppDatabase): Promise<string[]> {
  return check(await createMigrator(database).migrateToLatest());
}

/** Reverts every migration (used by `intake migrate --down` and the migration tests). */
export async function migrateDownAll(database: AppDatabase): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely');
  return check(await createMigrator(database).migrateTo(NO_MIGRATIONS));
}
