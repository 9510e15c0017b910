// Write → the column values of a target table's row, built from a prepared record (pure; the repository stores them).
import type { RowValues, StoredRow, TargetTableSpec } from '../writing/import-writes.repository.js';
import type { PreparedRecord } from './record-preparation.js';

/** Standard fields that are columns of the customers table; any other field key is a custom field (JSON). */
export const CUSTOMER_COLUMNS = new Set([
  'name', 'contact', 'phone', 'mobile', 'phone2', 'email', 'fax', 'address', 'city', 'state', 'zip', 'country',
  'company', 'title', 'birthday', 'gender', 'website', 'industry', 'note',
]);

const PLAIN_COLUMNS: Record<Exclude<TargetTableSpec['table'], 'customers'>, readonly string[]> = {
  number_lists: ['number', 'note'],
  area_codes: ['prefix', 'area', 'city', 'province', 'country', 'timezone', 'carrier'],
  dids: ['number', 'description', 'campaign'],
};

export type AreaLookup = (phone: string) => { area: string | null; timezone: string | null } | null;

/** Longest-prefix lookup over the team's area codes, tried on the E.164 digits and on the national number. */
export function createAreaLookup(codes: Array<{ prefix: string; area: string | null; timezone: string | null }>, nationalOf: (e164: string) => string | null): AreaLookup {
  const byPrefix = new Map<string, { area: string | null; timezone: string | null }>();
  let longest = 0;
  for (const code of codes) {
    byPrefix.set(code.prefix, { area: code.area, timezone: code.timezone });
    longest = Math.max(longest, code.prefix.length);
  }
  if (byPrefix.size === 0) return () => null;
  const search = (digits: string) => {
    for (let length = Math.min(longest, digits.length); length > 0; length -= 1) {
      const hit = byPrefix.get(digits.slice(0, length));
      if (hit) return { hit, length };
    }
    return null;
  };
  return (phone) => {
    const international = search(phone.replace(/^\+/, ''));
    const national = nationalOf(phone);
    const domestic = national === null ? null : search(national) ?? search(`0${national}`);
    const best = !domestic || (international && international.length >= domestic.length) ? international : domestic;
    return best?.hit ?? null;
  };
}

export type RowContext = {
  spec: TargetTableSpec;
  jobId: number;
  campaignId: number | null;
  /** The stored duplicate key of a record (customers: the key; lists: the number; area codes: the prefix). */
  storedKey(record: PreparedRecord): string | null;
  area: AreaLookup;
  now: number;
};

export function buildInsertRow(record: PreparedRecord, context: RowContext): RowValues {
  const { spec } = context;
  if (spec.table !== 'customers') {
    const row: RowValues = { team_id: spec.teamId, job_id: context.jobId };
    if (spec.table === 'number_lists') row['list'] = spec.list;
    for (const column of PLAIN_COLUMNS[spec.table]) row[column] = record.fields.get(column) ?? null;
    return row;
  }
  const row: RowValues = { team_id: spec.teamId, scope: spec.scope, campaign_id: context.campaignId };
  for (const column of CUSTOMER_COLUMNS) row[column] = record.fields.get(column) ?? null;
  const custom: Record<string, string> = {};
  for (const [key, value] of record.fields) if (!CUSTOMER_COLUMNS.has(key)) custom[key] = value;
  row['custom'] = JSON.stringify(custom);
  const phone = record.fields.get('phone') ?? record.fields.get('mobile') ?? record.fields.get('phone2');
  const area = phone ? context.area(phone) : null;
  row['area'] = area?.area ?? null;
  row['timezone'] = area?.timezone ?? null;
  row['dedupe_key'] = context.storedKey(record);
  row['status'] = 'new';
  row['job_id'] = context.jobId;
  row['job_line'] = record.line;
  row['created_at'] = context.now;
  row['updated_at'] = context.now;
  return row;
}

/** Applies a later record's values onto a row not stored yet (a duplicate inside one batch, update mode). */
export function mergeIntoInsertRow(row: RowValues, record: PreparedRecord, context: RowContext): void {
  const update = buildUpdate(record, row, context, { resetStatus: false, resetAgent: false });
  Object.assign(row, update.set);
}

/**
 * The change that `update` makes to a stored row: only the fields the file maps and fills, plus the resets.
 * Returns the previous values of the changed columns, so that a revert can restore them.
 */
export function buildUpdate(
  record: PreparedRecord,
  stored: StoredRow | RowValues,
  context: RowContext,
  resets: { resetStatus: boolean; resetAgent: boolean },
  isDataUpdate = true,
): { set: RowValues; previous: Record<string, unknown> } {
  const set: RowValues = {};
  const previous: Record<string, unknown> = {};
  const change = (column: string, value: string | number | null) => {
    if (stored[column] === value) return;
    set[column] = value;
    previous[column] = stored[column] ?? null;
  };
  const { spec } = context;
  if (isDataUpdate) {
    if (spec.table !== 'customers') {
      for (const column of PLAIN_COLUMNS[spec.table]) {
        const value = record.fields.get(column);
        if (value !== undefined) change(column, value);
      }
    } else {
      let custom: Record<string, string> | null = null;
      for (const [key, value] of record.fields) {
        if (CUSTOMER_COLUMNS.has(key)) {
          change(key, value);
        } else {
          custom ??= parseCustom(stored['custom']);
          custom[key] = value;
        }
      }
      if (custom) change('custom', JSON.stringify(custom));
      const phone = set['phone'] ?? set['mobile'] ?? set['phone2'];
      if (typeof phone === 'string') {
        const area = context.area(phone);
        if (area) {
          change('area', area.area);
          change('timezone', area.timezone);
        }
      }
    }
  }
  if (spec.table === 'customers') {
    if (resets.resetStatus) change('status', 'new');
    if (resets.resetAgent) change('agent_id', null);
    if (Object.keys(set).length > 0) set['updated_at'] = context.now;
  }
  return { set, previous };
}

function parseCustom(value: unknown): Record<string, string> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return Object.assign(Object.create(null) as Record<string, string>, parsed);
  } catch {
    // A custom column that is not JSON is replaced rather than failing the row.
  }
  return {};
}
