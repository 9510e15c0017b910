// Decodes a file's bytes chunk by chunk in a named encoding and says whether a chunk held bytes
// that are invalid in it, so such records can be reported instead of silently replaced.

import iconv from 'iconv-lite';

export type DecodedText = { text: string; hasInvalidBytes: boolean };

export type ChunkDecoder = {
  decode(chunk: Uint8Array): DecodedText;
  end(): DecodedText;
};

const REPLACEMENT = '\uFFFD';

/** An encoding's name as compared: "UTF-8", "utf8" and "Windows_1258" are "utf8" and "windows1258". */
function compactName(encoding: string): string {
  return encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The decoder route for an encoding name: the platform's TextDecoder for UTF-8/16 and for ISO-2022-JP (the 7-bit JIS
 * of Japanese e-mail, which iconv-lite lacks: it switches between ASCII and JIS X 0208 by escape sequences, so its
 * state is kept from chunk to chunk), iconv-lite otherwise.
 */
function nativeLabel(encoding: string): 'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-2022-jp' | null {
  const compact = compactName(encoding);
  if (compact === 'utf8') return 'utf-8';
  if (compact === 'utf16le' || compact === 'ucs2') return 'utf-16le';
  if (compact === 'utf16be') return 'utf-16be';
  if (compact === 'iso2022jp' || compact === 'csiso2022jp') return 'iso-2022-jp';
  return null;
}

export function isKnownEncoding(encoding: string): boolean {
  return nativeLabel(encoding) !== null || iconv.encodingExists(encoding);
}

export function createChunkDecoder(encoding: string): ChunkDecoder {
  const label = nativeLabel(encoding);
  if (label !== null) {
    const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: false });
    // U+FFFD as the file writes it; JIS has no code for it: every one in its text stands for bytes it does not allow.
    const literal = label === 'iso-2022-jp' ? null : Buffer.from(REPLACEMENT, label === 'utf-8' ? 'utf8' : 'utf16le');
    if (label === 'utf-16be') literal?.swap16();
    return {
      decode(chunk) {
        const text = decoder.decode(chunk, { stream: true });
        return { text, hasInvalidBytes: hasInvalidReplacement(text, chunk, literal) };
      },
      end() {
        const text = decoder.decode();
        return { text, hasInvalidBytes: text.includes(REPLACEMENT) };
      },
    };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const iconvDecoder: ChunkDecoder = {
    decode(chunk) {
      const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      return { text, hasInvalidBytes: text.includes(REPLACEMENT) };
    },
    end() {
      const text = decoder.end() ?? '';
      return { text, hasInvalidBytes: text.includes(REPLACEMENT) };
    },
  };
  return WRITES_TONE_MARKS_APART.has(compactName(encoding)) ? composing(iconvDecoder) : iconvDecoder;
}

/** Vietnamese Windows-1258 writes most tone marks as characters of their own after the vowel. */
const WRITES_TONE_MARKS_APART: ReadonlySet<string> = new Set(['windows1258', 'cp1258', 'win1258']);

/**
 * The text composed (NFC): decoded as written, "Nguyễn" from Windows-1258 is a vowel and a combining tone mark, which
 * looks the same but is not the "Nguyễn" an agent types to search, nor that of the same customer from a UTF-8 list
 * (a duplicate by name not found). A chunk's last letter waits for the next chunk, which may begin with its marks.
 */
function composing(decoder: ChunkDecoder): ChunkDecoder {
  let pending = '';
  const composed = (text: string): DecodedText => {
    const normalised = text.normalize('NFC');
    return { text: normalised, hasInvalidBytes: normalised.includes(REPLACEMENT) };
  };
  return {
    decode(chunk) {
      const text = pending + decoder.decode(chunk).text;
      let cut = text.length;
      while (cut > 0 && COMBINING_MARK.test(text.charAt(cut - 1))) cut--;
      cut = Math.max(0, cut - 1);
      pending = text.slice(cut);
      return composed(text.slice(0, cut));
    },
    end() {
      const text = pending + decoder.end().text;
      pending = '';
      return composed(text);
    },
  };
}

const COMBINING_MARK = /^\p{M}$/u;

/** U+FFFD in the text means invalid bytes unless the file itself holds that many U+FFFD (`literal` null: it cannot hold one). */
function hasInvalidReplacement(text: string, chunk: Uint8Array, literal: Buffer | null): boolean {
  if (!text.includes(REPLACEMENT)) return false;
  if (literal === null) return true;
  const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let literalCount = 0;
  for (let at = bytes.indexOf(literal); at >= 0; at = bytes.indexOf(literal, at + literal.length)) literalCount++;
  if (literalCount === 0) return true;
  let decodedCount = 0;
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) decodedCount++;
  return decodedCount > literalCount;
}

/** All of a file's bytes as text (a format read whole). */
export function decodeWhole(data: Uint8Array, encoding: string): string {
  const decoder = createChunkDecoder(encoding);
  return decoder.decode(data).text + decoder.end().text;
}

/** Decodes a whole sample (for sniffing); the result may end in a cut character. */
export function decodeSample(sample: Uint8Array, encoding: string): string {
  const decoder = createChunkDecoder(encoding);
  return decoder.decode(sample).text;
}
