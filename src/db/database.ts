// Opens the database: SQLite (better-sqlite3, WAL) by default, PostgreSQL (pg) when DATABASE_URL says so.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import type { Config, DatabaseDialect } from '../config/config.js';
import type { Database } from './schema.js';

// PostgreSQL int8 (bigint) and numeric come back as strings by default; our ids and epoch-ms timestamps fit a double.
pg.types.setTypeParser(20, (value) => Number(value));

export type AppDatabase = {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** The underlying pg pool (PostgreSQL only), for COPY streams. */
  pool: pg.Pool | null;
  /** A connection of its own to the SQLite file (SQLite only), for a writer whose transactions must not mix with others'. */
  openSqliteConnection: (() => SQLite.Database) | null;
  close(): Promise<void>;
};

export function openDatabase(database: Config['database'], options: { poolSize?: number } = {}): AppDatabase {
  if (database.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: options.poolSize ?? 10 });
    // An idle client that loses its server (restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    // Nor may a client in use: pg fails its queries and also emits the socket's error (ECONNRESET) on the client,
    // where nobody listens while the pool has lent it out. The pool drops it when it comes back unusable.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, openSqliteConnection: null, close: () => db.destroy() };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  const connection = openSqlite(database.path, 10_000);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', pool: null, openSqliteConnection: () => openSqlite(database.path, 0), close: () => db.destroy() };
}

function openSqlite(path: string, busyTimeoutMs: number): SQLite.Database {
  const connection = new SQLite(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
  connection.pragma('foreign_keys = ON');
  return connection;
}

/** The database's clock in epoch milliseconds: scheduled jobs and leases never trust a web server's clock. */
export function databaseNow(dialect: DatabaseDialect): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`
    : sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;
}
