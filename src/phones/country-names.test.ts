import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryNamed } from './country-names.js';

test('reads the country a cell names: codes, English and own names, and what lists write for them', () => {
  const cases: Array<[string, string]> = [
    ['MX', 'MX'], ['mx', 'MX'], ['MEX', 'MX'], ['Mexico', 'MX'], ['México', 'MX'], [' MEXICO ', 'MX'],
    ['Germany', 'DE'], ['Deutschland', 'DE'], ['Allemagne', 'DE'], ['Alemania', 'DE'], ['Niemcy', 'DE'],
    ['USA', 'US'], ['U.S.A.', 'US'], ['United States', 'US'], ['Estados Unidos', 'US'], ['UK', 'GB'], ['England', 'GB'],
    ['South Korea', 'KR'], ['대한민국', 'KR'], ['中国', 'CN'], ['日本', 'JP'], ['Россия', 'RU'], ['Österreich', 'AT'],
    ["Côte d'Ivoire", 'CI'], ['Holland', 'NL'], ['Czech Republic', 'CZ'], ['Turkey', 'TR'], ['Türkiye', 'TR'],
  ];
  for (const [cell, code] of cases) assert.equal(countryNamed(cell), code, cell);
});

test('names no country for what is none: blanks, cities, states, codes that are no country', () => {
  for (const cell of ['', '  ', 'Springfield', 'California', 'ZZ', 'XYZ', 'n/a', 'Orange County', '12345']) assert.equal(countryNamed(cell), null, cell);
});
