// What a revert needs: the values each update set (so that a row changed since is told apart and kept), the outcome of
// each recorded change, a revert's own progress on its job (it runs in bounded transactions and resumes where it
// stopped), and an index to find the other jobs' changes of a row.
import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../../config/config.js';
import type { DialectMigration } from '../migrator.js';

const JOB_COLUMNS: ReadonlyArray<[name: string, type: 'text' | 'bigint']> = [
  // JSON of the revert's progress and counts ({phase, after, removed, restored, kept}); null when never reverted.
  ['revert_state', 'text'],
  ['revert_owner', 'text'],
  ['revert_lease_expires_at', 'bigint'],
  ['reverted_at', 'bigint'],
];

export const jobRevert: DialectMigration = (_dialect: DatabaseDialect) => {
  // Kysely<any>: migrations describe tables that the typed schema does not know yet (the Kysely recommendation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyDb = Kysely<any>;
  return {
    async up(db: AnyDb) {
      for (const [name, type] of JOB_COLUMNS) await db.schema.alterTable('import_jobs').addColumn(name, type).execute();
      // The values an update set (JSON, as `previous` holds those it replaced); null on changes recorded before.
      await db.schema.alterTable('job_changes').addColumn('applied', 'text').execute();
      // Set by a revert: 'restored', or 'kept' with the reason in `note` (an inserted row kept gets a change 'insert').
      await db.schema.alterTable('job_changes').addColumn('outcome', 'text').execute();
      await db.schema.alterTable('job_changes').addColumn('note', 'text').execute();
      await db.schema.createIndex('job_changes_row').on('job_changes').columns(['table_name', 'row_id']).execute();
      await db.schema.createIndex('job_changes_job_order').on('job_changes').columns(['job_id', 'id']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('job_changes_job_order').execute();
      await db.schema.dropIndex('job_changes_row').execute();
      for (const name of ['note', 'outcome', 'applied']) await db.schema.alterTable('job_changes').dropColumn(name).execute();
      for (const [name] of [...JOB_COLUMNS].reverse()) await db.schema.alterTable('import_jobs').dropColumn(name).execute();
    },
  };
};
