// Every write an import makes to a target table, batched: look up existing keys, insert, update, remember changes.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export type KeyedTable = 'customers' | 'number_lists' | 'area_codes' | 'dids';

/** Where the rows of one import go, and which rows its duplicate keys are compared with. */
export type TargetTableSpec =
  | { table: 'customers'; teamId: number; scope: string; isTeamWide: boolean }
  | { table: 'number_lists'; teamId: number; list: string }
  | { table: 'area_codes'; teamId: number }
  | { table: 'dids'; teamId: number };

export type StoredRow = Record<string, unknown> & { id: number };
export type RowValues = Record<string, string | number | null>;

const KEY_COLUMN: Record<KeyedTable, string> = {
  customers: 'dedupe_key',
  number_lists: 'number',
  area_codes: 'prefix',
  dids: 'number',
};

// Kysely's builders are typed per table; these helpers work on whichever keyed table a spec names, so the
// table name is widened once here rather than switching over four identical queries.
type AnyTableDb = Kysely<Record<string, Record<string, unknown>>>;
function loose(db: Kysely<Database> | Transaction<Database>): AnyTableDb {
  return db as unknown as AnyTableDb;
}

/** Param limits: SQLite 32,766 variables, PostgreSQL 65,535 parameters per statement. */
function chunkSizeFor(row: RowValues | undefined): number {
  const columns = row ? Object.keys(row).length : 1;
  return Math.max(1, Math.floor(30_000 / columns));
}

export function keyColumnOf(table: KeyedTable): string {
  return KEY_COLUMN[table];
}

export async function findExistingByKeys(db: Kysely<Database> | Transaction<Database>, spec: TargetTableSpec, keys: string[]): Promise<Map<string, StoredRow>> {
  const found = new Map<string, StoredRow>();
  const keyColumn = KEY_COLUMN[spec.table];
  for (let start = 0; start < keys.length; start += 20_000) {
    const chunk = keys.slice(start, start + 20_000);
    let query = loose(db).selectFrom(spec.table).selectAll().where('team_id', '=', spec.teamId).where(keyColumn, 'in', chunk);
    if (spec.table === 'customers' && !spec.isTeamWide) query = query.where('scope', '=', spec.scope);
    if (spec.table === 'number_lists') query = query.where('list', '=', spec.list);
    // Team-wide: the row of the import's own table wins over another table's row with the same key.
    const rows = (await query.orderBy('id').execute()) as StoredRow[];
    for (const row of rows) {
      const key = String(row[keyColumn]);
      const current = found.get(key);
      if (!current || (spec.table === 'customers' && current['scope'] !== spec.scope && row['scope'] === spec.scope)) found.set(key, row);
    }
  }
  return found;
}

/**
 * Inserts rows; a row whose key arrived meanwhile (another import, another worker) is left out by the unique index.
 * Returns the inserted customers' ids by their source line (customers only).
 */
export async function insertRows(trx: Transaction<Database>, table: KeyedTable, rows: RowValues[]): Promise<Map<number, number>> {
  const idsByLine = new Map<number, number>();
  const chunkSize = chunkSizeFor(rows[0]);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const insert = loose(trx).insertInto(table).values(chunk).onConflict((oc) => oc.doNothing());
    if (table === 'customers') {
      const inserted = (await insert.returning(['id', 'job_line']).execute()) as Array<{ id: number; job_line: number }>;
      for (const row of inserted) idsByLine.set(Number(row.job_line), Number(row.id));
    } else {
      await insert.execute();
    }
  }
  return idsByLine;
}

export async function updateRow(trx: Transaction<Database>, table: KeyedTable, id: number, values: RowValues): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await loose(trx).updateTable(table).set(values).where('id', '=', id).execute();
}

export async function insertJobChanges(
  trx: Transaction<Database>,
  changes: Array<{ job_id: number; table_name: string; row_id: number; change: 'insert' | 'update'; previous: string | null }>,
): Promise<void> {
  for (let start = 0; start < changes.length; start += 5000) {
    await trx.insertInto('job_changes').values(changes.slice(start, start + 5000)).execute();
  }
}

export async function insertDialEntries(
  trx: Transaction<Database>,
  entries: Array<{ campaign_id: number; customer_id: number; phone: string; priority: number; dial_at: number | null; job_id: number }>,
): Promise<void> {
  for (let start = 0; start < entries.length; start += 4000) {
    await trx.insertInto('dial_list').values(entries.slice(start, start + 4000)).execute();
  }
}

/** Which of these numbers are on the given lists of the team (blacklist, campaign-blacklist:<id>). */
export async function findListedNumbers(db: Kysely<Database>, teamId: number, lists: string[], numbers: string[]): Promise<Map<string, string>> {
  const listed = new Map<string, string>();
  if (lists.length === 0 || numbers.length === 0) return listed;
  for (let start = 0; start < numbers.length; start += 20_000) {
    const rows = await db
      .selectFrom('number_lists')
      .select(['number', 'list'])
      .where('team_id', '=', teamId)
      .where('list', 'in', lists)
      .where('number', 'in', numbers.slice(start, start + 20_000))
      .execute();
    for (const row of rows) listed.set(row.number, row.list);
  }
  return listed;
}

export async function loadAreaCodes(db: Kysely<Database>, teamId: number): Promise<Array<{ prefix: string; area: string | null; timezone: string | null }>> {
  return db.selectFrom('area_codes').select(['prefix', 'area', 'timezone']).where('team_id', '=', teamId).execute();
}

export async function countRows(db: Kysely<Database>, spec: TargetTableSpec): Promise<number> {
  let query = loose(db).selectFrom(spec.table).select((eb) => eb.fn.countAll<number>().as('count')).where('team_id', '=', spec.teamId);
  if (spec.table === 'customers') query = query.where('scope', '=', spec.scope);
  if (spec.table === 'number_lists') query = query.where('list', '=', spec.list);
  const row = (await query.executeTakeFirst()) as { count: number | string } | undefined;
  return Number(row?.count ?? 0);
}
