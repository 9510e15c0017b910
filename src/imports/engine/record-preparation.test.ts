import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPhoneNormaliser } from '../../phones/phone-normalisation.js';
import { STANDARD_FIELDS } from '../targets.js';
import { createRecordPreparer } from './record-preparation.js';

function preparerFor(columns: Array<[header: string, field: string | null]>, settings: { today?: string; country?: string } = {}) {
  return createRecordPreparer({
    target: 'individual',
    mapping: columns.map(([header, field], index) => ({ index, header, field })),
    fields: STANDARD_FIELDS.individual,
    dedupeKey: 'phone',
    normalisePhone: createPhoneNormaliser(settings.country ?? 'US'),
    dateOrder: 'mdy',
    ...settings,
  });
}

/** The prepared record's values by field, or its reason when it fails. */
function prepared(preparer: ReturnType<typeof preparerFor>, cells: string[]): Record<string, string> | string {
  const values: Array<string | null> = [];
  const outcome = preparer.prepare(cells, values, 0);
  if (!outcome.isOk) return outcome.reason;
  return Object.fromEntries(preparer.fields.flatMap((field, slot) => (values[slot] ? [[field.key, values[slot]]] : [])));
}

/** One field's prepared value, or undefined when the record fails. */
function preparedField(preparer: ReturnType<typeof preparerFor>, cells: string[], key: string): string | undefined {
  const outcome = prepared(preparer, cells);
  return typeof outcome === 'string' ? undefined : outcome[key];
}

