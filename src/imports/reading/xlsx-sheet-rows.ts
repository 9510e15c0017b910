// Collects the rows of a streamed XLSX worksheet as records: each cell as the text a user sees,
// gaps filled with '', the sheet's own row numbers. Nothing is sized from the sheet's declared
// dimension or merges, so `A1:XFD1048576` costs nothing; a cell beyond maxColumns fails its row.

import { decodeOoxmlEscapes, formatIsoDateText, formatNumberCell } from './cell-text.js';
import type { SharedStrings } from './shared-string-table.js';
import type { CellError, SourceRecord } from './source-types.js';
import type { XmlHandlers } from './xml-events.js';

export type SheetCellContext = {
  sharedStrings: SharedStrings;
  styleFormats: readonly (string | undefined)[];
  isDate1904: boolean;
  maxColumns: number;
  maxCellLength: number;
};

/** SAX handlers that push each completed row onto `rows` (the caller drains it). */
export function createSheetRowCollector(context: SheetCellContext, rows: SourceRecord[]): XmlHandlers {
  let rowNumber = 0;
  let values: string[] = [];
  let problems: string[] = [];
  let cellErrors: CellError[] = [];
  let isInRow = false;
  let nextColumn = 0;
  let column = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let cellReference = '';
  let valueText = '';
  let inlineText = '';
  let isInValue = false;
  let hasValue = false;
  /** The cell's formula (shortened), or null when it has none. */
  let formula: string | null = null;
  let isInFormula = false;
  let isInInline = false;
  let isInInlineText = false;
  let phoneticDepth = 0;

  /** Where the cell at hand is, for a problem with it. */
  const place = (): string => (cellReference ? `cell ${cellReference}` : `column ${column + 1}`);

  const finishCell = (): void => {
    const text = cellText(context, cellType, cellStyle, valueText, inlineText);
    nextColumn = column + 1;
    // Excel writes a formula's last result beside it (<v>; text typed t="str", even when it is ''); a file a program
    // wrote without calculating it (openpyxl, exceljs …) has none, or an empty number, and its cell would read as
    // empty: a customer without a name.
    if (formula !== null && cellType !== 'inlineStr' && (!hasValue || (cellType === 'n' && valueText.trim() === ''))) {
      const shown = formula === '' ? '' : ` (=${formula.length > 40 ? `${formula.slice(0, 39)}…` : formula})`;
      cellErrors.push({ column, reason: `Row ${rowNumber}, ${place()}: the cell holds a formula${shown} whose result the file does not hold (the program that wrote it did not calculate it). Open the file in Excel or LibreOffice, save it, and upload it again.` });
      return;
    }
    if (text === undefined) {
      cellErrors.push({ column, reason: `Row ${rowNumber}, ${place()}: the cell refers to text number ${valueText.trim()} of the workbook's ${context.sharedStrings.size}, which it does not hold; the file is damaged.` });
      return;
    }
    if (text === '') return;
    if (column >= context.maxColumns) {
      problems.push(`Row ${rowNumber} has a value in ${place()}, beyond the limit of ${context.maxColumns} columns.`);
      return;
    }
    let stored = text;
    if (text.length > context.maxCellLength) {
      problems.push(`Row ${rowNumber}, column ${column + 1}: the value is ${text.length} characters long, more than the limit of ${context.maxCellLength}.`);
      stored = text.slice(0, context.maxCellLength);
    }
    while (values.length < column) values.push('');
    values[column] = stored;
  };

  return {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = Number(attributes['r']);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          values = [];
          problems = [];
          cellErrors = [];
          nextColumn = 0;
          isInRow = true;
          break;
        }
        case 'c': {
          cellReference = attributes['r'] ?? '';
          const fromReference = columnIndex(cellReference);
          column = fromReference < 0 ? nextColumn : fromReference;
          cellType = attributes['t'] ?? 'n';
          cellStyle = Number(attributes['s'] ?? 0);
          valueText = '';
          inlineText = '';
          hasValue = false;
          formula = null;
          break;
        }
        case 'v':
          isInValue = true;
          hasValue = true;
          break;
        case 'f':
          formula = '';
          isInFormula = true;
          break;
        case 'is':
          isInInline = true;
          break;
        case 'rPh':
          if (isInInline) phoneticDepth++;
          break;
        case 't':
          if (isInInline && phoneticDepth === 0) isInInlineText = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'row':
          if (isInRow) {
            const record: SourceRecord = problems.length === 0 ? { line: rowNumber, values } : { line: rowNumber, values, error: problems.join(' ') };
            if (cellErrors.length > 0) record.cellErrors = cellErrors;
            rows.push(record);
            isInRow = false;
          }
          break;
        case 'c':
          if (isInRow) finishCell();
          break;
        case 'v':
          isInValue = false;
          break;
        case 'f':
          isInFormula = false;
          break;
        case 'is':
          isInInline = false;
          break;
        case 'rPh':
          if (phoneticDepth > 0) phoneticDepth--;
          break;
        case 't':
          isInInlineText = false;
          break;
      }
    },
    text(text) {
      if (isInValue) valueText += text;
      else if (isInInlineText) inlineText += text;
      else if (isInFormula && formula !== null && formula.length <= 40) formula += text;
    },
  };
}

/** The text of a cell as a user sees it; undefined for a reference to a shared string the workbook does not hold. */
function cellText(context: SheetCellContext, type: string, style: number, value: string, inline: string): string | undefined {
  switch (type) {
    case 's': {
      if (value.trim() === '') return '';
      return context.sharedStrings.get(Number(value));
    }
    case 'str':
      return decodeOoxmlEscapes(value);
    case 'inlineStr':
      return decodeOoxmlEscapes(inline);
    case 'b':
      return value === '' ? '' : value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return value;
    case 'd':
      return formatIsoDateText(value);
    default: {
      if (value === '') return decodeOoxmlEscapes(inline);
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) return value;
      return formatNumberCell(number, context.styleFormats[style], context.isDate1904);
    }
  }
}

/** 0-based column of a reference like `B7` or `XFD1`; -1 when there is none. */
export function columnIndex(reference: string): number {
  let index = 0;
  let letters = 0;
  for (; letters < reference.length && letters < 4; letters++) {
    const code = reference.charCodeAt(letters) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return letters === 0 ? -1 : index - 1;
}
