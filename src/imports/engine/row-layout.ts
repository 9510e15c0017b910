// Write → the column values of a target table's rows, built from prepared records (pure; the writers store them).
// A job fixes its columns once (only the mapped ones plus our own), and each row is an array in that order.
import type { PreparedRecord, RecordPreparer } from './record-preparation.js';

/** Standard fields that are columns of the customers table; any other field key is a custom field (JSON). */
export const CUSTOMER_COLUMNS: ReadonlySet<string> = new Set([
  'name', 'contact', 'phone', 'mobile', 'phone2', 'email', 'fax', 'address', 'city', 'state', 'zip', 'country',
  'company', 'title', 'birthday', 'gender', 'website', 'industry', 'note',
]);

export const LIST_COLUMNS = {
  number_lists: ['number', 'note'],
  area_codes: ['prefix', 'area', 'city', 'province', 'country', 'timezone', 'carrier'],
  dids: ['number', 'description', 'campaign'],
} as const;

export type TargetTable = 'customers' | keyof typeof LIST_COLUMNS;

/** Where the rows of one import go, and which rows its duplicate keys are compared with. */
export type TargetSpec =
  | {
      table: 'customers';
      teamId: number;
      scope: string;
      campaignId: number | null;
      /** Duplicates are looked for in every table of the team, not only this one. */
      isTeamWide: boolean;
      /**
       * Appended to every stored key: `#job:<id>` when only the file is deduplicated, so that the rows of this import
       * never meet (nor block) rows of earlier ones; '' otherwise.
       */
      keySuffix: string;
    }
  | { table: 'number_lists'; teamId: number; list: string }
  | { table: 'area_codes'; teamId: number }
  | { table: 'dids'; teamId: number };

export type CellValue = string | number | null;
export type RowValues = CellValue[];
/** A stored row as read back for comparison (column → value). */
export type StoredRow = Record<string, unknown> & { id: number };

export type AreaInfo = { area: string | null; timezone: string | null };
export type AreaLookup = (phone: string) => AreaInfo | null;

/** The lookup of a team without area codes: no customer gets an area. */
export const NO_AREAS: AreaLookup = () => null;

export type RowLayout = {
  table: TargetTable;
  /** Columns of an inserted row, in the order of `build`'s values. */
  columns: readonly string[];
  /** The column holding the duplicate key (customers) or the natural key (lists). */
  keyColumn: string;
  /** The key as stored in `keyColumn`, or null when the record has none. */
  storedKey(record: PreparedRecord): string | null;
  build(record: PreparedRecord): RowValues;
  /** Applies a later duplicate's values onto a row of this batch not stored yet (update mode). */
  merge(row: RowValues, record: PreparedRecord): void;
  /** The change `update` makes to a stored row, with the previous values a revert restores. */
  update(record: PreparedRecord, stored: StoredRow, resets: { resetStatus: boolean; resetAgent: boolean }, isDataUpdate: boolean): { set: Record<string, CellValue>; previous: Record<string, unknown> };
};

/** Longest-prefix lookup over the team's area codes, tried on the E.164 digits and on the national number. */
export function createAreaLookup(codes: ReadonlyArray<{ prefix: string; area: string | null; timezone: string | null }>, nationalOf: (e164: string) => string | null): AreaLookup {
  const byPrefix = new Map<string, AreaInfo>();
  let longest = 0;
  for (const code of codes) {
    byPrefix.set(code.prefix, { area: code.area, timezone: code.timezone });
    longest = Math.max(longest, code.prefix.length);
  }
  if (byPrefix.size === 0) return NO_AREAS;
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
    const domestic = national === null ? null : (search(national) ?? search(`0${national}`));
    const best = !domestic || (international && international.length >= domestic.length) ? international : domestic;
    return best?.hit ?? null;
  };
}

export function createRowLayout(spec: TargetSpec, preparer: RecordPreparer, context: { jobId: number; area: AreaLookup; now: number }): RowLayout {
  return spec.table === 'customers' ? customerLayout(spec, preparer, context) : listLayout(spec, preparer, context.jobId);
}

