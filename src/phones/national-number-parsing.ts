// libphonenumber-js's parse() from "digits with an optional leading +" onwards, step by step
// (parse.js → extractCountryCallingCode → extractNationalNumber → getCountryByCallingCode), but on
// precompiled plans. Each function names the library function it mirrors; keep them in step with
// the installed version — the equality test in phone-normalisation.test.ts is the guard.
import {
  MAX_NATIONAL_NUMBER_LENGTH,
  countriesOfCallingCode,
  countryResolverOf,
  hasCallingCode,
  hasNumberType,
  isValidNationalNumber,
  numberingPlanOf,
  type NumberingPlan,
} from './numbering-plans.js';

export type ParsedPhone =
  | { ok: true; e164: string; country: string | undefined }
  | { ok: false; reason: 'invalid' | 'too-long' };

const INVALID: ParsedPhone = Object.freeze({ ok: false, reason: 'invalid' });
const TOO_LONG: ParsedPhone = Object.freeze({ ok: false, reason: 'too-long' });
const MAX_CALLING_CODE_LENGTH = 3;

/**
 * Parses and validates `number` — ASCII digits, optionally after one `+` — for a team whose
 * default country is `defaultCountry` (a supported country; `defaultPlan` is its plan).
 */
export function parseNormalisedDigits(number: string, defaultCountry: string, defaultPlan: NumberingPlan): ParsedPhone {
  let international: string | undefined;
  if (number.charCodeAt(0) === 43 /* + */) {
    international = number;
  } else {
    const withoutIdd = stripInternationalPrefix(number, defaultPlan);
    if (withoutIdd) international = `+${withoutIdd}`;
  }

  let callingCode: string;
  let rest: string;
  let country: string | undefined;
  let plan: NumberingPlan;
  if (international !== undefined) {
    // extractCountryCallingCode, after a `+` or an international prefix.
    if (international.charCodeAt(1) === 48 /* 0 */) return INVALID;
    const found = findCallingCode(international);
    if (found === undefined) return INVALID;
    callingCode = found;
    rest = international.slice(found.length + 1);
    plan = numberingPlanOf(callingCode) as NumberingPlan;
  } else {
    nationalNumberOfWhole = undefined;
    const shorter = stripCallingCodeWithoutPlus(number, defaultPlan);
    if (shorter !== undefined) {
      callingCode = defaultPlan.callingCode;
      rest = shorter;
      plan = numberingPlanOf(callingCode) as NumberingPlan;
    } else {
      callingCode = defaultPlan.callingCode;
      rest = number;
      country = defaultCountry;
      plan = defaultPlan;
    }
  }
  if (rest === '') return INVALID;

  // The national number of the whole number in the default plan may be known already.
  const nationalNumber = plan === defaultPlan && rest === number && nationalNumberOfWhole !== undefined
    ? nationalNumberOfWhole
    : extractNationalNumber(rest, plan);
  const exactCountry = countryOfCallingCode(callingCode, nationalNumber);
  // Known when the country was told by its number types: then the number is valid for it.
  const isKnownValid = exactCountry !== undefined && wasToldByNumberType;
  if (exactCountry !== undefined) {
    country = exactCountry;
    plan = numberingPlanOf(exactCountry) as NumberingPlan;
  }
  if (nationalNumber.length < 2) return INVALID;
  if (nationalNumber.length > MAX_NATIONAL_NUMBER_LENGTH) return TOO_LONG;
  // PhoneNumber.isValid() selects `country || countryCallingCode`; `plan` is already that plan.
  if (!isKnownValid && !isValidNationalNumber(plan, nationalNumber)) return INVALID;
  return { ok: true, e164: `+${callingCode}${nationalNumber}`, country };
}

// Scratch results of the last call of two helpers, read right after the call (single-threaded).
/** The national number of the whole input in the default plan, when stripCallingCodeWithoutPlus computed it. */
let nationalNumberOfWhole: string | undefined;
/** Whether countryOfCallingCode's last answer came from the country's number types (not leading digits). */
let wasToldByNumberType = false;

/** stripIddPrefix: the digits after the default country's international prefix, if it is there. */
function stripInternationalPrefix(number: string, plan: NumberingPlan): string | undefined {
  const match = plan.internationalPrefix?.exec(number);
  if (!match) return undefined;
  const rest = number.slice(match[0].length);
  // A calling code never starts with 0: then it was not an international prefix after all.
  if (rest === '' || rest.charCodeAt(0) === 48) return undefined;
  return rest;
}

