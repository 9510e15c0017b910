import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOrderOfHeader, isNoValue, isWrittenNull, normaliseDate, normaliseEmail, normaliseNumber, normaliseYearlessDate } from './value-normalisation.js';
import { isDateValue, isNumberValue } from '../mapping/value-patterns.js';

test('accepts real-world emails and lower-cases the domain only', () => {
  assert.equal(normaliseEmail(' Li.Wei+crm@Example.COM '), 'Li.Wei+crm@example.com');
  assert.equal(normaliseEmail("o'brien@mail.co.uk"), "o'brien@mail.co.uk");
});

test('rejects malformed emails', () => {
  for (const bad of ['plainaddress', 'a@b', 'a@@b.com', '.a@b.com', 'a..b@c.com', 'a b@c.com', 'a@-b.com', 'ann@exam ple.com', 'Work: a@b.com, home: c@d.com', '']) {
    assert.equal(normaliseEmail(bad), null, bad);
  }
});

test('reads an address as mail programs export it: inside a display name, a mailto: link, an IDN', () => {
  assert.equal(normaliseEmail('Ann Lee <ann@Example.com>'), 'ann@example.com');
  assert.equal(normaliseEmail('"Lee, Ann" <ann@example.com>'), 'ann@example.com');
  assert.equal(normaliseEmail('mailto:ann@example.com'), 'ann@example.com');
  assert.equal(normaliseEmail('ann@exämple.DE'), 'ann@exämple.de');
  for (const bad of ['ann@example.com; bob@example.com', 'Ann <ann@example.com> Bob <b@c.de>', 'Ann <not an address>', 'ann@exämple']) assert.equal(normaliseEmail(bad), null, bad);
});

