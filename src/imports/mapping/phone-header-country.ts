// A phone column whose header names a country ("US Phone", "UK Mobile", "Phone (Mexico)", "Teléfono México"): an
// international list keeps each country's numbers apart so, written the national way ("020 7946 0958" under "UK
// Phone"), and they are read as that country's. Only a header that is a phone word and a country's name or code, and
// nothing else: "Home Phone", "Phone 2", "New Jersey Office" name none.
import { countryNamed } from '../../phones/country-names.js';

/** Words that say "phone" (or which phone) in a header; what is left beside them must be a country. */
const PHONE_WORDS: ReadonlySet<string> = new Set([
  'phone', 'phones', 'mobile', 'mob', 'cell', 'cellphone', 'cellular', 'tel', 'telephone', 'number', 'num', 'no', 'nr',
  'contact', 'work', 'home', 'office', 'main', 'primary', 'direct', 'landline', 'whatsapp', 'business', 'personal',
  'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'número', 'numero', 'telefon', 'handy', 'festnetz', 'téléphone',
  'portable', 'telefone', 'telemovel', 'telemóvel',
]);

/**
 * Country codes read in a header only in capitals and only these: a code that is also a word or a department ("IT
 * Phone", "HR Phone", "PA Phone", "NO" for number, "IN") is never one.
 */
const HEADER_CODES: ReadonlySet<string> = new Set([
  'US', 'USA', 'UK', 'GB', 'CA', 'AU', 'NZ', 'IE', 'MX', 'BR', 'AR', 'CL', 'CO', 'PE', 'CN', 'HK', 'TW', 'SG', 'MY',
  'JP', 'KR', 'PH', 'TH', 'VN', 'ID', 'AE', 'UAE', 'SA', 'KSA', 'ZA', 'NG', 'KE', 'EG', 'DE', 'FR', 'ES', 'PT', 'NL',
  'BE', 'CH', 'AT', 'SE', 'DK', 'FI', 'PL', 'CZ', 'RO', 'GR', 'TR', 'RU', 'UA', 'IL', 'PK', 'BD',
]);

/** Country names that are as often something else in a US list's header: a state (Georgia), a county, a given name. */
const NOT_COUNTRIES: ReadonlySet<string> = new Set(['georgia', 'jersey', 'jordan', 'chad', 'guernsey']);

/** The ISO code of the country a phone column's header names, or null when it names none. */
export function countryOfPhoneHeader(header: string): string | null {
  const words = header.normalize('NFKC').split(/[^\p{L}\p{N}#]+/u).filter((word) => word !== '');
  const rest = words.filter((word) => !PHONE_WORDS.has(word.toLowerCase()) && word !== '#');
  if (rest.length === 0 || rest.length === words.length || rest.length > 3) return null;
  const named = rest.join(' ');
  if (rest.length === 1 && /^[A-Z]{2,3}$/.test(named)) {
    if (!HEADER_CODES.has(named)) return null;
    return named === 'UAE' ? 'AE' : named === 'KSA' ? 'SA' : countryNamed(named);
  }
  if (named.length < 4 || NOT_COUNTRIES.has(named.toLowerCase())) return null;
  return countryNamed(named);
}
