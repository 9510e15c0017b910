// A fixed-width text file, as reports and older systems print a list: no delimiter, each column padded with spaces
// to the same place on every line ("Name      Phone         City"). Its columns are where every line of the head has a
// space before text starts again; each line is cut there. Only for text that no delimiter splits (delimiter-sniffing.ts).

import type { SourceRecord } from './source-types.js';

const SAMPLE_LINES = 200;
const MIN_LINES = 3;

/**
 * The offsets where the columns of a fixed-width head start (0 first), or null when it is no such text: at least three
 * lines, no tab, and at least two columns, between which every line has spaces, two or more of them in one place
 * at least (names of one word each, "Ann Lee" over "Bob Ray", are one column with a space in it).
 */
export function fixedWidthColumns(sample: string, isWholeFile: boolean): number[] | null {
  const lines = sample.split(/\r\n|\n|\r/);
  if (!isWholeFile) lines.pop(); // the last line of a head may be cut short
  const filled = lines.filter((line) => line.trim() !== '').slice(0, SAMPLE_LINES);
  if (filled.length < MIN_LINES || filled.some((line) => line.includes('\t'))) return null;
  const width = Math.max(...filled.map((line) => line.length));
  const isBlank: boolean[] = [];
  for (let at = 0; at < width; at++) isBlank.push(filled.every((line) => at >= line.length || line[at] === ' '));
  const starts: number[] = [];
  let widestGutter = 0;
  let gutter = 0;
  for (let at = 0; at < width; at++) {
    if (isBlank[at]) {
      gutter += 1;
      continue;
    }
    if (starts.length === 0 || gutter > 0) {
      if (starts.length > 0) widestGutter = Math.max(widestGutter, gutter);
      starts.push(at);
    }
    gutter = 0;
  }
  // Every column must hold text on most lines, as a table's columns do; a space that happens to line up does not.
  if (starts.length < 2 || widestGutter < 2) return null;
  const columns = starts.map((start, index) => filled.filter((line) => line.slice(start, starts[index + 1] ?? line.length).trim() !== '').length);
  return columns.every((count) => count * 2 >= filled.length) ? starts : null;
}

/**
 * Cuts each line (a record of one value, read with a delimiter no line holds) at the columns' offsets, trimmed; a
 * value wider than its column in a line below the head goes on into the next column's, as the file has it.
 */
export function createFixedWidthSplitter(starts: readonly number[], maxColumns: number): (record: SourceRecord) => SourceRecord {
  return (record) => {
    if (record.error !== undefined || record.values.length !== 1) return record;
    const line = record.values[0] as string;
    const values: string[] = [];
    for (let index = 0; index < starts.length && index < maxColumns; index++) {
      // The first column from the line's start: a later line may begin further left than the head's lines did.
      const start = index === 0 ? 0 : (starts[index] as number);
      if (start >= line.length) break;
      values.push(line.slice(start, starts[index + 1] ?? line.length).trim());
    }
    return { ...record, values: values.length === 0 ? [''] : values };
  };
}
