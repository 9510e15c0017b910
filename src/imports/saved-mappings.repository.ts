import { sql, type Kysely } from 'kysely';
import type { DatabaseDialect } from '../config/config.js';
import { databaseNow } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** header → field key, or null for an ignored column; kept as an array of pairs (never an object keyed by header). */
export type SavedMapping = Array<[string, string | null]>;

export function createSavedMappingsRepository(db: Kysely<Database>, dialect: DatabaseDialect) {
  return {
    async find(teamId: number, owner: string, signature: string): Promise<SavedMapping | undefined> {
      const row = await db
        .selectFrom('saved_mappings')
        .select('mapping')
        .where('team_id', '=', teamId)
        .where('owner', '=', owner)
        .where('header_signature', '=', signature)
        .executeTakeFirst();
      return row ? parseSavedMapping(row.mapping) : undefined;
    },
    async save(teamId: number, owner: string, signature: string, mapping: SavedMapping): Promise<void> {
      const now = databaseNow(dialect);
      await db
        .insertInto('saved_mappings')
        .values({ team_id: teamId, owner, header_signature: signature, mapping: JSON.stringify(mapping), updated_at: now })
        .onConflict((oc) =>
          oc.columns(['team_id', 'owner', 'header_signature']).doUpdateSet({ mapping: sql`excluded.mapping`, updated_at: now }),
        )
        .execute();
    },
  };
}
export type SavedMappingsRepository = ReturnType<typeof createSavedMappingsRepository>;

/** A stored mapping, or undefined when the stored text is not one (then the file is matched afresh). */
function parseSavedMapping(text: string): SavedMapping | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const isPair = (item: unknown): item is [string, string | null] =>
    Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && (typeof item[1] === 'string' || item[1] === null);
  return parsed.every(isPair) ? parsed : undefined;
}
