import type { Kysely } from 'kysely';
import type { CustomerRow, Database } from '../db/schema.js';

export type ListedRow = Record<string, unknown> & { id: number };

export function createCustomersRepository(db: Kysely<Database>) {
  return {
    /** Rows of a scope in id order, a page at a time (keyset paging, so a big table streams). */
    async page(teamId: number, scope: string, afterId: number, limit: number): Promise<Array<CustomerRow & { agent_login: string | null }>> {
      return db
        .selectFrom('customers')
        .leftJoin('users', 'users.id', 'customers.agent_id')
        .selectAll('customers')
        .select('users.login as agent_login')
        .where('customers.team_id', '=', teamId)
        .where('customers.scope', '=', scope)
        .where('customers.id', '>', afterId)
        .orderBy('customers.id')
        .limit(limit)
        .execute();
    },
    async findById(id: number): Promise<CustomerRow | undefined> {
      return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async count(teamId: number, scope: string): Promise<number> {
      const row = await db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('team_id', '=', teamId)
        .where('scope', '=', scope)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
    async assignAgent(ids: number[], agentId: number | null): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('customers').set({ agent_id: agentId }).where('id', 'in', ids).execute();
    },
    /** A user who leaves a team is no longer the agent of its customers. */
    async unassignAgentInTeam(agentId: number, teamId: number): Promise<void> {
      await db.updateTable('customers').set({ agent_id: null }).where('agent_id', '=', agentId).where('team_id', '=', teamId).execute();
    },
    async setStatus(ids: number[], status: CustomerRow['status']): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('customers').set({ status }).where('id', 'in', ids).execute();
    },
  };
}
export type CustomersRepository = ReturnType<typeof createCustomersRepository>;

export function createReferenceRowsRepository(db: Kysely<Database>) {
  return {
    async numberListPage(teamId: number, list: string, afterId: number, limit: number): Promise<ListedRow[]> {
      return db.selectFrom('number_lists').selectAll().where('team_id', '=', teamId).where('list', '=', list).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    },
    async areaCodePage(teamId: number, afterId: number, limit: number): Promise<ListedRow[]> {
      return db.selectFrom('area_codes').selectAll().where('team_id', '=', teamId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    },
    async didPage(teamId: number, afterId: number, limit: number): Promise<ListedRow[]> {
      return db.selectFrom('dids').selectAll().where('team_id', '=', teamId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    },
    async dialListPage(campaignId: number, afterId: number, limit: number): Promise<ListedRow[]> {
      return db.selectFrom('dial_list').selectAll().where('campaign_id', '=', campaignId).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    },
  };
}
export type ReferenceRowsRepository = ReturnType<typeof createReferenceRowsRepository>;
