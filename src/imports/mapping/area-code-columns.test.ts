import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAreaCodeHeader, readAreaCodeCell, withAreaCode } from './area-code-columns.js';

test('tells a header of area codes in many languages from a calling code, a postal code or a phone', () => {
  for (const header of ['Area Code', 'AreaCode', 'area_code', 'PHONE_AREA_CD', 'Phone Area Code', 'NPA', 'DDD', 'Código de área', 'Característica', 'Vorwahl', 'Prefisso', 'Indicatif régional', '区号', '市外局番', '지역번호', 'Код города']) {
    assert.equal(isAreaCodeHeader(header), true, header);
  }
  for (const header of ['Country Code', 'Zip Code', 'Postal Code', 'Phone', 'Area', 'Code', 'Prefisso internazionale', 'Ländervorwahl']) {
    assert.equal(isAreaCodeHeader(header), false, header);
  }
});

test("reads an area code's digits as cells write them, and puts it before a local number", () => {
  assert.deepEqual(['415', '(11)', '030', ' 0 30 ', '', 'n/a', '123456', 'Berlin'].map(readAreaCodeCell), ['415', '11', '030', '030', null, null, null, null]);
  assert.equal(withAreaCode('555-0134', '415'), '415 555-0134');
  assert.equal(withAreaCode('+1 212 555 0199', '415'), null);
  assert.equal(withAreaCode('0049 30 1234567', '030'), null);
});
