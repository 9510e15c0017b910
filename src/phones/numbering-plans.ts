// Numbering plans read from libphonenumber-js's own "max" metadata, with every pattern compiled once.
//
// The library rebuilds a RegExp from its metadata strings on every call (that is most of its cost);
// here each pattern is compiled on first use and kept. The values are read through the library's
// own Metadata accessors, so defaults and fallbacks (national prefix for parsing falling back to the
// national prefix, a type's possible lengths falling back to the plan's) are exactly the library's.
import { Metadata } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

type LibraryNumberType = {
  pattern(): string;
  possibleLengths(): number[] | undefined;
};

type LibraryNumberingPlan = {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(type: NumberTypeName): LibraryNumberType | undefined;
};

/** The parts of the library's (untyped) Metadata class this module reads. */
type LibraryMetadata = {
  selectNumberingPlan(countryOrCallingCode: string): LibraryMetadata;
  numberingPlan: LibraryNumberingPlan | undefined;
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
};

// FIXED_LINE first, then the library's NON_FIXED_LINE_PHONE_TYPES. The order does not change
// whether a number has *a* type, which is all validation asks.
const NUMBER_TYPES = [
  'FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL',
] as const;
type NumberTypeName = (typeof NUMBER_TYPES)[number];

/** The library caps national significant numbers at 17 digits (MAX_LENGTH_FOR_NSN). */
export const MAX_NATIONAL_NUMBER_LENGTH = 17;

export type NumberingPlan = {
  callingCode: string;
  /** `^(?:IDD)`: the international dialling prefix, as the library's `search(...) === 0`. */
  internationalPrefix: RegExp | undefined;
  /** `^(?:pattern)$`, as the library's `matchesEntirely`. */
  nationalNumber: RegExp;
  possibleLengths: readonly number[] | undefined;
  /** `^(?:national prefix for parsing)`, exactly as the library builds it. */
  nationalPrefix: RegExp | undefined;
  nationalPrefixTransformRule: string | undefined;
  /** `^(?:leading digits)`, used to tell apart countries sharing a calling code. */
  leadingDigits: RegExp | undefined;
  leadingDigitsPattern: string | undefined;
  hasTypes: boolean;
  /**
   * Index = national number length; the union of the patterns of every number type whose possible
   * lengths admit that length (null: no type can have that length). Built on first use.
   */
  typesByLength: (RegExp | null | undefined)[];
  types: readonly { pattern: string; possibleLengths: readonly number[] | undefined }[];
};

const metadata = new Metadata(maxMetadata) as unknown as LibraryMetadata;
const plans = new Map<string, NumberingPlan | undefined>();
const countriesByCallingCode = new Map<string, readonly string[] | undefined>();
const callingCodeExists = new Map<string, boolean>();

/** The numbering plan the library selects for a country (`US`) or a calling code (`1`: its main country). */
export function numberingPlanOf(countryOrCallingCode: string): NumberingPlan | undefined {
  let plan = plans.get(countryOrCallingCode);
  if (plan === undefined && !plans.has(countryOrCallingCode)) {
    plan = compileNumberingPlan(countryOrCallingCode);
    plans.set(countryOrCallingCode, plan);
  }
  return plan;
}

export function hasCountry(country: string): boolean {
  return metadata.hasCountry(country);
}

export function hasCallingCode(callingCode: string): boolean {
  let exists = callingCodeExists.get(callingCode);
  if (exists === undefined) {
    exists = Boolean(metadata.hasCallingCode(callingCode));
    // Only 1- to 3-digit strings are ever asked, so this map stays under 1,110 entries.
    callingCodeExists.set(callingCode, exists);
  }
  return exists;
}

/** The countries sharing a calling code, main country first; undefined for non-geographic codes. */
export function countriesOfCallingCode(callingCode: string): readonly string[] | undefined {
  let countries = countriesByCallingCode.get(callingCode);
  if (countries === undefined && !countriesByCallingCode.has(callingCode)) {
    countries = metadata.getCountryCodesForCallingCode(callingCode);
    countriesByCallingCode.set(callingCode, countries);
  }
  return countries;
}

/**
 * How to tell apart the countries of a calling code, in the library's order: the first country whose
 * leading digits start the number, or which has no leading digits and whose number types accept it.
 * A run of countries with leading digits becomes one regex with a group per country: alternation
 * tries its branches left to right, so the first group that takes part is the first country in order.
 */
export type CountryResolverStep =
  | { kind: 'number-type'; country: string; plan: NumberingPlan }
  | { kind: 'leading-digits'; pattern: RegExp; countries: readonly string[] };

const resolvers = new Map<string, readonly CountryResolverStep[]>();

