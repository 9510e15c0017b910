import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database, User } from '../db/schema.js';

export type SessionWithUser = { idHash: string; csrfToken: string; expiresAt: number; user: User; teamName: string };

/** Expiry is decided by the database's clock, so servers whose clocks differ agree on it. */
export function createSessionsRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  const now = () => databaseNow(dialect);
  return {
    async insert(session: { idHash: string; userId: number; csrfToken: string; lifetimeMs: number }): Promise<{ expiresAt: number }> {
      const row = await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          expires_at: sql<number>`${now()} + ${session.lifetimeMs}`,
        })
        .returning('expires_at')
        .executeTakeFirstOrThrow();
      return { expiresAt: Number(row.expires_at) };
    },

    /** The live session with that hash, with its user and the user's team; undefined when unknown or expired. */
    async findLive(idHash: string): Promise<SessionWithUser | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .innerJoin('teams', 'teams.id', 'users.team_id')
        .selectAll('users')
        .select(['sessions.id_hash', 'sessions.csrf_token', 'sessions.expires_at', 'teams.name as team_name'])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.expires_at', '>', now())
        .executeTakeFirst();
      if (!row) return undefined;
      const { id_hash, csrf_token, expires_at, team_name, ...user } = row;
      return { idHash: id_hash, csrfToken: csrf_token, expiresAt: Number(expires_at), user, teamName: team_name };
    },

    async remove(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    /** Signs a user out everywhere (password changed, user moved or removed). */
    async removeForUser(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },

    async removeExpired(): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
