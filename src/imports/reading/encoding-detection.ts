// Guesses a text file's encoding from samples of its bytes: a BOM first, then the NUL pattern of
// UTF-16, then strict UTF-8 validity, then chardet's statistics, keeping only a candidate that
// decodes the samples without invalid bytes. Names are those iconv-lite understands.

import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DetectedEncoding = { encoding: string; confidence: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Detects the encoding; `samples[0]` is the head of the file, the rest slices from further in. */
export function detectEncoding(samples: Uint8Array[]): DetectedEncoding {
  const head = samples[0] ?? new Uint8Array(0);
  const bom = encodingFromBom(head);
  if (bom) return { encoding: bom, confidence: 1 };
  const utf16 = utf16FromNulPattern(head);
  if (utf16) return { encoding: utf16, confidence: 0.9 };

  const trimmed = samples.map((sample, i) => trimToLineBoundaries(sample, i > 0));
  if (trimmed.every(isValidUtf8)) {
    return { encoding: 'utf-8', confidence: trimmed.some(hasNonAscii) ? 1 : 0.9 };
  }
  // UTF-8 with a few damaged bytes is still UTF-8: read so, the damaged records are reported,
  // where another encoding would garble every accented letter of the file without a word.
  const utf8 = countUtf8Sequences(trimmed);
  if (utf8.valid >= 4 && utf8.invalid * 20 <= utf8.valid) return { encoding: 'utf-8', confidence: 0.6 };

  const joined = Buffer.concat(trimmed.map((sample) => Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength)));
  // chardet's statistics need text to work on; on a few CJK names its first guess is often a
  // single-byte code page that turns them into punctuation. So when much of the text is
  // non-ASCII, a guess must also give mostly letters; the first that does wins, in chardet's
  // order of confidence. (Sparse stray bytes in English text say too little to judge that way.)
  const isMostlyNonAscii = nonAsciiShare(joined) >= 0.1;
  let fallback: { detected: DetectedEncoding; decoded: string } | null = null;
  for (const candidate of chardet.analyse(joined)) {
    const encoding = iconvName(candidate.name);
    if (encoding === null || encoding === 'utf-8' || encoding.startsWith('utf-')) continue;
    const decoded = decodeCleanly(trimmed, encoding);
    if (decoded === null) continue;
    const confidence = Math.round(candidate.confidence) / 100;
    if (!isMostlyNonAscii || letterShare(decoded) >= 0.8) return orMacRoman(trimmed, { encoding, confidence }, decoded);
    fallback ??= { detected: { encoding, confidence: confidence / 2 }, decoded };
  }
  return fallback ? orMacRoman(trimmed, fallback.detected, fallback.decoded) : orMacRoman(trimmed, { encoding: 'windows-1252', confidence: 0.1 });
}

/** The single-byte code pages of Latin scripts that chardet names for text written on a Mac as well. */
const LATIN_CODE_PAGES: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'windows-1250', 'iso-8859-2', 'windows-1254', 'iso-8859-9']);

/**
 * Excel for Mac writes "CSV" in Mac Roman, which chardet does not know: its accented letters (é 0x8E, ü 0x9F) are
 * capitals and symbols in Windows-1252 ("JŽr™me"), and Windows-1252's (é 0xE9) are capitals in Mac Roman ("JÈrÙme").
 * Whichever reading puts more small letters inside words is the file's.
 */
function orMacRoman(samples: Uint8Array[], detected: DetectedEncoding, decoded = decodeCleanly(samples, detected.encoding)): DetectedEncoding {
  if (!LATIN_CODE_PAGES.has(detected.encoding)) return detected;
  const mac = decodeCleanly(samples, 'macintosh');
  if (mac === null) return detected;
  const macWordLetters = lettersInsideWords(mac);
  if (macWordLetters < 3) return detected;
  return decoded === null || macWordLetters > 2 * lettersInsideWords(decoded) ? { encoding: 'macintosh', confidence: Math.max(0.1, detected.confidence / 2) } : detected;
}

/** Non-ASCII small letters between two small letters ("é" in "Jérôme"): how a right reading of a Latin text looks. */
function lettersInsideWords(text: string): number {
  let count = 0;
  const chars = [...text];
  for (let i = 1; i < chars.length - 1; i++) {
    const char = chars[i] as string;
    if (char.charCodeAt(0) < 0x80 || !SMALL_LETTER.test(char)) continue;
    if (SMALL_LETTER.test(chars[i - 1] as string) && SMALL_LETTER.test(chars[i + 1] as string)) count++;
  }
  return count;
}
const SMALL_LETTER = /^\p{Ll}$/u;

export function encodingFromBom(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return 'gb18030';
  return null;
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

function nonAsciiShare(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) count++;
  return bytes.length === 0 ? 0 : count / bytes.length;
}

/** Share of the non-ASCII characters that are letters (names, words), not symbols or controls. */
function letterShare(text: string): number {
  let nonAscii = 0;
  let letters = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    // Half-width katakana are letters, but what a wrong East Asian guess mostly produces.
    if (/[\p{L}\p{M}]/u.test(char) && !/[\uFF61-\uFF9F]/.test(char)) letters++;
  }
  return nonAscii === 0 ? 1 : letters / nonAscii;
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
