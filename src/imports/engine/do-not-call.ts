// A customer list exported from a CRM often says itself whom not to call: Salesforce's and HubSpot's "Do Not Call",
// a dialer's "DNC" column, or Vicidial's status `DNC`. A customer so marked is kept out of the table as a blacklisted number is (the import's
// blacklist option: rejected by default, imported with `allow`), so that no campaign dials them.
import { normaliseHeader } from '../mapping/header-normalisation.js';

const DO_NOT_CALL_HEADERS: ReadonlySet<string> = new Set(
  [
    'Do Not Call', 'DoNotCall', 'DNC', 'DNC Flag', 'Do Not Call Flag', 'DNC Status', 'Do Not Call Status', 'On DNC',
    'Do Not Phone', 'Do Not Contact', 'No Call', 'No Calls', 'Phone Opt Out', 'Call Opt Out', 'Calls Opt Out',
    'Opted Out of Calls', 'Has Opted Out of Calls', 'No Llamar', 'No Contactar', 'Ne Pas Appeler', 'Nicht Anrufen',
    '免打扰', '勿扰', '拒绝来电', '禁止呼叫', '禁止外呼', '不要来电', '電話不可',
  ].map(normaliseHeader),
);

/** What a flag column holds for "not marked": empty, or one of these (anything else marks the customer). */
const NOT_MARKED: ReadonlySet<string> = new Set([
  'false', 'no', 'n', '0', 'off', 'none', '-', 'unchecked', 'f', 'non', 'nein', 'nee', '否', '不', '无', '無', 'いいえ',
]);

/** Columns of a call's or lead's status (Vicidial's `status`, a CRM's "Lead Status", a dialer's "Disposition"). */
const STATUS_HEADERS: ReadonlySet<string> = new Set(
  ['Status', 'Lead Status', 'Call Status', 'Contact Status', 'Disposition', 'Last Disposition', 'Call Disposition', 'Dispo', 'Call Result', 'Outcome'].map(normaliseHeader),
);
/** The statuses that say "do not call": Vicidial's `DNC` and `DNCL` (its own and the national list's), spelt out. */
const DO_NOT_CALL_STATUSES: ReadonlySet<string> = new Set(['dnc', 'dncl', 'do not call', 'do-not-call', 'donotcall', 'do_not_call']);

/** Where a list marks a customer not to call: its Do Not Call column, or a status column's `DNC`. */
export type DoNotCallMark = { header: string; value: string };

/**
 * Reads a record's mark, if the list has a column for it: a Do Not Call column marks by any value but a plain no
 * (isMarkedDoNotCall), a status column only by a Do Not Call status. Null when the list has neither.
 */
export function doNotCallReader(columns: ReadonlyArray<{ index: number; header: string }>): ((cells: readonly string[]) => DoNotCallMark | null) | null {
  const { flag, statuses } = doNotCallSources(columns);
  if (flag === null && statuses.length === 0) return null;
  return (cells) => {
    if (flag !== null) {
      const marked = cells[flag.cell];
      if (marked !== undefined && isMarkedDoNotCall(marked)) return { header: flag.header, value: marked.trim() };
    }
    for (const status of statuses) {
      const value = cells[status.index];
      if (value !== undefined && DO_NOT_CALL_STATUSES.has(value.trim().toLowerCase())) return { header: status.header, value: value.trim() };
    }
    return null;
  };
}

/** The columns doNotCallReader reads: the Do Not Call column and the status columns. */
export function doNotCallColumns(columns: ReadonlyArray<{ index: number; header: string }>): number[] {
  const { flag, statuses } = doNotCallSources(columns);
  return [...(flag === null ? [] : [flag.cell]), ...statuses.map((column) => column.index)];
}

/** A list's Do Not Call column, if any, and its status columns. */
function doNotCallSources<T extends { index: number; header: string }>(columns: ReadonlyArray<T>): { flag: { cell: number; header: string } | null; statuses: T[] } {
  return { flag: doNotCallColumn(columns), statuses: columns.filter((column) => STATUS_HEADERS.has(normaliseHeader(column.header))) };
}

/**
 * The column a list marks customers not to call in, to say so before the import: its Do Not Call column, else a status
 * column that says `DNC` in one of the records shown (`rows`, in column order).
 */
export function doNotCallColumnShown(columns: ReadonlyArray<{ index: number; header: string }>, rows: ReadonlyArray<readonly string[]>): string | null {
  const flag = doNotCallColumn(columns);
  if (flag !== null) return flag.header;
  const read = doNotCallReader(columns);
  if (read === null) return null;
  for (const row of rows) {
    const mark = read(row);
    if (mark !== null) return mark.header;
  }
  return null;
}

/** The column of a list that marks the customers not to call, if it has one (by its header). */
export function doNotCallColumn(columns: ReadonlyArray<{ index: number; header: string }>): { cell: number; header: string } | null {
  const column = columns.find((candidate) => DO_NOT_CALL_HEADERS.has(normaliseHeader(candidate.header)));
  return column ? { cell: column.index, header: column.header } : null;
}

/**
 * Whether a cell of that column marks the customer: any value but an empty one or a plain "no" ("Yes", "TRUE", "1",
 * "X", a date, "requested by customer"): when in doubt, the customer is not called.
 */
export function isMarkedDoNotCall(value: string): boolean {
  const text = value.trim().toLowerCase();
  return text !== '' && !NOT_MARKED.has(text);
}
