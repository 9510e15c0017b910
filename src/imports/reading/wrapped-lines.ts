// Lines an exporter quoted whole: `"Ann Lee,415-555-0134,ann@example.com"`, the CSV text of each record written again
// as one quoted value (its own quotes doubled). Read as written, every record is one column and the header one name;
// each such record is split once more, as the CSV line it holds.

import Papa from 'papaparse';
import { tooManyColumnsMessage } from './csv-record-splitter.js';
import type { SourceRecord } from './source-types.js';

const WRAPPED_LINE = /^"(?:[^"]|"")*"$/;
const LINES_TO_CHECK = 50;

/**
 * The lines of a sample with their outer quotes taken off, when every one of them (at least two, the header with a
 * delimiter in it) is a line quoted whole; else null. `isWholeFile`: the sample's last line is whole too.
 */
export function unwrappedSample(sample: string, candidates: readonly string[], isWholeFile: boolean): string | null {
  const lines = sample.split(/\r\n|\n|\r/);
  if (!isWholeFile) lines.pop();
  const filled = lines.map((line) => line.trim()).filter((line) => line !== '').slice(0, LINES_TO_CHECK);
  if (filled.length < 2 || !filled.every((line) => WRAPPED_LINE.test(line))) return null;
  const inner = filled.map((line) => line.slice(1, -1).replaceAll('""', '"'));
  if (!candidates.some((delimiter) => inner[0]!.includes(delimiter))) return null;
  return inner.join('\n');
}

/** Whether the unwrapped lines split by `delimiter` into columns: the header into two or more, most lines as many. */
export function isSplitByDelimiter(unwrapped: string, delimiter: string): boolean {
  const rows = Papa.parse<string[]>(unwrapped, { delimiter, quoteChar: '"', newline: '\n', skipEmptyLines: true }).data;
  const width = rows[0]?.length ?? 0;
  return width >= 2 && rows.filter((row) => row.length === width).length * 2 > rows.length;
}

/** Splits a record that is one value holding a CSV line into that line's values (others are left as they are). */
export function createRecordUnwrapper(delimiter: string, maxColumns: number): (record: SourceRecord) => SourceRecord {
  return (record) => {
    if (record.error !== undefined || record.values.length !== 1) return record;
    const parsed = Papa.parse<string[]>(record.values[0]!, { delimiter, quoteChar: '"', newline: '\n' });
    const values = parsed.data[0];
    if (parsed.data.length !== 1 || parsed.errors.length > 0 || values === undefined) return record;
    if (values.length > maxColumns) return { line: record.line, values: [], error: tooManyColumnsMessage(record.line, values.length, maxColumns) };
    return { line: record.line, values };
  };
}
