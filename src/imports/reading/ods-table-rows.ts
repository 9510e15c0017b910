// Collects the rows of one table of a streamed ODS content.xml as records: each cell as the text a
// user sees, repeated cells and rows expanded only where they hold something (a sheet ends with a
// million repeated empty rows), covered (merged) cells kept as empty positions, annotations left
// out, formulas giving their cached value and never evaluated.

import { formatDaysSince, formatGeneralNumber, formatIsoDateText } from './cell-text.js';
import type { CellError, SourceRecord } from './source-types.js';
import type { XmlHandlers } from './xml-events.js';

export type OdsCellContext = {
  /** Which top-level table to collect, by position. */
  tableIndex: number;
  temporalStyles: ReadonlyMap<string, 'date' | 'datetime' | 'time'>;
  /** Day 0 of numbers shown as dates, UTC ms. */
  nullDate: number;
  maxColumns: number;
  maxCellLength: number;
};

export type OdsRowCollector = XmlHandlers & {
  /** Whether the chosen table has been read to its end. */
  isDone(): boolean;
};

/** Empty rows between rows with values are reported (and counted as skipped), at most this many per element. */
const MAX_EMPTY_ROWS_PER_ELEMENT = 1_000;
/** A row with values repeated more often than this is refused, not expanded (it would be a bomb). */
const MAX_REPEATED_ROWS = 10_000;

/** SAX handlers that push each completed row of the chosen table onto `rows` (the caller drains it). */
export function createOdsRowCollector(context: OdsCellContext, rows: SourceRecord[]): OdsRowCollector {
  let tableDepth = 0;
  let tablesSeen = 0;
  let isInTable = false;
  let isDone = false;
  let rowNumber = 0;
  let rowRepeat = 1;
  let values: string[] = [];
  let problems: string[] = [];
  /** The row's formulas without a result: their column and formula as shown (the reason names each repeated row). */
  let lostFormulas: Array<{ column: number; shown: string }> = [];
  let column = 0;
  let cell: { attributes: Record<string, string>; repeat: number } | null = null;
  let paragraphs: string[] = [];
  let text = '';
  let paragraphDepth = 0;
  let ignoredDepth = 0;
  /** Empty rows seen since the last row with a value: reported only if a value follows. */
  let pendingEmptyRows: number[] = [];

  const finishCell = (): void => {
    if (!cell) return;
    const { attributes, repeat } = cell;
    cell = null;
    const value = cellText(attributes, paragraphs, context);
    // LibreOffice writes a formula's last result as the cell's value and text; a file a program wrote without
    // calculating it (odfpy and the libraries on it) has neither, and the cell would read as empty.
    const formula = attributes['table:formula'];
    if (value === '' && formula !== undefined && attributes['office:value-type'] === undefined) {
      // OpenFormula's references ([.A2], [.D4:.D5]) as a spreadsheet shows them (A2, D4:D5).
      const shown = formula.replace(/^[a-z]+:=?/, '').replace(/\[\.([^\]]+)\]/g, (_, reference: string) => reference.replace(/:\./g, ':'));
      for (let i = 0; i < repeat && column + i < context.maxColumns; i++) lostFormulas.push({ column: column + i, shown });
      column += repeat;
      return;
    }
    if (value === '') {
      column += repeat;
      return;
    }
    for (let i = 0; i < repeat; i++, column++) {
      if (column >= context.maxColumns) {
        problems.push(`Row ${rowNumber} has a value in column ${column + 1}, beyond the limit of ${context.maxColumns} columns.`);
        column += repeat - i;
        return;
      }
      let stored = value;
      if (value.length > context.maxCellLength) {
        problems.push(`Row ${rowNumber}, column ${column + 1}: the value is ${value.length} characters long, more than the limit of ${context.maxCellLength}.`);
        stored = value.slice(0, context.maxCellLength);
      }
      while (values.length < column) values.push('');
      values[column] = stored;
    }
  };

  const finishRow = (): void => {
    if (values.length === 0 && problems.length === 0 && lostFormulas.length === 0) {
      for (let i = 0; i < Math.min(rowRepeat, MAX_EMPTY_ROWS_PER_ELEMENT); i++) pendingEmptyRows.push(rowNumber + i);
      rowNumber += rowRepeat - 1;
      return;
    }
    for (const line of pendingEmptyRows) rows.push({ line, values: [] });
    pendingEmptyRows = [];
    if (rowRepeat > MAX_REPEATED_ROWS) {
      rows.push({ line: rowNumber, values, error: `Row ${rowNumber} is repeated ${rowRepeat.toLocaleString('en-US')} times, more than the ${MAX_REPEATED_ROWS.toLocaleString('en-US')} a row may be; it was not read.` });
      rowNumber += rowRepeat - 1;
      return;
    }
    for (let i = 0; i < rowRepeat; i++) {
      const line = rowNumber + i;
      const record: SourceRecord = problems.length === 0 ? { line, values: i === 0 ? values : [...values] } : { line, values: [...values], error: problems.join(' ') };
      if (lostFormulas.length > 0) record.cellErrors = lostFormulas.map(({ column, shown }) => lostFormulaError(line, column, shown));
      rows.push(record);
    }
    rowNumber += rowRepeat - 1;
  };

  return {
    isDone: () => isDone,
    open(name, attributes) {
      if (name === 'table') {
        if (tableDepth === 0) {
          isInTable = tablesSeen === context.tableIndex;
          tablesSeen++;
        }
        tableDepth++;
        return;
      }
      if (!isInTable || tableDepth !== 1) return;
      if (ignoredDepth > 0) {
        ignoredDepth++;
        return;
      }
      switch (name) {
        case 'table-row':
          rowNumber++;
          rowRepeat = repeatCount(attributes['table:number-rows-repeated']);
          values = [];
          problems = [];
          lostFormulas = [];
          column = 0;
          break;
        case 'table-cell':
        case 'covered-table-cell':
          cell = { attributes, repeat: repeatCount(attributes['table:number-columns-repeated']) };
          paragraphs = [];
          break;
        case 'annotation':
        case 'frame':
          // Comments and drawings hold text:p too; they are not the cell's value.
          ignoredDepth = 1;
          break;
        case 'p':
        case 'h':
          if (cell) {
            if (paragraphDepth === 0) text = '';
            paragraphDepth++;
          }
          break;
        case 's':
          if (paragraphDepth > 0) text += ' '.repeat(Math.min(repeatCount(attributes['text:c']), 1_000));
          break;
        case 'tab':
          if (paragraphDepth > 0) text += '\t';
          break;
        case 'line-break':
          if (paragraphDepth > 0) text += '\n';
          break;
      }
    },
    close(name) {
      if (name === 'table') {
        tableDepth--;
        if (tableDepth === 0 && isInTable) {
          isInTable = false;
          isDone = true;
        }
        return;
      }
      if (!isInTable || tableDepth !== 1) return;
      if (ignoredDepth > 0) {
        ignoredDepth--;
        return;
      }
      switch (name) {
        case 'table-row':
          finishCell();
          finishRow();
          break;
        case 'table-cell':
        case 'covered-table-cell':
          finishCell();
          break;
        case 'p':
        case 'h':
          if (paragraphDepth > 0) {
            paragraphDepth--;
            if (paragraphDepth === 0) paragraphs.push(text);
          }
          break;
      }
    },
    text(chunk) {
      if (isInTable && ignoredDepth === 0 && paragraphDepth > 0) text += chunk;
    },
  };
}