export function countryResolverOf(callingCode: string, countries: readonly string[]): readonly CountryResolverStep[] {
  let steps = resolvers.get(callingCode);
  if (steps === undefined) {
    steps = compileCountryResolver(countries);
    resolvers.set(callingCode, steps);
  }
  return steps;
}

function compileCountryResolver(countries: readonly string[]): CountryResolverStep[] {
  const steps: CountryResolverStep[] = [];
  let run: { country: string; leadingDigits: string }[] = [];
  const closeRun = (): void => {
    if (run.length === 1) {
      const only = run[0] as { country: string };
      steps.push({ kind: 'leading-digits', pattern: numberingPlanOf(only.country)?.leadingDigits as RegExp, countries: [only.country] });
    } else if (run.length > 1) {
      const groups = run.map((entry) => `(${entry.leadingDigits})`).join('|');
      steps.push({ kind: 'leading-digits', pattern: new RegExp(`^(?:${groups})`), countries: run.map((entry) => entry.country) });
    }
    run = [];
  };
  for (const country of countries) {
    const plan = numberingPlanOf(country) as NumberingPlan;
    const leadingDigits = plan.leadingDigitsPattern;
    if (leadingDigits === undefined) {
      closeRun();
      steps.push({ kind: 'number-type', country, plan });
    } else if (/\((?!\?)|\\\d/.test(leadingDigits)) {
      // Groups of its own would renumber the others' groups: it gets a step of its own.
      closeRun();
      run.push({ country, leadingDigits });
      closeRun();
    } else {
      run.push({ country, leadingDigits });
    }
  }
  closeRun();
  return steps;
}

/** The library's `getNumberType(...) !== undefined`. */
export function hasNumberType(plan: NumberingPlan, nationalNumber: string): boolean {
  const length = nationalNumber.length;
  let types = plan.typesByLength[length];
  if (types === undefined) {
    types = compileTypesOfLength(plan, length);
    plan.typesByLength[length] = types;
  }
  // Both must hold; the per-length check comes first because it is free.
  return types !== null && plan.nationalNumber.test(nationalNumber) && types.test(nationalNumber);
}

/** The library's `PhoneNumber.isValid()` once the plan (country, else calling code) is chosen. */
export function isValidNationalNumber(plan: NumberingPlan, nationalNumber: string): boolean {
  return plan.hasTypes ? hasNumberType(plan, nationalNumber) : plan.nationalNumber.test(nationalNumber);
}

function compileNumberingPlan(countryOrCallingCode: string): NumberingPlan | undefined {
  const selected = metadata.selectNumberingPlan(countryOrCallingCode).numberingPlan;
  if (!selected) return undefined;
  const idd = selected.IDDPrefix();
  const nationalPrefix = selected.nationalPrefixForParsing();
  const leadingDigits = selected.leadingDigits();
  const hasTypes = selected.hasTypes();
  const types: { pattern: string; possibleLengths: readonly number[] | undefined }[] = [];
  if (hasTypes) {
    for (const name of NUMBER_TYPES) {
      const type = selected.type(name);
      // As `isNumberTypeEqualTo`: a type without a pattern never matches.
      if (type && type.pattern()) types.push({ pattern: type.pattern(), possibleLengths: type.possibleLengths() });
    }
  }
  return {
    callingCode: selected.callingCode(),
    internationalPrefix: idd ? new RegExp(`^(?:${idd})`) : undefined,
    nationalNumber: new RegExp(`^(?:${selected.nationalNumberPattern()})$`),
    possibleLengths: selected.possibleLengths(),
    nationalPrefix: nationalPrefix ? new RegExp(`^(?:${nationalPrefix})`) : undefined,
    nationalPrefixTransformRule: selected.nationalPrefixTransformRule(),
    leadingDigits: leadingDigits ? new RegExp(`^(?:${leadingDigits})`) : undefined,
    leadingDigitsPattern: leadingDigits || undefined,
    hasTypes,
    typesByLength: [],
    types,
  };
}

function compileTypesOfLength(plan: NumberingPlan, length: number): RegExp | null {
  // As the library's isNumberTypeEqualTo: a type with no pattern never matches; a type that lists its possible
  // lengths matches only numbers of one of those lengths.
  const patterns = plan.types
    .filter((type) => type.pattern !== '' && (!type.possibleLengths || type.possibleLengths.includes(length)))
    .map((type) => `(?:${type.pattern})`);
  // An alternation of whole-string patterns matches iff one of them matches on its own; the
  // metadata patterns hold no back-references, so wrapping them cannot renumber anything.
  return patterns.length === 0 ? null : new RegExp(`^(?:${patterns.join('|')})$`);
}
