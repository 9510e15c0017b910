// How a record's phone numbers are read: as the team's country reads them, and with what the record says of where
// they are (its Country cell, a column of calling codes or of area codes beside them) and what a column's first
// records say of its form (international numbers without their "+"). Runs once per phone cell: what a column or a
// cell's text decides is worked out once and kept.
import { createPhoneNormaliser, isWrittenAsAtHome, type PhoneNormaliser } from '../../phones/phone-normalisation.js';
import { countryNamed } from '../../phones/country-names.js';
import { isAreaCodeHeader, readAreaCodeCell, withAreaCode } from '../mapping/area-code-columns.js';
import { isCallingCodeHeader, readCallingCodeCell, withCallingCode, type CallingCodeCell } from '../mapping/calling-codes.js';
import { countryOfPhoneHeader } from '../mapping/phone-header-country.js';
import type { ColumnMapping } from '../import-options.js';
import { isGeneratedHeaderName } from '../reading/header-names.js';
import type { FieldType } from '../targets.js';
import { isNoValue } from './value-normalisation.js';

export type RecordPhoneReader = {
  /** Takes in a record's cells before its numbers are read. */
  startRecord(cells: readonly string[]): void;
  /** The E.164 number a phone field's cell holds (floats written out already dropped), or null when it holds none. */
  read(fieldKey: string, written: string): string | null;
  /** Settles from a phone column's first values whether it holds international numbers without their "+". */
  settleColumn(fieldKey: string, values: readonly string[]): void;
  /** The columns it reads besides the phone fields' own (a calling-code or area-code column). */
  columnsRead: readonly number[];
};

/** An international number's digits without its "+": 8 to 15 digits, never a national prefix's 0 first. */
const WITHOUT_PLUS = /^[1-9]\d{7,14}$/;
/** What a cache keyed by cell text holds at most: a column of free text has as many texts as records. */
const MAX_CACHED_CELLS = 10_000;

