// Map → validate & normalise → key: turns a source record into the values to store, or the reasons it fails.
import type { PhoneNormaliser } from '../../phones/phone-normalisation.js';
import type { ColumnMapping } from '../import-options.js';
import type { FieldType, Target } from '../targets.js';
import { normaliseDate, normaliseEmail, normaliseNumber, type DateOrder } from './value-normalisation.js';

export type PreparationField = { key: string; label: string; type: FieldType };

export type PreparedRecord = {
  line: number;
  values: string[];
  /** Normalised, non-empty values by field key, in mapping order. */
  fields: Map<string, string>;
  /** The duplicate key, or null when the record has none (it then never counts as a duplicate). */
  key: string | null;
};

export type Preparation = { ok: true; record: PreparedRecord } | { ok: false; reason: string };

export type RecordPreparer = (line: number, values: string[]) => Preparation;

type Column = { index: number; header: string; field: PreparationField };

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
  const columns: Column[] = [];
  for (const column of input.mapping) {
    const field = column.field === null ? undefined : byKey.get(column.field);
    if (field) columns.push({ index: column.index, header: column.header, field });
  }
  const required = requiredRule(input.target);
  const requiredMapped = required.fields.filter((key) => columns.some((c) => c.field.key === key));
  // A campaign of its own fields (Import & Start) may have neither name nor phone: any value makes a record.
  const isAnyValueEnough = input.target === 'campaign' && requiredMapped.length === 0;
  const key = parseDedupeKey(input.dedupeKey);
  const isPrefixTarget = input.target === 'area-code';

  function normaliseValue(field: PreparationField, raw: string): { value: string } | { problem: string } {
    if (isPrefixTarget && field.key === 'prefix') {
      const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
      return /^\d{1,15}$/.test(digits) ? { value: digits } : { problem: 'is not a number prefix (digits only)' };
    }
    switch (field.type) {
      case 'phone':
      case 'fax': {
        const result = input.normalisePhone(raw);
        return result.ok ? { value: result.e164 } : { problem: 'is not a valid phone number' };
      }
      case 'email': {
        const email = normaliseEmail(raw);
        return email === null ? { problem: 'is not a valid email address' } : { value: email };
      }
      case 'date': {
        const date = normaliseDate(raw, input.dateOrder);
        return date === null ? { problem: 'is not a date' } : { value: date };
      }
      case 'number': {
        const number = normaliseNumber(raw);
        return number === null ? { problem: 'is not a number' } : { value: number };
      }
      case 'text':
      case 'address':
        return { value: raw };
    }
  }

  return (line, values) => {
    const fields = new Map<string, string>();
    const problems: string[] = [];
    for (const column of columns) {
      const raw = (values[column.index] ?? '').trim();
      if (raw === '') continue;
      const result = normaliseValue(column.field, raw);
      if ('problem' in result) problems.push(`column "${column.header}": "${shorten(raw)}" ${result.problem}`);
      else fields.set(column.field.key, result.value);
    }
    if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
    if (isAnyValueEnough ? fields.size === 0 : !required.fields.some((f) => fields.has(f))) {
      return { ok: false, reason: isAnyValueEnough ? 'the record has no value in any mapped column' : required.message };
    }
    return { ok: true, record: { line, values, fields, key: keyOf(fields) } };
  };

  function keyOf(fields: Map<string, string>): string | null {
    if (key.mode === 'first') {
      for (const field of key.fields) {
        const value = fields.get(field);
        if (value !== undefined) return `${field}:${comparable(value)}`;
      }
      return null;
    }
    const parts: string[] = [];
    for (const field of key.fields) {
      const value = fields.get(field);
      if (value === undefined) return null;
      parts.push(`${field}:${comparable(value)}`);
    }
    return parts.join('\u001f');
  }
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
