// Normalising single values: emails, dates and numbers. Each returns the stored text or null when invalid.
import { withAsciiDigits } from '../../shared/ascii-digits.js';

// Practical email shape (what mail servers accept in the wild), not the full RFC 5322 grammar.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The same with the letters of any script in the domain (an internationalised domain name: exämple.de). */
const EMAIL_IDN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
/**
 * An address as mail programs export it: `Ann Lee <ann@example.com>`, `"Lee, Ann" <ann@example.com>`, and Outlook's
 * display name `Ann Lee (ann@example.com)`.
 */
const NAMED_ADDRESS = /^(?:"[^"]*"\s*|[^<>"]*)<\s*([^<>\s]+)\s*>$|^[^<>()"@]*\(\s*([^<>()\s]+@[^<>()\s]+)\s*\)$/;

export function normaliseEmail(value: string): string | null {
  const email = value.trim();
  const checked = checkedEmail(email, EMAIL);
  if (checked !== null) return checked;
  // Rarer forms, tried only when the plain shape failed: the address inside a display name, a mailto: link (its
  // ?subject= too), a domain in another script, full-width letters and ＠ (typed with a CJK input method), a label or
  // a comment beside it ("Work: ann@example.com", "ann@example.com (home)"), punctuation after it.
  const text = email.normalize('NFKC');
  const match = NAMED_ADDRESS.exec(text);
  const named = match?.[1] ?? match?.[2];
  const unwrapped = (named ?? addressAmongWords(text) ?? text)
    .replace(/^mailto:/i, '')
    .replace(/\?.*$/s, '')
    .replace(/[.,;:]+$/, '')
    .replace(/^[<(["']+|[>)\]"']+$/g, '');
  const read = checkedEmail(unwrapped, EMAIL_IDN);
  if (read !== null) return read;
  // "ann @ example.com": spaces typed around the @.
  const closed = unwrapped.replace(/\s*@\s*/, '@');
  return closed === unwrapped ? null : checkedEmail(closed, EMAIL_IDN);
}

/** A label before an address ("Work:", "E-mail:") and a comment after it ("(home)", "[old]"). */
const ADDRESS_LABEL = /^[\p{L}\p{M} .-]{1,30}:\s*/u;
const ADDRESS_COMMENT = /\s*[([][^()[\]@]*[)\]]$/u;

/** The address of a text that is one beside a label or a comment, without brackets or quotes around it; else null. */
function addressAmongWords(text: string): string | null {
  const bare = text.replace(ADDRESS_LABEL, '').replace(ADDRESS_COMMENT, '');
  return bare === text || /\s/.test(bare) ? null : bare.replace(/^[<(["']+|[>)\]"']+$/g, '');
}

function checkedEmail(email: string, shape: RegExp): string | null {
  if (email.length > 254 || !shape.test(email)) return null;
  const at = email.indexOf('@');
  if (at > 64 || email.charCodeAt(0) === 46 || email.charCodeAt(at - 1) === 46 || email.lastIndexOf('..', at) >= 0) return null;
  const domain = email.slice(at + 1);
  const lower = domain.toLowerCase();
  return lower === domain ? email : `${email.slice(0, at + 1)}${lower}`;
}

export type DateOrder = 'mdy' | 'dmy';

/** Countries that write dates month first (the rest write day first when the year comes last). */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'CA', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'PR', 'VI', 'MP', 'UM']);

export function dateOrderOf(country: string): DateOrder {
  return MONTH_FIRST_COUNTRIES.has(country) ? 'mdy' : 'dmy';
}

/** The letters of a day, a month and a year in a format written out: English, German (TT, JJJJ), French (JJ, AAAA), Spanish and Portuguese (AAAA), Italian (GG). */
const DAY = '(?:dd?|jj?|tt?|gg?)';
const MONTH_LETTERS = 'mm?';
const YEAR = '(?:yy(?:yy)?|aa(?:aa)?|jj(?:jj)?)';
const WRITTEN_ORDER = new RegExp(`(?:^|[^\\p{L}])(?:(${DAY})[./\\- ](${MONTH_LETTERS})|(${MONTH_LETTERS})[./\\- ](${DAY}))[./\\- ]${YEAR}(?:$|[^\\p{L}])`, 'iu');

/**
 * What a date tells of the order it is written in: `25/12/1990` can only be day first, `12/25/1990` month first;
 * `05/03/1990`, or a date of another form, tells nothing (null).
 */
export function dateOrderOfValue(value: string): DateOrder | null {
  const match = /^\s*(\d{1,2})([-/])(\d{1,2})\2(?:\d{4}|\d{2})\b/.exec(value);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first > 12 && second >= 1 && second <= 12) return 'dmy';
  if (second > 12 && first >= 1 && first <= 12) return 'mdy';
  return null;
}

/**
 * The order a column's header says its dates are written in ("Birthday (DD/MM/YYYY)", "Geburtsdatum TT.MM.JJJJ",
 * "Date (mm/dd/yy)"), or null when it says none: it goes before the team's, for the file's author knew.
 */
export function dateOrderOfHeader(header: string): DateOrder | null {
  const match = WRITTEN_ORDER.exec(header);
  if (!match) return null;
  return match[1] !== undefined ? 'dmy' : 'mdy';
}


function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` already, a valid day: the common case, checked without allocating. */
function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let index = 0; index < 4; index++) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    year = year * 10 + digit;
  }
  const month = digitsAt(value, 5);
  const day = digitsAt(value, 8);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

function digitsAt(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const ones = value.charCodeAt(at + 1) - 48;
  return tens < 0 || tens > 9 || ones < 0 || ones > 9 ? -1 : tens * 10 + ones;
}

/**
 * Reads a date as people write it into ISO `YYYY-MM-DD` (keeping a time part as `THH:MM[:SS]`):
 * `2024-03-05`, `2024/3/5`, `2024.03.05`, `2024年3月5日`, `20240305`, and `05/03/2024` or `5/3/24` in the team's
 * order (month first for US teams, day first elsewhere; a first number above 12 settles it; dots mean day first);
 * two-digit years as Excel reads them; a month written by its name ("Jan 2, 2024", "2-Jan-24"); and a Japanese era
 * year ("昭和60年3月4日", "平成元年5月6日", "S60.3.4", "H2/5/6"), as Japanese lists write birthdays; and an Excel
 * serial number of five digits (`31110`: a date cell written out as its number). With `latest` (ISO, for dates that
 * cannot be in the future: birthdays), a two-digit year that would come after it is read a century earlier.
 */
export function normaliseDate(value: string, order: DateOrder, latest?: string): string | null {
  if (isIsoDate(value)) return value;
  const text = withAsciiDigits(value.trim().normalize('NFKC'));
  return readDate(text, order, latest) ?? readDecoratedDate(text, order, latest);
}

/**
 * What some programs and languages write around a date, taken off when the date as written was not read: the weekday
 * after a Japanese date ("2024年3月5日(火)"), Hungarian dots and spaces ("2024. 03. 05."), the Russian and Ukrainian
 * year mark ("5.3.2024 г."), JavaScript's time zone ("… 00:00:00 GMT+0000 (…)"), and a time of day after a date with
 * a month's name ("Mar 5, 2024, 10:00 AM"), kept as the time.
 */
function readDecoratedDate(text: string, order: DateOrder, latest: string | undefined): string | null {
  const bare = text
    .replace(/\s*[(（][^()（）]{1,12}[)）]$/u, '')
    .replace(/\s+GMT[+-]\d{4}(?:\s*\([^()]*\))?$/u, '')
    .replace(/^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?$/u, '$1.$2.$3')
    .replace(/(\d)\s*(?:г|р|гг)\.?$/u, '$1');
  if (bare !== text && bare !== '') return readDate(bare, order, latest) ?? readDecoratedDate(bare, order, latest);
  const timed = /^(.*\p{L}.*?)[,\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?(?:m\.?)?$/iu.exec(text);
  if (timed === null) return null;
  const [, date, hours, minutes, seconds, half] = timed;
  const day = readDate(date!, order, latest);
  return day === null || day.includes('T') ? null : withTime(day, hours, minutes, seconds, half);
}

function readDate(text: string, order: DateOrder, latest: string | undefined): string | null {
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) {
    return withTime(isoDate(Number(match[1]), Number(match[2]), Number(match[3])), match[4], match[5], match[6]);
  }
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{5})(\.\d+)?$/.exec(text);
  if (match) return excelSerialDate(Number(match[1]), Number(`0${match[2] ?? ''}`));
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?(?:m\.?)?)?$/i.exec(text);
  if (match) {
    const [month, day] = monthAndDay(Number(match[1]), Number(match[3]), match[2]!, order);
    const [, , , , , hours, minutes, seconds, half] = match;
    return inCentury(match[4]!, latest, (year) => withTime(isoDate(year, month, day), hours, minutes, seconds, half));
  }
  if (!/\p{L}/u.test(text)) return null;
  return japaneseEraDate(text) ?? namedMonthDate(text, latest);
}

/**
 * The date of a year as written: a two-digit year as Excel reads it, or a century earlier when that would come after
 * `latest` (ISO; a birthday's `5/3/29` is 1929).
 */
function inCentury(year: string, latest: string | undefined, dateOf: (year: number) => string | null): string | null {
  const date = dateOf(fullYear(year));
  if (year.length !== 2 || latest === undefined || date === null || date.slice(0, 10) <= latest) return date;
  return dateOf(fullYear(year) - 100);
}

/**
 * A date cell a program wrote out as Excel's serial number (days since 1899-12-30, the time of day as the fraction):
 * 31110 is 1985-03-04. Five digits only (1927-05-18 … 2173-10-14): four are a year, and eight a date (20240305).
 */
function excelSerialDate(days: number, fraction: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const iso = isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  const seconds = Math.round(fraction * 86_400);
  if (seconds === 0 || seconds >= 86_400) return iso;
  return withTime(iso, String(Math.floor(seconds / 3600)), String(Math.floor(seconds / 60) % 60), String(seconds % 60));
}

/** Japanese eras: the Gregorian year of the first year of each, and its last year (Reiwa's is not known). */
const JAPANESE_ERAS: Readonly<Record<string, { first: number; years: number }>> = {
  明治: { first: 1868, years: 45 }, 大正: { first: 1912, years: 15 }, 昭和: { first: 1926, years: 64 },
  平成: { first: 1989, years: 31 }, 令和: { first: 2019, years: 99 },
};
const ERA_OF_LETTER: Readonly<Record<string, string>> = { M: '明治', T: '大正', S: '昭和', H: '平成', R: '令和' };
/** 昭和60年3月4日, 平成元年5月6日 (元: its first year), S60.3.4, H2/5/6 (NFKC has made ㍼ 昭和 and full-width letters plain). */
const JAPANESE_ERA_DATE = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[./-](\d{1,2})[./-](\d{1,2}))$/iu;

function japaneseEraDate(text: string): string | null {
  const match = JAPANESE_ERA_DATE.exec(text);
  if (!match) return null;
  const era = JAPANESE_ERAS[ERA_OF_LETTER[match[1]!.toUpperCase()] ?? match[1]!];
  const year = match[2] === '元' ? 1 : Number(match[2]);
  if (!era || year < 1 || year > era.years) return null;
  return isoDate(era.first + year - 1, Number(match[3] ?? match[5]), Number(match[4] ?? match[6]));
}

/**
 * A date with the time of day read with it (`THH:MM:SS`), or the date alone at midnight or with no time. `half` is
 * `a` or `p` on a 12-hour clock (12 AM is midnight, 12 PM noon).
 */
function withTime(date: string | null, hoursText: string | undefined, minutesText: string | undefined, secondsText: string | undefined, half?: string): string | null {
  if (!date || hoursText === undefined || minutesText === undefined) return date;
  let hours = Number(hoursText);
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
  }
  const minutes = Number(minutesText);
  const seconds = secondsText === undefined ? 0 : Number(secondsText);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (hours === 0 && minutes === 0 && seconds === 0) return date;
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${date}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

/** A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 2 ? (year < 30 ? 2000 + year : 1900 + year) : year;
}

const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'januar', 'jaenner', 'janeiro', 'gennaio', 'gen', 'januari'],
  ['february', 'feb', 'febrero', 'fevrier', 'fevr', 'fev', 'februar', 'fevereiro', 'febbraio', 'februari'],
  ['march', 'mar', 'marzo', 'mars', 'maerz', 'marz', 'marco', 'maart'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile'],
  ['may', 'mayo', 'mai', 'maio', 'maggio', 'mag', 'mei'],
  ['june', 'jun', 'junio', 'juin', 'juni', 'junho', 'giugno', 'giu'],
  ['july', 'jul', 'julio', 'juillet', 'juil', 'juli', 'julho', 'luglio', 'lug'],
  ['august', 'aug', 'agosto', 'ago', 'aout', 'augustus'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre', 'setembro', 'settembre'],
  ['october', 'oct', 'octubre', 'octobre', 'oktober', 'okt', 'outubro', 'out', 'ottobre', 'ott'],
  ['november', 'nov', 'noviembre', 'novembre', 'novembro'],
  ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezember', 'dez', 'dezembro', 'dicembre'],
];
const MONTH_OF: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
/** Words around the parts of a written date: weekdays, "de" (2 de enero de 2024), "of", "the". */
const DATE_FILLER = /^(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|de|del|of|the)$/;

/**
 * The numbers of a date written with numbers only, in the order the team writes them, as [month, day]: dots are how
 * day-first countries write dates (05.03.2024), whatever the team's order, and a first number above 12 is a day.
 */
function monthAndDay(first: number, second: number, separator: string, order: DateOrder): [number, number] {
  const isDayFirst = first > 12 || ((order === 'dmy' || separator === '.') && second <= 12);
  return isDayFirst ? [second, first] : [first, second];
}

/** The words of a date written with the month's name, without accents, weekdays and fillers ("2nd" is "2"). */
function dateWords(text: string): string[] {
  return text
    .normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .split(/[\s,./-]+/)
    .filter((word) => word !== '' && !DATE_FILLER.test(word))
    .map((word) => word.replace(/^(\d{1,2})(?:st|nd|rd|th|er|o|º)$/, '$1'));
}

/**
 * A date written with the month's name, in English, Spanish, French, German, Portuguese, Italian or Dutch: "Jan 2,
 * 2024", "2 January 2024", "02-Jan-24" (Excel's d-mmm-yy), "Wednesday, January 2, 2024", "2 de enero de 2024",
 * "2. März 2024", "2024 Jan 02".
 */
function namedMonthDate(text: string, latest: string | undefined): string | null {
  const words = dateWords(text);
  if (words.length !== 3) return null;
  const at = words.findIndex((word) => MONTH_OF.has(word));
  if (at < 0 || words.some((word, index) => index !== at && !/^\d{1,4}$/.test(word))) return null;
  const month = MONTH_OF.get(words[at]!)!;
  const [first, second] = words.filter((_, index) => index !== at) as [string, string];
  // The year is the one of four digits, or else the last: "2024 Jan 02", "Jan 2, 2024", "2-Jan-24".
  const [day, year] = first.length === 4 ? [second, first] : [first, second];
  if (day.length > 2 || (year.length !== 2 && year.length !== 4)) return null;
  return inCentury(year, latest, (fullYear) => isoDate(fullYear, month, Number(day)));
}

/**
 * A day of the year without its year, as mailing lists keep birthdays (Mailchimp's `03/04`, `4 March`, `March 4th`,
 * `3月4日`, vCard's `--0304`): ISO 8601's `--MM-DD`, or null. Numbers are read in the team's order, day first when
 * written with dots or when the first cannot be a month (`25/12`).
 */
export function normaliseYearlessDate(value: string, order: DateOrder): string | null {
  const text = withAsciiDigits(value.trim().normalize('NFKC'));
  let month: number;
  let day: number;
  let match = /^--(\d{2})-?(\d{2})$/.exec(text) ?? /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(text);
  if (match) {
    [month, day] = [Number(match[1]), Number(match[2])];
  } else if ((match = /^(\d{1,2})([/.-])(\d{1,2})\.?$/.exec(text))) {
    [month, day] = monthAndDay(Number(match[1]), Number(match[3]), match[2]!, order);
  } else {
    const words = dateWords(text);
    const at = words.findIndex((word) => MONTH_OF.has(word));
    const other = words[1 - at];
    if (words.length !== 2 || at < 0 || other === undefined || !/^\d{1,2}$/.test(other)) return null;
    [month, day] = [MONTH_OF.get(words[at]!)!, Number(other)];
  }
  // Checked against a leap year: 29 February is a birthday.
  const date = isoDate(2000, month, day);
  return date === null ? null : `--${date.slice(5)}`;
}

/** A plain decimal that is already its own normal form. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Numbers as people type them: `1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`, `-12`, `3.0e2`, ` 42 `, and amounts and
 * percentages as column type detection takes them (`$1,234.50` → 1234.50, `1.234,50 €` → 1234.50, `12,5%` → 12.5,
 * and the accounting format's `(1,234.50)` → -1234.50 and `$ -` → 0: the text as written stays in `originals`).
 * Only `1,234` and `1.234` read two ways; they are read as a spreadsheet's number cell is written (1234 and 1.234),
 * whatever the team's country. Returns a plain decimal text.
 */
export function normaliseNumber(value: string): string | null {
  if (PLAIN_NUMBER.test(value)) return value;
  const trimmed = withAsciiDigits(value.trim().normalize('NFKC'));
  if (/^[$€£¥]\s*-$/u.test(trimmed)) return '0';
  const amount = trimmed
    .replace(/^([$€£¥]?)\s?\((.+)\)$/u, '-$1$2')
    .replace(/^([-+]?)[$€£¥]\s?(?=[\d.,])/u, '$1')
    .replace(/(?<=\d)\s?[$€£¥]$/u, '')
    .replace(/(?<=\d)\s?%$/u, '');
  const text = withDecimalPoint(amount);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  return /e/i.test(text) ? String(number) : text.replace(/^\+/, '');
}

/** An amount's digit groups taken out and its decimal mark made a point: `1.234,5` → `1234.5`. */
function withDecimalPoint(amount: string): string {
  if (ONE_GROUP.test(amount)) return amount.replace(',', '');
  if (COMMA_GROUPS.test(amount)) return amount.replaceAll(',', '');
  if (POINT_GROUPS.test(amount)) return amount.replaceAll('.', '').replace(',', '.');
  if (SPACE_GROUPS.test(amount)) return amount.replace(/[\s']/gu, '').replace(',', '.');
  if (/^[+-]?\d*,\d+$/.test(amount)) return amount.replace(',', '.');
  return amount;
}

/**
 * Digits in groups of three with a decimal mark, as either half of the world writes them (`1,234.5`, `1.234,5`,
 * `1 234,5`, `1'234.5`); value-patterns' number column check is made of the same.
 */
export const GROUPED_AMOUNTS: readonly string[] = [
  "[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?",
  "[1-9]\\d{0,2}(?:\\.\\d{3})+(?:,\\d+)?",
  "[1-9]\\d{0,2}(?:[ \\u00a0\\u202f']\\d{3})+(?:[.,]\\d+)?",
];
const [COMMA_GROUPS, POINT_GROUPS, SPACE_GROUPS] = GROUPED_AMOUNTS.map((source) => new RegExp(`^[+-]?${source}$`, 'u')) as [RegExp, RegExp, RegExp];
/** `1,234` and `1.234`, which read two ways: as a spreadsheet's number cell writes them, 1234 and 1.234. */
const ONE_GROUP = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * What exports write where a value is missing: `N/A`, `NULL` and `\N` (database dumps), `-`, `nan` (data tools), `#N/A` and
 * the other error values of a spreadsheet formula, zero dates (`0000-00-00`, Excel's `1900-01-00`), `0`, `/` and
 * `无` (Chinese lists). Only asked of a cell that is not a phone, e-mail, date or number: for such a field it is
 * an empty cell, not a bad value that fails the record. Text fields keep whatever the file says.
 */
export function isNoValue(value: string): boolean {
  const text = value.trim().normalize('NFKC').toLowerCase();
  return NO_VALUE_WORDS.has(text) || ZERO_FILLER.test(text) || SPREADSHEET_ERROR.test(text) || DAY_ZERO.test(text);
}

/**
 * What a program, not a person, writes for a missing value: a database dump's `NULL` and `\N`, `(null)`, `<null>`, a
 * data tool's `nan`, `NaN`, `NaT`, `None`, JavaScript's `undefined`, and a spreadsheet formula's error values (`#N/A`,
 * `#REF!`). Asked of text fields too, where the agent would see them as the customer's city or company: none of them
 * is written by hand for a value, and they are told by their spelling (a surname "Null" is not `NULL`). The words a
 * person writes (`N/A`, `none`, `-`, `unknown`) stay in a text field, which keeps what the file says.
 */
export function isWrittenNull(value: string): boolean {
  if (value.length > 14) return false;
  // A spreadsheet writes its error values in capitals.
  return WRITTEN_NULLS.has(value) || (value.charCodeAt(0) === 35 /* # */ && value === value.toUpperCase() && SPREADSHEET_ERROR.test(value.toLowerCase()));
}

const WRITTEN_NULLS: ReadonlySet<string> = new Set([
  'NULL', 'null', '(null)', '(NULL)', '<null>', '<NULL>', '[null]', '\\N', 'nan', 'NaN', 'NAN', 'NaT', 'None', 'undefined',
]);

/**
 * Excel's day zero (a date cell holding 0: 1900-01-00, 1/0/1900) and Outlook's empty birthday or anniversary in its
 * contacts export (1/0/00, 0/0/00): no date, in a list of them.
 */
const DAY_ZERO = /^(?:1900-01-00|0?[01][/.]0?0[/.](?:00|1900))$/;

const NO_VALUE_WORDS: ReadonlySet<string> = new Set([
  'n/a', 'na', 'n.a.', 'n.a', 'n/d', 'null', '(null)', '<null>', '\\n', 'none', '(none)', 'nil', 'nan', 'undefined', 'unknown',
  '-', '--', '---', '—', '–', '?', '/', '\\', '.', '无', '暂无', '没有', '空', '無', 'なし',
]);
/** Zeros and separators only: `0`, `000-000-0000`, `0000-00-00 00:00:00`, `00/00/0000`. */
const ZERO_FILLER = /^[0\s().+/:-]*0[0\s().+/:-]*$/;
const SPREADSHEET_ERROR = /^#(?:n\/a|null!|div\/0!|value!|ref!|name\?|num!|spill!|calc!|getting_data)$/;
