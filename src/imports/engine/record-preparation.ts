// Map → validate & normalise → key: turns a source record into the values to store, or the reasons it fails.
// Values are kept in an array aligned with the mapped fields (no per-record objects): this runs once per record.
import type { PhoneNormaliser } from '../../phones/phone-normalisation.js';
import type { ColumnMapping } from '../import-options.js';
import { isCustomerTarget, type FieldType, type Target } from '../targets.js';
import { comparableText } from '../../shared/comparable-text.js';
import { addressPartOf } from '../mapping/address-parts.js';
import { FAMILY_FIRST_ORDER, PERSON_NAME_FIELDS, isWrittenInCjk, namePartOf, namePartOrder, type NamePart } from '../mapping/name-parts.js';
import { createPostalCodeRepair } from './postal-codes.js';
import { doNotCallColumns, doNotCallReader } from './do-not-call.js';
import { createRecordPhoneReader } from './record-phones.js';
import { normaliseTimeZone, timeZoneProblem } from './time-zones.js';
import { dateOrderOfHeader, dateOrderOfValue, isNoValue, isWrittenNull, normaliseDate, normaliseEmail, normaliseYearlessDate, normaliseNumber, type DateOrder } from './value-normalisation.js';

export type PreparationField = { key: string; label: string; type: FieldType };

export type PreparedRecord = {
  line: number;
  /** Normalised values aligned with `RecordPreparer.fields`; null where the cell was empty. */
  values: ReadonlyArray<string | null>;
  /** The duplicate key, or null when the record has none (it then never counts as a duplicate). */
  key: string | null;
  /** JSON of field key → the cell as the file had it, for the values normalisation changed; null when none. */
  originals: string | null;
};

/** The outcome of the last `prepare` call: read it before the next call (one object, reused: this runs per record). */
export type Preparation = { isOk: boolean; key: string | null; reason: string; originals: string | null };

export type RecordPreparer = {
  /** The fields the mapping fills, each once, in mapping order (then phone2, for a second number in a phone cell). */
  fields: readonly PreparationField[];
  /** Normalises a record's cells into `values[offset …]` (one slot per field, null when empty). */
  prepare(cells: readonly string[], values: Array<string | null>, offset: number): Readonly<Preparation>;
  /** The value of a field in a prepared record (undefined when empty or not mapped). */
  valueOf(record: PreparedRecord, key: string): string | undefined;
  /** The record's values by field key, for the rare paths (updates) that compare with a stored row. */
  fieldsOf(record: PreparedRecord): Map<string, string>;
  /**
   * Settles how columns are read from the file's first records (the same ones on every attempt): the order of each
   * date column its header says nothing of (a column where some dates can only be day first, 25/12/1990, and none only
   * month first is read day first, so 05/03/1990 beside them is 5 March, whatever the team's order; and the other way
   * round); and whether a phone column holds numbers in their international form without the "+" (447911123456, as
   * Excel leaves "+447911123456" typed into a cell, or a messaging platform's export), when its numbers that are none
   * of the team's country are mostly numbers so: its numbers that are none of the team's are then read with a "+".
   */
  settleColumns(records: ReadonlyArray<readonly string[]>): void;
  /** Whether a record's cell in this column (0-based) is read: mapped to a field, or read for one (a calling code …). */
  readsColumn(column: number): boolean;
};

