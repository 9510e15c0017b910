import type { Kysely } from 'kysely';
import type { Campaign, Database } from '../db/schema.js';
import type { MainTable } from '../imports/targets.js';
import { findNamed } from '../shared/comparable-text.js';

export function createCampaignsRepository(db: Kysely<Database>) {
  return {
    async insert(campaign: { teamId: number; name: string; mainTable: MainTable; packageName: string; hasDialer: boolean }): Promise<Campaign> {
      return db
        .insertInto('campaigns')
        .values({
          team_id: campaign.teamId,
          name: campaign.name,
          main_table: campaign.mainTable,
          package_name: campaign.packageName,
          has_dialer: campaign.hasDialer ? 1 : 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    /**
     * The team's campaign of that name; else the one campaign whose name differs only in letter case or spaces, so
     * that a script's "collections dec" does not start a second campaign beside "Collections Dec".
     */
    async findByName(teamId: number, name: string): Promise<Campaign | undefined> {
      const campaigns = await db.selectFrom('campaigns').selectAll().where('team_id', '=', teamId).execute();
      return findNamed(campaigns, name, (campaign) => campaign.name);
    },
    async findById(id: number): Promise<Campaign | undefined> {
      return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listByTeam(teamId: number | null): Promise<Campaign[]> {
      let query = db.selectFrom('campaigns').selectAll().orderBy('id');
      if (teamId !== null) query = query.where('team_id', '=', teamId);
      return query.execute();
    },
    async listForAgent(userId: number): Promise<Campaign[]> {
      return db
        .selectFrom('campaigns')
        .innerJoin('campaign_agents', 'campaign_agents.campaign_id', 'campaigns.id')
        .selectAll('campaigns')
        .where('campaign_agents.user_id', '=', userId)
        .orderBy('campaigns.id')
        .execute();
    },
    async addAgent(campaignId: number, userId: number): Promise<void> {
      await db
        .insertInto('campaign_agents')
        .values({ campaign_id: campaignId, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async listAgentIds(campaignId: number): Promise<number[]> {
      const rows = await db.selectFrom('campaign_agents').select('user_id').where('campaign_id', '=', campaignId).orderBy('user_id').execute();
      return rows.map((row) => row.user_id);
    },
    async isAgent(campaignId: number, userId: number): Promise<boolean> {
      const row = await db.selectFrom('campaign_agents').select('user_id').where('campaign_id', '=', campaignId).where('user_id', '=', userId).executeTakeFirst();
      return row !== undefined;
    },
    /** A user who leaves a team no longer works its campaigns. */
    async removeAgentFromTeam(userId: number, teamId: number): Promise<void> {
      await db
        .deleteFrom('campaign_agents')
        .where('user_id', '=', userId)
        .where('campaign_id', 'in', db.selectFrom('campaigns').select('id').where('team_id', '=', teamId))
        .execute();
    },
    /** Replaces the campaign's agents with exactly these users, in one transaction. */
    async setAgents(campaignId: number, userIds: readonly number[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('campaign_agents').where('campaign_id', '=', campaignId).execute();
        if (userIds.length > 0) {
          await trx.insertInto('campaign_agents').values(userIds.map((userId) => ({ campaign_id: campaignId, user_id: userId }))).execute();
        }
      });
    },
  };
}
export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
