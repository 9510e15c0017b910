import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryOfPhoneHeader } from './phone-header-country.js';

test('reads the country a phone column is named for, by its code in capitals or its name', () => {
  const cases: Array<[string, string]> = [
    ['US Phone', 'US'], ['UK Mobile', 'GB'], ['Phone (UK)', 'GB'], ['Phone - Mexico', 'MX'], ['Mexico Office Phone', 'MX'],
    ['Germany Tel', 'DE'], ['Teléfono México', 'MX'], ['United Kingdom Phone', 'GB'], ['UAE Mobile', 'AE'], ['Brazil WhatsApp', 'BR'],
    ['Handy Deutschland', 'DE'],
  ];
  for (const [header, country] of cases) assert.equal(countryOfPhoneHeader(header), country, header);
});

test('names no country for a header that is only phone words, holds anything else, or a code that is a word too', () => {
  for (const header of ['Phone', 'Home Phone', 'Phone 2', 'Mobile No', 'Phone No.', 'Phone #', 'IT Phone', 'HR Phone', 'PA Phone', 'us phone', 'New Jersey Office', 'Georgia Phone', 'Jordan Mobile', 'Emergency Contact Phone', 'Phone Number']) {
    assert.equal(countryOfPhoneHeader(header), null, header);
  }
});
