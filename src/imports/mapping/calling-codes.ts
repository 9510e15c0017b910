// A column of country calling codes beside a column of national numbers, as lists from the Gulf, India and sign-up
// forms keep them ("Country Code" +971, "Mobile" 50 123 4567): each number is read with the code of its row.
import { countryNamed } from '../../phones/country-names.js';
import { normaliseHeader } from './header-normalisation.js';

const CALLING_CODE_HEADER = new RegExp(
  // Vicidial's lists: "phone_code" (1, 44, 52) beside "phone_number".
  '^phonecode$|' +
  '^(?:(?:phone|mobile|cell|tel|telephone|whatsapp|contact))?(?:' +
    [
      'country(?:calling|dial(?:l?ing)?|phone)?code', '(?:international)?callingcode', 'dial(?:l?ing)?code',
      'isd(?:code)?', 'international(?:dial(?:l?ing)?)?(?:code|prefix)', 'intl(?:code|prefix)', 'countryprefix',
      'codigo(?:de|del)?pais', 'codpais', 'codigointernacional', 'indicativo(?:(?:do|de|del)?pais|internacional)',
      'prefijo(?:internacional|(?:de|del)?pais)', 'landervorwahl', 'vorwahlland', 'internationalevorwahl',
      'indicatif(?:(?:du)?pays|international)', 'prefisso(?:internazionale|(?:del)?paese)',
      'landcode', 'landnummer', 'kodkraju', 'kierunkowykraju', 'landsnummer',
      'кодстраны', 'ulkekodu', 'رمزالدوله', 'مفتاحالدوله', 'كودالدوله', 'קידומתמדינה',
      '国家代码', '国家区号', '国际区号', '国家地区代码', '國碼', '国番号', '国コード', '국가번호', '국가코드', 'รหัสประเทศ', 'maquocgia', 'kodenegara',
    ].join('|') +
    ')$',
  'u',
);

/**
 * Whether a column's header names the calling code of the numbers beside it: "Country Code", "ISD Code", "Dial Code",
 * "Ländervorwahl", "国家代码", Vicidial's "phone_code".
 */
export function isCallingCodeHeader(header: string): boolean {
  return CALLING_CODE_HEADER.test(normaliseHeader(header));
}

export type CallingCodeCell = { code: string } | { country: string } | null;

/**
 * What a calling-code cell says: a code's digits ("+52", "0052", "52", "+1-876", "Mexico (+52)", "🇦🇪 +971"), or
 * a country when it names one instead ("MX", "Mexico"); null for anything else.
 */
export function readCallingCodeCell(value: string): CallingCodeCell {
  const text = value.trim();
  if (text === '' || text.length > 40) return null;
  const plus = /\+\s*(\d{1,4}(?:[\s-]\d{1,4})?)\s*\)?\s*$/u.exec(text);
  if (plus) return { code: (plus[1] as string).replace(/\D/g, '') };
  const bare = /^\(?(?:00)?(\d{1,4}(?:[\s-]\d{1,4})?)\)?$/.exec(text);
  const code = bare ? (bare[1] as string).replace(/\D/g, '').replace(/^0+/, '') : '';
  if (code !== '') return { code };
  const country = countryNamed(text);
  return country === null ? null : { country };
}

/**
 * The ways to read a number with its row's calling code, most likely first: the code before it ("+52 55 1234 5678"),
 * then without the trunk 0 a national number is written with ("07911 123456" beside +44), then the number itself
 * when it starts with the code ("52 55 1234 5678"). None for a number written in its international form already.
 */
export function withCallingCode(written: string, code: string): string[] {
  const text = written.trim();
  if (/^(?:\+|00)/.test(text)) return [];
  const readings = [`+${code} ${text}`];
  if (/^\(?0[1-9]/.test(text)) readings.push(`+${code} ${text.replace(/^(\(?)0/, '$1')}`);
  if (text.replace(/\D/g, '').startsWith(code)) readings.push(`+${text}`);
  return readings;
}

/** Whether a column's values (the first records') are calling codes, most of those filled: "+971", "91", "0044". */
export function holdsCallingCodes(values: readonly string[]): boolean {
  const filled = values.filter((value) => value.trim() !== '');
  const codes = filled.filter((value) => {
    const read = readCallingCodeCell(value);
    return read !== null && 'code' in read;
  });
  return filled.length > 0 && codes.length * 2 > filled.length;
}