test('reads an address beside a label or a comment, after punctuation, in full-width letters, from a mailto: link with a subject', () => {
  for (const [written, email] of [
    ['ann@example.com (work)', 'ann@example.com'], ['Work: Ann@Example.COM', 'Ann@example.com'], ['E-mail: (ann@example.com)', 'ann@example.com'],
    ['ann@example.com.', 'ann@example.com'], ['ann@example.co.uk;', 'ann@example.co.uk'], ['ann@example.com,', 'ann@example.com'],
    ['ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'ann@example.com'], ['ann＠example.com', 'ann@example.com'], ['mailto:ann@example.com?subject=Hello', 'ann@example.com'],
    // Outlook's display name, a stray bracket, spaces typed around the @.
    ['John Public (john@contoso.com)', 'john@contoso.com'], ['<ann@example.com', 'ann@example.com'], ['ann@example.com>', 'ann@example.com'],
    ['ann @ example.com', 'ann@example.com'], ['ann@ Example.com', 'ann@example.com'],
  ] as const) {
    assert.equal(normaliseEmail(written), email, written);
  }
});

test('reads dates in the usual shapes into ISO', () => {
  assert.equal(normaliseDate('2024-03-05', 'mdy'), '2024-03-05');
  assert.equal(normaliseDate('2024/3/5', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('2024年3月5日', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('20240305', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('2024-03-05 14:30', 'dmy'), '2024-03-05T14:30:00');
  assert.equal(normaliseDate('2024-03-05T00:00:00', 'dmy'), '2024-03-05');
});

test('reads a Japanese era year as Japanese lists write birthdays, and refuses a year its era never had', () => {
  assert.equal(normaliseDate('昭和60年3月4日', 'dmy'), '1985-03-04');
  assert.equal(normaliseDate('平成元年5月6日', 'dmy'), '1989-05-06');
  assert.equal(normaliseDate('令和3年12月1日', 'dmy'), '2021-12-01');
  assert.equal(normaliseDate('㍼60年3月4日', 'dmy'), '1985-03-04');
  assert.equal(normaliseDate('S60.3.4', 'dmy'), '1985-03-04');
  assert.equal(normaliseDate('Ｈ２/５/６', 'dmy'), '1990-05-06');
  assert.equal(normaliseDate('大正15年12月24日', 'dmy'), '1926-12-24');
  assert.equal(normaliseDate('平成35年1月1日', 'dmy'), null);
  assert.equal(normaliseDate('S60.2.30', 'dmy'), null);
});

test("reads a date cell written out as Excel's serial number (five digits), with its time of day", () => {
  assert.equal(normaliseDate('31110', 'mdy'), '1985-03-04');
  assert.equal(normaliseDate('45356', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('45356.75', 'dmy'), '2024-03-05T18:00:00');
  assert.equal(normaliseDate('45356.0', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('1985', 'dmy'), null);
  assert.equal(normaliseDate('123456', 'dmy'), null);
});

test('reads slashed dates in the team order, unless the day gives itself away', () => {
  assert.equal(normaliseDate('03/05/2024', 'mdy'), '2024-03-05');
  assert.equal(normaliseDate('03/05/2024', 'dmy'), '2024-05-03');
  assert.equal(normaliseDate('25/12/2024', 'mdy'), '2024-12-25');
});

test('reads two-digit years as Excel does, and dotted dates day first whatever the team order', () => {
  assert.equal(normaliseDate('1/2/80', 'mdy'), '1980-01-02');
  assert.equal(normaliseDate('1/2/29', 'mdy'), '2029-01-02');
  assert.equal(normaliseDate('31/12/99', 'dmy'), '1999-12-31');
  assert.equal(normaliseDate('02.01.1980', 'mdy'), '1980-01-02');
  assert.equal(normaliseDate('02.01.80', 'dmy'), '1980-01-02');
  assert.equal(normaliseDate('1/2-1980', 'mdy'), null);
});

test('reads a two-digit year a century earlier where the date may not come after a given day (birthdays)', () => {
  assert.equal(normaliseDate('1/2/29', 'mdy', '2026-11-30'), '1929-01-02');
  assert.equal(normaliseDate('30/11/26', 'dmy', '2026-11-30'), '2026-11-30');
  assert.equal(normaliseDate('1/12/26 10:30', 'dmy', '2026-11-30'), '1926-12-01T10:30:00');
  assert.equal(normaliseDate('1/2/05', 'mdy', '2026-11-30'), '2005-01-02');
  assert.equal(normaliseDate('02-Jan-29', 'mdy', '2026-11-30'), '1929-01-02');
  // Four digits are the year as written, in the future or not: the caller judges it.
  assert.equal(normaliseDate('1/2/2029', 'mdy', '2026-11-30'), '2029-01-02');
  assert.equal(normaliseDate('29/2/27', 'dmy', '2026-11-30'), null);
});

test('reads dates with the month by name, in English and other European languages', () => {
  for (const [written, iso] of [
    ['Jan 2, 1980', '1980-01-02'], ['January 2 1980', '1980-01-02'], ['2 January 1980', '1980-01-02'], ['2nd Jan. 1980', '1980-01-02'],
    ['02-Jan-80', '1980-01-02'], ['2-Jan-24', '2024-01-02'], ['Wednesday, January 2, 1980', '1980-01-02'], ['1980 Jan 02', '1980-01-02'],
    ['2 de enero de 1980', '1980-01-02'], ['1er février 2024', '2024-02-01'], ['2. März 2024', '2024-03-02'], ['15 août 2024', '2024-08-15'],
    ['Sept 30, 2024', '2024-09-30'], ['31 dic 2024', '2024-12-31'],
  ] as const) {
    assert.equal(normaliseDate(written, 'mdy'), iso, written);
    assert.equal(normaliseDate(written, 'dmy'), iso, written);
  }
  for (const bad of ['Feb 30, 2024', 'Jan 2', 'Janvember 2, 2024', 'Jan 2, 1980 25:30', 'May the fourth', 'Jan 123 2024']) assert.equal(normaliseDate(bad, 'mdy'), null, bad);
  // With the time of day, as Google Sheets and Salesforce write a date and time.
  assert.equal(normaliseDate('Jan 2, 1980 10:30', 'mdy'), '1980-01-02T10:30:00');
});

test('reads the time after a day-month-year date, in 24 or 12 hours', () => {
  assert.equal(normaliseDate('1/2/2024 10:00', 'mdy'), '2024-01-02T10:00:00');
  assert.equal(normaliseDate('1/2/2024 12:30 AM', 'mdy'), '2024-01-02T00:30:00');
  assert.equal(normaliseDate('1/2/2024 1:05:09 pm', 'mdy'), '2024-01-02T13:05:09');
  assert.equal(normaliseDate('02.01.2024 14:30', 'mdy'), '2024-01-02T14:30:00');
  assert.equal(normaliseDate('1/2/2024 0:00', 'mdy'), '2024-01-02');
  assert.equal(normaliseDate('1/2/2024 13:00 PM', 'mdy'), null);
});

test('reads every value that column type detection takes for a date (Import & Start makes such a column a date)', () => {
  const values = ['2024-01-02', '2024/1/2', '2024.01.02', '2024年1月2日', '01/02/2024', '1/2/24', '02.01.2024', '2-Jan-24', 'Jan 2, 2024',
    '2 January 2024', 'January 2nd, 2024', '2024-01-02T10:00:00Z', '2024-01-02 10:00', '1/2/2024 10:00', '1/2/2024 10:00 AM', '12/31/99'];
  for (const value of values) {
    assert.ok(isDateValue(value), `detected: ${value}`);
    assert.notEqual(normaliseDate(value, 'mdy'), null, `read (mdy): ${value}`);
    assert.notEqual(normaliseDate(value, 'dmy'), null, `read (dmy): ${value}`);
  }
});

test('refuses impossible dates', () => {
  for (const bad of ['2023-02-29', '2024-13-01', '31/31/2024', 'yesterday', '12.5']) assert.equal(normaliseDate(bad, 'dmy'), null, bad);
});

test('reads numbers with thousands separators', () => {
  assert.equal(normaliseNumber('1,234.5'), '1234.5');
  assert.equal(normaliseNumber(' -12 '), '-12');
  assert.equal(normaliseNumber('3e2'), '300');
  assert.equal(normaliseNumber('12 apples'), null);
});

test('reads a decimal comma and groups of digits as continental Europe and South America write them', () => {
  for (const [value, number] of [['1.234,50', '1234.50'], ['99,90', '99.90'], ['0,5', '0.5'], ['-1.234,5', '-1234.5'], ['1.234.567', '1234567'],
    ['1 234,50', '1234.50'], ['1\u00a0234,50 €', '1234.50'], ['1\u202f234,5', '1234.5'], ["1'234.50", '1234.50'], ['12,5%', '12.5'], ['12,5\u202f%', '12.5'], ['12 %', '12'], ['(1.234,50)', '-1234.50'],
    // Only these read two ways: as a spreadsheet's number cell is written, a comma groups and a point is a decimal mark.
    ['1,234', '1234'], ['1.234', '1.234']] as const) {
    assert.ok(isNumberValue(value), `detected: ${value}`);
    assert.equal(normaliseNumber(value), number, value);
  }
});

test('reads every value that column type detection takes for a number, amounts and percentages without their signs', () => {
  for (const [value, number] of [['12', '12'], ['-4', '-4'], ['1,234.50', '1234.50'], ['12.5%', '12.5'], ['$99', '99'], ['-$1,234.5', '-1234.5'], ['€12', '12'], ['￥3,000', '3000'],
    // Trailing currency signs, and the accounting format's negatives and zero (an XLSX cell shows them so).
    ['1,234.50 €', '1234.50'], ['(1,234.50)', '-1234.50'], ['$(0.50)', '-0.50'], ['($0.50)', '-0.50'], ['$ -', '0']] as const) {
    assert.ok(isNumberValue(value), `detected: ${value}`);
    assert.equal(normaliseNumber(value), number, value);
  }
  for (const bad of ['$', '%', '12%%', '$$12', '1.234,5.6', '(12', '()', '-', '17.05.1980', '030.901.820', '1,2,3']) {
    assert.equal(normaliseNumber(bad), null, bad);
    assert.equal(isNumberValue(bad), false, `not detected: ${bad}`);
  }
});

test('tells the marks of a missing value (N/A, NULL, -, zero dates, formula errors) from values', () => {
  for (const missing of ['N/A', 'n/a', ' NA ', 'NULL', 'null', '(null)', '\\N', 'None', 'nan', '-', '--', '—', '?', '/', '无', '暂无',
    '0', '000-000-0000', '0000-00-00', '0000-00-00 00:00:00', '00/00/0000', '1900-01-00', '1/0/1900', '1/0/00', '0/0/00', '#N/A', '#VALUE!', '#REF!', '#DIV/0!']) {
    assert.equal(isNoValue(missing), true, missing);
  }
  for (const value of ['Nancy', 'Nan Li', 'NAM', '0x1', '10', '2000-01-01', '#1 Main St', 'n/a street', '-1', 'non', '1/1/00', '10/0/00']) {
    assert.equal(isNoValue(value), false, value);
  }
});

test("tells a program's mark of a missing value by its spelling, not a person's word or a name", () => {
  for (const missing of ['NULL', 'null', '(null)', '<NULL>', '\\N', 'nan', 'NaN', 'NaT', 'None', 'undefined', '#N/A', '#REF!', '#VALUE!', '#DIV/0!']) {
    assert.equal(isWrittenNull(missing), true, missing);
  }
  for (const value of ['Null', 'Nan', 'N/A', 'none', 'Unknown', '-', '\\n', '#1', 'NULL Street', 'Nancy', '#n/a']) {
    assert.equal(isWrittenNull(value), false, value);
  }
});

test("reads the order a header writes its dates in, in the languages' letters, or none", () => {
  for (const header of ['Birthday (DD/MM/YYYY)', 'Geburtsdatum TT.MM.JJJJ', 'Date de naissance (jj/mm/aaaa)', 'Fecha (dd-mm-aaaa)', 'Data (gg/mm/aaaa)', 'd.m.yy']) {
    assert.equal(dateOrderOfHeader(header), 'dmy', header);
  }
  for (const header of ['Date (mm/dd/yy)', 'DOB MM-DD-YYYY', 'Mm/Dd/Yyyy']) assert.equal(dateOrderOfHeader(header), 'mdy', header);
  for (const header of ['Birthday', 'YYYY-MM-DD', 'Comment dd/mm', 'Amount', 'Address']) assert.equal(dateOrderOfHeader(header), null, header);
});

test('reads a day of the year without its year as --MM-DD, in the team\'s order, or nothing', () => {
  const cases: Array<[string, 'mdy' | 'dmy', string | null]> = [
    ['03/04', 'mdy', '--03-04'], ['03/04', 'dmy', '--04-03'], ['25/12', 'mdy', '--12-25'], ['4.3.', 'mdy', '--03-04'], ['02-29', 'mdy', '--02-29'],
    ['March 4th', 'dmy', '--03-04'], ['4 mars', 'mdy', '--03-04'], ['3月4日', 'dmy', '--03-04'], ['--0304', 'dmy', '--03-04'], ['--03-04', 'mdy', '--03-04'],
    ['02/30', 'mdy', null], ['13/14', 'mdy', null], ['March', 'mdy', null], ['3/4/85', 'mdy', null], ['1234', 'mdy', null], ['March 4 85', 'mdy', null],
  ];
  for (const [value, order, expected] of cases) assert.equal(normaliseYearlessDate(value, order), expected, `${value} (${order})`);
});

test('reads a date among what programs and languages write around it: a weekday, Hungarian dots, the Russian year mark, a time', () => {
  const cases: Array<[string, string | null]> = [
    ['2024年3月5日(火)', '2024-03-05'], ['2024年3月5日（火曜日）', '2024-03-05'], ['2024. 03. 05.', '2024-03-05'], ['2024.03.05.', '2024-03-05'],
    ['5.3.2024 г.', '2024-03-05'], ['Mar 5, 2024, 10:00 PM', '2024-03-05T22:00:00'], ['5 mars 2024 10:30', '2024-03-05T10:30:00'],
    ['Mon Mar 04 1985 00:00:00 GMT+0000 (Coordinated Universal Time)', '1985-03-04'], ['1985-03-04 00:00:00.0', '1985-03-04'],
    ['hello 10:00', null], ['March 2024', null], ['5 (five)', null], ['2024.13.05.', null],
  ];
  for (const [value, expected] of cases) assert.equal(normaliseDate(value, 'mdy'), expected, value);
});

test('reads dates and numbers written in Arabic, Persian, Devanagari, Bengali or Thai digits', () => {
  assert.equal(normaliseDate('١٩٨٠/٠٤/٠٢', 'dmy'), '1980-04-02');
  assert.equal(normaliseDate('۲۵/۱۲/۱۹۹۰', 'dmy'), '1990-12-25');
  assert.equal(normaliseDate('०२-०४-१९८०', 'dmy'), '1980-04-02');
  assert.equal(normaliseDate('๒๕/๑๒/๑๙๙๐', 'dmy'), '1990-12-25');
  assert.equal(normaliseYearlessDate('٢٥/١٢', 'dmy'), '--12-25');
  assert.equal(normaliseNumber('١٢٣٫٥'), '123.5');
  assert.equal(normaliseNumber('১২৩'), '123');
  assert.equal(normaliseDate('١٩٨٠/١٣/٠٢', 'dmy'), null);
});

test('column type detection takes dates and numbers in Arabic digits as dates and numbers', () => {
  assert.equal(isDateValue('١٩٨٠/٠٤/٠٢'), true);
  assert.equal(isNumberValue('١٢٣'), true);
  assert.equal(isDateValue('محمد'), false);
});
