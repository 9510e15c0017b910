import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database } from '../db/schema.js';

export type RecentAttempts = { count: number; oldestAt: number | null; now: number };

/** Failed logins in a sliding window, by the database's clock so that every server counts the same attempts. */
export function createLoginAttemptsRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  const now = () => databaseNow(dialect);
  return {
    async record(attempt: { login: string; ip: string }): Promise<void> {
      await db.insertInto('login_attempts').values({ login: attempt.login, ip: attempt.ip, attempted_at: now() }).execute();
    },

    async countRecent(by: 'login' | 'ip', value: string, windowMs: number): Promise<RecentAttempts> {
      const row = await db
        .selectFrom('login_attempts')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('attempted_at').as('oldest_at'), now().as('now')])
        .where(by, '=', value)
        .where('attempted_at', '>', sql<number>`${now()} - ${windowMs}`)
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), oldestAt: row.oldest_at === null ? null : Number(row.oldest_at), now: Number(row.now) };
    },

    /** A successful login forgives that login's failures (not the IP's: one address guessing many logins stays limited). */
    async clearLogin(login: string): Promise<void> {
      await db.deleteFrom('login_attempts').where('login', '=', login).execute();
    },

    async removeOlderThan(windowMs: number): Promise<void> {
      await db.deleteFrom('login_attempts').where('attempted_at', '<=', sql<number>`${now()} - ${windowMs}`).execute();
    },
  };
}
export type LoginAttemptsRepository = ReturnType<typeof createLoginAttemptsRepository>;
