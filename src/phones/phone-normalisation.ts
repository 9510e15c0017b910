// Phone cells to E.164 for a team's default country: the libphonenumber-js reference and a fast
// path that gives the very same answers (the README's performance section has the figures).
import {
  ParseError,
  isSupportedCountry as isSupportedByLibrary,
  parsePhoneNumber,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { AppError } from '../shared/app-error.js';
import { numberingPlanOf, type NumberingPlan } from './numbering-plans.js';
import { parseNormalisedDigits } from './national-number-parsing.js';
import { withAsciiDigits } from '../shared/ascii-digits.js';

export type PhoneResult =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; reason: 'empty' | 'invalid' | 'too-long' };

export type PhoneNormaliser = (raw: string) => PhoneResult;

/** The library refuses (TOO_LONG) any input longer than this, before looking at it. */
const MAX_INPUT_LENGTH = 250;

const EMPTY: PhoneResult = Object.freeze({ ok: false, reason: 'empty' });
const INVALID: PhoneResult = Object.freeze({ ok: false, reason: 'invalid' });
const TOO_LONG: PhoneResult = Object.freeze({ ok: false, reason: 'too-long' });

/** Whether `country` (ISO 3166 alpha-2, upper case, e.g. `US`) can be a team's default country. */
export function isSupportedCountry(country: string): boolean {
  return isSupportedByLibrary(country);
}

/**
 * The definition of a correct answer: libphonenumber-js ("max" metadata) as is.
 * Blank (whitespace-only) is `empty`; the library's TOO_LONG (over 250 characters, or a national
 * number over 17 digits) is `too-long`; anything else it cannot parse, or parses but finds not
 * valid for its country, is `invalid`. The text is searched for the number (the library's
 * default extraction): "Tel: 415-555-0134" and "415-555-0134 (wife)" are fine. An extension
 * ("… ext. 22", "… x22") is accepted and dropped: E.164 cannot hold it.
 * One rule of ours on top: a number written with 00, the international prefix most of the world dials ("0044 20 7946
 * 0958"), that is not valid for the team's country (whose own prefix may be 011, 0011, 010…), is read as +44 20….
 * Others, for forms of the past or of a country's lists: Mexico's before 2019, Brazil's "0xx11"; and every Unicode
 * space is a space.
 */
export function normalisePhoneReference(written: string, defaultCountry: string): PhoneResult {
  assertSupportedCountry(defaultCountry);
  if (isBlank(written)) return EMPTY;
  // French typography's narrow no-break space (06 12 34 56 78 from Word or Outlook), thin and figure spaces: spaces.
  const raw = written.replace(OTHER_SPACES, ' ');
  const result = libraryReading(raw, defaultCountry);
  if (result.ok && PLAIN_DIGITS.test(raw)) {
    const international = internationalWithoutPlus(raw.replace(/\D/g, ''), numberingPlanOf(defaultCountry) as NumberingPlan);
    const reading = international === null ? INVALID : libraryReading(international, defaultCountry);
    if (reading.ok) return reading;
  }
  if (result !== INVALID) return result;
  const withPlus = raw.replace(DOUBLE_ZERO_PREFIX, '$1+');
  const reading = withPlus === raw ? result : libraryReading(withPlus, defaultCountry);
  if (reading !== INVALID) return reading;
  if (defaultCountry === 'BR' && BRAZILIAN_CARRIER_PLACEHOLDER.test(raw)) return libraryReading(raw.replace(BRAZILIAN_CARRIER_PLACEHOLDER, (_, before: string) => `${before}0`), defaultCountry);
  const mexican = mexicanFormBefore2019(withPlus.replace(/[\s().\-/]/g, ''), defaultCountry);
  if (mexican !== null) return libraryReading(mexican, defaultCountry);
  const vanity = VANITY_NUMBER.test(raw) ? raw.replace(/[A-Z]/g, (letter) => KEYPAD_DIGITS[letter.charCodeAt(0) - 65] as string) : null;
  return vanity === null ? reading : libraryReading(vanity, defaultCountry);
}

/**
 * A vanity number, letters for the keypad's digits ("1-800-FLOWERS", "1 (800) GO-FEDEX", "13 TAXI" of Australia),
 * which Google's libphonenumber dials and libphonenumber-js does not read: digits first, then at least three capital
 * letters among digits and separators. Capitals only: a street in a phone cell ("415 Main St") is no number.
 */
