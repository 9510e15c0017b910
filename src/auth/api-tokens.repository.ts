import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database, User } from '../db/schema.js';

export type ApiTokenRow = { id: number; user_id: number; team_id: number; name: string; created_at: number; last_used_at: number | null };

/** How stale `last_used_at` may get: refreshing it on every request would make every read a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createApiTokensRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  const now = () => databaseNow(dialect);
  const columns = ['id', 'user_id', 'team_id', 'name', 'created_at', 'last_used_at'] as const;
  return {
    async insert(token: { userId: number; teamId: number; name: string; tokenHash: string }): Promise<ApiTokenRow> {
      return db
        .insertInto('api_tokens')
        .values({ user_id: token.userId, team_id: token.teamId, name: token.name, token_hash: token.tokenHash })
        .returning(columns)
        .executeTakeFirstOrThrow();
    },

    async findByHash(tokenHash: string): Promise<{ token: ApiTokenRow; user: User; teamName: string } | undefined> {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .innerJoin('teams', 'teams.id', 'api_tokens.team_id')
        .selectAll('users')
        .select([
          'api_tokens.id as token_id',
          'api_tokens.team_id as token_team_id',
          'api_tokens.name as token_name',
          'api_tokens.created_at as token_created_at',
          'api_tokens.last_used_at as token_last_used_at',
          'teams.name as team_name',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { token_id, token_team_id, token_name, token_created_at, token_last_used_at, team_name, ...user } = row;
      return {
        token: { id: token_id, user_id: user.id, team_id: token_team_id, name: token_name, created_at: token_created_at, last_used_at: token_last_used_at },
        user,
        teamName: team_name,
      };
    },

    async touch(id: number): Promise<void> {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now() })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<number>`${now()} - ${LAST_USED_RESOLUTION_MS}`)]))
        .execute();
    },

    /** Tokens of one user, or (userId null) every token of the given team, or of every team (teamId null). */
    async list(filter: { userId: number | null; teamId: number | null }): Promise<ApiTokenRow[]> {
      let query = db.selectFrom('api_tokens').select(columns).orderBy('id');
      if (filter.userId !== null) query = query.where('user_id', '=', filter.userId);
      if (filter.teamId !== null) query = query.where('team_id', '=', filter.teamId);
      return query.execute();
    },

    async findById(id: number): Promise<ApiTokenRow | undefined> {
      return db.selectFrom('api_tokens').select(columns).where('id', '=', id).executeTakeFirst();
    },

    async remove(id: number): Promise<void> {
      await db.deleteFrom('api_tokens').where('id', '=', id).execute();
    },
  };
}
export type ApiTokensRepository = ReturnType<typeof createApiTokensRepository>;
