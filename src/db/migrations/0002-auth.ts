// Sign-in state of the HTTP API: server-side sessions, API tokens for scripts, and failed logins for the rate limit.
// Sessions and tokens are stored as SHA-256 hashes only: a copy of the database lets no one act as a user.
import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../../config/config.js';
import type { DialectMigration } from '../migrator.js';

export const authSchema: DialectMigration = (dialect: DatabaseDialect) => {
  const isPostgres = dialect === 'postgres';
  const idType = isPostgres ? 'bigserial' : 'integer';
  const nowMs = isPostgres ? sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint` : sql`(cast(unixepoch('subsec') * 1000 as integer))`;
  // Kysely<any>: migrations describe tables that the typed schema does not know yet (the Kysely recommendation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyDb = Kysely<any>;

  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', idType, (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .addColumn('last_used_at', 'bigint')
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', idType, (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('login', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('attempted_at', 'bigint', (c) => c.notNull().defaultTo(nowMs))
        .execute();
      await db.schema.createIndex('login_attempts_login').on('login_attempts').columns(['login', 'attempted_at']).execute();
      await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'attempted_at']).execute();
    },

    async down(db: AnyDb) {
      for (const table of ['login_attempts', 'api_tokens', 'sessions']) await db.schema.dropTable(table).execute();
    },
  };
};
