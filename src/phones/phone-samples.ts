// Test support: a seeded stream of phone cells as people type them, for proving the fast normaliser
// equal to the library. Numbers start from the library's example mobile numbers with random tails
// (so both valid and invalid ones come out), then get dressed in one of many shapes.
import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import examples from 'libphonenumber-js/examples.mobile.json';
import { createRandom } from '../shared/seeded-random.js';

/** The countries the brief names, and more that share calling codes or have unusual prefixes. */
export const SAMPLE_COUNTRIES = [
  'US', 'CA', 'CN', 'HK', 'TW', 'GB', 'DE', 'FR', 'IN', 'JP', 'KR', 'AU', 'BR', 'MX', 'RU', 'KZ', 'IT', 'ES',
  'NL', 'SG', 'MY', 'ID', 'PH', 'VN', 'TH', 'AE', 'SA', 'ZA', 'NG', 'EG', 'AR', 'CO', 'CL', 'PE', 'TR', 'IL',
  'PK', 'BD', 'NZ', 'IE', 'CH', 'AT', 'BE', 'SE', 'NO', 'SJ', 'FI', 'AX', 'PL', 'UA', 'JM', 'PR', 'DO', 'BS',
  'GG', 'IM', 'JE', 'VA', 'MA', 'EH', 'RE', 'YT', 'GP', 'CW', 'BQ', 'SH', 'TA', 'CC', 'CX', 'VI', 'UZ', 'KE',
] as const;

type PlanReader = { nationalPrefix(): string | undefined; callingCode(): string };
const metadata = new Metadata(maxMetadata) as unknown as {
  selectNumberingPlan(country: string): { numberingPlan: PlanReader };
};
const exampleNumbers = examples as unknown as Record<string, string | undefined>;

/** Yields `count` phone cells in many shapes, from `homeCountry` (40%) and `countries`. */
export function* generatePhoneCells(
  count: number,
  seed: number,
  homeCountry?: string,
  countries: readonly string[] = SAMPLE_COUNTRIES,
): Generator<string> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += String(Math.floor(random() * 10));
    return out;
  };
  const nationalNumberOf = (country: string): string => {
    const example = exampleNumbers[country] ?? digits(9);
    // Now and then any length, to reach the gaps between a plan's possible lengths.
    if (random() < 0.15) {
      const length = 4 + Math.floor(random() * 13);
      const lead = example.slice(0, 1 + Math.floor(random() * 3));
      return lead + digits(Math.max(0, length - lead.length));
    }
    // Keep the leading digits, randomise the tail: mostly valid numbers, some not.
    const kept = Math.max(1, example.length - 1 - Math.floor(random() * Math.min(6, example.length)));
    return example.slice(0, kept) + digits(example.length - kept);
  };
  const bench = (): string => (random() < 0.7 ? pick(['415', '212', '646', '312', '617']) + (2 + Math.floor(random() * 8)) + digits(6) : `138${digits(8)}`);

  for (let i = 0; i < count; i++) {
    // A team's own country is the one most of its cells are from.
    const country = homeCountry !== undefined && random() < 0.4 ? homeCountry : pick(countries);
    const plan = metadata.selectNumberingPlan(country).numberingPlan;
    const callingCode = plan.callingCode();
    const nationalPrefix = plan.nationalPrefix() ?? '';
    const national = random() < 0.1 ? bench() : nationalNumberOf(country);
    yield dress(national, callingCode, nationalPrefix);
  }

  function dress(national: string, callingCode: string, nationalPrefix: string): string {
    const grouped = (text: string, separator: string): string => text.replace(/(\d{3})(?=\d{2})/g, `$1${separator}`);
    const shape = Math.floor(random() * 40);
    switch (shape) {
      case 0: case 1: case 2: case 3: return national;
      case 4: case 5: return nationalPrefix + national;
      case 6: case 7: case 8: return `+${callingCode}${national}`;
      case 9: case 10: return `+${callingCode} ${grouped(national, ' ')}`;
      case 11: return `00${callingCode}${national}`;
      case 12: return `011 ${callingCode} ${national}`;
      case 13: return `${pick(['810', '0011', '001', '010', '009', '00', '011'])}${callingCode}${national}`;
      case 14: return `${callingCode}${national}`;
      case 15: return `${callingCode}${nationalPrefix}${national}`;
      case 16: return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
      case 17: return grouped(nationalPrefix + national, pick(['-', '.', ' ', '/', '-']));
      case 18: return `+${callingCode} (${nationalPrefix}) ${grouped(national, '-')}`;
      case 19: return `(+${callingCode}) ${grouped(national, ' ')}`;
      case 20: return national.slice(0, Math.max(1, national.length - 1 - Math.floor(random() * 4)));
      case 21: return national + digits(1 + Math.floor(random() * 4));
      case 22: return `+${callingCode}${national}${digits(1 + Math.floor(random() * 3))}`;
      case 23: return digits(1 + Math.floor(random() * 20));
      case 24: return `+${digits(1 + Math.floor(random() * 18))}`;
      case 25: return `${pick([' ', '  ', '\t', '\u00a0'])}${national}${pick([' ', '', '\t', '  '])}`;
      case 26: return `${pick(['Tel: ', 'tel ', 'Mobile: ', 'ph. ', 'call '])}${nationalPrefix}${national}`;
      case 27: return `${national}${pick([' (home)', ' wife', ' - office', '.', ' ?', 'abc'])}`;
      case 28: return `${grouped(national, '-')}${pick([' ext. 22', ' x22', ' x 9', ';ext=123', ' #45', '#', ' ext 7', ',,12'])}`;
      case 29: return toFullWidth(random() < 0.5 ? national : `+${callingCode} ${national}`);
      case 30: return `tel:+${callingCode}-${grouped(national, '-')}`;
      case 31: return pick(['', ' ', '   ', '-', 'n/a', 'N/A', '+', '++', '0', '00', '+0', '()', '1-800-FLOWERS', '(', '...']);
      case 32: return `+${callingCode}${pick(['+', '++', '-+', ' +'])}${national}`;
      case 33: return `${national.slice(0, 2)}${pick(['~', '\u2013', '_', '|', '\\', ':', ','])}${national.slice(2)}`;
      case 34: return `${pick(['+', '', '00'])}${pick(['1', '7', '44', '39', '47', '61', '212', '262', '590', '599', '358', '290', '800', '882', '808', '979'])}${national}`;
      case 35: return `${digits(1 + Math.floor(random() * 3))}${national}`;
      case 36: return `0${national}`;
      case 37: return `1${national}`;
      case 38: return random() < 0.5 ? `${national} / ${national}` : `${national}${' '.repeat(245)}1`;
      default: return `${pick(['+', ''])}${callingCode} ${pick(['0', '(0)', '8', '1', '9'])} ${national}`;
    }
  }
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9+]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
