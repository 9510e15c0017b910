// Postal codes that lost their leading zeros: a spreadsheet takes "02134" (Boston) for the number 2134 as soon as the
// list is opened and saved again, and exports write it so. Where a country's codes are all digits of one length, a
// shorter code of digits can only be such a number: its zeros go back in front.
import { countryNamed } from '../../phones/country-names.js';
import { withAsciiDigits } from '../../shared/ascii-digits.js';

/** Countries whose postal codes are digits of one length and may begin with 0, by the length. */
const POSTAL_CODE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['US', 5], ['PR', 5], ['DE', 5], ['FR', 5], ['IT', 5], ['ES', 5], ['MX', 5], ['FI', 5], ['MY', 5], ['KR', 5],
  ['CN', 6], ['JP', 7],
]);

/**
 * Gives a postal code its leading zeros back where its country's codes are digits of one length: `2134` → `02134` in
 * the US, `1067` → `01067` in Germany, ZIP+4 `21341234` → `021341234`, `2134.0` (a number column written as floats)
 * too; `2000.0` is 2000 anywhere. The country is the record's own when it names one (a code, "USA", "Deutschland"),
 * else its phone number's (asked only of a code that would change), else the team's; a record whose country is
 * another, or not known here, keeps its code as written.
 */
export function createPostalCodeRepair(teamCountry: string): (code: string, country: string | null, phoneCountry: () => string | undefined) => string {
  return (written, country, phoneCountry) => {
    const code = asciiCode(written);
    if (!/^'?\d{3,8}(?:\.0+)?$/.test(code)) return code;
    // Excel's text mark ('02134), written out by some exports, goes with the rest.
    const digits = code.replace(/^'|\.0+$/g, '');
    const where = country === null ? teamCountry.toUpperCase() : countryNamed(country);
    if (where === null) return digits;
    const repaired = withZeros(digits, where);
    // Without a country of its own, the record's phone decides, if it would change anything.
    if (repaired === null || country !== null) return repaired ?? digits;
    return withZeros(digits, phoneCountry() ?? where) ?? digits;
  };
}

/**
 * A code typed the Japanese way, in full-width digits and hyphen (`１００－０００１`), after the postal mark (`〒100-0001`),
 * or with the long-vowel mark for a hyphen (`100ー0001`, as Japanese input gives it): as the post writes it, `100-0001`;
 * in another script's digits (`١٢٣٤٥`), in ASCII ones.
 */
function asciiCode(written: string): string {
  // Arabic, Persian, Devanagari … digits (١٢٣٤٥) as ASCII ones, as the post's machines and a search read them.
  const code = withAsciiDigits(written);
  if (!/[\uFF10-\uFF19\uFF0D〒]|\dー\d/u.test(code)) return code;
  return code.normalize('NFKC').replace(/^\s*〒\s*/u, '').replace(/(\d)[ー−‐―](?=\d)/gu, '$1-').trim();
}

/** The code with the zeros its country's length asks for in front, or null when it is no code of that country cut short. */
function withZeros(digits: string, country: string): string | null {
  const length = POSTAL_CODE_DIGITS.get(country);
  if (length === undefined) return null;
  if (digits.length >= length - 2 && digits.length < length) return digits.padStart(length, '0');
  // ZIP+4 written as one number.
  if (country === 'US' && (digits.length === 7 || digits.length === 8)) return digits.padStart(9, '0');
  return null;
}
