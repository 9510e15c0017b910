import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdsCallingCodes, isCallingCodeHeader, readCallingCodeCell, withCallingCode } from './calling-codes.js';

test('tells a header of calling codes in many languages from an area code or a country', () => {
  for (const header of ['Country Code', 'country_code', 'CountryCode', 'PHONE_COUNTRY_CODE', 'Phone Country Code', 'Mobile Country Code', 'ISD Code', 'ISD', 'Dial Code', 'Dialing Code', 'Calling Code',
    'phone_code', 'Ländervorwahl', 'Código de país', 'Indicatif pays', 'Prefisso internazionale', '国家代码', '国番号', '국가번호', 'رمز الدولة', 'Код страны']) {
    assert.equal(isCallingCodeHeader(header), true, header);
  }
  for (const header of ['Country', 'Area Code', 'Vorwahl', 'Prefisso', 'Indicatif', 'Zip Code', 'Code', 'Phone', 'Phone Number', 'Mobile Code', '区号']) {
    assert.equal(isCallingCodeHeader(header), false, header);
  }
});

test('reads a calling-code cell as its code, or as the country it names', () => {
  const cases: Array<[string, ReturnType<typeof readCallingCodeCell>]> = [
    ['+971', { code: '971' }], ['971', { code: '971' }], ['00 44', { code: '44' }], ['0044', { code: '44' }], ['(+52)', { code: '52' }],
    ['+1-876', { code: '1876' }], ['Mexico (+52)', { code: '52' }], ['🇦🇪 +971', { code: '971' }],
    ['AE', { country: 'AE' }], ['UAE', { country: 'AE' }], ['India', { country: 'IN' }], ['', null], ['n/a', null], ['12345', null],
  ];
  for (const [cell, read] of cases) assert.deepEqual(readCallingCodeCell(cell), read, cell);
  assert.equal(holdsCallingCodes(['+971', '91', '', 'n/a', '+44']), true);
  assert.equal(holdsCallingCodes(['MX', 'DE', '+1']), false);
});

test('reads a number with its row\'s code: before it, without its trunk 0, or as written when it starts with the code', () => {
  assert.deepEqual(withCallingCode('50 123 4567', '971'), ['+971 50 123 4567']);
  assert.deepEqual(withCallingCode('07911 123456', '44'), ['+44 07911 123456', '+44 7911 123456']);
  assert.deepEqual(withCallingCode('971501234567', '971'), ['+971 971501234567', '+971501234567']);
  assert.deepEqual(withCallingCode('+33 6 12 34 56 78', '44'), []);
  assert.deepEqual(withCallingCode('0033 6 12 34 56 78', '44'), []);
});