describe('createRecordPreparer: several columns in one field', () => {
  test("joins a name's parts given name first, whatever the order of the columns, leaving out empty parts", () => {
    const preparer = preparerFor([['Last Name', 'name'], ['Phone', 'phone'], ['First Name', 'name'], ['Middle Name', 'name']]);
    assert.deepEqual(preparer.fields.map((field) => field.key), ['name', 'phone', 'phone2']);
    assert.deepEqual(prepared(preparer, ['Lee', '415-555-0134', ' Ann ', 'B.']), { name: 'Ann B. Lee', phone: '+14155550134' });
    assert.deepEqual(prepared(preparer, ['Lee', '415-555-0135', '', '']), { name: 'Lee', phone: '+14155550135' });
    assert.equal(prepared(preparer, ['', '', '', '']), 'a customer needs a name or a phone');
    // Columns mapped to the name by hand under headers of no known part: its words, in the file's order.
    const byHand = preparerFor([['Given', 'name'], ['Surname', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(byHand, ['Wim', 'Mertens', '415-555-0136']), { name: 'Wim Mertens', phone: '+14155550136' });
  });

  test('joins a Hungarian or a Vietnamese name family name first, as those languages write it', () => {
    const hungarian = preparerFor([['Keresztnév', 'name'], ['Vezetéknév', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(hungarian, ['János', 'Nagy', '4155550137']), { name: 'Nagy János', phone: '+14155550137' });
    const vietnamese = preparerFor([['Tên', 'name'], ['Tên đệm', 'name'], ['Họ', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(vietnamese, ['An', 'Văn', 'Nguyễn', '4155550138']), { name: 'Nguyễn Văn An', phone: '+14155550138' });
  });

  test('joins a name in Chinese, Japanese or Korean letters family name first and without a space, whatever the headers', () => {
    const japanese = preparerFor([['姓', 'name'], ['名', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(japanese, ['山田', '太郎', '4155550139']), { name: '山田太郎', phone: '+14155550139' });
    // The same columns with a name in Latin letters: a space, family name first as the headers say.
    assert.deepEqual(prepared(japanese, ['Yamada', 'Taro', '4155550140']), { name: 'Yamada Taro', phone: '+14155550140' });
    assert.deepEqual(prepared(japanese, ['佐藤', '', '4155550141']), { name: '佐藤', phone: '+14155550141' });
    // A Western CRM's export of Chinese and Korean customers.
    const western = preparerFor([['First Name', 'name'], ['Last Name', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(western, ['伟', '张', '4155550142']), { name: '张伟', phone: '+14155550142' });
    assert.deepEqual(prepared(western, ['민수', '김', '4155550143']), { name: '김민수', phone: '+14155550143' });
    assert.deepEqual(prepared(western, ['Wei', '张', '4155550144']), { name: 'Wei 张', phone: '+14155550144' });
  });

  test('joins address lines with commas and other text in the order of the file', () => {
    const preparer = preparerFor([['Street', 'address'], ['Street 2', 'address'], ['Notes', 'note'], ['Comments', 'note'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(preparer, ['1 Main St', 'Apt 4', 'call after 5', 'VIP', '4155550134']), {
      address: '1 Main St, Apt 4',
      note: 'call after 5; VIP',
      phone: '+14155550134',
    });
  });

  test('joins a house number to its street with a space, before or after it, and the lines after it with commas', () => {
    const german = preparerFor([['Straße', 'address'], ['Hausnummer', 'address'], ['Adresszusatz', 'address'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(german, ['Hauptstraße', '12a', 'Hinterhaus', '4155550134']), { address: 'Hauptstraße 12a, Hinterhaus', phone: '+14155550134' });
    assert.deepEqual(prepared(german, ['Am Markt', '', 'c/o Weber', '4155550135']), { address: 'Am Markt, c/o Weber', phone: '+14155550135' });
    const american = preparerFor([['House Number', 'address'], ['Street', 'address'], ['Apt', 'address'], ['Phone', 'phone']]);
    assert.deepEqual(prepared(american, ['12', 'Main St', 'Apt 4', '4155550136']), { address: '12 Main St, Apt 4', phone: '+14155550136' });
  });

  test('takes the first of two columns mapped to a field that is not text (two phones are no one phone)', () => {
    const preparer = preparerFor([['Phone', 'phone'], ['Work Phone', 'phone'], ['Name', 'name']]);
    assert.deepEqual(prepared(preparer, ['415-555-0134', 'not a phone', 'Ann']), { phone: '+14155550134', name: 'Ann' });
  });
});

describe('createRecordPreparer: phone numbers as spreadsheets and data tools write them', () => {
  test('reads a number written as a float (4155550134.0) as that number', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone'], ['Fax', 'fax']]);
    assert.deepEqual(prepared(preparer, ['Ann', '4155550134.0', ' 14155550135.00 ']), { name: 'Ann', phone: '+14155550134', fax: '+14155550135' });
    // Dots between groups are separators, not a float: read as before.
    assert.deepEqual(prepared(preparer, ['Bo', '415.555.0136', '']), { name: 'Bo', phone: '+14155550136' });
    assert.match(String(prepared(preparer, ['Cy', '4155550137.5', ''])), /"4155550137\.5" is not a valid phone number/);
  });

  test('says that a number shortened to scientific notation has lost its digits', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone']]);
    assert.match(String(prepared(preparer, ['Ann', '4.15555E+09'])), /"4\.15555E\+09" is a number a spreadsheet shortened to scientific notation: its digits are lost/);
    assert.match(String(prepared(preparer, ['Bo', '8.61380E+12'])), /scientific notation/);
  });
});

describe('createRecordPreparer: a phone column named for a country', () => {
  test('reads its numbers written the national way as that country\'s, and any other as before', () => {
    const preparer = preparerFor([['Name', 'name'], ['UK Mobile', 'mobile'], ['Phone (Mexico)', 'phone'], ['Home Phone', 'phone2']], { country: 'US' });
    assert.deepEqual(prepared(preparer, ['Ann', '07911 123456', '55 1234 5678', '(415) 555-0161']), {
      name: 'Ann', mobile: '+447911123456', phone: '+525512345678', phone2: '+14155550161',
    });
    // A number with its country's code, or only valid as the team's, is read as it is.
    assert.deepEqual(prepared(preparer, ['Bo', '(415) 555-0165', '+1 415 555 0163', '']), { name: 'Bo', mobile: '+14155550165', phone: '+14155550163' });
    // The team's own country, named, reads as any phone column does; a Mexican team's "US Phone" reads US numbers.
    assert.deepEqual(prepared(preparerFor([['Name', 'name'], ['US Phone', 'phone']], { country: 'US' }), ['Cy', '(415) 555-0166']), { name: 'Cy', phone: '+14155550166' });
    assert.deepEqual(prepared(preparerFor([['Name', 'name'], ['US Phone', 'phone']], { country: 'MX' }), ['Di', '551 234 5678']), { name: 'Di', phone: '+15512345678' });
  });
});

describe("createRecordPreparer: a record's own country", () => {
  test('reads a number written the national way as a number of the country the record names, else as the team\'s', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone'], ['Country', 'country']], { country: 'US' });
    const phone = (written: string, country: string) => preparedField(preparer, ['Ann', written, country], 'phone');
    // Mexico City's "55 1234 5678" was a valid number of New Jersey (+1 551 …) for a US team.
    assert.equal(phone('55 1234 5678', 'Mexico'), '+525512345678');
    assert.equal(phone('030 1234567', 'Deutschland'), '+49301234567');
    assert.equal(phone('07911 123456', 'UK'), '+447911123456');
    assert.equal(phone('(416) 555-0134', 'Canada'), '+14165550134');
    // Written with its country's code, a number is that country's whatever the record says.
    assert.equal(phone('+44 20 7946 0958', 'Mexico'), '+442079460958');
    // No number of the record's country, or not as that country writes one: the team's.
    assert.equal(phone('(415) 555-0135', 'Germany'), '+14155550135');
    assert.equal(phone('(415) 555-0135', 'Atlantis'), '+14155550135');
    assert.equal(phone('(415) 555-0135', ''), '+14155550135');
    // "NA": no country here, not Namibia.
    assert.match(String(prepared(preparer, ['Ann', '081 234 5678', 'NA'])), /"081 234 5678" is not a valid phone number/);
    assert.match(String(prepared(preparer, ['Bo', '12', 'France'])), /"12" is not a valid phone number/);
  });
});

describe('createRecordPreparer: a column of calling codes', () => {
  test("reads each number with its row's calling code, or in the country the cell names, the international ones as written", () => {
    const preparer = preparerFor([['Name', 'name'], ['Country Code', null], ['Mobile', 'mobile']], { country: 'AE' });
    const mobile = (code: string, written: string) => preparedField(preparer, ['Ali', code, written], 'mobile');
    assert.equal(mobile('+91', '98765 43210'), '+919876543210');
    assert.equal(mobile('44', '07911 123456'), '+447911123456');
    assert.equal(mobile('+971', '971501234567'), '+971501234567');
    assert.equal(mobile('Jamaica (+1-876)', '555-0199'), '+18765550199');
    assert.equal(mobile('+44', '+33 6 12 34 56 78'), '+33612345678');
    assert.equal(mobile('UAE', '050 123 4567'), '+971501234567');
    // No code, or one that makes no valid number: the number as the team reads it.
    assert.equal(mobile('', '050 123 4567'), '+971501234567');
    assert.equal(mobile('+49', '050 123 4567'), '+971501234567');
  });
});

describe('createRecordPreparer: a column of area codes', () => {
  test("reads a local number with its row's area code, and a number whole without it as written", () => {
    const us = preparerFor([['Name', 'name'], ['Area Code', null], ['Phone', 'phone']], { country: 'US' });
    const phone = (preparer: typeof us, area: string, written: string) => preparedField(preparer, ['Ann', area, written], 'phone');
    assert.equal(phone(us, '415', '555-0134'), '+14155550134');
    assert.equal(phone(us, '415', '(212) 555-0199'), '+12125550199');
    assert.equal(phone(us, '415', '415 555 0135'), '+14155550135');
    assert.equal(phone(us, '', '415 555 0136'), '+14155550136');
    assert.match(String(prepared(us, ['Bo', '', '555-0134'])), /"555-0134" is not a valid phone number/);
    // A list without a header: the column left of the numbers (the US Do Not Call registry's "201,2000001").
    const headerless = preparerFor([['Column 1', null], ['Column 2', 'phone']], { country: 'US' });
    assert.deepEqual(prepared(headerless, ['201', '2000001']), { phone: '+12012000001' });
    const brazil = preparerFor([['Nome', 'name'], ['DDD', null], ['Celular', 'mobile']], { country: 'BR' });
    const mobile = (area: string, written: string) => preparedField(brazil, ['Ana', area, written], 'mobile');
    assert.equal(mobile('11', '91234-5678'), '+5511912345678');
    assert.equal(mobile('(21)', '(11) 91234-5679'), '+5511912345679');
  });
});

describe('createRecordPreparer: the marks of a missing value', () => {
  test('reads N/A, NULL, -, 0 and zero dates in a phone, e-mail or date column as empty, not as a bad value', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone'], ['Mobile', 'mobile'], ['Email', 'email'], ['Birthday', 'birthday'], ['Note', 'note']]);
    assert.deepEqual(prepared(preparer, ['Ann', '(415) 555-0139', 'NULL', 'N/A', '0000-00-00', 'N/A']), { name: 'Ann', phone: '+14155550139', note: 'N/A' });
    assert.deepEqual(prepared(preparer, ['Bo', '4155550135', '0', '-', '#N/A', '']), { name: 'Bo', phone: '+14155550135' });
    // Missing is missing: a record with nothing else still needs its name or phone.
    assert.equal(prepared(preparer, ['', 'n/a', '', '', '', '']), 'a customer needs a name or a phone');
    // A value that is wrong is still wrong.
    assert.match(String(prepared(preparer, ['Cy', '555-0134', '', 'none@', '', ''])), /"555-0134" is not a valid phone number; column "Email": "none@" is not a valid email address/);
  });

  test("drops a program's NULL, nan or #N/A from a text field, a name's parts and an address's lines, and keeps a person's words", () => {
    const preparer = preparerFor([['First Name', 'name'], ['Middle Name', 'name'], ['Last Name', 'name'], ['Phone', 'phone'], ['City', 'city'], ['Company', 'company'], ['Note', 'note']]);
    // A database dump's NULL in every empty cell: the agent saw "Ann NULL Lee" from "NULL", a company "nan".
    assert.deepEqual(prepared(preparer, ['Ann', 'NULL', 'Lee', '4155550139', '\\N', 'nan', '#N/A']), { name: 'Ann Lee', phone: '+14155550139' });
    assert.deepEqual(prepared(preparer, ['Bo', '', 'Null', '4155550135', 'NaN', 'undefined', 'N/A']), { name: 'Bo Null', phone: '+14155550135', note: 'N/A' });
    // A name of nothing but such marks is no name.
    assert.equal(prepared(preparer, ['NULL', 'NULL', 'NULL', '', 'Paris', '', '']), 'a customer needs a name or a phone');
  });
});

describe('createRecordPreparer: several phones or e-mails in one cell', () => {
  test('takes the first when each is valid on its own, the second phone into phone2, keeping each as written for the agent', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone'], ['Email', 'email']]);
    assert.deepEqual(prepared(preparer, ['Gi', '415-555-0136 / 415-555-0137', 'gi@example.com; gi@work.example.com']), {
      name: 'Gi', phone: '+14155550136', email: 'gi@example.com', phone2: '+14155550137',
    });
    assert.deepEqual(prepared(preparer, ['Iv', '415-555-0139 or 415-555-0140', '']), { name: 'Iv', phone: '+14155550139', phone2: '+14155550140' });
    // Google Contacts' separator, and two lines of one Excel cell (Alt+Enter).
    assert.deepEqual(prepared(preparer, ['Bo', '415-555-0101 ::: 415-555-0102', 'bo@example.org ::: bo2@example.org']), {
      name: 'Bo', phone: '+14155550101', email: 'bo@example.org', phone2: '+14155550102',
    });
    assert.deepEqual(prepared(preparer, ['Cy', '415-555-0103\r\n415-555-0104', 'cy@example.org\ncy@work.example.org']), {
      name: 'Cy', phone: '+14155550103', email: 'cy@example.org', phone2: '+14155550104',
    });
    const values: Array<string | null> = [];
    assert.equal(preparer.prepare(['Gi', '415-555-0136, 415-555-0137', ''], values, 0).originals, '{"phone":"415-555-0136","phone2":"415-555-0137"}');
    // More than two: the first keeps the cell as written, so that the agent sees every number.
    assert.equal(preparer.prepare(['Gi', '415-555-0136, 415-555-0137, 415-555-0138', ''], values, 0).originals, '{"phone":"415-555-0136, 415-555-0137, 415-555-0138","phone2":"415-555-0137"}');
    // Numbers already as stored leave nothing to remember; the same number twice is one number.
    assert.equal(preparer.prepare(['Gi', '+14155550136; +14155550137', ''], values, 0).originals, null);
    assert.deepEqual(prepared(preparer, ['Ha', '415-555-0136 / (415) 555-0136', '']), { name: 'Ha', phone: '+14155550136' });
    // A plain number leaves phone2 empty.
    assert.deepEqual(prepared(preparer, ['Jo', '415-555-0136', '']), { name: 'Jo', phone: '+14155550136' });
    // Each number after its own label.
    assert.deepEqual(prepared(preparer, ['Ko', 'Home: 415-555-0137 Work: (415) 555-0138', '']), { name: 'Ko', phone: '+14155550137', phone2: '+14155550138' });
    assert.deepEqual(prepared(preparer, ['Lu', 'H: 415 555 0139  W: +1 415 555 0140', '']), { name: 'Lu', phone: '+14155550139', phone2: '+14155550140' });
    assert.deepEqual(prepared(preparer, ['Mo', '手机：415-555-0141 座机：415-555-0142', '']), { name: 'Mo', phone: '+14155550141', phone2: '+14155550142' });
  });

  test("a second number never replaces the record's own phone2, and goes from Mobile too", () => {
    const preparer = preparerFor([['Name', 'name'], ['Mobile', 'mobile'], ['Phone 2', 'phone2']]);
    assert.deepEqual(prepared(preparer, ['Gi', '415-555-0136 / 415-555-0137', '415-555-0199']), { name: 'Gi', mobile: '+14155550136', phone2: '+14155550199' });
    assert.deepEqual(prepared(preparer, ['Gi', '415-555-0136 / 415-555-0137', '']), { name: 'Gi', mobile: '+14155550136', phone2: '+14155550137' });
    const values: Array<string | null> = [];
    assert.equal(preparer.prepare(['Gi', '415-555-0136 / 415-555-0137', '415-555-0199'], values, 0).originals, '{"mobile":"415-555-0136 / 415-555-0137","phone2":"415-555-0199"}');
    // A target without phone2 keeps the first, as before.
    const organization = createRecordPreparer({
      target: 'organization', mapping: [{ index: 0, header: 'Name', field: 'name' }, { index: 1, header: 'Phone', field: 'phone' }],
      fields: STANDARD_FIELDS.organization, dedupeKey: 'phone', normalisePhone: createPhoneNormaliser('US'), dateOrder: 'mdy',
    });
    assert.deepEqual(organization.fields.map((field) => field.key), ['name', 'phone']);
    assert.deepEqual(prepared(organization, ['Acme', '415-555-0136 / 415-555-0137']), { name: 'Acme', phone: '+14155550136' });
  });

  test('reads a value with invisible characters pasted into it (zero-width space, direction marks, soft hyphen)', () => {
    const preparer = preparerFor([['Name', 'name'], ['Email', 'email'], ['Birthday', 'birthday']]);
    assert.deepEqual(prepared(preparer, ['Gi', 'gi@example.com\u200b', '\u200e3/4/1985\u200f']), { name: 'Gi', email: 'gi@example.com', birthday: '1985-03-04' });
    assert.deepEqual(prepared(preparer, ['Ha', '\u202aha@exam\u00adple.com\u202c', '']), { name: 'Ha', email: 'ha@example.com' });
    assert.match(String(prepared(preparer, ['Io', '\u200bnot-an-email', ''])), /is not a valid email address/);
  });

  test('fails the cell when any of them is not valid', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone'], ['Email', 'email']]);
    assert.match(String(prepared(preparer, ['Jo', '415-555-0141 / 555', ''])), /"415-555-0141 \/ 555" is not a valid phone number/);
    assert.match(String(prepared(preparer, ['Ko', '', 'ko@example.com, ko'])), /"ko@example\.com, ko" is not a valid email address/);
  });
});

describe('createRecordPreparer: birthdays', () => {
  const preparer = preparerFor([['Name', 'name'], ['DOB', 'birthday']], { today: '2026-11-30' });

  test('reads a two-digit year in the past, as a birthday can only be', () => {
    assert.deepEqual(prepared(preparer, ['Al', '3/4/28']), { name: 'Al', birthday: '1928-03-04' });
    assert.deepEqual(prepared(preparer, ['Bo', '3/4/85']), { name: 'Bo', birthday: '1985-03-04' });
    assert.deepEqual(prepared(preparer, ['Cy', '3/4/05']), { name: 'Cy', birthday: '2005-03-04' });
  });

  test("reads a date behind Excel's text mark ('1985-03-04), as some exports write it, and shows it without", () => {
    assert.deepEqual(prepared(preparer, ['Ga', "'1985-03-04"]), { name: 'Ga', birthday: '1985-03-04' });
    assert.equal(preparer.prepare(['Ga', "'1985-03-04"], [], 0).originals, null);
    assert.equal(preparer.prepare(['Ga', "'3/4/85"], [], 0).originals, '{"birthday":"3/4/85"}');
  });

  test("keeps a birthday without its year (a mailing list's 03/04) as the day of the year, and shows it as written", () => {
    assert.deepEqual(prepared(preparer, ['Ha', '03/04']), { name: 'Ha', birthday: '--03-04' });
    assert.deepEqual(prepared(preparer, ['Ha', '29.2.']), { name: 'Ha', birthday: '--02-29' });
    assert.equal(preparer.prepare(['Ha', 'March 4th'], [], 0).originals, '{"birthday":"March 4th"}');
    assert.equal(prepared(preparer, ['Ha', '13/14']), 'column "DOB": "13/14" is not a date');
    // Other dates need their year.
    const due = createRecordPreparer({
      target: 'individual', mapping: [{ index: 0, header: 'Name', field: 'name' }, { index: 1, header: 'Due', field: 'due' }],
      fields: [...STANDARD_FIELDS.individual, { key: 'due', label: 'Due', type: 'date' }], dedupeKey: 'phone', normalisePhone: createPhoneNormaliser('US'), dateOrder: 'mdy',
    });
    assert.equal(prepared(due, ['Ha', '03/04']), 'column "Due": "03/04" is not a date');
  });

  test('fails a birthday in the future with that reason', () => {
    assert.equal(prepared(preparer, ['Di', '2031-05-04']), 'column "DOB": "2031-05-04" is in the future: no birthday can be');
    assert.equal(prepared(preparer, ['Ed', '2/1/2027']), 'column "DOB": "2/1/2027" is in the future: no birthday can be');
    assert.deepEqual(prepared(preparer, ['Fa', '2026-11-30']), { name: 'Fa', birthday: '2026-11-30' });
  });
});

describe('createRecordPreparer: postal codes', () => {
  test("gives a ZIP a spreadsheet made a number its leading zeros back, by the record's country or the team's", () => {
    const preparer = preparerFor([['Name', 'name'], ['Zip', 'zip'], ['Country', 'country']], { country: 'US' });
    assert.deepEqual(prepared(preparer, ['Al', '2134', '']), { name: 'Al', zip: '02134' });
    assert.deepEqual(prepared(preparer, ['Bo', '1067', 'Deutschland']), { name: 'Bo', zip: '01067', country: 'Deutschland' });
    assert.deepEqual(prepared(preparer, ['Cy', '2000', 'Australia']), { name: 'Cy', zip: '2000', country: 'Australia' });
    assert.deepEqual(prepared(preparer, ['Di', '02134-1234', '']), { name: 'Di', zip: '02134-1234' });
  });
});

describe('createRecordPreparer: dates in the order the header gives', () => {
  test('reads a "(DD/MM/YYYY)" column day first for a month-first team, and the other columns in the team order', () => {
    const preparer = preparerFor([['Name', 'name'], ['Birthday (DD/MM/YYYY)', 'birthday']], { today: '2026-11-30' });
    assert.deepEqual(prepared(preparer, ['Al', '05/03/1985']), { name: 'Al', birthday: '1985-03-05' });
    assert.deepEqual(prepared(preparer, ['Bo', '25/12/1990']), { name: 'Bo', birthday: '1990-12-25' });
    assert.deepEqual(prepared(preparerFor([['Name', 'name'], ['Birthday', 'birthday']]), ['Cy', '05/03/1985']), { name: 'Cy', birthday: '1985-05-03' });
  });
});

describe('createRecordPreparer: a phone column of international numbers without their "+"', () => {
  test('reads its numbers that are none of the team\'s country with a "+", when its first records show the column so', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone']]);
    // As Excel leaves "+447911123456" typed into a cell, or a messaging platform exports numbers.
    preparer.settleColumns([['Al', '447911123456'], ['Bo', '8613800138000'], ['Cy', '14155550134'], ['Di', '']]);
    assert.deepEqual(prepared(preparer, ['Al', '447911123456']), { name: 'Al', phone: '+447911123456' });
    assert.deepEqual(prepared(preparer, ['Ed', '33612345678']), { name: 'Ed', phone: '+33612345678' });
    // A number of the team's country stays the team's; a national number abroad (a 0 first) gets no "+".
    assert.deepEqual(prepared(preparer, ['Cy', '14155550134']), { name: 'Cy', phone: '+14155550134' });
    assert.match(String(prepared(preparer, ['Fy', '07911123456'])), /is not a valid phone number/);
  });

  test('leaves a column of national numbers with one slip that happens to be a number abroad as it is', () => {
    const preparer = preparerFor([['Name', 'name'], ['Phone', 'phone']]);
    preparer.settleColumns([['Al', '4155550134'], ['Bo', '447911123456'], ['Cy', '2125550199'], ['Di', '12345']]);
    assert.match(String(prepared(preparer, ['Bo', '447911123456'])), /"447911123456" is not a valid phone number/);
    // Without the first records' word (a preparer not settled), nothing changes either.
    assert.match(String(prepared(preparerFor([['Name', 'name'], ['Phone', 'phone']]), ['Al', '447911123456'])), /is not a valid phone number/);
  });
});

describe('createRecordPreparer: a date column read in the order its first records show', () => {
  const preparerWith = (header: string) => preparerFor([['Name', 'name'], [header, 'birthday']], { today: '2026-11-30' });

  test('reads every date of a column day first when some can only be so, for a month-first team', () => {
    const preparer = preparerWith('Birthday');
    preparer.settleColumns([['Al', '05/03/1985'], ['Bo', '25/12/1990'], ['Cy', '']]);
    assert.deepEqual(prepared(preparer, ['Al', '05/03/1985']), { name: 'Al', birthday: '1985-03-05' });
    assert.deepEqual(prepared(preparer, ['Bo', '25/12/1990']), { name: 'Bo', birthday: '1990-12-25' });
  });

  test("keeps the team's order when the first records show none, or both", () => {
    const unclear = preparerWith('Birthday');
    unclear.settleColumns([['Al', '05/03/1985'], ['Bo', '1990-12-25']]);
    assert.deepEqual(prepared(unclear, ['Al', '05/03/1985']), { name: 'Al', birthday: '1985-05-03' });
    const mixed = preparerWith('Birthday');
    mixed.settleColumns([['Al', '25/12/1990'], ['Bo', '12/25/1990']]);
    assert.deepEqual(prepared(mixed, ['Al', '05/03/1985']), { name: 'Al', birthday: '1985-05-03' });
    // What the header says goes first.
    const headed = preparerWith('Birthday (MM/DD/YYYY)');
    headed.settleColumns([['Al', '25/12/1990']]);
    assert.deepEqual(prepared(headed, ['Al', '05/03/1985']), { name: 'Al', birthday: '1985-05-03' });
  });
});
