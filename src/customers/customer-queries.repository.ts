// Browsing queries: a page of customers or of a reference list, optionally searched, in id order (keyset paging).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CustomerRow, Database } from '../db/schema.js';
import type { ListedRow } from './customers.repository.js';

export type CustomerWithAgent = CustomerRow & { agent_login: string | null };

export type ReferenceTable = 'number_lists' | 'area_codes' | 'dids';

/** `%text%` for LIKE, with the wildcards of the text itself escaped ('!' is the escape character). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
}

function likeLower(column: string, pattern: string) {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

export function createCustomerQueriesRepository(db: Kysely<Database>) {
  return {
    /** Customers of one scope after `afterId`; `q` searches name, email and (by its digits) the phone numbers. */
    async searchCustomers(filter: {
      teamId: number;
      scope: string;
      q?: string;
      status?: CustomerRow['status'];
      afterId: number;
      limit: number;
    }): Promise<CustomerWithAgent[]> {
      let query = db
        .selectFrom('customers')
        .leftJoin('users', 'users.id', 'customers.agent_id')
        .selectAll('customers')
        .select('users.login as agent_login')
        .where('customers.team_id', '=', filter.teamId)
        .where('customers.scope', '=', filter.scope)
        .where('customers.id', '>', filter.afterId)
        .orderBy('customers.id')
        .limit(filter.limit);
      if (filter.status) query = query.where('customers.status', '=', filter.status);
      const q = filter.q?.trim();
      if (q) {
        const pattern = containsPattern(q);
        const digits = q.replace(/\D/g, '');
        query = query.where((eb: ExpressionBuilder<Database, 'customers'>) => {
          const terms: Expression<SqlBool>[] = [likeLower('customers.name', pattern), likeLower('customers.email', pattern)];
          // Phones are stored normalised (+14155550101): a search for "415-555" compares digits.
          if (digits.length >= 3) {
            const digitPattern = `%${digits}%`;
            for (const column of ['customers.phone', 'customers.mobile', 'customers.phone2'] as const) terms.push(eb(column, 'like', digitPattern));
          }
          return eb.or(terms);
        });
      }
      return query.execute();
    },

    async findCustomer(id: number): Promise<CustomerWithAgent | undefined> {
      return db
        .selectFrom('customers')
        .leftJoin('users', 'users.id', 'customers.agent_id')
        .selectAll('customers')
        .select('users.login as agent_login')
        .where('customers.id', '=', id)
        .executeTakeFirst();
    },

    /** Rows of a blacklist/whitelist/campaign blacklist (`list`), the area codes or the DIDs; `q` searches the number or prefix. */
    async searchReferenceRows(
      table: ReferenceTable,
      filter: { teamId: number; list?: string; q?: string; afterId: number; limit: number },
    ): Promise<ListedRow[]> {
      const q = filter.q?.trim();
      const searched = table === 'area_codes' ? 'prefix' : 'number';
      if (table === 'number_lists') {
        let query = db.selectFrom('number_lists').selectAll().where('team_id', '=', filter.teamId).where('id', '>', filter.afterId).orderBy('id').limit(filter.limit);
        if (filter.list !== undefined) query = query.where('list', '=', filter.list);
        if (q) query = query.where(likeLower(searched, containsPattern(q)));
        return query.execute();
      }
      if (table === 'area_codes') {
        let query = db.selectFrom('area_codes').selectAll().where('team_id', '=', filter.teamId).where('id', '>', filter.afterId).orderBy('id').limit(filter.limit);
        if (q) query = query.where(likeLower(searched, containsPattern(q)));
        return query.execute();
      }
      let query = db.selectFrom('dids').selectAll().where('team_id', '=', filter.teamId).where('id', '>', filter.afterId).orderBy('id').limit(filter.limit);
      if (q) query = query.where(likeLower(searched, containsPattern(q)));
      return query.execute();
    },
  };
}
export type CustomerQueriesRepository = ReturnType<typeof createCustomerQueriesRepository>;
