// What an import reads once before its first batch: the team's area codes, its campaigns' names (for DIDs), and
// which blacklists hold any number.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function createReferenceLookupsRepository(db: Kysely<Database>) {
  return {
    async areaCodes(teamId: number): Promise<Array<{ prefix: string; area: string | null; timezone: string | null }>> {
      return db.selectFrom('area_codes').select(['prefix', 'area', 'timezone']).where('team_id', '=', teamId).execute();
    },
    /** The names of the team's campaigns, which a DID routes its calls to. */
    async campaignNames(teamId: number): Promise<string[]> {
      const rows = await db.selectFrom('campaigns').select('name').where('team_id', '=', teamId).orderBy('id').execute();
      return rows.map((row) => row.name);
    },
    /** Of the given lists, those that hold at least one number: an empty blacklist costs no lookups. */
    async listsInUse(teamId: number, lists: readonly string[]): Promise<string[]> {
      if (lists.length === 0) return [];
      const rows = await db.selectFrom('number_lists').select('list').distinct().where('team_id', '=', teamId).where('list', 'in', [...lists]).execute();
      return rows.map((row) => row.list);
    },
  };
}
export type ReferenceLookupsRepository = ReturnType<typeof createReferenceLookupsRepository>;
