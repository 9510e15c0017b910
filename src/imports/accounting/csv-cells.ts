// Cells of the CSV result files: formula-injection neutralisation, RFC 4180 quoting, and the inverse for re-imports.

/**
 * First characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"), and the line feed: a
 * lone CR in a quoted value reads as LF, and some programs drop leading line breaks before they look for a formula.
 */
const FORMULA_TRIGGERS = /^[=+\-@\t\r\n]/;

/**
 * Signed numbers that stay as they are: a sign, digits, then either one decimal part (`-12.5`) or, after `+`,
 * single-space separated digit groups (`+1 415 555 0134`). Only digits, one sign, one dot and spaces: no letters
 * (no function, reference, name or DDE), no operator after the sign, no parentheses or quotes, so no spreadsheet can
 * evaluate it to anything but the number (or a syntax error).
 */
const PLAIN_SIGNED_NUMBER = /^(?:[+-]\d+(?:\.\d+)?|\+\d+(?: \d+)+)$/;

/** Cells we prefixed: one or more apostrophes followed by a trigger (apostrophes that were in the data are kept, see below). */
const NEUTRALISED = /^'+[=+\-@\t\r\n]/;

/**
 * Prefixes `'` to a cell a spreadsheet would run as a formula, except a plain signed number (a phone like
 * `+14155550134`). A cell that already starts with apostrophes before a trigger gets one more, so that
 * stripNeutralisation gives back exactly the original.
 */
export function neutraliseFormula(cell: string): string {
  if (FORMULA_TRIGGERS.test(cell)) return PLAIN_SIGNED_NUMBER.test(cell) ? cell : `'${cell}`;
  if (NEUTRALISED.test(cell)) return `'${cell}`;
  return cell;
}

/** The inverse of neutraliseFormula, for cells of a result file we wrote that is imported again. */
export function stripNeutralisation(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or starts or ends with whitespace. */
export function quoteCsvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV record, neutralised and quoted, ending with CRLF. */
export function encodeCsvRow(cells: readonly string[]): string {
  // A lone empty cell would make an empty line, which readers skip: quote it so the record survives.
  if (cells.length === 1 && cells[0] === '') return '""\r\n';
  return `${cells.map((cell) => quoteCsvCell(neutraliseFormula(cell))).join(',')}\r\n`;
}

/** A cell that needs neither neutralising nor quoting: the common case, checked without a regular expression. */
function isPlainCell(cell: string): boolean {
  const length = cell.length;
  if (length === 0) return true;
  const first = cell.charCodeAt(0);
  // = + - @ ' and whitespace (tab, CR, space) at the start; whitespace at the end.
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 39 || first <= 32 || cell.charCodeAt(length - 1) <= 32) return false;
  for (let index = 0; index < length; index++) {
    const code = cell.charCodeAt(index);
    if (code === 44 || code === 34 || code === 10 || code === 13) return false;
  }
  return true;
}

/** One cell for a result file: neutralised, then quoted when needed. */
export function encodeCsvCell(cell: string): string {
  return isPlainCell(cell) ? cell : quoteCsvCell(neutraliseFormula(cell));
}

/** A record's cells encoded once for any result file: `head` holds the header's columns, `tail` the cells beyond them. */
export type EncodedCells = { head: string; tail: string };

export function encodeCells(values: readonly string[], headerCount: number): EncodedCells {
  const head: string[] = new Array<string>(headerCount);
  for (let index = 0; index < headerCount; index++) head[index] = encodeCsvCell(values[index] ?? '');
  let tail = '';
  for (let index = headerCount; index < values.length; index++) tail += `,${encodeCsvCell(values[index] ?? '')}`;
  // A lone empty cell would make an empty line, which readers skip: quote it so the record survives.
  return { head: headerCount === 1 && head[0] === '' && tail === '' ? '""' : head.join(','), tail };
}

/** A success-file line, from a record's encoded cells (`head` under the header, `tail` beyond it). */
export function successLine(head: string, tail: string): string {
  return `${head}${tail}\r\n`;
}

/** An error- or duplicated-file line: the file's columns, then `line` and `reason`, then any cells beyond the header. */
export function accountedLine(head: string, tail: string, line: number, reason: string): string {
  return `${head},${line},${encodeCsvCell(reason)}${tail}\r\n`;
}