function listLayout(spec: Exclude<TargetSpec, { table: 'customers' }>, preparer: RecordPreparer, jobId: number): RowLayout {
  const own = LIST_COLUMNS[spec.table];
  const keyColumn = own[0];
  const fixed: CellValue[] = spec.table === 'number_lists' ? [spec.teamId, spec.list] : [spec.teamId];
  const columns = [...(spec.table === 'number_lists' ? ['team_id', 'list'] : ['team_id']), ...own, 'job_id', 'job_line'];
  return {
    table: spec.table,
    columns,
    keyColumn,
    storedKey: (record) => preparer.valueOf(record, keyColumn) ?? null,
    build: (record) => [...fixed, ...own.map((column) => preparer.valueOf(record, column) ?? null), jobId, record.line],
    merge(row, record) {
      own.forEach((column, index) => {
        const value = preparer.valueOf(record, column);
        if (value !== undefined) row[fixed.length + index] = value;
      });
    },
    update(record, stored, _resets, isDataUpdate) {
      const set: Record<string, CellValue> = {};
      const previous: Record<string, unknown> = {};
      if (!isDataUpdate) return { set, previous };
      for (const column of own) {
        const value = preparer.valueOf(record, column);
        if (value !== undefined && stored[column] !== value) {
          set[column] = value;
          previous[column] = stored[column] ?? null;
        }
      }
      return { set, previous };
    },
  };
}

