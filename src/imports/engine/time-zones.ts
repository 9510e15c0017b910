// Reads the time zone of an area code as lists write it ("America/Chicago", "Central", "CST", "UTC-6", "(UTC-06:00)
// Central Time (US & Canada)", Windows' "Central Standard Time") into one a dialer can use: an IANA name, or a
// fixed offset written "UTC-06:00". The dialer keeps local calling hours by it, so a value that names no time zone
// fails its row instead of being stored for the dialer to guess at.
import { createRequire } from 'node:module';

/**
 * windows-iana's tables, loaded on the first time zone read: an import that has none (nearly all of them) does not
 * carry them in each of its threads (several MiB of the 256 MiB an import may use).
 */
let tables: typeof import('windows-iana') | undefined;
function windowsIana(): typeof import('windows-iana') {
  tables ??= createRequire(import.meta.url)('windows-iana') as typeof import('windows-iana');
  return tables;
}

/** How names are compared: letters and digits only, lower case ("US & Canada", "us-canada" alike). */
const comparable = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * What lists in North America write for their zones (and Windows' names of them): each one zone wherever the
 * list comes from. "EST" is read as the Eastern zone people mean, with its summer time, not IANA's fixed EST.
 */
const NAMED_ZONES: ReadonlyArray<[zone: string, names: readonly string[]]> = [
  ['America/New_York', ['eastern', 'eastern time', 'eastern standard time', 'eastern daylight time', 'eastern time us canada', 'et', 'est', 'edt', 'est5edt']],
  ['America/Chicago', ['central', 'central time', 'central daylight time', 'central time us canada', 'ct', 'cdt', 'cst6cdt']],
  ['America/Denver', ['mountain', 'mountain time', 'mountain daylight time', 'mountain time us canada', 'mt', 'mst', 'mdt', 'mst7mdt']],
  ['America/Phoenix', ['arizona']],
  ['America/Los_Angeles', ['pacific', 'pacific time', 'pacific daylight time', 'pacific time us canada', 'pt', 'pst', 'pdt', 'pst8pdt']],
  ['America/Anchorage', ['alaska', 'alaskan', 'alaska time', 'akst', 'akdt', 'akt']],
  ['Pacific/Honolulu', ['hawaii', 'hawaiian', 'hawaii aleutian', 'hawaii time', 'hst', 'hast']],
  ['America/Halifax', ['atlantic', 'atlantic time', 'atlantic time canada', 'adt']],
  ['America/St_Johns', ['newfoundland', 'nst', 'ndt']],
  // Elsewhere, abbreviations that name one zone (or zones of one offset and the same summer time).
  ['Europe/London', ['uk', 'british time']],
  ['CET', ['cest', 'central european time', 'central european summer time']],
  ['EET', ['eest', 'eastern european time']],
  ['WET', ['west', 'western european time']],
  ['Europe/Moscow', ['msk', 'moscow', 'moscow time']],
  ['Asia/Tokyo', ['jst']],
  ['Asia/Seoul', ['kst']],
  ['Asia/Hong_Kong', ['hkt']],
  ['Asia/Singapore', ['sgt']],
  ['Asia/Manila', ['pht', 'phst', 'philippine time']],
  ['Asia/Jakarta', ['wib']],
  ['Asia/Bangkok', ['ict', 'indochina time']],
  ['Asia/Karachi', ['pkt']],
  ['Asia/Dubai', ['gst', 'gulf standard time']],
  ['Australia/Sydney', ['aest', 'aedt']],
  ['Australia/Adelaide', ['acst', 'acdt']],
  ['Australia/Perth', ['awst']],
  ['Pacific/Auckland', ['nzst', 'nzdt']],
  ['Africa/Johannesburg', ['sast']],
  ['America/Sao_Paulo', ['brt', 'brasilia time']],
];

/** Abbreviations that name different zones in different countries: read by the team's country, or not at all. */
const ZONES_BY_COUNTRY: Readonly<Record<string, { zones: Readonly<Record<string, string>>; otherwise?: string }>> = {
  // China Standard Time in China and Taiwan (and Cuba's), the US Central zone everywhere else.
  cst: { zones: { CN: 'Asia/Shanghai', TW: 'Asia/Taipei', MO: 'Asia/Macau', CU: 'America/Havana' }, otherwise: 'America/Chicago' },
  ist: { zones: { IN: 'Asia/Kolkata', IL: 'Asia/Jerusalem', IE: 'Europe/Dublin' } },
  bst: { zones: { GB: 'Europe/London', BD: 'Asia/Dhaka' } },
  // In a US list, AST is Puerto Rico's and the Virgin Islands' (area codes 787, 939, 340), which keep no summer time.
  ast: { zones: { US: 'America/Puerto_Rico', PR: 'America/Puerto_Rico', VI: 'America/St_Thomas', CA: 'America/Halifax', SA: 'Asia/Riyadh', KW: 'Asia/Kuwait', QA: 'Asia/Qatar', BH: 'Asia/Bahrain', IQ: 'Asia/Baghdad', YE: 'Asia/Aden' } },
};

/** Zones IANA renamed that CLDR (and so Windows' table) still names the old way: the name lists use today. */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv', 'America/Godthab': 'America/Nuuk', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis', 'Atlantic/Faeroe': 'Atlantic/Faroe', 'Pacific/Enderbury': 'Pacific/Kanton',
};

