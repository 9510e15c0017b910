// Map → validate & normalise → key: turns a source record into the values to store, or the reasons it fails.
// Values are kept in an array aligned with the mapped fields (no per-record objects): this runs once per record.
import type { PhoneNormaliser } from '../../phones/phone-normalisation.js';
import type { ColumnMapping } from '../import-options.js';
import type { FieldType, Target } from '../targets.js';
import { normaliseDate, normaliseEmail, normaliseNumber, type DateOrder } from './value-normalisation.js';

export type PreparationField = { key: string; label: string; type: FieldType };

export type PreparedRecord = {
  line: number;
  /** Normalised values aligned with `RecordPreparer.fields`; undefined where the cell was empty. */
  values: ReadonlyArray<string | undefined>;
  /** The duplicate key, or null when the record has none (it then never counts as a duplicate). */
  key: string | null;
};

export type Preparation = { ok: true; record: PreparedRecord } | { ok: false; reason: string };

export type RecordPreparer = {
  /** The fields the mapping fills, each once, in mapping order. */
  fields: readonly PreparationField[];
  prepare(line: number, cells: readonly string[]): Preparation;
  /** The value of a field in a prepared record (undefined when empty or not mapped). */
  valueOf(record: PreparedRecord, key: string): string | undefined;
  /** The record's values by field key, for the rare paths (updates) that compare with a stored row. */
  fieldsOf(record: PreparedRecord): Map<string, string>;
};

function requiredRule(target: Target): { fields: string[]; message: string } {
  switch (target) {
    case 'individual':
    case 'organization':
    case 'campaign':
      return { fields: ['name', 'phone'], message: 'a customer needs a name or a phone' };
    case 'mass-target':
      return { fields: ['phone', 'email'], message: 'a mass-target recipient needs a phone or an email' };
    case 'campaign-blacklist':
    case 'blacklist':
    case 'whitelist':
    case 'did':
      return { fields: ['number'], message: 'a number is required' };
    case 'area-code':
      return { fields: ['prefix'], message: 'a prefix is required' };
  }
}

/** `phone|email`: the first present; `name+zip`: all of them together. */
export function parseDedupeKey(spec: string): { mode: 'first' | 'all'; fields: string[] } {
  return spec.includes('|') ? { mode: 'first', fields: spec.split('|') } : { mode: 'all', fields: spec.split('+') };
}

function comparable(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function createRecordPreparer(input: {
  target: Target;
  mapping: readonly ColumnMapping[];
  fields: readonly PreparationField[];
  dedupeKey: string;
  normalisePhone: PhoneNormaliser;
  dateOrder: DateOrder;
}): RecordPreparer {
  const byKey = new Map(input.fields.map((field) => [field.key, field]));
  const fields: PreparationField[] = [];
  const columns: Array<{ cell: number; header: string; slot: number; field: PreparationField }> = [];
  for (const column of input.mapping) {
    const field = column.field === null ? undefined : byKey.get(column.field);
    // A field takes at most one column; a second column mapped to it is ignored.
    if (!field || fields.includes(field)) continue;
    columns.push({ cell: column.index, header: column.header, slot: fields.length, field });
    fields.push(field);
  }
  const slotOf = new Map(fields.map((field, slot) => [field.key, slot]));
  const required = requiredRule(input.target);
  const requiredSlots = required.fields.map((key) => slotOf.get(key)).filter((slot): slot is number => slot !== undefined);
  // A campaign of its own fields (Import & Start) may have neither name nor phone: any value makes a record.
  const isAnyValueEnough = input.target === 'campaign' && requiredSlots.length === 0;
  const dedupe = parseDedupeKey(input.dedupeKey);
  // Phone numbers compare as phone numbers whichever field holds them (Phone, Mobile …), emails as emails.
  const keySlots = dedupe.fields.map((key) => {
    const type = byKey.get(key)?.type;
    return { key: type === 'phone' ? 'phone' : type === 'email' ? 'email' : key, slot: slotOf.get(key) };
  });
  const isPrefixTarget = input.target === 'area-code';

  function normaliseValue(field: PreparationField, raw: string): string | { problem: string } {
    if (isPrefixTarget && field.key === 'prefix') {
      const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
      return /^\d{1,15}$/.test(digits) ? digits : { problem: 'is not a number prefix (digits only)' };
    }
    switch (field.type) {
      case 'phone':
      case 'fax': {
        const result = input.normalisePhone(raw);
        return result.ok ? result.e164 : { problem: 'is not a valid phone number' };
      }
      case 'email':
        return normaliseEmail(raw) ?? { problem: 'is not a valid email address' };
      case 'date':
        return normaliseDate(raw, input.dateOrder) ?? { problem: 'is not a date' };
      case 'number':
        return normaliseNumber(raw) ?? { problem: 'is not a number' };
      case 'text':
      case 'address':
        return raw;
    }
  }

  function keyOf(values: ReadonlyArray<string | undefined>): string | null {
    if (dedupe.mode === 'first') {
      for (const { key, slot } of keySlots) {
        const value = slot === undefined ? undefined : values[slot];
        if (value !== undefined) return `${key}:${comparable(value)}`;
      }
      return null;
    }
    const parts: string[] = [];
    for (const { key, slot } of keySlots) {
      const value = slot === undefined ? undefined : values[slot];
      if (value === undefined) return null;
      parts.push(`${key}:${comparable(value)}`);
    }
    return parts.join('\u001f');
  }

  return {
    fields,
    prepare(line, cells) {
      const values: Array<string | undefined> = new Array<string | undefined>(fields.length);
      let problems: string[] | null = null;
      let filled = 0;
      for (const column of columns) {
        const cell = cells[column.cell];
        if (cell === undefined) continue;
        const raw = cell.trim();
        if (raw === '') continue;
        const result = normaliseValue(column.field, raw);
        if (typeof result === 'string') {
          values[column.slot] = result;
          filled += 1;
        } else {
          (problems ??= []).push(`column "${column.header}": "${shorten(raw)}" ${result.problem}`);
        }
      }
      if (problems) return { ok: false, reason: problems.join('; ') };
      const hasRequired = isAnyValueEnough ? filled > 0 : requiredSlots.some((slot) => values[slot] !== undefined);
      if (!hasRequired) return { ok: false, reason: isAnyValueEnough ? 'the record has no value in any mapped column' : required.message };
      return { ok: true, record: { line, values, key: keyOf(values) } };
    },
    valueOf(record, key) {
      const slot = slotOf.get(key);
      return slot === undefined ? undefined : record.values[slot];
    },
    fieldsOf(record) {
      const map = new Map<string, string>();
      fields.forEach((field, slot) => {
        const value = record.values[slot];
        if (value !== undefined) map.set(field.key, value);
      });
      return map;
    },
  };
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
