// The preview of a file: how it will be read and its first records, reading only its head.

import { openSource } from './open-source.js';
import type { Preview, ReadOptions } from './source-types.js';

export const PREVIEW_RECORDS = 10;

/** Visible sheets after the first that are looked at for a list, at most. */
const MAX_SHEETS_LOOKED_AT = 10;

/**
 * The first 10 records after skip-top and the header row; a big CSV is read only at its head.
 *
 * A workbook read without a sheet named is read from its first visible sheet, unless that one does not look like a
 * list (`listScore` 0: a template's instructions, a cover page) and a later visible sheet does: then from the one
 * that looks most like one (the most columns it knows; the first of equals), so that a sheet of drop-down values
 * ("Country") loses to the list beside it. Whoever imports the file reads the sheet this preview names.
 */
export async function previewSource(path: string, options: ReadOptions = {}, listScore?: (preview: Preview) => number): Promise<Preview> {
  const first = await previewSheet(path, options);
  if (!listScore || options.sheet !== undefined || first.sheets.length < 2 || listScore(first) > 0) return first;
  let best = first;
  let bestScore = 0;
  const others = first.sheets.filter((sheet) => sheet !== first.sheet && !first.hiddenSheets.includes(sheet)).slice(0, MAX_SHEETS_LOOKED_AT);
  for (const sheet of others) {
    // A sheet that cannot be read (too many columns, say) is no better a choice.
    const other = await previewSheet(path, { ...options, sheet }).catch(() => null);
    const score = other ? listScore(other) : 0;
    if (other && score > bestScore) [best, bestScore] = [other, score];
  }
  return best;
}

async function previewSheet(path: string, options: ReadOptions): Promise<Preview> {
  const source = await openSource(path, { ...options, recordsWanted: PREVIEW_RECORDS });
  try {
    const rows: string[][] = [];
    const problems: Preview['problems'] = [];
    for await (const batch of source.batches(PREVIEW_RECORDS)) {
      for (const record of batch) {
        if (record.error !== undefined) problems.push({ row: rows.length, line: record.line, reason: record.error });
        else if (record.cellErrors !== undefined) {
          problems.push({ row: rows.length, line: record.line, reason: record.cellErrors.map((cell) => cell.reason).join(' '), columns: record.cellErrors.map((cell) => cell.column) });
        }
        rows.push(record.values);
      }
      break;
    }
    return {
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheets: source.sheets,
      hiddenSheets: source.hiddenSheets,
      sheet: source.sheet,
      headers: source.headers,
      rows,
      problems,
    };
  } finally {
    await source.close();
  }
}