/** extractCountryCallingCode: the shortest known calling code after the `+`. */
function findCallingCode(international: string): string | undefined {
  for (let end = 2; end - 1 <= MAX_CALLING_CODE_LENGTH && end <= international.length; end++) {
    const candidate = international.slice(1, end);
    if (hasCallingCode(candidate)) return candidate;
  }
  return undefined;
}

/**
 * extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "8613800138000" for CN is
 * +86 13800138000 when the whole is not a valid national number but the rest is, or the whole is
 * too long. Returns the rest, or undefined.
 */
function stripCallingCodeWithoutPlus(number: string, defaultPlan: NumberingPlan): string | undefined {
  const callingCode = defaultPlan.callingCode;
  if (!number.startsWith(callingCode)) return undefined;
  const shorter = number.slice(callingCode.length);
  const shorterNationalNumber = extractNationalNumber(shorter, defaultPlan);
  const nationalNumber = extractNationalNumber(number, defaultPlan);
  nationalNumberOfWhole = nationalNumber;
  if (
    (!defaultPlan.nationalNumber.test(nationalNumber) && defaultPlan.nationalNumber.test(shorterNationalNumber)) ||
    checkNumberLength(nationalNumber, defaultPlan) === 'TOO_LONG'
  ) {
    return shorter;
  }
  return undefined;
}

/**
 * extractNationalNumber: strips a national prefix (and carrier code), unless the number was valid
 * with it and is not without it, or what remains cannot be a complete number.
 */
function extractNationalNumber(number: string, plan: NumberingPlan): string {
  const nationalNumber = stripNationalPrefix(number, plan);
  if (nationalNumber === number) return number;
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(nationalNumber)) return number;
  if (plan.possibleLengths) {
    const country = countryOfCallingCode(plan.callingCode, nationalNumber);
    const lengthPlan = country === undefined ? plan : (numberingPlanOf(country) as NumberingPlan);
    const length = checkNumberLength(nationalNumber, lengthPlan);
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
  }
  return nationalNumber;
}

/** extractNationalNumberFromPossiblyIncompleteNumber, without the carrier code nobody reads. */
function stripNationalPrefix(number: string, plan: NumberingPlan): string {
  if (number === '' || !plan.nationalPrefix) return number;
  const match = plan.nationalPrefix.exec(number);
  if (!match) return number;
  const capturedGroupsCount = match.length - 1;
  const hasCapturedGroups = capturedGroupsCount > 0 && Boolean(match[capturedGroupsCount]);
  if (plan.nationalPrefixTransformRule && hasCapturedGroups) {
    return number.replace(plan.nationalPrefix, plan.nationalPrefixTransformRule);
  }
  return number.slice(match[0].length);
}

type NumberLength = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** checkNumberLength, for no particular number type. */
function checkNumberLength(nationalNumber: string, plan: NumberingPlan): NumberLength {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  const minimum = lengths[0] as number;
  if (minimum === length) return 'IS_POSSIBLE';
  if (minimum > length) return 'TOO_SHORT';
  if ((lengths[lengths.length - 1] as number) < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * getCountryByCallingCode + getCountryByNationalNumber: the country of a calling code shared by
 * several (+1, +7, +44 …) is the first, in metadata order, whose leading digits start the number
 * or, lacking leading digits, whose number types accept it.
 */
function countryOfCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  // The same question is often asked twice in a row (national prefix check, then the country).
  if (callingCode === lastCallingCode && nationalNumber === lastNationalNumber) {
    wasToldByNumberType = lastWasToldByNumberType;
    return lastCountry;
  }
  const country = findCountryOfCallingCode(callingCode, nationalNumber);
  lastCallingCode = callingCode;
  lastNationalNumber = nationalNumber;
  lastCountry = country;
  lastWasToldByNumberType = wasToldByNumberType;
  return country;
}

let lastCallingCode = '';
let lastNationalNumber = '';
let lastCountry: string | undefined;
let lastWasToldByNumberType = false;

function findCountryOfCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  wasToldByNumberType = false;
  const countries = countriesOfCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const step of countryResolverOf(callingCode, countries)) {
    if (step.kind === 'number-type') {
      if (hasNumberType(step.plan, nationalNumber)) {
        wasToldByNumberType = true;
        return step.country;
      }
    } else if (nationalNumber !== '') {
      const match = step.pattern.exec(nationalNumber);
      if (match) return step.countries.length === 1 ? step.countries[0] : step.countries[match.findIndex((group, i) => i > 0 && group !== undefined) - 1];
    }
  }
  return undefined;
}
