import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectColumnType } from './type-detection.js';
import { isAddressValue, isDateValue, isEmailValue, isNumberValue, isPhoneValue } from './value-patterns.js';

describe('detectColumnType from the header', () => {
  const cases: Array<[string, string]> = [
    ['Email', 'email'], ['E-mail Address', 'email'], ['邮箱', 'email'], ['電郵', 'email'],
    ['Phone', 'phone'], ['Mobile Phone No.', 'phone'], ['手机号码', 'phone'], ['联系电话', 'phone'], ['Tel', 'phone'],
    ['Fax Number', 'fax'], ['传真', 'fax'],
    ['Address', 'address'], ['Mailing Street', 'address'], ['详细地址', 'address'],
    ['Date of Birth', 'date'], ['DOB', 'date'], ['出生日期', 'date'], ['Created Date', 'date'], ['登録日', 'date'], ['到期日', 'date'],
    ['曜日', 'text'], ['星期日', 'text'], ['日', 'text'],
    ['Amount', 'number'], ['年龄', 'number'], ['Total Price', 'number'],
    ['Name', 'text'], ['Time Zone', 'text'], ['Country', 'text'],
  ];
  for (const [header, type] of cases) {
    test(`takes "${header}" without sampled values for ${type}`, () => {
      assert.equal(detectColumnType(header, []), type);
      assert.equal(detectColumnType(header, ['', '  ']), type);
    });
  }
});

describe('detectColumnType from the values', () => {
  test('recognises e-mails', () => {
    assert.equal(detectColumnType('Column 1', ['ann@example.com', 'bo@example.org', 'chen@example.cn']), 'email');
    assert.equal(detectColumnType('Column 1', ['\u200eann@example.com\u200f', '\u200ebo@example.org\u200f', 'cy@example.net\u200b']), 'email');
  });

  test('recognises phone numbers, international, local and Chinese mobiles', () => {
    assert.equal(detectColumnType('Column 1', ['+1 (415) 555-2671', '020-8765 4321', '13800138000', '0755 2345 6789']), 'phone');
  });

  test('recognises dates in the usual spellings', () => {
    assert.equal(detectColumnType('Column 1', ['2024-01-02', '03/04/2023', '5 Jan 2020', 'March 7, 1990', '2023年5月6日']), 'date');
    assert.equal(detectColumnType('Column 1', ['2 de enero de 1980', '15 août 1975', '2. März 1990']), 'date');
    assert.equal(detectColumnType('Column 1', ['昭和60年3月4日', '平成元年5月6日', 'S60.3.4']), 'date');
  });

  test('recognises numbers, amounts and percentages', () => {
    assert.equal(detectColumnType('Column 1', ['12', '-4', '1,234.50', '12.5%', '$99']), 'number');
  });

  test('recognises street addresses in English and Chinese', () => {
    assert.equal(detectColumnType('Column 1', ['221B Baker Street, London', '1600 Pennsylvania Ave NW', '10 Downing St']), 'address');
    assert.equal(detectColumnType('Column 1', ['北京市朝阳区建国路88号', '上海市浦东新区世纪大道100号', '广州市天河区体育西路']), 'address');
  });

  test('passes over the marks of a missing value (N/A, NULL, -) as over empty cells', () => {
    assert.equal(detectColumnType('Column 1', ['1980-01-02', 'N/A', '1975-03-04', 'NULL', '-', '0000-00-00', '1990-12-31']), 'date');
    assert.equal(detectColumnType('Column 1', ['ann@example.com', 'n/a', 'n/a', 'n/a', 'bo@example.org']), 'email');
    assert.equal(detectColumnType('Column 1', ['0', '12', '0', '0', '7']), 'number');
  });

  test('falls back to text', () => {
    assert.equal(detectColumnType('Column 1', ['hello', 'world', 'again']), 'text');
    assert.equal(detectColumnType('Column 1', []), 'text');
  });

  test('does not take identifiers or amounts without a phone header for phone numbers', () => {
    assert.equal(detectColumnType('Column 1', ['10000001', '10000002', '10000003']), 'number');
    assert.equal(detectColumnType('Customer ID', ['4000123456', '4000123457']), 'number');
  });
});

