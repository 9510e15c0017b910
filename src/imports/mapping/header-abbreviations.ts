// The abbreviations of database column names, as data teams and legacy systems export them: FRST_NM, PHN_NBR,
// ADDR_LINE_1, ST_CD, ZIP_CD, BIRTH_DT. A header's words are read with these written out as a variant of it
// (header-matching), so that "CUST_ZIP_CD" is the ZIP as "Customer Zip Code" is.

import { normaliseHeader, splitHeaderWords } from './header-normalisation.js';

const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['nm', ['name']], ['nme', ['name']], ['fname', ['first', 'name']], ['lname', ['last', 'name']], ['mname', ['middle', 'name']],
  ['frst', ['first']], ['fst', ['first']], ['lst', ['last']], ['mdl', ['middle']], ['mid', ['middle']],
  ['nbr', ['number']], ['cd', ['code']], ['dt', ['date']], ['addr', ['address']], ['adr', ['address']],
  ['phn', ['phone']], ['mbl', ['mobile']], ['eml', ['email']], ['cntry', ['country']], ['ctry', ['country']],
  ['cty', ['city']], ['pstl', ['postal']], ['gndr', ['gender']], ['brth', ['birth']], ['cust', ['customer']],
  ['cntct', ['contact']], ['ctc', ['contact']], ['cmpny', ['company']], ['desc', ['description']], ['rmk', ['remark']],
  ['rmks', ['remarks']], ['cmnt', ['comment']], ['cmnts', ['comments']], ['ttl', ['title']],
  // Shortened words of other languages' headers: "Моб. телефон", "Тел. рабочий", "Tgl Lahir", "Tlp".
  ['моб', ['мобильный']], ['сот', ['сотовый']], ['тел', ['телефон']], ['tgl', ['tanggal']], ['tlp', ['telepon']],
]);

/** The header's words with database abbreviations written out, or null when it has none. */
export function expandAbbreviations(words: readonly string[]): string[] | null {
  if (!words.some((word) => ABBREVIATIONS.has(word))) return null;
  return words.flatMap((word) => ABBREVIATIONS.get(word) ?? [word]);
}

/** What a table of normalised headers holds for a header, as written or with its abbreviations written out. */
export function lookUpHeader<T>(table: ReadonlyMap<string, T>, header: string): T | undefined {
  const found = table.get(normaliseHeader(header));
  if (found !== undefined) return found;
  const expanded = expandAbbreviations(splitHeaderWords(header));
  return expanded === null ? undefined : table.get(expanded.join(''));
}
