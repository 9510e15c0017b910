// Turns a spreadsheet cell's stored value into the text a user sees in the cell: numbers without
// exponent or float noise (15 significant digits, as Excel), dates as ISO 8601, number formats
// such as `00000` or phone patterns applied so the zeros a user sees stay.

import * as XLSX from '@e965/xlsx';

export type NumberFormatKind = 'general' | 'date' | 'datetime' | 'time' | 'elapsed' | 'scientific' | 'pattern';

/** Built-in number formats by id (ECMA-376 18.8.30); the East Asian date ids all read as dates. */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = (() => {
  const formats = new Map<number, string>();
  for (const [id, code] of Object.entries(XLSX.SSF.get_table())) {
    if (typeof code === 'string') formats.set(Number(id), code);
  }
  for (const id of [27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) formats.set(id, 'yyyy-mm-dd');
  for (const id of [32, 33, 34, 35]) formats.set(id, 'h:mm:ss');
  for (const [id, code] of [[5, '"$"#,##0_);("$"#,##0)'], [6, '"$"#,##0_);[Red]("$"#,##0)'], [7, '"$"#,##0.00_);("$"#,##0.00)'], [8, '"$"#,##0.00_);[Red]("$"#,##0.00)'],
    [41, '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)'], [42, '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)'],
    [43, '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)'], [44, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)']] as const) {
    formats.set(id, code);
  }
  return formats;
})();

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN_FORMATS.get(id);
}

const kindCache = new Map<string, NumberFormatKind>();

/** What a number format shows: a date, a time, a pattern … (judged on its first section). */
export function classifyNumberFormat(code: string): NumberFormatKind {
  const cached = kindCache.get(code);
  if (cached !== undefined) return cached;
  const kind = classifyUncached(code);
  if (kindCache.size < 10_000) kindCache.set(code, kind);
  return kind;
}

function classifyUncached(code: string): NumberFormatKind {
  const lower = code.trim().toLowerCase();
  if (lower === '' || lower === 'general' || lower === '@') return 'general';
  const firstSection = splitSections(lower)[0] ?? '';
  const isElapsed = /\[(h+|m+|s+)\]/.test(firstSection);
  const tokens = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/g, '');
  if (tokens.trim() === '') return 'general';
  if (/e[+-]/.test(tokens)) return 'scientific';
  if (isElapsed) return 'elapsed';
  if (/[0#?]/.test(tokens.replace(/\.0+/g, ''))) return tokens.trim() === '@' ? 'general' : 'pattern';
  const hasTime = /[hs]|am\/pm|a\/p/.test(tokens);
  const hasDate = /[yd]|(^|[^a-z])g+e/.test(tokens) || (/m/.test(tokens) && !hasTime);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  if (tokens.includes('@')) return 'general';
  return 'pattern';
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  let isQuoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (c === '"') isQuoted = !isQuoted;
    if (c === '\\' && !isQuoted) {
      current += c + (code[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ';' && !isQuoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  sections.push(current);
  return sections;
}

/** A number as Excel's General format shows it in the formula bar: ≤ 15 significant digits, no exponent. */
export function formatGeneralNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const text = String(Number(value.toPrecision(15)));
  return text.includes('e') ? expandExponent(text) : text;
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponentText);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`.replace(/0+$/, '');
  if (pointAt >= digits.length) return sign + digits + '0'.repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

const MAX_SERIAL = 2_958_465; // 9999-12-31
const DAY_MS = 86_400_000;

/** ISO text of a date serial; `withDate`/`withTime` choose the parts. Serial 60 of 1900 is Excel's 1900-02-29. */
export function formatSerialDate(serial: number, isDate1904: boolean, withDate: boolean, withTime: boolean): string {
  const days = Math.floor(Math.round(serial * 86_400) / 86_400);
  // Excel counts a 29 February 1900 that never was (serial 60); before it, days start a day later.
  if (!isDate1904 && days === 60) return formatDaysSince(Date.UTC(1899, 11, 31), serial, withDate, withTime).replace(/^1900-03-01/, '1900-02-29');
  const epoch = isDate1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return formatDaysSince(epoch, serial, withDate, withTime);
}

/** ISO text of a number of days (with a fraction for the time) since `epoch` (UTC milliseconds). */
export function formatDaysSince(epoch: number, serial: number, withDate: boolean, withTime: boolean): string {
  const totalSeconds = Math.round(serial * 86_400);
  const days = Math.floor(totalSeconds / 86_400);
  const seconds = totalSeconds - days * 86_400;
  const datePart = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  const timePart = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
  if (withDate && withTime) return `${datePart}T${timePart}`;
  return withDate ? datePart : timePart;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The text of a numeric cell under its number format (undefined or General: plain number). */
export function formatNumberCell(value: number, formatCode: string | undefined, isDate1904: boolean): string {
  const kind = formatCode === undefined ? 'general' : classifyNumberFormat(formatCode);
  switch (kind) {
    case 'general':
    case 'scientific':
      return formatGeneralNumber(value);
    case 'date':
    case 'datetime':
    case 'time': {
      if (value < 0 || value > MAX_SERIAL) return formatGeneralNumber(value);
      if (kind === 'time' && value >= 1) return formatSerialDate(value, isDate1904, true, true);
      return formatSerialDate(value, isDate1904, kind !== 'time', kind !== 'date');
    }
    case 'elapsed':
    case 'pattern':
      return formatWithCode(value, formatCode as string);
  }
}

function formatWithCode(value: number, formatCode: string): string {
  try {
    const text = XLSX.SSF.format(formatCode, value).trim();
    return text === '' ? formatGeneralNumber(value) : text;
  } catch {
    return formatGeneralNumber(value);
  }
}

/** An ISO 8601 date cell (`t="d"`, ODS dates) as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`. */
export function formatIsoDateText(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(text.trim());
  if (!match) return text.trim();
  const [, date, time] = match;
  if (time === undefined || /^00:00(:00)?$/.test(time)) return date as string;
  return `${date}T${time.length === 5 ? `${time}:00` : time}`;
}

const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML writes characters XML cannot hold as `_xHHHH_` (Excel: `_x000D_` for CR). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(XML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
