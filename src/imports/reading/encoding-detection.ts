// Guesses a text file's encoding from samples of its bytes: a BOM first, then the NUL pattern of
// UTF-32 or UTF-16, JIS escapes, then strict UTF-8 validity, then chardet's guesses, read and
// compared (mostReadable). Names are those iconv-lite understands.

import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DetectedEncoding = { encoding: string; confidence: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Detects the encoding; `samples[0]` is the head of the file, the rest slices from further in. `country` (the team's,
 * ISO 3166 alpha-2) decides between readings the bytes allow equally well: a short Turkish list's "Ayşe Yılmaz" reads
 * as Icelandic letters in Windows-1252 too, and a few Japanese names in EUC-JP as Chinese in GB18030.
 */
export function detectEncoding(samples: Uint8Array[], country?: string): DetectedEncoding {
  const head = samples[0] ?? new Uint8Array(0);
  const bom = encodingFromBom(head);
  if (bom) return { encoding: bom, confidence: 1 };
  const wide = utf32FromNulPattern(head) ?? utf16FromNulPattern(head);
  if (wide) return { encoding: wide, confidence: 0.9 };
  if (isIso2022Jp(head)) return { encoding: 'iso-2022-jp', confidence: 0.9 };

  const trimmed = samples.map((sample, i) => trimToLineBoundaries(sample, i > 0));
  if (trimmed.every(isValidUtf8)) {
    return { encoding: 'utf-8', confidence: trimmed.some(hasNonAscii) ? 1 : 0.9 };
  }
  // UTF-8 with a few damaged bytes is still UTF-8: read so, the damaged records are reported,
  // where another encoding would garble every accented letter of the file without a word.
  const utf8 = countUtf8Sequences(trimmed);
  if (utf8.valid >= 4 && utf8.invalid * 20 <= utf8.valid) return { encoding: 'utf-8', confidence: 0.6 };

  const joined = Buffer.concat(trimmed.map((sample) => Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength)));
  const regional = regionalCodePages(country);
  return mostReadable(readingsOf(linesWithNonAscii(trimmed), joined, regional), regional) ?? { encoding: 'windows-1252', confidence: 0.1 };
}

/** The legacy code pages of a country's languages, as its Windows and its older systems wrote text. */
const REGIONAL_CODE_PAGES: ReadonlyArray<readonly [countries: string, codePages: readonly string[]]> = [
  ['TR', ['windows-1254', 'iso-8859-9']],
  ['JP', ['shift_jis', 'euc-jp']],
  ['CN SG', ['gb18030']],
  ['TW HK MO', ['big5']],
  ['KR', ['euc-kr']],
  ['RU BY KZ KG UA BG RS MK MN TJ', ['windows-1251', 'koi8-r', 'koi8-u', 'ibm866']],
  ['GR CY', ['windows-1253', 'iso-8859-7']],
  ['IL', ['windows-1255', 'iso-8859-8']],
  ['SA AE EG IQ JO KW LB LY MA OM QA SY TN YE BH DZ SD PS IR', ['windows-1256']],
  ['TH', ['windows-874']],
  ['VN', ['windows-1258']],
  ['PL CZ SK HU RO HR SI BA AL', ['windows-1250', 'iso-8859-2']],
  ['EE LV LT', ['windows-1257']],
];

function regionalCodePages(country: string | undefined): readonly string[] {
  const code = country?.toUpperCase() ?? '';
  if (!/^[A-Z]{2}$/.test(code)) return [];
  return REGIONAL_CODE_PAGES.find(([countries]) => countries.split(' ').includes(code))?.[1] ?? [];
}

/**
 * Code pages chardet does not know: Mac Roman (Excel for Mac's "CSV"), and DOS's (Excel's "CSV (MS-DOS)" and "Text
 * (MS-DOS)": Western European 850 and US 437, and Cyrillic 866).
 */
const UNGUESSED_CODE_PAGES: readonly string[] = ['macintosh', 'cp850', 'cp437', 'ibm866'];

type Reading = { detected: DetectedEncoding; oddness: number; languageFit: number; letterCase: LetterCase };

/**
 * chardet's guesses, each with its sibling code page (Windows-1250 beside ISO-8859-2), and last the code pages it does
 * not know: those that decode the samples without an invalid byte.
 */