/** The fields of which a record needs one, and what its reason says when it has none. */
export function requiredRule(target: Target): { fields: string[]; message: string } {
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

/** The keys among `fields` of which each record of the target needs one (none when the fields have none of them). */
export function requiredFieldsAmong(target: Target, fields: ReadonlyArray<{ key: string }>): string[] {
  return requiredRule(target).fields.filter((key) => fields.some((field) => field.key === key));
}

/** Excel's text mark written out by an export ('1985-03-04, '02134): no part of a typed value (a date, a phone …). */
function withoutTextMark(text: string): string {
  return text.charCodeAt(0) === 0x27 ? text.slice(1).trim() : text;
}

/** `phone|email`: the first present; `name+zip`: all of them together. */
export function parseDedupeKey(spec: string): { mode: 'first' | 'all'; fields: string[] } {
  return spec.includes('|') ? { mode: 'first', fields: spec.split('|') } : { mode: 'all', fields: spec.split('+') };
}

/** Digits written as a float: `4155550134.0`, `+8613800138000.00`. */
const FLOAT_WRITTEN_NUMBER = /^\s*\+?\d{6,17}\.0+\s*$/;
/** The pattern is tried only on a cell that ends as such a number does: on the hot path, most do not. */
function isFloatWritten(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  return (last === 48 || last === 32) && FLOAT_WRITTEN_NUMBER.test(raw);
}
/** A number column's cell without the ".0" a float writes after it. */
function withoutFloatEnding(raw: string): string {
  return isFloatWritten(raw) ? raw.replace(/\.0+\s*$/, '') : raw;
}
/** What Excel shows of a long number in a General cell, and writes to CSV so: `4.15555E+09`. */
const SCIENTIFIC_NOTATION = /^\s*\+?\d(?:[.,]\d+)?e\+?\d{1,2}\s*$/i;

/** Format characters (Unicode Cf: zero-width spaces and joiners, direction marks, soft hyphens, BOM). */
const INVISIBLE = /\p{Cf}/gu;

/**
 * What lists put between several phones or e-mails in one cell: / ; , | 、 ， ；, "or" in a few languages, Google
 * Contacts' " ::: ", or a line break (Alt+Enter in an Excel cell); and each number's own label ("Home: 415-555-0137
 * Work: 415-555-0138", "H: … W: …", "手机：… 座机：…").
 */
const SEVERAL_SEPARATOR = /\s*(?:[/;,|、，；]|:::|\s(?:or|ou|o|oder|of)\s|或|[\r\n]+)\s*|\s+(?=\p{L}[\p{L}.]{0,11}\s?[:：]\s*[+(\d])/iu;
const MAX_SEVERAL = 5;

function noCampaignProblem(campaigns: ReadonlyMap<string, string>): string {
  if (campaigns.size === 0) return 'names no campaign of the team, which has none yet: create the campaign first, or leave the cell empty';
  const names = [...campaigns.values()];
  const listed = names.length > 10 ? `${names.slice(0, 10).join(', ')} …` : names.join(', ');
  return `names no campaign of the team (its campaigns: ${listed}): write one of them, or leave the cell empty`;
}

export function createRecordPreparer(input: {
  target: Target;
  mapping: readonly ColumnMapping[];
  fields: readonly PreparationField[];
  dedupeKey: string;
  normalisePhone: PhoneNormaliser;
  dateOrder: DateOrder;
  /** ISO date, for tests: no birthday comes after it (default: tomorrow in UTC, so no time zone sees a false one). */
  today?: string;
  /** The team's country: a postal code that lost its leading zeros in a spreadsheet gets them back (postal-codes.ts);
   * a time-zone abbreviation countries share (CST, IST) is read as the team's. */
  country?: string;
  /** The team's campaigns: a DID routes its calls to one of them, named as it is (in any letter case). */
  campaignNames?: readonly string[];
  /** Customers a "Do Not Call" column of the list marks are rejected (the import's blacklist option is `reject`). */
  isDoNotCallRejected?: boolean;
}): RecordPreparer {
  const today = input.today ?? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const byKey = new Map(input.fields.map((field) => [field.key, field]));
  const fields: PreparationField[] = [];
  const columns: MappedColumn[] = [];
  /** Every column mapped to a text field, by field: more than one are joined. */
  const sources = new Map<PreparationField, Array<{ cell: number; header: string }>>();
  for (const column of input.mapping) {
    const field = column.field === null ? undefined : byKey.get(column.field);
    if (!field) continue;
    const source = { cell: column.index, header: column.header };
    if (!fields.includes(field)) {
      columns.push({ ...source, slot: fields.length, field, joined: null, dateOrder: dateOrderOfHeader(column.header) ?? input.dateOrder });
      fields.push(field);
      sources.set(field, [source]);
    } else if (field.type === 'text' || field.type === 'address') {
      // Several columns of one text field are joined (a name's parts, address lines); of any other field, a second
      // column is ignored (two phones in one phone field would be neither).
      sources.get(field)?.push(source);
    }
  }
  for (const column of columns) {
    const joined = sources.get(column.field) ?? [];
    if (joined.length > 1) column.joined = joinPlan(joined, column.field);
  }
  // The second of several numbers in a Phone or Mobile cell goes to phone2 when the record has none there: mapped or
  // not, phone2 then gets a slot of its own.
  const secondPhone = byKey.get('phone2');
  const hasSecondPhone = secondPhone?.type === 'phone' && fields.some((field) => (field.key === 'phone' || field.key === 'mobile') && field.type === 'phone');
  if (secondPhone && hasSecondPhone && !fields.includes(secondPhone)) fields.push(secondPhone);
  const slotOf = new Map(fields.map((field, slot) => [field.key, slot]));
  const secondPhoneSlot = hasSecondPhone ? (slotOf.get('phone2') ?? -1) : -1;
  const zipSlot = input.country === undefined || byKey.get('zip')?.type !== 'text' ? -1 : (slotOf.get('zip') ?? -1);
  const countrySlot = slotOf.get('country') ?? -1;
  const repairPostalCode = createPostalCodeRepair(input.country ?? '');
  const phoneSlots = fields.flatMap((field, slot) => (field.type === 'phone' ? [slot] : []));
  /** The country of a record's first phone number, for a postal code without a country. */
  const phoneCountryOf = (values: ReadonlyArray<string | null>, offset: number): string | undefined => {
    for (const slot of phoneSlots) {
      const phone = values[offset + slot];
      if (phone !== null && phone !== undefined) {
        const result = input.normalisePhone(phone);
        return result.ok ? result.country : undefined;
      }
    }
    return undefined;
  };
  const required = requiredRule(input.target);
  const requiredSlots = required.fields.map((key) => slotOf.get(key)).filter((slot): slot is number => slot !== undefined);
  // A campaign of its own fields (Import & Start) may have neither name nor phone: any value makes a record.
  const isAnyValueEnough = input.target === 'campaign' && requiredSlots.length === 0;
  const dedupe = parseDedupeKey(input.dedupeKey);
  // Phone numbers compare as phone numbers whichever field holds them (Phone, Mobile …), emails as emails: their
  // normalised values are the key as they are (an E.164 number starts with +, an email holds an @, so neither can
  // be mistaken for the other or for a `field:value` part).
  const keySlots = dedupe.fields.map((key) => {
    const type = byKey.get(key)?.type;
    const kind: 'phone' | 'email' | 'other' = type === 'phone' ? 'phone' : type === 'email' ? 'email' : 'other';
    return { key, kind, slot: slotOf.get(key) };
  });
  const keyPart = (part: (typeof keySlots)[number], value: string): string =>
    part.kind === 'phone' ? value : part.kind === 'email' ? value.toLowerCase() : `${part.key}:${comparableText(value)}`;
  const isPrefixTarget = input.target === 'area-code';
  const doNotCallOf = input.isDoNotCallRejected && isCustomerTarget(input.target) ? doNotCallReader(input.mapping) : null;
  const campaignNamed = input.target === 'did' ? new Map((input.campaignNames ?? []).map((name) => [comparableText(name), name])) : null;

  const phones = createRecordPhoneReader({
    normalisePhone: input.normalisePhone,
    country: input.country,
    mapping: input.mapping,
    typeOf: (key) => byKey.get(key)?.type,
    countryCell: columns.find((column) => column.field.key === 'country' && column.joined === null)?.cell,
  });

  function normaliseValue(field: PreparationField, written: string, dateOrder: DateOrder = input.dateOrder): string | { problem: string } {
    const raw = field.type !== 'text' && field.type !== 'address' ? withoutTextMark(written) : written;
    if (isPrefixTarget && field.key === 'prefix') {
      const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
      return /^\d{1,15}$/.test(digits) ? digits : { problem: 'is not a number prefix (digits only)' };
    }
    // The dialer keeps local calling hours by an area code's time zone: one it can read, or the row fails.
    if (isPrefixTarget && field.key === 'timezone') return normaliseTimeZone(raw, input.country) ?? { problem: timeZoneProblem(raw) };
    // Calls to a DID go to its campaign: one the team has, or the row fails (inbound calls would reach no one).
    if (campaignNamed !== null && field.key === 'campaign') return campaignNamed.get(comparableText(raw)) ?? { problem: noCampaignProblem(campaignNamed) };
    switch (field.type) {
      case 'phone':
      case 'fax': {
        // A number column written out as floats (pandas, some exports): 4155550134.0 is the number 4155550134.
        const number = phones.read(field.key, withoutFloatEnding(raw));
        if (number !== null) return number;
        return SCIENTIFIC_NOTATION.test(raw)
          ? { problem: 'is a number a spreadsheet shortened to scientific notation: its digits are lost. Format the column as text, type the numbers again, and export the file again' }
          : { problem: 'is not a valid phone number' };
      }
      case 'email':
        return normaliseEmail(raw) ?? { problem: 'is not a valid email address' };
      case 'date': {
        if (field.key !== 'birthday') return normaliseDate(raw, dateOrder) ?? { problem: 'is not a date' };
        // A birthday without its year (a mailing list's `03/04`) is kept as the day it is: `--03-04`.
        const date = normaliseDate(raw, dateOrder, today) ?? normaliseYearlessDate(raw, dateOrder);
        if (date === null) return { problem: 'is not a date' };
        return date.slice(0, 10) > today ? { problem: 'is in the future: no birthday can be' } : date;
      }
      case 'number':
        return normaliseNumber(raw) ?? { problem: 'is not a number' };
      case 'text':
      case 'address':
        // NUL cannot be stored (PostgreSQL refuses it in text): it goes, the rest of the value stays.
        return raw.includes('\u0000') ? raw.replaceAll('\u0000', '') : raw;
    }
  }

  /**
   * "415-555-0136 / 415-555-0137", "a@x.com; b@y.com": a cell of several phones or e-mails, each valid on its own:
   * their values and the parts as written (the first is the field's value; a phone's second may go to phone2). Asked
   * only of a cell that failed as one value, so a number written with slashes ("030/123456") is read whole first.
   */
  function severalOf(field: PreparationField, raw: string): { values: string[]; parts: string[] } | null {
    if (field.type !== 'phone' && field.type !== 'fax' && field.type !== 'email') return null;
    const parts = raw.split(SEVERAL_SEPARATOR).filter((part) => part !== '');
    if (parts.length < 2 || parts.length > MAX_SEVERAL) return null;
    const values: string[] = [];
    for (const part of parts) {
      const result = normaliseValue(field, part);
      if (typeof result !== 'string') return null;
      values.push(result);
    }
    return { values, parts };
  }

  /**
   * Puts the second number of a Phone or Mobile cell into phone2 when the record has nothing there; the agent then
   * sees each number as written in its own field (a cell of more than two keeps them all in the first).
   */
  function spillSecondPhone(several: { values: string[]; parts: string[] }, from: PreparationField, values: Array<string | null>, offset: number, changed: Array<[string, string]>): void {
    const second = several.values.find((value) => value !== several.values[0]);
    if (second === undefined || values[offset + secondPhoneSlot] !== null) return;
    values[offset + secondPhoneSlot] = second;
    const secondAt = several.values.indexOf(second);
    if (several.parts[secondAt] !== second) changed.push(['phone2', several.parts[secondAt]!]);
    if (several.parts.length === 2) {
      const at = changed.findIndex(([key]) => key === from.key);
      if (at >= 0 && several.parts[0] === several.values[0]) changed.splice(at, 1);
      else if (at >= 0) changed[at] = [from.key, several.parts[0]!];
    }
  }

  function keyOf(values: ReadonlyArray<string | null>, offset: number): string | null {
    if (dedupe.mode === 'first') {
      for (const part of keySlots) {
        const value = part.slot === undefined ? null : values[offset + part.slot];
        if (value !== null && value !== undefined) return keyPart(part, value);
      }
      return null;
    }
    const parts: string[] = [];
    for (const part of keySlots) {
      const value = part.slot === undefined ? null : values[offset + part.slot];
      if (value === null || value === undefined) return null;
      parts.push(keyPart(part, value));
    }
    return parts.join('\u001f');
  }

  const outcome: Preparation = { isOk: false, key: null, reason: '', originals: null };
  const fail = (reason: string): Preparation => {
    outcome.isOk = false;
    outcome.key = null;
    outcome.reason = reason;
    outcome.originals = null;
    return outcome;
  };

  const columnsRead = new Set<number>(phones.columnsRead);
  for (const column of columns) for (const source of sources.get(column.field) ?? []) columnsRead.add(source.cell);
  if (doNotCallOf !== null) for (const column of doNotCallColumns(input.mapping)) columnsRead.add(column);

  return {
    fields,
    readsColumn: (column) => columnsRead.has(column),
    prepare(cells, values, offset) {
      for (let slot = 0; slot < fields.length; slot++) values[offset + slot] = null;
      let problems: string[] | null = null;
      let changed: Array<[string, string]> | null = null;
      let filled = 0;
      let spill: { several: { values: string[]; parts: string[] }; from: PreparationField } | null = null;
      phones.startRecord(cells);
      for (const column of columns) {
        const cell = column.joined ? joinedCell(cells, column.joined) : cells[column.cell];
        if (cell === undefined || cell === '') continue;
        const raw = isTrimmed(cell) ? cell : cell.trim();
        if (raw === '') continue;
        if ((column.field.type === 'text' || column.field.type === 'address') && isWrittenNull(raw)) continue;
        let result = normaliseValue(column.field, raw, column.dateOrder);
        if (typeof result !== 'string') {
          if (isNoValue(raw)) continue;
          // Invisible characters pasted with a value (a zero-width space, the direction marks of a Hebrew or Arabic
          // list around an address or a date, a soft hyphen): no part of a typed value. Looked for only on failure.
          const visible = raw.replace(INVISIBLE, '').trim();
          if (visible !== raw && visible !== '') result = normaliseValue(column.field, visible, column.dateOrder);
        }
        if (typeof result !== 'string') {
          const several = severalOf(column.field, raw);
          if (several) {
            result = several.values[0]!;
            if (secondPhoneSlot >= 0 && spill === null && column.field.type === 'phone' && column.field.key !== 'phone2') spill = { several, from: column.field };
          }
        }
        if (typeof result === 'string') {
          values[offset + column.slot] = result;
          filled += 1;
          if (result !== raw && column.field.type !== 'text' && column.field.type !== 'address') {
            // What the agent sees: the cell as the spreadsheet showed it, without Excel's text mark.
            const shown = withoutTextMark(raw);
            if (result !== shown) (changed ??= []).push([column.field.key, shown]);
          }
        } else {
          (problems ??= []).push(`column "${column.header}": "${shorten(raw)}" ${result.problem}`);
        }
      }
      if (problems) return fail(problems.join('; '));
      const mark = doNotCallOf === null ? null : doNotCallOf(cells);
      if (mark !== null) {
        return fail(`column "${mark.header}": "${shorten(mark.value)}": the list marks this customer Do Not Call, so the row is kept out as a blacklisted number is (import with blacklisted numbers allowed to keep it)`);
      }
      if (spill) spillSecondPhone(spill.several, spill.from, values, offset, (changed ??= []));
      const zip = zipSlot < 0 ? null : values[offset + zipSlot];
      if (zip !== null && zip !== undefined) {
        values[offset + zipSlot] = repairPostalCode(zip, countrySlot < 0 ? null : (values[offset + countrySlot] ?? null), () => phoneCountryOf(values, offset));
      }
      const hasRequired = isAnyValueEnough ? filled > 0 : requiredSlots.some((slot) => values[offset + slot] !== null);
      if (!hasRequired) return fail(isAnyValueEnough ? 'the record has no value in any mapped column' : required.message);
      outcome.isOk = true;
      outcome.key = keyOf(values, offset);
      outcome.reason = '';
      outcome.originals = changed && changed.length > 0 ? JSON.stringify(Object.fromEntries(changed)) : null;
      return outcome;
    },
    valueOf(record, key) {
      const slot = slotOf.get(key);
      return slot === undefined ? undefined : (record.values[slot] ?? undefined);
    },
    settleColumns(records) {
      for (const column of columns) {
        if (column.field.type === 'phone' && column.joined === null) {
          phones.settleColumn(column.field.key, records.map((cells) => withoutFloatEnding(cells[column.cell] ?? '')));
        }
        if (column.field.type !== 'date' || column.joined || dateOrderOfHeader(column.header) !== null) continue;
        const seen = new Set<DateOrder>();
        for (const cells of records) {
          const order = dateOrderOfValue(cells[column.cell] ?? '');
          if (order) seen.add(order);
        }
        if (seen.size === 1) column.dateOrder = [...seen][0]!;
      }
    },
    fieldsOf(record) {
      const map = new Map<string, string>();
      fields.forEach((field, slot) => {
        const value = record.values[slot];
        if (value !== null && value !== undefined) map.set(field.key, value);
      });
      return map;
    },
  };
}

/**
 * How the columns of a field are joined: which cells, in which order, and what goes before each but the first; for a
 * name's parts, also the cells family name first, for a name written in Chinese, Japanese or Korean letters.
 */
type JoinPlan = { cells: number[]; separators: string[]; cjkCells?: number[] };

/** A field's column, or its columns when several are joined into it (null: one). */
type MappedColumn = {
  cell: number;
  header: string;
  slot: number;
  field: PreparationField;
  joined: JoinPlan | null;
  /** How its dates are written: as its header says ("Birthday (DD/MM/YYYY)"), else in the team's order. */
  dateOrder: DateOrder;
};

/**
 * Decided once per import: a name's parts are joined given name first (family name first in a Hungarian or
 * Vietnamese list), whatever the columns' order, with spaces;
 * address lines with commas, a house number beside its street with a space ("Musterstraße 12", "12 Main St"); other
 * text with semicolons; in the file's order.
 */
function joinPlan(columns: ReadonlyArray<{ cell: number; header: string }>, field: { key: string; type: FieldType }): JoinPlan {
  const type = field.type;
  const nameParts = columns.map((column) => namePartOf(column.header));
  if (type !== 'address' && nameParts.every((part) => part !== null)) {
    const order = namePartOrder(columns.map((column) => column.header));
    const cellsIn = (ranks: Readonly<Record<NamePart, number>>) =>
      columns.map((column, index) => ({ cell: column.cell, rank: ranks[nameParts[index]!] })).sort((a, b) => a.rank - b.rank).map((entry) => entry.cell);
    const cells = cellsIn(order);
    return { cells, separators: cells.map(() => ' '), cjkCells: cellsIn(FAMILY_FIRST_ORDER) };
  }
  // Columns mapped to a person's name by hand ("Given", "Surname") are its words, in the file's order.
  const separator = PERSON_NAME_FIELDS.has(field.key) ? ' ' : '; ';
  if (type !== 'address') return { cells: columns.map((column) => column.cell), separators: columns.map(() => separator) };
  // A space before a house number, and after one before its street (not before a line that follows them).
  const parts = columns.map((column) => addressPartOf(column.header));
  const separators = parts.map((part, index) => (part === 'number' || (parts[index - 1] === 'number' && part === null) ? ' ' : ', '));
  return { cells: columns.map((column) => column.cell), separators };
}

/** The non-empty values of joined columns, joined (what goes between two is what the later one's column asks for). */
function joinedCell(cells: readonly string[], plan: JoinPlan): string {
  if (plan.cjkCells) {
    // 山田 + 太郎 → 山田太郎: family name first, no space, when every part there is is in those letters.
    let joined = '';
    for (const cell of plan.cjkCells) {
      const value = cells[cell]?.trim();
      if (!value || isWrittenNull(value)) continue;
      if (!isWrittenInCjk(value)) {
        joined = '';
        break;
      }
      joined += value;
    }
    if (joined !== '') return joined;
  }
  let joined = '';
  for (let index = 0; index < plan.cells.length; index++) {
    const value = cells[plan.cells[index] as number]?.trim();
    if (value && !isWrittenNull(value)) joined = joined === '' ? value : `${joined}${plan.separators[index]}${value}`;
  }
  return joined;
}

/** Printable ASCII at both ends (the common case): trim() would allocate for nothing. */
function isTrimmed(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