function lostFormulaError(line: number, column: number, shown: string): CellError {
  const formula = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
  return { column, reason: `Row ${line}, column ${column + 1}: the cell holds a formula (=${formula}) whose result the file does not hold (the program that wrote it did not calculate it). Open the file in LibreOffice or Excel, save it, and upload it again.` };
}

function repeatCount(value: string | undefined): number {
  const count = Number(value ?? 1);
  return Number.isInteger(count) && count > 0 ? count : 1;
}

/** The text of a cell, by its value type (ODF 19.387): the stored value, not a recomputed formula. */
function cellText(attributes: Record<string, string>, paragraphs: readonly string[], context: OdsCellContext): string {
  const shown = paragraphs.join('\n');
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = Number(attributes['office:value']);
      if (attributes['office:value'] === undefined || !Number.isFinite(value)) return shown;
      const temporal = context.temporalStyles.get(attributes['table:style-name'] ?? '');
      if (temporal !== undefined && Math.abs(value) < 3_000_000) {
        return formatDaysSince(context.nullDate, value, temporal !== 'time', temporal !== 'date');
      }
      // The stored value, not the shown text: that is written in the author's locale ("200,00%",
      // "-£10.000") and may carry float noise or an exponent. Only leading zeros that a number
      // format adds ("00501") are kept as shown.
      if (attributes['office:value-type'] === 'percentage') return `${formatGeneralNumber(value * 100)}%`;
      if (/^-?0\d/.test(shown) && Number(shown) === value) return shown;
      return formatGeneralNumber(value);
    }
    case 'date':
      return attributes['office:date-value'] === undefined ? shown : formatIsoDateText(attributes['office:date-value']);
    case 'time':
      return formatDuration(attributes['office:time-value']) ?? shown;
    case 'boolean': {
      const value = attributes['office:boolean-value'];
      return value === undefined ? shown : value === 'true' || value === '1' ? 'TRUE' : 'FALSE';
    }
    case 'string':
      return attributes['office:string-value'] ?? shown;
    default:
      return shown;
  }
}

/** `PT13H05M09S` (an ISO 8601 duration, as ODS stores times) as `13:05:09`. */
function formatDuration(value: string | undefined): string | undefined {
  const match = /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value ?? '');
  if (!match) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const totalHours = Number(days) * 24 + Number(hours);
  const wholeSeconds = Math.round(Number(seconds));
  return `${String(totalHours).padStart(2, '0')}:${minutes.padStart(2, '0')}:${String(wholeSeconds).padStart(2, '0')}`;
}