function readingsOf(samples: Uint8Array[], joined: Buffer, regional: readonly string[]): Reading[] {
  const readings: Reading[] = [];
  const classes = new CharClasses();
  const guesses = chardet.analyse(joined).map((guess) => ({ name: iconvName(guess.name), confidence: Math.round(guess.confidence) / 100 }));
  const others = [...regional, ...UNGUESSED_CODE_PAGES].map((name) => ({ name, confidence: 0.1 }));
  for (const guess of [...guesses, ...others]) {
    for (const encoding of withSiblingCodePage(guess.name)) {
      if (encoding.startsWith('utf-') || readings.some((reading) => reading.detected.encoding === encoding)) continue;
      const decoded = decodeCleanly(samples, encoding);
      if (decoded === null) continue;
      readings.push({ detected: { encoding, confidence: guess.confidence }, oddness: oddness(decoded, classes), languageFit: languageFit(decoded, classes), letterCase: letterCaseOf(decoded, classes) });
    }
  }
  return readings;
}

/**
 * chardet's statistics need text to work on, and a customer list has little of it: names and towns between numbers
 * and e-mail addresses. Its first guess is then often a neighbouring code page that turns letters into symbols
 * ("£ukasz" for "Łukasz"), capitals inside words or letters of another script. So the reading that looks least
 * misread wins; among those about as good, the one whose accented letters best fit one language's alphabet
 * ("Şehir İstanbul" rather than "Žehir Żstanbul"); among those, a code page of the team's country; then chardet's order.
 */
function mostReadable(readings: Reading[], regional: readonly string[]): DetectedEncoding | null {
  const leastOdd = Math.min(...readings.map((reading) => reading.oddness));
  const clean = readings.filter((reading) => reading.oddness <= leastOdd + ODDNESS_TIE);
  const bestFit = Math.max(...clean.map((reading) => reading.languageFit));
  const fitting = clean.filter((reading) => reading.languageFit >= bestFit - LANGUAGE_FIT_TIE);
  // All in small letters beside a reading in a script without case: Hebrew read as Greek or Cyrillic, unless the team's
  // country writes those letters (a Russian team's list typed all in small letters).
  const isCaseless = fitting.some((reading) => reading.letterCase === 'caseless');
  const best = isCaseless ? fitting.filter((reading) => reading.letterCase !== 'small only' || regional.includes(reading.detected.encoding)) : fitting;
  const first = best[0];
  const local = best.find((reading) => regional.includes(reading.detected.encoding));
  // chardet sure of another encoding (a Korean list's EUC-KR in a Japanese team) keeps it.
  const isChardetSure = first !== undefined && local !== undefined && first.detected.confidence >= CHARDET_SURE && first.detected.confidence - local.detected.confidence >= CHARDET_MARGIN;
  const chosen = local !== undefined && !isChardetSure ? local : first;
  if (chosen === undefined) return null;
  if (chosen === readings[0]) return chosen.detected;
  return { encoding: chosen.detected.encoding, confidence: Math.max(0.1, chosen.detected.confidence / 2) };
}

/**
 * Whether a reading's letters beyond ASCII have case, and if so whether any is a capital. Hebrew's letters sit where
 * ISO-8859-7 and Windows-1253 keep Greek small letters, and Windows-1251 Cyrillic ones: "שרה לוי" reads as "ωψδ μει"
 * or "шрд м,й". Names and towns in Greek or Cyrillic letters have capitals (or are all capitals), and those code pages'
 * small letters with accents or ы, ь, я are bytes Hebrew's code page does not use, so a reading of many small
 * letters and not one capital, beside a clean reading in a script without case, is the wrong one.
 */
type LetterCase = 'caseless' | 'small only' | 'cased';

const LETTERS_FOR_CASE = 8;

function letterCaseOf(text: string, classes: CharClasses): LetterCase {
  let small = 0;
  let capitals = 0;
  let uncased = 0;
  for (const char of text) {
    const point = char.codePointAt(0) as number;
    if (point < 0x80) continue;
    const flags = classes.of(point);
    if ((flags & CAPITAL) !== 0) capitals++;
    else if ((flags & SMALL) !== 0) small++;
    else if ((flags & LETTER) !== 0 && flags >> SCRIPT_SHIFT !== 0) uncased++;
  }
  if (capitals > 0) return 'cased';
  if (small >= LETTERS_FOR_CASE) return 'small only';
  return uncased >= LETTERS_FOR_CASE && small === 0 ? 'caseless' : 'cased';
}

/** Readings whose oddness differs by no more than this are told apart by their letters' language, then chardet's order. */
const ODDNESS_TIE = 0.05;
const LANGUAGE_FIT_TIE = 0.1;
/** chardet's confidence in its first guess, and its margin over the team's code page, that the team's country does not overrule. */
const CHARDET_SURE = 0.75;
const CHARDET_MARGIN = 0.3;

