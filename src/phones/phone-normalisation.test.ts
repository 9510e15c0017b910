import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createPhoneNormaliser,
  isSupportedCountry,
  normalisePhoneReference,
  type PhoneResult,
} from './phone-normalisation.js';
import { SAMPLE_COUNTRIES, generatePhoneCells } from './phone-samples.js';
import { isAppError } from '../shared/app-error.js';

const us = createPhoneNormaliser('US');
const cn = createPhoneNormaliser('CN');
const gb = createPhoneNormaliser('GB');

test('normalises (415) 555-0134 to +14155550134 for a US team', () => {
  assert.deepEqual(us('(415) 555-0134'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('415.555.0134'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('1 415 555 0134'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('+1 (415) 555-0134'), { ok: true, e164: '+14155550134', country: 'US' });
});

test('rejects 555-0134 as invalid', () => {
  assert.deepEqual(us('555-0134'), { ok: false, reason: 'invalid' });
});

test('treats a blank cell as empty, not invalid', () => {
  for (const blank of ['', ' ', '   ', '\t', '\u00a0', ' '.repeat(300)]) {
    assert.deepEqual(us(blank), { ok: false, reason: 'empty' });
    assert.deepEqual(normalisePhoneReference(blank, 'US'), { ok: false, reason: 'empty' });
  }
});

test('rejects text that holds no number as invalid', () => {
  for (const text of ['n/a', '-', 'abc', '+', '12']) assert.deepEqual(us(text), { ok: false, reason: 'invalid' });
});

test('reads an international number in any format whatever the team country', () => {
  assert.deepEqual(us('+86 138 0013 8000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(us('(+86) 138-0013-8000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(gb('+1 415 555 0134'), { ok: true, e164: '+14155550134', country: 'US' });
});

test('takes 0086 as an international prefix for any team, beside the US one (011)', () => {
  assert.deepEqual(cn('0086 138 0013 8000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(gb('008613800138000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  // 00 is not the US international prefix (011), but the one most of the world dials: a number written so is read.
  assert.deepEqual(us('008613800138000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(us('0044 20 7946 0958'), { ok: true, e164: '+442079460958', country: 'GB' });
  assert.deepEqual(us('(00 44) 20 7946 0958'), { ok: true, e164: '+442079460958', country: 'GB' });
  assert.deepEqual(us('00-1-212-555-0100'), { ok: true, e164: '+12125550100', country: 'US' });
  assert.deepEqual(us('0044 20 7946'), { ok: false, reason: 'invalid' });
  assert.deepEqual(us('011 86 138 0013 8000'), { ok: true, e164: '+8613800138000', country: 'CN' });
});

test('reads national numbers with or without the national prefix', () => {
  assert.deepEqual(cn('13800138000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(cn('8613800138000'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(gb('020 7946 0958'), { ok: true, e164: '+442079460958', country: 'GB' });
  assert.deepEqual(gb('20 7946 0958'), { ok: true, e164: '+442079460958', country: 'GB' });
});

test('tells countries sharing a calling code apart by their numbers', () => {
  assert.deepEqual(us('204-555-0199'), { ok: true, e164: '+12045550199', country: 'CA' });
  assert.deepEqual(us('+7 701 123 4567'), { ok: true, e164: '+77011234567', country: 'KZ' });
  assert.deepEqual(us('+7 912 345 6789'), { ok: true, e164: '+79123456789', country: 'RU' });
  assert.deepEqual(gb('07624 369230'), { ok: true, e164: '+447624369230', country: 'IM' });
});

test('gives no country for a valid non-geographic number', () => {
  assert.deepEqual(us('+800 1234 5678'), { ok: true, e164: '+80012345678', country: undefined });
});

test('finds the number in a labelled cell and drops an extension', () => {
  assert.deepEqual(us('Tel: 415-555-0134'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('415-555-0134 (wife)'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('415.555.0134 ext. 22'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('415 555 0134 x22'), { ok: true, e164: '+14155550134', country: 'US' });
  assert.deepEqual(us('tel:+1-415-555-0134'), { ok: true, e164: '+14155550134', country: 'US' });
  // As Chinese, Japanese and Québec lists write an extension.
  assert.deepEqual(cn('010-12345678转8001'), { ok: true, e164: '+861012345678', country: 'CN' });
  assert.deepEqual(cn('138-0013-8000 分机 12'), { ok: true, e164: '+8613800138000', country: 'CN' });
  assert.deepEqual(createPhoneNormaliser('JP')('03-1234-5678 内線 12'), { ok: true, e164: '+81312345678', country: 'JP' });
  assert.deepEqual(us('514-555-0134 poste 12'), { ok: true, e164: '+15145550134', country: 'CA' });
  assert.equal(cn('转123').ok, false);
});

test('reads a Mexican number as written before 2019 (+52 1 mobile, 044/045/01 prefixes) as it is dialled today', () => {
  for (const country of ['MX', 'US']) {
    for (const normalise of [createPhoneNormaliser(country), (raw: string) => normalisePhoneReference(raw, country)]) {
      assert.deepEqual(normalise('+52 1 55 1234 5678'), { ok: true, e164: '+525512345678', country: 'MX' });
      assert.deepEqual(normalise('00 52 1 55 1234 5678'), { ok: true, e164: '+525512345678', country: 'MX' });
    }
  }
  for (const normalise of [createPhoneNormaliser('MX'), (raw: string) => normalisePhoneReference(raw, 'MX')]) {
    for (const written of ['044 55 1234 5678', '045 (55) 1234-5678', '01 55 1234 5678', '55 1234 5678']) {
      assert.deepEqual(normalise(written), { ok: true, e164: '+525512345678', country: 'MX' }, written);
    }
  }
  // Those prefixes are Mexico's only: for a US team, 044… is no number.
  assert.deepEqual(createPhoneNormaliser('US')('044 55 1234 5678'), { ok: false, reason: 'invalid' });
});

test('reads a Brazilian area code written after "0xx", the place of the carrier code, for a Brazilian team', () => {
  const br = createPhoneNormaliser('BR');
  for (const written of ['0xx11 91234-5678', '(0xx11) 91234-5678', '0 XX 11 91234 5678', '011 91234-5678', '(11) 91234-5678']) {
    assert.deepEqual(br(written), { ok: true, e164: '+5511912345678', country: 'BR' }, written);
  }
  assert.deepEqual(createPhoneNormaliser('US')('0xx11 91234-5678'), { ok: false, reason: 'invalid' });
});

test("reads a vanity number's letters as the keypad's digits, as Google's libphonenumber does; a street is no number", () => {
  for (const written of ['1-800-FLOWERS', '1 (800) FLOWERS', '800-FLOWERS', '+1 800 356 WERS']) {
    assert.deepEqual(us(written), { ok: true, e164: '+18003569377', country: 'US' }, written);
  }
  assert.deepEqual(us('1-888-GO-FEDEX'), { ok: true, e164: '+18884633339', country: 'US' });
  assert.deepEqual(createPhoneNormaliser('AU')('1300 FLOWER'), { ok: true, e164: '+611300356937', country: 'AU' });
  // Letters beyond the number's digits (dialled and ignored), lower case, or letters before any digit: no number.
  for (const written of ['1-800-MATTRESS', '415 Main St', '1-800-flowers', 'CALL 415', 'ABC']) assert.deepEqual(us(written), { ok: false, reason: 'invalid' }, written);
});

test('reads a number spaced with the narrow no-break space of French typography, or thin, figure or no-break spaces', () => {
  const fr = createPhoneNormaliser('FR');
  for (const space of ['\u202f', '\u00a0', '\u2009', '\u2007']) {
    assert.deepEqual(fr(['06', '12', '34', '56', '78'].join(space)), { ok: true, e164: '+33612345678', country: 'FR' }, JSON.stringify(space));
  }
  assert.deepEqual(us('(415)\u2009555-0134'), { ok: true, e164: '+14155550134', country: 'US' });
});

test("reads a number as systems store E.164 without its + in the team's own country, where the library took it for a national one", () => {
  for (const [country, written, e164] of [
    ['DE', '4915123456789', '+4915123456789'], ['DE', '49 30 1234567', '+49301234567'], ['ID', '62812345678', '+62812345678'], ['XK', '38343201234', '+38343201234'],
    // Written as the country writes its own numbers, with the national prefix, they are national numbers as before.
    ['DE', '0491 2345678', '+494912345678'], ['DE', '01512 3456789', '+4915123456789'], ['US', '14155550134', '+14155550134'], ['GB', '447911123456', '+447911123456'],
  ] as const) {
    for (const normalise of [createPhoneNormaliser(country), (raw: string) => normalisePhoneReference(raw, country)]) {
      const result = normalise(written);
      assert.equal(result.ok ? result.e164 : result.reason, e164, `${written} (${country})`);
    }
  }
});

test('reads full-width digits', () => {
  assert.deepEqual(us('４１５５５５０１３４'), { ok: true, e164: '+14155550134', country: 'US' });
});

test('reads Arabic, Persian, Devanagari, Bengali and Thai digits', () => {
  assert.deepEqual(createPhoneNormaliser('SA')('٠٥٠١٢٣٤٥٦٧'), { ok: true, e164: '+966501234567', country: 'SA' });
  assert.deepEqual(createPhoneNormaliser('IR')('۰۹۱۲ ۳۴۵ ۶۷۸۹'), { ok: true, e164: '+989123456789', country: 'IR' });
  assert.deepEqual(createPhoneNormaliser('IN')('+९१ ९८७६५ ४३२१०'), { ok: true, e164: '+919876543210', country: 'IN' });
  assert.deepEqual(createPhoneNormaliser('BD')('০১৭১১ ২৩৪৫৬৭'), { ok: true, e164: '+8801711234567', country: 'BD' });
  assert.deepEqual(createPhoneNormaliser('TH')('๐๘๑ ๒๓๔ ๕๖๗๘'), { ok: true, e164: '+66812345678', country: 'TH' });
});

test('calls a cell over 250 characters or a national number over 17 digits too long', () => {
  assert.deepEqual(us(`415 555 0134${' '.repeat(240)}`), { ok: false, reason: 'too-long' });
  assert.deepEqual(us('1234567890123456789'), { ok: false, reason: 'too-long' });
  assert.deepEqual(us('+44 12345678901234567890'), { ok: false, reason: 'too-long' });
});

test('refuses an unknown default country with a message that says what to use', () => {
  for (const country of ['XX', 'us', '', 'USA']) {
    assert.equal(isSupportedCountry(country), false);
    assert.throws(() => createPhoneNormaliser(country), (error) => isAppError(error) && error.code === 'BAD_INPUT' && /ISO 3166/.test(error.message));
  }
  for (const country of SAMPLE_COUNTRIES) assert.equal(isSupportedCountry(country), true, country);
});

// The proof: for every generated cell, the fast normaliser answers exactly what the library does.
const DEFAULT_COUNTRIES = ['US', 'CN', 'GB', 'DE', 'RU', 'BR', 'AR', 'MX', 'IN', 'JP', 'AU', 'CA', 'FR', 'KZ', 'IT', 'HK', 'JM', 'IM'];
const CELLS_PER_COUNTRY = 20_000;

test(`gives the library's answer for ${DEFAULT_COUNTRIES.length * CELLS_PER_COUNTRY} generated cells, ${SAMPLE_COUNTRIES.length} countries, ${DEFAULT_COUNTRIES.length} team countries`, () => {
  const mismatches: string[] = [];
  const outcomes = new Map<string, number>();
  let checked = 0;
  DEFAULT_COUNTRIES.forEach((defaultCountry, index) => {
    const fast = createPhoneNormaliser(defaultCountry);
    for (const raw of generatePhoneCells(CELLS_PER_COUNTRY, 1000 + index, defaultCountry)) {
      const expected = normalisePhoneReference(raw, defaultCountry);
      const actual = fast(raw);
      checked++;
      const outcome = expected.ok ? 'ok' : expected.reason;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (!isSameResult(actual, expected) && mismatches.length < 20) {
        mismatches.push(`${defaultCountry} ${JSON.stringify(raw)}: fast ${describe(actual)}, library ${describe(expected)}`);
      }
    }
  });
  assert.equal(mismatches.length, 0, `fast != library:\n${mismatches.join('\n')}`);
  assert.ok(checked >= 200_000);
  // The sample must exercise every outcome in bulk, or it proves little.
  for (const outcome of ['ok', 'invalid', 'empty', 'too-long']) assert.ok((outcomes.get(outcome) ?? 0) >= 100, `${outcome}: ${outcomes.get(outcome)}`);
  assert.ok((outcomes.get('ok') ?? 0) > checked / 4, `only ${outcomes.get('ok')} valid of ${checked}`);
});

function isSameResult(a: PhoneResult, b: PhoneResult): boolean {
  if (a.ok && b.ok) return a.e164 === b.e164 && a.country === b.country;
  return !a.ok && !b.ok && a.reason === b.reason;
}

function describe(result: PhoneResult): string {
  return result.ok ? `${result.e164} (${result.country ?? 'no country'})` : result.reason;
}
