// The country a list's Country cell names, as an ISO 3166 alpha-2 code: its code ("MX", "mx", "MEX"), its name in
// English or in one of the languages lists are written in ("Mexico", "México", "Deutschland", "Allemagne", "中国"),
// or a name lists use that is no official one ("USA", "UK", "Holland", "South Korea").
import { getCountries } from 'libphonenumber-js/max';

/** The languages whose names of countries are known: those Intake's header spellings cover. */
const LANGUAGES = [
  'en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'el', 'tr', 'ru', 'uk',
  'he', 'ar', 'hi', 'th', 'vi', 'id', 'ko', 'ja', 'zh', 'zh-Hant',
];

/** Names and codes lists write that Intl does not give. */
const ALIASES: ReadonlyArray<[name: string, code: string]> = [
  ['usa', 'US'], ['u s a', 'US'], ['u s', 'US'], ['united states of america', 'US'], ['america', 'US'], ['estados unidos de america', 'US'],
  ['uk', 'GB'], ['u k', 'GB'], ['great britain', 'GB'], ['britain', 'GB'], ['england', 'GB'], ['scotland', 'GB'], ['wales', 'GB'],
  ['northern ireland', 'GB'], ['united kingdom of great britain and northern ireland', 'GB'],
  ['holland', 'NL'], ['the netherlands', 'NL'], ['czech republic', 'CZ'], ['turkey', 'TR'], ['ivory coast', 'CI'],
  ['korea', 'KR'], ['republic of korea', 'KR'], ['korea republic of', 'KR'], ['korea south', 'KR'], ['north korea', 'KP'],
  ['russian federation', 'RU'], ['viet nam', 'VN'], ['uae', 'AE'], ['u a e', 'AE'], ['ksa', 'SA'], ['prc', 'CN'], ['p r china', 'CN'],
  ['people s republic of china', 'CN'], ['mainland china', 'CN'], ['hong kong sar', 'HK'], ['macao sar', 'MO'], ['macau', 'MO'],
  ['republic of china', 'TW'], ['brd', 'DE'], ['burma', 'MM'], ['swaziland', 'SZ'], ['macedonia', 'MK'], ['cape verde', 'CV'],
  ['east timor', 'TL'], ['vatican', 'VA'], ['palestine', 'PS'], ['bosnia', 'BA'], ['trinidad', 'TT'], ['zaire', 'CD'],
];

/** ISO 3166 alpha-3 codes of the countries most lists name so. */
const ALPHA_3: Readonly<Record<string, string>> = {
  USA: 'US', CAN: 'CA', MEX: 'MX', BRA: 'BR', ARG: 'AR', COL: 'CO', CHL: 'CL', PER: 'PE', VEN: 'VE', ECU: 'EC', GBR: 'GB',
  IRL: 'IE', DEU: 'DE', AUT: 'AT', CHE: 'CH', FRA: 'FR', BEL: 'BE', NLD: 'NL', LUX: 'LU', ESP: 'ES', PRT: 'PT', ITA: 'IT',
  GRC: 'GR', SWE: 'SE', NOR: 'NO', DNK: 'DK', FIN: 'FI', ISL: 'IS', POL: 'PL', CZE: 'CZ', SVK: 'SK', HUN: 'HU', ROU: 'RO',
  BGR: 'BG', HRV: 'HR', SVN: 'SI', SRB: 'RS', UKR: 'UA', RUS: 'RU', TUR: 'TR', ISR: 'IL', SAU: 'SA', ARE: 'AE', EGY: 'EG',
  MAR: 'MA', NGA: 'NG', KEN: 'KE', ZAF: 'ZA', IND: 'IN', PAK: 'PK', BGD: 'BD', CHN: 'CN', HKG: 'HK', TWN: 'TW', JPN: 'JP',
  KOR: 'KR', SGP: 'SG', MYS: 'MY', IDN: 'ID', THA: 'TH', VNM: 'VN', PHL: 'PH', AUS: 'AU', NZL: 'NZ',
};

let byName: Map<string, string> | null = null;

/** A name as compared: without accents, case or punctuation ("Côte d’Ivoire" is "cote d ivoire"). */
function comparable(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function names(): Map<string, string> {
  if (byName !== null) return byName;
  const map = new Map<string, string>();
  const codes = getCountries();
  // The names of each language in turn, English first: a name two countries share in different languages keeps
  // its English meaning.
  for (const language of LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      const name = display.of(code);
      if (name !== undefined) {
        const key = comparable(name);
        if (key !== '' && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [name, code] of ALIASES) map.set(name, code);
  byName = map;
  return map;
}

/**
 * The country (ISO 3166 alpha-2, upper case) a cell names, or null: a code of two or three letters in any case, or a
 * name. Only countries libphonenumber knows (those a phone number can belong to).
 */
export function countryNamed(value: string): string | null {
  const text = value.trim();
  if (text.length === 0 || text.length > 60) return null;
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (code === 'UK') return 'GB';
    return KNOWN.has(code) ? code : null;
  }
  if (/^[A-Z]{3}$/.test(text) && ALPHA_3[text] !== undefined) return ALPHA_3[text];
  return names().get(comparable(text)) ?? null;
}

const KNOWN: ReadonlySet<string> = new Set(getCountries());