/** The lines of the samples that hold a non-ASCII byte, up to a budget: all that tells one reading from another. */
function linesWithNonAscii(samples: Uint8Array[]): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let budget = READING_BUDGET_BYTES;
  for (const sample of samples) {
    let start = 0;
    while (start < sample.length && budget > 0) {
      const lineFeed = sample.indexOf(0x0a, start);
      const end = lineFeed < 0 ? sample.length : lineFeed + 1;
      const line = sample.subarray(start, end);
      if (hasNonAscii(line)) {
        lines.push(line);
        budget -= line.length;
      }
      start = end;
    }
  }
  return lines;
}

const READING_BUDGET_BYTES = 32 * 1024;

/** An ISO code page and the Windows code page that extends it for the same languages, either way round. */
const SIBLING_CODE_PAGES: ReadonlyArray<readonly [string, string]> = [
  ['iso-8859-2', 'windows-1250'], ['iso-8859-5', 'windows-1251'], ['iso-8859-7', 'windows-1253'], ['iso-8859-9', 'windows-1254'],
  ['iso-8859-8', 'windows-1255'], ['iso-8859-6', 'windows-1256'], ['iso-8859-13', 'windows-1257'], ['iso-8859-11', 'windows-874'],
  ['koi8-r', 'koi8-u'],
];

function withSiblingCodePage(encoding: string | null): string[] {
  if (encoding === null) return [];
  const pair = SIBLING_CODE_PAGES.find((codePages) => codePages.includes(encoding));
  return pair ? [encoding, ...pair.filter((codePage) => codePage !== encoding)] : [encoding];
}

/**
 * How little a decoded text reads like words, as the share of its non-ASCII characters that look misread: a control,
 * or a symbol stuck to a letter ("£ukasz", "Mü¿ller"); a capital right after a small letter ("JŽrôme", "тЕКЕТНМ"); a
 * letter of another script than the rest of its word ("Gu齋undsson"); a word of three or more Latin letters none of
 * them ASCII (Hebrew or Greek read as Latin: "ãåã ëäï").
 */
function oddness(text: string, classes: CharClasses): number {
  const points = codePoints(text);
  let nonAscii = 0;
  let odd = 0;
  let wordStart = -1;
  for (let i = 0; i <= points.length; i++) {
    const point = i < points.length ? (points[i] as number) : 0x20;
    const flags = classes.of(point);
    const isInWord = (flags & WORD) !== 0;
    if (isInWord && wordStart < 0) wordStart = i;
    if (!isInWord && wordStart >= 0) {
      odd += oddLettersInWord(points, wordStart, i, classes);
      wordStart = -1;
    }
    if (point < 0x80) continue;
    nonAscii++;
    if ((flags & RARE) !== 0) odd++;
    if (isInWord || (flags & SPACE) !== 0) continue;
    const isNextToLetter = (i > 0 && (classes.of(points[i - 1] as number) & LETTER) !== 0) || (i + 1 < points.length && (classes.of(points[i + 1] as number) & LETTER) !== 0);
    if ((flags & CONTROL) !== 0 || isNextToLetter) odd++;
  }
  return nonAscii === 0 ? 0 : odd / nonAscii;
}

function oddLettersInWord(points: number[], start: number, end: number, classes: CharClasses): number {
  let odd = 0;
  let ascii = 0;
  let latinNonAscii = 0;
  let firstScript = 0;
  let isMixed = false;
  for (let i = start; i < end; i++) {
    const point = points[i] as number;
    const flags = classes.of(point);
    if (i > start && (flags & CAPITAL) !== 0) {
      const before = points[i - 1] as number;
      if ((classes.of(before) & SMALL) !== 0 && (point >= 0x80 || before >= 0x80)) odd++;
    }
    if (point < 0x80) ascii++;
    const script = flags >> SCRIPT_SHIFT;
    if (script === 0) continue;
    if (script === LATIN && point >= 0x80) latinNonAscii++;
    if (firstScript === 0) firstScript = script;
    else if (script !== firstScript) isMixed = true;
  }
  if (isMixed) odd += end - start - ascii;
  else if (ascii === 0 && latinNonAscii >= 3) odd += latinNonAscii;
  return odd;
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const char of text) points.push(char.codePointAt(0) as number);
  return points;
}

