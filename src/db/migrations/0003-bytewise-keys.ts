// Duplicate keys compared byte by byte on PostgreSQL. They are machine-made (E.164 numbers, lowercased emails,
// normalised text) and only ever compared for equality, which a deterministic collation decides by the bytes anyway;
// but a B-tree under the database's locale orders them through strcoll on every insert and lookup (a million-row
// import makes some twenty million comparisons in the unique index). SQLite compares text bytewise already.
import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../../config/config.js';
import type { DialectMigration } from '../migrator.js';

const KEY_COLUMNS: ReadonlyArray<[table: string, column: string]> = [
  ['customers', 'dedupe_key'],
  ['import_seen_keys', 'key'],
];

export const bytewiseKeys: DialectMigration = (dialect: DatabaseDialect) => {
  // Kysely<any>: migrations describe tables that the typed schema does not know yet (the Kysely recommendation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyDb = Kysely<any>;
  const collate = async (db: AnyDb, collation: string) => {
    if (dialect !== 'postgres') return;
    // The indexes on these columns are rebuilt in the new order; no row is rewritten (same type).
    for (const [table, column] of KEY_COLUMNS) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate ${sql.raw(collation)}`.execute(db);
    }
  };
  return {
    up: (db: AnyDb) => collate(db, '"C"'),
    down: (db: AnyDb) => collate(db, '"default"'),
  };
};
