// Picks a CSV's delimiter among comma, semicolon, tab and pipe: the one that splits the first
// records of a sample into the most consistent number of fields; else among the rarer ones older systems write.

import { CsvRecordSplitter } from './csv-record-splitter.js';

export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Delimiters of older systems' exports (mainframes, healthcare and billing systems: `~`, `^`), tried only when none of
 * the usual ones splits the text, and taken only when they split the first record and nearly every other alike: a list
 * of one column may hold a `~` of its own. Not `:`, which a list of one column holds in every line as often as not
 * ("Tel: 415-555-0134", "10:30", "https://…").
 */
const RARE_DELIMITERS = ['~', '^'] as const;
const RARE_DELIMITER_CONSISTENCY = 0.9;

const RECORDS_TO_SAMPLE = 200;

/**
 * Excel's delimiter line: a first line `sep=;` (any one character after the `=`, sometimes quoted by the program
 * that wrote it) says which delimiter the file uses, and is not a record. Excel writes and reads it; a file
 * exported "for Excel" from many systems starts with it.
 */
const SEPARATOR_LINE = /^\uFEFF?(?:"sep=([^"\r\n])"|sep=([^"\r\n]))[ \t]*(?:\r\n|\n|\r)/i;

/** The delimiter a decoded file's first line names (`sep=;`), or null when it has no such line. */
export function declaredDelimiter(head: string): string | null {
  const match = SEPARATOR_LINE.exec(head);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Sniffs the delimiter of decoded text; `preferred` (e.g. tab for .tsv) wins ties. */
export function sniffDelimiter(sample: string, preferred?: string, isWholeFile = false): string {
  const candidates = preferred === undefined
    ? [...CANDIDATE_DELIMITERS]
    : [preferred, ...CANDIDATE_DELIMITERS.filter((d) => d !== preferred)];
  let best = preferred ?? ',';
  let bestScore = 0;
  for (const delimiter of candidates) {
    const score = scoreDelimiter(sample, delimiter, isWholeFile).score;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  if (bestScore > 0) return best;
  for (const delimiter of RARE_DELIMITERS) {
    const { score, consistency, isFirstAlike } = scoreDelimiter(sample, delimiter, isWholeFile);
    if (isFirstAlike && consistency >= RARE_DELIMITER_CONSISTENCY && score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Whether `delimiter` splits most records of a sample into columns (a comma in one name of a report does not). */
export function splitsRecords(sample: string, delimiter: string, isWholeFile: boolean): boolean {
  const counts = fieldCounts(sample, delimiter, isWholeFile);
  return counts.filter((count) => count > 1).length * 2 > counts.length;
}

/**
 * Share of records having the most common field count (`consistency`), and that share weighted by the count (capped at
 * 10, so a delimiter that gives 5 consistent columns beats one that gives 2), 0 for a single column; and whether the
 * first record (a header, most often) has that count.
 */
function scoreDelimiter(sample: string, delimiter: string, isWholeFile: boolean): { score: number; consistency: number; isFirstAlike: boolean } {
  const counts = fieldCounts(sample, delimiter, isWholeFile);
  if (counts.length === 0) return { score: 0, consistency: 0, isFirstAlike: false };
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let modeCount = 1;
  let modeFrequency = 0;
  for (const [count, times] of frequency) {
    if (count > 1 && (times > modeFrequency || (times === modeFrequency && count > modeCount))) {
      modeCount = count;
      modeFrequency = times;
    }
  }
  if (modeCount < 2) return { score: 0, consistency: 0, isFirstAlike: false };
  const consistency = modeFrequency / counts.length;
  return { score: consistency * (Math.min(modeCount, 10) / 10), consistency, isFirstAlike: counts[0] === modeCount };
}

/** The number of fields of each of the first records that hold a value, split on `delimiter`. */
function fieldCounts(sample: string, delimiter: string, isWholeFile: boolean): number[] {
  const parser = new CsvRecordSplitter({
    delimiter, maxColumns: 100_000, maxCellLength: Number.MAX_SAFE_INTEGER, maxRecordBytes: Number.MAX_SAFE_INTEGER, encoding: '',
  });
  return parser.push(sample.slice(0, 256 * 1024), isWholeFile && sample.length <= 256 * 1024)
    .filter((record) => record.values.some((value) => value.trim() !== ''))
    .slice(0, RECORDS_TO_SAMPLE)
    .map((record) => record.values.length);
}