const WORD = 1;
const LETTER = 2;
const SMALL = 4;
const CAPITAL = 8;
const CONTROL = 16;
const SPACE = 32;
/** A Han character none of the Chinese, Japanese and Taiwanese standards counts among its common ones. */
const RARE = 64;
const SCRIPT_SHIFT = 8;
const LATIN = 1;
/** Scripts a word keeps to; Chinese, Japanese and Korean count as one, for Japanese mixes kanji and kana in a word. */
const SCRIPTS: readonly RegExp[] = [
  /^\p{Script=Latin}$/u, /^\p{Script=Greek}$/u, /^\p{Script=Cyrillic}$/u, /^\p{Script=Hebrew}$/u, /^\p{Script=Arabic}$/u,
  /^\p{Script=Thai}$/u, /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]$/u,
];

/** What each character is (letter, small, capital, control, script), worked out once per character per detection. */
class CharClasses {
  private readonly known = new Map<number, number>();

  of(point: number): number {
    let flags = this.known.get(point);
    if (flags === undefined) {
      flags = classify(String.fromCodePoint(point));
      this.known.set(point, flags);
    }
    return flags;
  }
}

function classify(char: string): number {
  let flags = 0;
  if (/^[\p{L}\p{M}]$/u.test(char)) flags |= LETTER | WORD;
  if (/^\p{Nd}$/u.test(char)) flags |= WORD;
  if (/^\p{Ll}$/u.test(char)) flags |= SMALL;
  if (/^\p{Lu}$/u.test(char)) flags |= CAPITAL;
  if (/^\p{Cc}$/u.test(char)) flags |= CONTROL;
  if (/^\s$/u.test(char)) flags |= SPACE;
  const script = SCRIPTS.findIndex((pattern) => pattern.test(char)) + 1;
  if (/^\p{Script=Han}$/u.test(char) && !isCommonHan(char)) flags |= RARE;
  return flags | (script << SCRIPT_SHIFT);
}

/**
 * Whether a Han character is among the common ones of GB 2312 (its first level, 3,755 hanzi), JIS X 0208 (its first
 * level, 2,965 kanji) or Big5 (its 5,401 frequent characters): Shift_JIS names read as GB18030, or the other way
 * round, are mostly characters none of them counts as common ("巵柤揹榖" for "氏名電話"), where a right reading's names
 * and places are nearly all common.
 */
function isCommonHan(char: string): boolean {
  const inRange = (encoding: string, from: number, to: number): boolean => {
    const bytes = iconv.encode(char, encoding);
    const code = bytes.length === 2 ? ((bytes[0] as number) << 8) | (bytes[1] as number) : 0;
    return code >= from && code <= to && (bytes[1] as number) >= 0x40;
  };
  return inRange('gb2312', 0xb0a1, 0xd7fe) || inRange('shift_jis', 0x889f, 0x9872) || inRange('big5', 0xa440, 0xc67e);
}

/**
 * The accented Latin letters (small) of the languages the single-byte code pages are made for. A right reading's
 * accented letters mostly belong to one of them; a wrong one's come from several ("Ţükrü Ýstanbul Çađlar").
 */
const ALPHABETS: readonly string[] = [
  'àâæçéèêëîïôœùûüÿ', 'äöüß', 'áéíñóúü', 'áâãàçéêíóôõú', 'àèéìíîòóùú', 'éëïöüèáó', 'æøåéó', 'åäöéüšž', 'áéíóúýþæöð',
  'àçèéíïòóúü', 'ąćęłńóśźż', 'áčďéěíňóřšťúůýž', 'áäčďéíĺľňóôŕšťúýž', 'áéíóöőúüű', 'ăâîșțşţ', 'čćđšž', 'çë',
  'çğıöşüâîû', 'äõöüšž', 'āčēģīķļņšūž', 'ąčęėįšųūž',
];

/**
 * The largest share of a text's accented Latin letters that one language's alphabet holds (1 for a text without
 * them).
 */
function languageFit(text: string, classes: CharClasses): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const char of text) {
    const point = char.codePointAt(0) as number;
    if (point < 0x80 || classes.of(point) >> SCRIPT_SHIFT !== LATIN) continue;
    const small = char === 'İ' ? 'i' : char.toLowerCase();
    counts.set(small, (counts.get(small) ?? 0) + 1);
    total++;
  }
  if (total === 0) return 1;
  let best = 0;
  for (const alphabet of ALPHABETS) {
    let held = 0;
    for (const [letter, count] of counts) if (alphabet.includes(letter) || letter === 'i') held += count;
    best = Math.max(best, held / total);
  }
  return best;
}