let namedZones: Map<string, string> | undefined;
let ianaNames: Map<string, string> | undefined;

function zoneOfName(text: string): string | undefined {
  if (namedZones === undefined) {
    namedZones = new Map();
    // Windows' names ("Romance Standard Time"): the zone CLDR names first for each.
    for (const entry of windowsIana().WINDOWS_TO_IANA_MAP) {
      const key = comparable(entry.windowsName);
      const zone = entry.iana[0];
      if (entry.territory === '001' && zone !== undefined && !namedZones.has(key)) namedZones.set(key, RENAMED[zone] ?? zone);
    }
    for (const [zone, names] of NAMED_ZONES) for (const name of names) namedZones.set(comparable(name), zone);
  }
  return namedZones.get(comparable(text));
}

/** An IANA name as the database spells it ("america/new_york" is America/New_York), when it is one. */
function ianaName(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(text)) return undefined;
  if (ianaNames === undefined) {
    ianaNames = new Map();
    for (const entry of windowsIana().IANA_ALIAS_MAP) for (const alias of entry.alias) ianaNames.set(alias.toLowerCase(), alias);
    for (const zone of Intl.supportedValuesOf('timeZone')) ianaNames.set(zone.toLowerCase(), zone);
  }
  const spelled = ianaNames.get(text.toLowerCase());
  if (spelled !== undefined) return spelled;
  try {
    // A name the runtime's time-zone data knows though the lists above do not (a link such as "US/Eastern").
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return text;
  } catch {
    return undefined;
  }
}

const OFFSET = /^(?:(?:UTC|GMT|UT)\s*)?([+\-\u2212\u2013])\s*(\d{1,2})(?:(?::|\.|h)?(\d{2})|([.,]\d+))?\s*(?:h|hrs?|hours?)?$/i;
const UNSIGNED_OFFSET = /^(\d{1,2})([.,]\d+)?$/;
/** Windows' display names: "(UTC-06:00) Central Time (US & Canada)", "(GMT+05:30) Chennai, Kolkata". */
const DISPLAY_NAME = /^\((?:UTC|GMT)\s*(?:([+\-\u2212\u2013]\s*\d{1,2}(?::\d{2})?))?\)\s*(.*)$/i;

/** "UTC-06:00" from a sign, hours and minutes, or undefined when no time zone is that far from UTC. */
function offsetText(sign: string, hours: number, minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 60 || minutes % 15 !== 0) return undefined;
  const total = hours * 60 + minutes;
  const isBehind = sign !== '+';
  if (total === 0) return 'UTC';
  if (isBehind ? total > 12 * 60 : total > 14 * 60) return undefined;
  return `UTC${isBehind ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function minutesOfFraction(fraction: string): number {
  return Math.round(Number(`0.${fraction.slice(1)}`) * 60);
}

function readOffset(text: string): string | undefined {
  const signed = OFFSET.exec(text);
  if (signed !== null) {
    const minutes = signed[3] !== undefined ? Number(signed[3]) : signed[4] !== undefined ? minutesOfFraction(signed[4]) : 0;
    return offsetText(signed[1] === '+' ? '+' : '-', Number(signed[2]), minutes);
  }
  // A column of UTC offsets may write the eastern ones without their "+" ("8", "5.5", "0").
  const unsigned = UNSIGNED_OFFSET.exec(text);
  if (unsigned === null) return undefined;
  return offsetText('+', Number(unsigned[1]), unsigned[2] !== undefined ? minutesOfFraction(unsigned[2]) : 0);
}

/** Why a cell is no time zone, for its row's reason. */
export function timeZoneProblem(value: string): string {
  const shared = ZONES_BY_COUNTRY[comparable(value)];
  if (shared === undefined) return 'is not a time zone: write its name, such as America/Chicago, or an offset such as UTC-06:00';
  const zones = [...new Set(Object.values(shared.zones))];
  return `names time zones of several countries: write the one it is (${zones.slice(0, -1).join(', ')} or ${zones.at(-1)}) or an offset such as UTC-06:00`;
}

/**
 * The time zone a cell names, as an IANA name or "UTC±HH:MM", or null when it names none (or one of several, as
 * "IST" does outside India, Israel and Ireland). `country` is the team's, for the abbreviations countries share.
 */
export function normaliseTimeZone(value: string, country: string | undefined): string | null {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 80) return null;
  const display = DISPLAY_NAME.exec(text);
  if (display !== null) {
    const named = display[2] === undefined || display[2] === '' ? undefined : zoneOfName(display[2]);
    if (named !== undefined) return named;
    return display[1] === undefined ? 'UTC' : (readOffset(display[1]) ?? null);
  }
  // UTC by name ("GMT", "Zulu", "UTC0"); a signed zero ("UTC+0", "GMT-00:00") is an offset, read below.
  if (/^(?:utc|gmt|ut|z|zulu)(?:\s*0+(?::?00)?)?$/i.test(text)) return 'UTC';
  const shared = ZONES_BY_COUNTRY[comparable(text)];
  if (shared !== undefined) return (country === undefined ? undefined : shared.zones[country]) ?? shared.otherwise ?? null;
  return readOffset(text) ?? zoneOfName(text) ?? ianaName(text) ?? null;
}