describe('detectColumnType when header and values disagree', () => {
  test('lets values that contradict the header decide', () => {
    assert.equal(detectColumnType('Email Opt Out', ['true', 'false', 'false']), 'text');
    assert.equal(detectColumnType('Phone Type', ['Mobile', 'Home', 'Work']), 'text');
    assert.equal(detectColumnType('Last Modified Date', ['yesterday', 'today']), 'text');
  });

  test('keeps the header’s type when the values fit it', () => {
    assert.equal(detectColumnType('Fax', ['+1 415 555 2672', '']), 'fax');
    assert.equal(detectColumnType('Birthday', ['19900131', '1985-02-03']), 'date');
    // Date cells written out as Excel's serial numbers: dates where the header says so, numbers where it does not.
    assert.equal(detectColumnType('Date of Birth', ['31110', '32874.5', '25569']), 'date');
    assert.equal(detectColumnType('Column 1', ['31110', '32874', '25569']), 'number');
    assert.equal(detectColumnType('Address', ['Flat 3', 'Rose Cottage']), 'address');
    assert.equal(detectColumnType('Phone', ['5552671', '5552672']), 'phone');
  });
});

describe('detectColumnType on a whole Import & Start file', () => {
  test('gives each of the seven types to the columns of a realistic customer list', () => {
    const headers = ['客户姓名', '手机号码', '传真', 'E-mail', '联系地址', '签约日期', '年消费额', 'Column 8', 'Column 9', 'Column 10', 'Column 11'];
    const rows = [
      ['王伟', '13800138000', '010-65432100', 'wang.wei@example.cn', '北京市朝阳区建国路88号', '2023-05-06', '12,500', 'li@example.com', '+1 (415) 555-2671', '2024-01-02', 'VIP'],
      ['李娜', '13912345678', '021-61234567', 'li.na@example.cn', '上海市浦东新区世纪大道100号', '2023-06-07', '8,000', 'bo@example.org', '020-8765 4321', '03/04/2023', 'Regular'],
      ['张敏', '15012345678', '', 'zhang.min@example.cn', '广州市天河区体育西路191号', '2024-01-15', '950.5', 'cleo@example.net', '13800138001', '5 Jan 2020', 'New'],
    ];
    const types = headers.map((header, i) => detectColumnType(header, rows.map((row) => row[i] ?? '')));
    assert.deepEqual(types, ['text', 'phone', 'fax', 'email', 'address', 'date', 'number', 'email', 'phone', 'date', 'text']);
    assert.deepEqual(new Set(types), new Set(['email', 'phone', 'fax', 'address', 'date', 'number', 'text']));
  });
});

describe('value patterns', () => {
  test('tell e-mails, phones, dates, numbers and addresses apart', () => {
    assert.equal(isEmailValue(' Ann.Lee+crm@example.co.uk '), true);
    assert.equal(isEmailValue('ann@localhost'), false);
    assert.equal(isEmailValue('ann at example.com'), false);
    assert.equal(isPhoneValue('+86 138 0013 8000'), true);
    assert.equal(isPhoneValue('(415) 555-2671 ext. 12'), true);
    assert.equal(isPhoneValue('2024-01-02'), false);
    assert.equal(isPhoneValue('12345'), false);
    assert.equal(isPhoneValue('1234567.89'), false);
    assert.equal(isPhoneValue('1234567', { isStrict: true }), false);
    assert.equal(isDateValue('2024-13-01'), false);
    assert.equal(isDateValue('31/12/2024'), true);
    assert.equal(isNumberValue('1,234'), true);
    assert.equal(isNumberValue('12a'), false);
    assert.equal(isAddressValue('12 Main St'), true);
    assert.equal(isAddressValue('Main'), false);
  });
});
