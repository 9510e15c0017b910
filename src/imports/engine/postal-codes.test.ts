import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPostalCodeRepair } from './postal-codes.js';

const none = () => undefined;

test('gives a US ZIP its leading zeros back, also ZIP+4 and a float-written one', () => {
  const repair = createPostalCodeRepair('US');
  assert.equal(repair('2134', null, none), '02134');
  assert.equal(repair('501', null, none), '00501');
  assert.equal(repair('21341234', null, none), '021341234');
  assert.equal(repair('2134.0', null, none), '02134');
  assert.equal(repair('94105', null, none), '94105');
  assert.equal(repair('94105.0', null, none), '94105');
  assert.equal(repair("'02134", null, none), '02134');
  assert.equal(repair("'2134", null, none), '02134');
});

test('leaves what is no lost zero alone: codes of letters, dashes, too short, or too long', () => {
  const repair = createPostalCodeRepair('US');
  for (const code of ['02134-1234', 'SW1A 1AA', '12', '123456', 'K1A 0B1', '2134a']) assert.equal(repair(code, null, none), code);
});

test("goes by the record's own country when it names one, else the team's", () => {
  const us = createPostalCodeRepair('US');
  assert.equal(us('1067', 'Germany', none), '01067');
  assert.equal(us('1067', 'Deutschland', none), '01067');
  assert.equal(us('1067', 'DE', none), '01067');
  assert.equal(us('1000', 'España', none), '01000');
  assert.equal(us('2134', 'U.S.A.', none), '02134');
  assert.equal(us('2134', 'United States', none), '02134');
  // Countries whose codes are not all of one length, or not known here: as written.
  assert.equal(us('2000', 'Australia', none), '2000');
  assert.equal(us('1010', 'Österreich', none), '1010');
  assert.equal(us('2134', 'Atlantis', none), '2134');
  const japan = createPostalCodeRepair('JP');
  assert.equal(japan('600000', null, none), '0600000');
  const australia = createPostalCodeRepair('AU');
  assert.equal(australia('800', null, none), '800');
  assert.equal(australia('2000.0', null, none), '2000');
});

test("goes by the phone number's country where the record names none", () => {
  const us = createPostalCodeRepair('US');
  assert.equal(us('1010', null, () => 'AT'), '1010');
  assert.equal(us('1067', null, () => 'DE'), '01067');
  assert.equal(us('2134', null, () => 'US'), '02134');
  // Asked only of a code that would change.
  assert.equal(us('94105', null, () => assert.fail('asked')), '94105');
});

test('writes a code typed the Japanese way as the post does: full-width digits, the 〒 mark, a long-vowel hyphen', () => {
  const jp = createPostalCodeRepair('JP');
  assert.equal(jp('〒１００－０００１', null, none), '100-0001');
  assert.equal(jp('〒 100-0001', null, none), '100-0001');
  assert.equal(jp('１００ー０００１', null, none), '100-0001');
  assert.equal(jp('１０００００１', null, none), '1000001');
  assert.equal(jp('100ー0001', null, none), '100-0001');
  // The long-vowel mark in a word stays.
  assert.equal(jp('〒東京ー中央', null, none), '東京ー中央');
});

test('writes a code in Arabic or Persian digits in ASCII ones, and gives it its zeros back too', () => {
  assert.equal(createPostalCodeRepair('SA')('١٢٣٤٥', null, none), '12345');
  assert.equal(createPostalCodeRepair('US')('٢١٣٤', null, none), '02134');
});
