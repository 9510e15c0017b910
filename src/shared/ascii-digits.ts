// Digits of other scripts, as lists from Arabic, Persian, Hindi, Bengali and Thai offices write them (١٩٨٠/٠٤/٠٢,
// ۱۲۳, १२३, ১২৩, ๑๒๓): Unicode's compatibility folding (NFKC) leaves them as they are, and a date, a number or a
// header's "2" must read them as the ASCII ones.

/** Where each script's ten digits start: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari, Bengali, Thai. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50];
const OTHER_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59]/gu;
const HAS_OTHER_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59]/u;

function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code;
  return String(code - zero);
}

/** The text with those digits as ASCII ones (the Arabic decimal and thousands separators too: ٫ is '.', ٬ is ','). */
export function withAsciiDigits(text: string): string {
  if (!HAS_OTHER_DIGIT.test(text)) return text;
  return text.replace(OTHER_DIGIT, asciiDigit).replace(/\u066B/gu, '.').replace(/\u066C/gu, ',');
}