const VANITY_NUMBER = /^[\s+(]*\d[\d\s().-]*(?:[A-Z][\d\s().-]*){3,}$/;
/** A to Z on a telephone keypad: ABC 2, DEF 3, GHI 4, JKL 5, MNO 6, PQRS 7, TUV 8, WXYZ 9. */
const KEYPAD_DIGITS = '22233344455566677778889999';

/**
 * Whether a number is written as it is at home: its digits begin as those of its country's national form do, the
 * trunk prefix of "030 1234567" (Germany) or "07911 123456" (Britain) included where that country writes one. "415
 * 555 0135" read as a German number (+49 4155 550135: Germany's numbers have many lengths) is not: a German writes
 * "04155 550135".
 */
export function isWrittenAsAtHome(written: string, e164: string): boolean {
  const national = parsePhoneNumber(e164).formatNational().replace(/\D/g, '');
  return written.replace(/\D/g, '').startsWith(national);
}

/**
 * Brazil's "0xx11 91234-5678", "(0xx11)": the long-distance 0 with "xx" where the caller puts the carrier's code, as
 * Brazilian lists and business cards write an area code; dialled as 0 + carrier + 11 …, stored as +55 11 ….
 */
const BRAZILIAN_CARRIER_PLACEHOLDER = /^(\s*\(?\s*)0\s*xx\s*(?=\(?\d{2})/i;

/**
 * A Mexican number as written before August 2019, when Mexico dropped the mobile "1" after +52 and the prefixes
 * 044, 045 (mobile) and 01 (long distance) before the 10 digits every number now has: lists kept from then still
 * hold them. The number as it is dialled today, or null when the digits are no such number.
 */
function mexicanFormBefore2019(digits: string, defaultCountry: string): string | null {
  const international = /^\+521(\d{10})$/.exec(digits);
  if (international) return `+52${international[1]}`;
  if (defaultCountry !== 'MX') return null;
  const national = /^(?:044|045|01)(\d{10})$/.exec(digits);
  return national ? (national[1] as string) : null;
}

/** A cell of ASCII digits and the separators the library drops, without a "+". */
const PLAIN_DIGITS = /^[\s().\-/]*\d[\d\s().\-/]*$/;

/**
 * A number of the team's country as systems store E.164 without its "+" ("4915123456789" for +49 1512 3456789),
 * which the library reads as a national number where the country's numbers have many lengths (Germany, Indonesia,
 * Kosovo): "+" and the digits, when they do not start with the national prefix the country's own numbers are written
 * with (0 in Germany; a country without one is left alone) and start with its calling code; null otherwise. It counts
 * when that reading is a valid number.
 */
function internationalWithoutPlus(digits: string, plan: NumberingPlan): string | null {
  if (plan.nationalPrefix === undefined || plan.nationalPrefix.test(digits) || !digits.startsWith(plan.callingCode)) return null;
  return `+${digits}`;
}

/** Unicode's space separators other than the space, which the library does not take for one (except U+3000). */
const OTHER_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/g;

/** "00" as the first digits, after nothing but spaces or an opening parenthesis, before the calling code. */
const DOUBLE_ZERO_PREFIX = /^([\s(]*)00[\s.\-/)]*(?=[1-9])/;

function libraryReading(raw: string, defaultCountry: string): PhoneResult {
  try {
    const phone = parsePhoneNumberWithError(raw, { defaultCountry: defaultCountry as CountryCode });
    if (!phone.isValid()) return INVALID;
    return { ok: true, e164: phone.number, country: phone.country };
  } catch (error) {
    if (error instanceof ParseError) return error.message === 'TOO_LONG' ? TOO_LONG : INVALID;
    throw error;
  }
}

/**
 * A normaliser giving exactly `normalisePhoneReference`'s answers, about 20x faster: a cell made
 * only of ASCII digits, an optional leading `+` and the usual separators (space - . ( ) /) is
 * parsed by a port of the library's own steps on precompiled metadata; anything else (letters,
 * extensions, `tel:` URIs, full-width digits, under 3 digits) goes to the library itself.
 */
export function createPhoneNormaliser(defaultCountry: string): PhoneNormaliser {
  assertSupportedCountry(defaultCountry);
  const defaultPlan = numberingPlanOf(defaultCountry) as NumberingPlan;
  return (raw: string): PhoneResult => {
    if (raw.length > MAX_INPUT_LENGTH) return isBlank(raw) ? EMPTY : TOO_LONG;
    const number = simpleDigitsOf(raw);
    // The library reads Arabic and Persian digits itself, not Devanagari, Bengali or Thai ones: all go in as ASCII.
    if (number === undefined) return normalisePhoneReference(withAsciiDigits(raw).replace(LOCAL_EXTENSION_WORD, ' ext. '), defaultCountry);
    if (number === '') return EMPTY;
    let parsed = parseNormalisedDigits(number, defaultCountry, defaultPlan);
    if (parsed.ok && number.charCodeAt(0) !== 43 /* + */) {
      const international = internationalWithoutPlus(number, defaultPlan);
      const reading = international === null ? null : parseNormalisedDigits(international, defaultCountry, defaultPlan);
      if (reading?.ok) parsed = reading;
    }
    let digits = number;
    if (!parsed.ok && parsed.reason === 'invalid' && /^00[1-9]/.test(number) && DOUBLE_ZERO_PREFIX.test(raw)) {
      digits = `+${number.slice(2)}`;
      parsed = parseNormalisedDigits(digits, defaultCountry, defaultPlan);
    }
    const mexican = !parsed.ok && parsed.reason === 'invalid' ? mexicanFormBefore2019(digits, defaultCountry) : null;
    if (mexican !== null) parsed = parseNormalisedDigits(mexican, defaultCountry, defaultPlan);
    return parsed.ok ? parsed : parsed.reason === 'invalid' ? INVALID : TOO_LONG;
  };
}

/**
 * An extension written as Chinese, Japanese or French lists write it ("010-12345678转8001", "内線 12", "poste 12"),
 * which the library reads only as "ext.": the number is read and the extension dropped, as for "ext. 8001".
 */
const LOCAL_EXTENSION_WORD = /\s*(?:转|轉|分机|分機|内线|內線|内線|poste)\s*(?=\d{1,6}\s*$)/iu;

/**
 * The extension a phone cell was written with ("415-555-0137 ext. 12", "x12", "010-12345678转8001"), which the stored
 * E.164 number cannot hold; read in the country of that stored number. Null when the cell has none.
 */
export function extensionOf(written: string, e164: string): string | null {
  if (!/\d\D+\d/.test(written) || written.length > MAX_INPUT_LENGTH) return null;
  const country = parsePhoneNumberFromString(e164)?.country;
  return parsePhoneNumberFromString(written.replace(LOCAL_EXTENSION_WORD, ' ext. '), country)?.ext ?? null;
}

function assertSupportedCountry(country: string): void {
  if (!isSupportedByLibrary(country)) {
    throw new AppError('BAD_INPUT', `Unknown default country "${country}": use an ISO 3166 alpha-2 code such as US, CN or GB.`, {
      country,
    });
  }
}

function isBlank(raw: string): boolean {
  return raw.trim() === '';
}

/**
 * The digits of a cell, with a `+` in front if it had one before its first digit, when the cell is
 * of a shape whose reading by the library is certain: only ASCII digits, spaces, - . ( ) / and at
 * most one `+` before the first digit, with at least 3 digits. '' for spaces only; undefined
 * otherwise (the library decides).
 *
 * Why this is exactly the library: it extracts the text from the first `+` or digit and drops the
 * trailing non-digits; what is left is digits and punctuation, which is "viable" with 3 or more
 * digits, cannot hold an extension (every extension form needs a letter, # , ; or ~), and reduces
 * to its digits and leading `+`.
 */
function simpleDigitsOf(raw: string): string | undefined {
  const length = raw.length;
  let start = 0;
  while (start < length && raw.charCodeAt(start) === 32) start++;
  if (start === length) return '';
  let end = length;
  while (raw.charCodeAt(end - 1) === 32) end--;

  let digits = '';
  let runStart = -1;
  let hasPlus = false;
  let digitCount = 0;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (runStart < 0) runStart = i;
      digitCount++;
      continue;
    }
    if (runStart >= 0) {
      digits += raw.slice(runStart, i);
      runStart = -1;
    }
    if (code === 43 /* + */) {
      if (hasPlus || digitCount > 0) return undefined;
      hasPlus = true;
    } else if (!isSeparator(code)) {
      return undefined;
    }
  }
  if (digitCount < 3) return undefined;
  if (runStart >= 0) digits = runStart === start && !hasPlus ? raw.slice(start, end) : digits + raw.slice(runStart, end);
  return hasPlus ? `+${digits}` : digits;
}

/** Space - . ( ) / : punctuation the library drops anywhere in a number. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || code === 46 || code === 40 || code === 41 || code === 47;
}
