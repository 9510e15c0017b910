// Recognises what a single cell value looks like: e-mail, phone number, date, number, street address.

import { withAsciiDigits } from '../../shared/ascii-digits.js';
import { GROUPED_AMOUNTS, isNoValue, normaliseDate } from '../engine/value-normalisation.js';

const EMAIL = /^[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.\d]{2,}$/u;
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;
const PHONE_EXTENSION = /\s*(?:x|ext\.?|extension|#|转|轉|分机|分機)\s*\d{1,6}$/iu;
const ISO_LIKE_DATE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[ap]m)?)?$/iu;
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?)?$/iu;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const NAMED_MONTH_DATES = [
  new RegExp(`^${MONTH}[\\s-]+\\d{1,2}(?:st|nd|rd|th)?,?[\\s-]+\\d{4}$`, 'i'),
  new RegExp(`^\\d{1,2}(?:st|nd|rd|th)?[\\s-]+${MONTH},?[\\s-]+\\d{2,4}$`, 'i'),
];
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
/** An amount with or without groups of three digits and a decimal mark of either kind: `1,234.5`, `1.234,5`, `12,5`, `.5`. */
const AMOUNT = `(?:${GROUPED_AMOUNTS.join('|')}|\\d+(?:[.,]\\d+)?|[.,]\\d+)?`;
const CURRENCY = '[$€£¥￥]';
/**
 * A number as people and spreadsheets write it: `-1,234.5`, `$99`, `12.5%`, `1,234.50 €`, and the accounting
 * format's negatives and zero: `(1,234.50)`, `$(0.50)`, `$ -`.
 */
const NUMBER = new RegExp(
  `^(?:[-+]?${CURRENCY}?\\s?${AMOUNT}(?:\\s?%)?|[-+]?${AMOUNT}\\s?${CURRENCY}|${CURRENCY}?\\s?\\(${CURRENCY}?\\s?${AMOUNT}\\)|${CURRENCY}\\s*-)$`,
  'u',
);
const STREET_WORD =
  /\b(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|highway|hwy|suite|ste|apt|apartment|unit|floor|fl|square|sq|terrace|parkway|pkwy|route|po box)\b\.?/i;
const HAN_ADDRESS_MARKERS = /[省市区县鎮镇乡鄉村路街道号號弄巷楼樓室栋棟座]/gu;

function clean(value: string): string {
  // Invisible characters (zero-width spaces, direction marks) are no part of a value, as when it is imported.
  // Digits of other scripts (١٩٨٠/٠٤/٠٢) read as the ASCII ones, as when the value is imported.
  return withAsciiDigits(value.normalize('NFKC').replace(/\p{Cf}/gu, '').trim().replace(/^'/, ''));
}

export function isEmailValue(value: string): boolean {
  const text = clean(value).replace(/^mailto:/i, '');
  return text.length <= 254 && EMAIL.test(text);
}

export function isDateValue(value: string): boolean {
  const text = clean(value);
  const iso = ISO_LIKE_DATE.exec(text);
  if (iso) return isMonthAndDay(Number(iso[2]), Number(iso[3]));
  const dayMonthYear = DAY_MONTH_YEAR.exec(text);
  if (dayMonthYear) {
    const first = Number(dayMonthYear[1]);
    const second = Number(dayMonthYear[2]);
    return isMonthAndDay(first, second) || isMonthAndDay(second, first);
  }
  // Other languages' month names ("2 de enero de 1980", "2. März 2024") and Japanese era years (昭和60年3月4日).
  return NAMED_MONTH_DATES.some((pattern) => pattern.test(text)) || (/\p{L}/u.test(text) && normaliseDate(text, 'mdy') !== null);
}

/** A date cell written out as Excel's serial number (`31110`): a date only where the header says so. */
export function isSerialDateValue(value: string): boolean {
  return /^\d{5}(?:\.\d+)?$/.test(clean(value));
}

/** Also accepts 8-digit dates (19900131) that only a date-like header makes believable. */
export function isCompactDateValue(value: string): boolean {
  return COMPACT_DATE.test(clean(value));
}

function isMonthAndDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function isNumberValue(value: string): boolean {
  const text = clean(value);
  return (/\d/.test(text) || /^[$€£¥￥]\s*-$/u.test(text)) && NUMBER.test(text);
}

/**
 * Anything that could be dialled: 7–15 digits with the usual separators and an optional extension.
 * With `isStrict`, also demands something only phone numbers have (a leading + or 0, separators, or
 * at least 10 digits), so that an ID or an amount is not taken for a phone number.
 */
export function isPhoneValue(value: string, options: { isStrict?: boolean } = {}): boolean {
  const text = clean(value).replace(/^tel:/i, '');
  const withoutExtension = text.replace(PHONE_EXTENSION, '');
  if (!PHONE_CHARACTERS.test(withoutExtension) || isDateValue(text)) return false;
  if (/^\d+\.\d+$/.test(withoutExtension)) return false;
  const digits = withoutExtension.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (!options.isStrict) return true;
  const hasSeparators = /[\s().\-/]/.test(withoutExtension.trim());
  return withoutExtension.startsWith('+') || digits.startsWith('0') || hasSeparators || digits.length >= 10;
}

export function isAddressValue(value: string): boolean {
  const text = clean(value);
  if (text.length < 6 || isEmailValue(text)) return false;
  const hanMarkers = new Set(text.match(HAN_ADDRESS_MARKERS) ?? []);
  if (hanMarkers.size >= 2) return true;
  return /\d/.test(text) && /\p{L}{2,}/u.test(text) && STREET_WORD.test(text);
}

/** The share (0..1) of non-empty values that pass the test; 0 when there is none. */
export function shareOfValues(values: readonly string[], isMatch: (value: string) => boolean): number {
  // "N/A", "NULL", "-" say the value is missing: they count no more than an empty cell (a 0 is a number, though).
  const present = values.filter((value) => value.trim() !== '' && !(isNoValue(value) && !isNumberValue(value)));
  if (present.length === 0) return 0;
  return present.filter((value) => isMatch(value)).length / present.length;
}

export function nonEmptyValues(values: readonly string[]): string[] {
  return values.filter((value) => value.trim() !== '');
}