function customerLayout(spec: Extract<TargetSpec, { table: 'customers' }>, preparer: RecordPreparer, context: { jobId: number; area: AreaLookup; now: number }): RowLayout {
  const standard: Array<{ column: string; slot: number }> = [];
  const custom: Array<{ key: string; slot: number }> = [];
  preparer.fields.forEach((field, slot) => {
    if (CUSTOMER_COLUMNS.has(field.key)) standard.push({ column: field.key, slot });
    else custom.push({ key: field.key, slot });
  });
  const phoneSlots = ['phone', 'mobile', 'phone2'].map((key) => preparer.fields.findIndex((field) => field.key === key)).filter((slot) => slot >= 0);
  // Only the columns this import fills: the others keep their defaults (status new, custom {}, no campaign, no area).
  const hasCustom = custom.length > 0;
  const hasArea = context.area !== NO_AREAS && phoneSlots.length > 0;
  const hasOriginals = preparer.fields.some((field) => field.type !== 'text' && field.type !== 'address');
  const columns = [
    'team_id', 'scope', ...(spec.campaignId === null ? [] : ['campaign_id']), ...standard.map((entry) => entry.column),
    ...(hasCustom ? ['custom'] : []), ...(hasArea ? ['area', 'timezone'] : []), ...(hasOriginals ? ['originals'] : []),
    'dedupe_key', 'job_id', 'job_line', 'created_at', 'updated_at',
  ];
  const standardAt = spec.campaignId === null ? 2 : 3;
  const customAt = standardAt + standard.length;
  const areaAt = customAt + (hasCustom ? 1 : 0);
  const originalsAt = areaAt + (hasArea ? 2 : 0);
  const storedKey = (record: PreparedRecord) => (record.key === null ? null : record.key + spec.keySuffix);

  // The JSON of a record's custom fields, written out field by field (an object per record and JSON.stringify of it
  // cost the job thread 0.8 s a million records). An object would put keys that look like array indexes first: with
  // such a key the object is built after all, so that the text is always JSON.stringify's.
  const customKeys = custom.map(({ key, slot }) => ({ slot, quoted: JSON.stringify(key) }));
  const isWrittenOut = custom.every(({ key }) => !/^(?:0|[1-9]\d*)$/.test(key));
  const customJson = (record: PreparedRecord): string => {
    if (!isWrittenOut) {
      const values = Object.create(null) as Record<string, string>;
      for (const { key, slot } of custom) {
        const value = record.values[slot];
        if (value !== null && value !== undefined) values[key] = value;
      }
      return JSON.stringify(values);
    }
    let json = '';
    for (const { quoted, slot } of customKeys) {
      const value = record.values[slot];
      if (value === null || value === undefined) continue;
      json += `${json === '' ? '{' : ','}${quoted}:${JSON.stringify(value)}`;
    }
    return json === '' ? '{}' : `${json}}`;
  };
  const areaOf = (record: PreparedRecord): AreaInfo | null => {
    for (const slot of phoneSlots) {
      const phone = record.values[slot];
      if (phone !== null && phone !== undefined) return context.area(phone);
    }
    return null;
  };

  return {
    table: 'customers',
    columns,
    keyColumn: 'dedupe_key',
    storedKey,
    build(record) {
      const row: RowValues = spec.campaignId === null ? [spec.teamId, spec.scope] : [spec.teamId, spec.scope, spec.campaignId];
      for (const { slot } of standard) row.push(record.values[slot] ?? null);
      if (hasCustom) row.push(customJson(record));
      if (hasArea) {
        const area = areaOf(record);
        row.push(area?.area ?? null, area?.timezone ?? null);
      }
      if (hasOriginals) row.push(record.originals);
      row.push(storedKey(record), context.jobId, record.line, context.now, context.now);
      return row;
    },
    merge(row, record) {
      standard.forEach(({ slot }, index) => {
        const value = record.values[slot];
        if (value !== null && value !== undefined) row[standardAt + index] = value;
      });
      if (hasCustom) row[customAt] = JSON.stringify(Object.assign(parseCustom(row[customAt]), parseCustom(customJson(record))));
      const area = hasArea ? areaOf(record) : null;
      if (area) {
        row[areaAt] = area.area;
        row[areaAt + 1] = area.timezone;
      }
      if (hasOriginals) row[originalsAt] = mergedOriginals(row[originalsAt] ?? null, record, standard, custom);
    },
    update(record, stored, resets, isDataUpdate) {
      const set: Record<string, CellValue> = {};
      const previous: Record<string, unknown> = {};
      const change = (column: string, value: CellValue) => {
        if (stored[column] === value || (stored[column] === undefined && value === null)) return;
        set[column] = value;
        previous[column] = stored[column] ?? null;
      };
      if (isDataUpdate) {
        for (const { column, slot } of standard) {
          const value = record.values[slot];
          if (value !== null && value !== undefined) change(column, value);
        }
        if (custom.length > 0) {
          const merged = parseCustom(stored['custom']);
          let isChanged = false;
          for (const { key, slot } of custom) {
            const value = record.values[slot];
            if (value !== null && value !== undefined && merged[key] !== value) {
              merged[key] = value;
              isChanged = true;
            }
          }
          if (isChanged) change('custom', JSON.stringify(merged));
        }
        if (hasOriginals) change('originals', mergedOriginals(stored['originals'] ?? null, record, standard, custom));
        const phoneChanged = ['phone', 'mobile', 'phone2'].some((column) => column in set);
        const area = phoneChanged ? areaOf(record) : null;
        if (area) {
          change('area', area.area);
          change('timezone', area.timezone);
        }
      }
      if (resets.resetStatus) change('status', 'new');
      if (resets.resetAgent) change('agent_id', null);
      if (Object.keys(set).length > 0) set['updated_at'] = context.now;
      return { set, previous };
    },
  };
}

/**
 * The originals after a record's values land on a row: a field the record fills keeps the record's original text,
 * or none when the record's value needed no normalising; the other fields keep theirs.
 */
function mergedOriginals(
  current: unknown,
  record: PreparedRecord,
  standard: ReadonlyArray<{ column: string; slot: number }>,
  custom: ReadonlyArray<{ key: string; slot: number }>,
): string | null {
  const merged = parseCustom(current);
  const incoming = parseCustom(record.originals);
  for (const { key, slot } of [...standard.map((entry) => ({ key: entry.column, slot: entry.slot })), ...custom]) {
    if (record.values[slot] === null || record.values[slot] === undefined) continue;
    if (incoming[key] === undefined) delete merged[key];
    else merged[key] = incoming[key];
  }
  return Object.keys(merged).length === 0 ? null : JSON.stringify(merged);
}

function parseCustom(value: unknown): Record<string, string> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    // A fresh object with no prototype: keys from a file ("__proto__") stay plain keys.
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return Object.assign(Object.create(null) as Record<string, string>, parsed);
  } catch {
    // A custom column that is not JSON is replaced rather than failing the row.
  }
  return {};
}