export function createRecordPhoneReader(input: {
  normalisePhone: PhoneNormaliser;
  /** The team's country. Without it, numbers are read as normalisePhone reads them and nothing more. */
  country?: string;
  mapping: readonly ColumnMapping[];
  typeOf(fieldKey: string): FieldType | undefined;
  /** The cell of the column mapped to the customer's country, if one alone is. */
  countryCell?: number;
}): RecordPhoneReader {
  const team = input.normalisePhone;
  const teamCountry = input.country?.toUpperCase();
  const isPhoneColumn = (column: ColumnMapping) => column.field !== null && input.typeOf(column.field) === 'phone';
  const hasCountry = input.country !== undefined;

  // A record's own country (its Country cell: "Mexico", "MX", "Deutschland") reads its numbers written the national
  // way ("55 1234 5678" is +52 55 1234 5678 in Mexico, not +1 551 234 5678 in New Jersey).
  const countryCell = hasCountry ? input.countryCell : undefined;
  // A column of calling codes beside the numbers ("Country Code" +971, "Mobile" 50 123 4567): each number is read
  // with its row's code first; a country named there instead ("AE", "UAE") is the record's country.
  const callingCodeColumn = hasCountry ? input.mapping.find((column) => isCallingCodeHeader(column.header) && !isPhoneColumn(column)) : undefined;
  // A column of area codes beside local numbers ("Area Code" 415, "Phone" 555-0134; Brazil's "DDD"; "Vorwahl"); in a
  // list without a header (the US Do Not Call registry's "201,2000001"), the column left of the numbers.
  const areaCodeColumn = !hasCountry
    ? undefined
    : (input.mapping.find((column) => isAreaCodeHeader(column.header) && !isPhoneColumn(column)) ??
      input.mapping.find((column) => column.field === null && isGeneratedHeaderName(column.header) &&
        input.mapping.some((next) => next.index === column.index + 1 && isGeneratedHeaderName(next.header) && isPhoneColumn(next))));
  /** Phone fields whose column holds international numbers without their "+" (settleColumn). */
  const withoutPlusFields = new Set<string>();

  const normaliserByCell = new Map<string, PhoneNormaliser>();
  const normaliserByCountry = new Map<string, PhoneNormaliser>();
  const normaliserOfCountry = (country: string): PhoneNormaliser => {
    const normaliser = normaliserByCountry.get(country) ?? createPhoneNormaliser(country);
    normaliserByCountry.set(country, normaliser);
    return normaliser;
  };
  // A phone column named for a country ("UK Mobile", "Phone (Mexico)") reads its numbers as that country's first.
  const columnCountry = new Map<string, PhoneNormaliser>();
  for (const column of input.mapping) {
    if (!hasCountry || !isPhoneColumn(column) || column.field === null || columnCountry.has(column.field)) continue;
    const country = countryOfPhoneHeader(column.header);
    if (country !== null && country !== teamCountry) columnCountry.set(column.field, normaliserOfCountry(country));
  }
  /** The normaliser of the country a cell names; the team's when it names none, or the team's. */
  const normaliserOf = (cell: string | undefined): PhoneNormaliser => {
    if (cell === undefined || cell === '') return team;
    let normaliser = normaliserByCell.get(cell);
    if (normaliser === undefined) {
      // "NA" is Namibia's code, and what lists write for no country.
      const country = isNoValue(cell) ? null : countryNamed(cell);
      normaliser = country === null || country === teamCountry ? team : normaliserOfCountry(country);
      if (normaliserByCell.size < MAX_CACHED_CELLS) normaliserByCell.set(cell, normaliser);
    }
    return normaliser;
  };
  const callingCodeByCell = new Map<string, CallingCodeCell>();
  const callingCodeOf = (cell: string): CallingCodeCell => {
    let read = callingCodeByCell.get(cell);
    if (read === undefined) {
      read = readCallingCodeCell(cell);
      if (callingCodeByCell.size < MAX_CACHED_CELLS) callingCodeByCell.set(cell, read);
    }
    return read;
  };

  let recordPhone: PhoneNormaliser = team;
  let recordCallingCode: string | null = null;
  let recordAreaCode: string | null = null;

  /** A number as the record's country reads it, else as the team's; null when neither can. */
  function readNationally(written: string): string | null {
    const result = recordPhone(written);
    if (recordPhone !== team) {
      // The team's reading when the number is no number of the record's country, or is one only as it is not
      // written there (a US number "(415) 555-0135" of a customer in Germany, no German's "04155 550135").
      const teamReading = team(written);
      if (teamReading.ok && (!result.ok || (teamReading.e164 !== result.e164 && !isWrittenAsAtHome(written, result.e164)))) return teamReading.e164;
    }
    return result.ok ? result.e164 : null;
  }

  return {
    columnsRead: [callingCodeColumn, areaCodeColumn].flatMap((column) => (column === undefined ? [] : [column.index])),
    startRecord(cells) {
      recordPhone = countryCell === undefined ? team : normaliserOf(cells[countryCell]);
      recordCallingCode = null;
      recordAreaCode = areaCodeColumn === undefined ? null : readAreaCodeCell(cells[areaCodeColumn.index] ?? '');
      const code = callingCodeColumn === undefined ? null : callingCodeOf((cells[callingCodeColumn.index] ?? '').trim());
      if (code !== null && 'code' in code) recordCallingCode = code.code;
      else if (code !== null) recordPhone = normaliserOf(code.country);
    },

    read(fieldKey, written) {
      if (recordCallingCode !== null) {
        for (const reading of withCallingCode(written, recordCallingCode)) {
          const result = team(reading);
          if (result.ok) return result.e164;
        }
      }
      const named = columnCountry.get(fieldKey);
      if (named !== undefined) {
        const result = named(written);
        if (result.ok) return result.e164;
      }
      if (recordAreaCode !== null) {
        // The row's area code before a local number ("555-0134" beside 415), when that makes a valid number; else
        // the number as written (one that holds its area code already is too long with it again).
        const local = withAreaCode(written, recordAreaCode);
        const number = local === null ? null : readNationally(local);
        if (number !== null) return number;
      }
      const number = readNationally(written);
      if (number !== null || !withoutPlusFields.has(fieldKey) || !WITHOUT_PLUS.test(written.trim())) return number;
      const international = team(`+${written.trim()}`);
      return international.ok ? international.e164 : null;
    },

    /**
     * A column holds international numbers without their "+" when its first values show two or more (or the only
     * one) that are no number of the team's country but are one with a "+", more than half of those that are none of
     * the team's: a typing slip that happens to be a number abroad does not make a column so.
     */
    settleColumn(fieldKey, values) {
      let failing = 0;
      let explained = 0;
      let filled = 0;
      for (const value of values) {
        const text = value.trim();
        if (text === '' || isNoValue(text)) continue;
        filled += 1;
        if (team(text).ok) continue;
        failing += 1;
        if (WITHOUT_PLUS.test(text) && team(`+${text}`).ok) explained += 1;
      }
      if (explained > 0 && explained * 2 > failing && (explained >= 2 || filled <= 2)) withoutPlusFields.add(fieldKey);
    },
  };
}