export function encodingFromBom(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return 'utf-32le';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'utf-32be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return 'gb18030';
  return null;
}

/** UTF-32 text without BOM: outside the rare characters above U+FFFF, NULs in two bytes of four, and most often three. */
function utf32FromNulPattern(head: Uint8Array): string | null {
  const length = Math.min(head.length, 4096) & ~3;
  if (length < 8) return null;
  const nulsAt = (offset: number): number => {
    let count = 0;
    for (let i = offset; i < length; i += 4) if (head[i] === 0) count++;
    return count;
  };
  const quads = length / 4;
  const [first, second, third, fourth] = [nulsAt(0), nulsAt(1), nulsAt(2), nulsAt(3)];
  if (fourth > quads * 0.95 && third > quads * 0.95 && first < quads * 0.05) return 'utf-32le';
  if (first > quads * 0.95 && second > quads * 0.95 && fourth < quads * 0.05) return 'utf-32be';
  return null;
}

/** Japanese text in the 7-bit JIS encoding of e-mail: escape sequences switch to JIS X 0208 (ESC $ B, ESC $ @). */
function isIso2022Jp(head: Uint8Array): boolean {
  for (let i = head.indexOf(0x1b); i >= 0 && i + 2 < head.length; i = head.indexOf(0x1b, i + 1)) {
    if (head[i + 1] === 0x24 && (head[i + 2] === 0x42 || head[i + 2] === 0x40)) return true;
  }
  return false;
}

/** UTF-16 text without BOM: mostly-Latin text has a NUL in every other byte. */
function utf16FromNulPattern(head: Uint8Array): string | null {
  const length = Math.min(head.length, 4096) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls > pairs * 0.3 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.3 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Cuts a sample to whole lines: a slice from the middle of the file starts after its first LF,
 * and every sample ends at its last LF, so no character is cut (CR and LF are never part of a multi-byte
 * character in the ASCII-compatible encodings detected here).
 */
function trimToLineBoundaries(sample: Uint8Array, isFromMiddle: boolean): Uint8Array {
  let start = 0;
  if (isFromMiddle) {
    const firstBreak = firstLineBreak(sample);
    start = firstBreak < 0 ? 0 : firstBreak + 1;
  }
  const lastBreak = Math.max(sample.lastIndexOf(0x0a), sample.lastIndexOf(0x0d));
  const end = lastBreak >= start ? lastBreak + 1 : trimUtf8Tail(sample);
  return sample.subarray(start, Math.max(start, end));
}

function firstLineBreak(sample: Uint8Array): number {
  const lf = sample.indexOf(0x0a);
  const cr = sample.indexOf(0x0d);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}

/** Length of a sample without a UTF-8 sequence cut at its end. */
function trimUtf8Tail(sample: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, sample.length); back++) {
    const byte = sample[sample.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? sample.length - back : sample.length;
  }
  return sample.length;
}

function isValidUtf8(sample: Uint8Array): boolean {
  try {
    strictUtf8.decode(sample);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) if ((sample[i] as number) >= 0x80) return true;
  return false;
}

/** The samples decoded, or null when a byte is invalid in the encoding. */
function decodeCleanly(samples: Uint8Array[], encoding: string): string | null {
  let text = '';
  for (const sample of samples) {
    const decoded = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);
    if (decoded.includes('\uFFFD')) return null;
    text += decoded;
  }
  return text;
}

/** Well-formed multi-byte UTF-8 sequences and bytes that fit none, over all samples. */
function countUtf8Sequences(samples: Uint8Array[]): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      const byte = sample[i] as number;
      if (byte < 0x80) continue;
      const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
      let isWellFormed = length > 0 && i + length <= sample.length;
      for (let k = 1; isWellFormed && k < length; k++) isWellFormed = ((sample[i + k] as number) & 0xc0) === 0x80;
      if (isWellFormed) {
        valid++;
        i += length - 1;
      } else {
        invalid++;
      }
    }
  }
  return { valid, invalid };
}

/** chardet's name as iconv-lite knows it; ISO-8859-1 is reported as its superset windows-1252. */
function iconvName(chardetName: string): string | null {
  const name = chardetName.toLowerCase();
  const mapped = name === 'iso-8859-1' ? 'windows-1252' : name === 'gbk' || name === 'gb2312' ? 'gb18030' : name;
  return iconv.encodingExists(mapped) ? mapped : null;
}
