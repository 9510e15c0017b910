// What the workbook readers (XLSX, ODS, XLS) share: choosing the sheet to read, and streaming a sheet's XML part
// into rows as it inflates (or as it is read, for a workbook that is one XML file).

import { AppError } from '../../shared/app-error.js';
import type { SourceRecord } from './source-types.js';
import { createXmlFeeder, type XmlHandlers } from './xml-events.js';

/** The sheet named `wanted` (exactly, else ignoring case and outer spaces), or by default the first visible one. */
export function chooseSheet<Sheet extends { name: string; isHidden: boolean }>(file: string, sheets: readonly Sheet[], wanted: string | undefined): Sheet {
  const chosen = wanted === undefined
    ? (sheets.find((sheet) => !sheet.isHidden) ?? sheets[0])
    : (sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (chosen) return chosen;
  if (wanted === undefined) throw new AppError('FILE_EMPTY', `'${file}' has no sheet to read.`, { file });
  const names = sheets.map((sheet) => sheet.name);
  throw new AppError('SHEET_NOT_FOUND', `'${file}' has no sheet named '${wanted}'. Its sheets are: ${names.map((name) => `'${name}'`).join(', ')}.`, { file, sheets: names });
}

/**
 * Parses an XML part (a zip entry, or a whole file) with a row collector as it inflates or is read, yielding the rows collected after each chunk (the
 * collector pushes onto the array it is given; they are handed over and the array emptied in place). Stops early
 * once the collector says it is done. `onInflated` is told the bytes of each chunk.
 */
export async function* streamPartRows(
  chunks: () => AsyncIterable<Buffer>,
  file: string,
  part: string,
  createCollector: (rows: SourceRecord[]) => XmlHandlers & { isDone?(): boolean },
  onInflated: (bytes: number) => void,
): AsyncGenerator<SourceRecord[]> {
  const rows: SourceRecord[] = [];
  const collector = createCollector(rows);
  const feeder = createXmlFeeder(file, part, collector);
  for await (const chunk of chunks()) {
    feeder.write(chunk);
    onInflated(chunk.length);
    if (rows.length > 0) yield rows.splice(0);
    if (collector.isDone?.()) return;
  }
  feeder.end();
  if (rows.length > 0) yield rows.splice(0);
}
