// Why a job's last attempt was interrupted (its thread failed, its reading thread ran out of memory, the database
// went away …), so that a job given up after attempts that made no progress says why, not only "see the log".
import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../../config/config.js';
import type { DialectMigration } from '../migrator.js';

export const jobInterruptions: DialectMigration = (_dialect: DatabaseDialect) => {
  // Kysely<any>: migrations describe tables that the typed schema does not know yet (the Kysely recommendation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyDb = Kysely<any>;
  return {
    up: (db: AnyDb) => db.schema.alterTable('import_jobs').addColumn('last_interruption', 'text').execute(),
    down: (db: AnyDb) => db.schema.alterTable('import_jobs').dropColumn('last_interruption').execute(),
  };
};
