import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { openSource, previewSource, wholeReadHeapMb } from '../../src/imports/reading/index.js';
import { listScoreOf } from '../../src/imports/import-service.js';
import { STANDARD_FIELDS } from '../../src/imports/targets.js';
import { createFixtureFolder, expectAppError, readWhole, valuesOf } from './support/reading-fixtures.js';

// Workbooks written by SheetJS in each format a user uploads, read back through our readers
// (XLSX: our streaming reader; XLS: SheetJS; ODS: our streaming reader).
const FORMATS = [
  { bookType: 'xlsx', extension: 'xlsx', format: 'xlsx' },
  { bookType: 'biff8', extension: 'xls', format: 'xls' },
  { bookType: 'biff5', extension: 'xls', format: 'xls' },
  { bookType: 'ods', extension: 'ods', format: 'ods' },
] as const;

const DATE_FORMAT = XLSX.SSF.get_table()[14] as string;
/** 12345678901234567 has no exact double: it is stored as 12345678901234568, shown by Excel as 12345678901234600. */
const SEVENTEEN_DIGITS = Number('12345678901234567');
const DATE_TIME_FORMAT = XLSX.SSF.get_table()[22] as string;

function customersSheet(options: { withDateTime: boolean }): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['name', 'phone', 'zip', 'amount', 'big', 'long', 'tiny', 'joined', 'total', 'label', 'active'],
    ['Ann Lee', 4155550134, '02134', 0.1 + 0.2, 1e21, SEVENTEEN_DIGITS, -0.000001234, new Date(Date.UTC(2024, 0, 2)), 0, '', true],
    ['Bo Chen', 8613800138000, '00501', 1234.5, 123456789012, 99999999999, 1 / 3, new Date(Date.UTC(1999, 11, 31)), 0, '', false],
  ], { cellDates: true });
  for (const reference of ['H2', 'H3']) (sheet[reference] as XLSX.CellObject).z = DATE_FORMAT;
  // Formulas with their cached results: the reader must give the cached value, never compute.
  sheet['I2'] = { t: 'n', v: 42, f: 'SUM(D2:D3)*1000' };
  sheet['I3'] = { t: 'n', v: 7, f: '1/0' };
  sheet['J2'] = { t: 's', v: 'cached text', f: 'CONCAT("not ","this")' };
  sheet['J3'] = { t: 's', v: '007', f: 'TEXT(7,"000")' };
  // A row with an empty cell between two values keeps the columns where they are.
  sheet['A4'] = { t: 's', v: 'Cleo Diaz' };
  sheet['D4'] = { t: 'n', v: 5 };
  if (options.withDateTime) {
    sheet['L1'] = { t: 's', v: 'seen' };
    sheet['L2'] = { t: 'd', v: new Date(Date.UTC(2024, 0, 2, 13, 45, 30)), z: DATE_TIME_FORMAT };
  }
  sheet['!ref'] = options.withDateTime ? 'A1:L4' : 'A1:K4';
  return sheet;
}

function workbook(sheets: Array<[name: string, sheet: XLSX.WorkSheet, isHidden?: boolean]>, isDate1904 = false): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(book, sheet, name);
  book.Workbook = { Sheets: sheets.map(([, , isHidden]) => ({ Hidden: isHidden ? 1 : 0 })), WBProps: { date1904: isDate1904 } };
  return book;
}

describe('spreadsheet cells', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  for (const { bookType, extension, format } of FORMATS) {
    // SheetJS writes no date-time format into ODS (it warns); ODS date-times are tested on crafted files.
    const withDateTime = bookType !== 'ods';
    const write = (name: string, book: XLSX.WorkBook): string => folder.write(`${name}-${bookType}.${extension}`, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);

    test(`${bookType}: numbers read as shown, with no float noise or exponent, and text keeps its leading zeros`, async () => {
      const result = await readWhole(write('numbers', workbook([['Customers', customersSheet({ withDateTime })]])));
      assert.equal(result.format, format);
      const [ann, bo] = result.records;
      assert.deepEqual(ann?.values.slice(0, 7), ['Ann Lee', '4155550134', '02134', '0.3', '1000000000000000000000', '12345678901234600', '-0.000001234']);
      assert.deepEqual(bo?.values.slice(0, 7), ['Bo Chen', '8613800138000', '00501', '1234.5', '123456789012', '99999999999', '0.333333333333333']);
      assert.ok(result.records.every((record) => record.values.every((value) => !/e[+-]?\d/i.test(value))));
    });

    test(`${bookType}: dates become ISO dates${withDateTime ? ' and date-times' : ''}`, async () => {
      const result = await readWhole(write('dates', workbook([['Customers', customersSheet({ withDateTime })]])));
      assert.equal(result.records[0]?.values[7], '2024-01-02');
      assert.equal(result.records[1]?.values[7], '1999-12-31');
      if (withDateTime) assert.equal(result.records[0]?.values[11], '2024-01-02T13:45:30');
    });

    test(`${bookType}: formulas give their cached value and are not evaluated`, async () => {
      const result = await readWhole(write('formulas', workbook([['Customers', customersSheet({ withDateTime })]])));
      assert.deepEqual(result.records.slice(0, 2).map((record) => record.values.slice(8, 10)), [['42', 'cached text'], ['7', '007']]);
    });

    test(`${bookType}: a report title above the header is passed over; the records keep their rows' numbers`, async () => {
      const sheet = XLSX.utils.aoa_to_sheet([['Customers — November 2026'], [], ['name', 'phone'], ['Ann Lee', '415-555-0134'], ['Bo Chen', '212-555-0199']]);
      const result = await readWhole(write('titled', workbook([['Report', sheet]])));
      assert.deepEqual(result.headers, ['name', 'phone']);
      assert.deepEqual(result.records, [{ line: 4, values: ['Ann Lee', '415-555-0134'] }, { line: 5, values: ['Bo Chen', '212-555-0199'] }]);
    });

    test(`${bookType}: the header repeated on each page of a report and its totals line fail as no records, by row`, async () => {
      const sheet = XLSX.utils.aoa_to_sheet([['name', 'phone', 'calls'], ['Ann Lee', '415-555-0134', 3], ['name', 'phone', 'calls'], ['Bo Chen', '212-555-0199', 4], ['Total', '', 7]]);
      const result = await readWhole(write('report', workbook([['Report', sheet]])));
      assert.deepEqual(result.records.map((record) => record.error ?? record.values[0]), [
        'Ann Lee', 'Row 3 repeats the header row; it is no record.', 'Bo Chen', 'Row 5 is a totals line ("Total"), not a record.',
      ]);
    });

    test(`${bookType}: a report's footer under its records and an empty row fails as no records (Salesforce's)`, async () => {
      const sheet = XLSX.utils.aoa_to_sheet([
        ['Full Name', 'Title', 'Phone'], ['Ann Lee', 'CEO', '415-555-0134'], ['Bo Chen', 'CTO', '212-555-0199'], [],
        ['Confidential Information - Do Not Distribute'], ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'], [], ['Acme Corp'],
      ]);
      const result = await readWhole(write('footer', workbook([['Report', sheet]])));
      assert.deepEqual(result.records.map((record) => [record.line, record.error === undefined ? record.values[0] : /report's footer/.test(record.error)]), [
        [2, 'Ann Lee'], [3, 'Bo Chen'], [5, true], [6, true], [8, true],
      ]);
    });

    test(`${bookType}: a value right of the header's columns fails its row, naming its cell; a column of values without a name is one`, async () => {
      const stray = XLSX.utils.aoa_to_sheet([['Name', 'Phone'], ['Ann Lee', '415-555-0134'], ['Bo Chen', '212-555-0199', 'stray'], ['Cleo Diaz', '212-555-0100']]);
      const strays = await readWhole(write('stray', workbook([['Customers', stray]])));
      assert.deepEqual(strays.headers, ['Name', 'Phone']);
      assert.deepEqual(strays.records.map((record) => record.error ?? record.values[0]), ['Ann Lee', `Row 3 has a value in cell C3 ("stray"), right of the header's last column (2, "Phone"): no column takes it, so nothing of the row is imported. Give that column a name in the header row.`, 'Cleo Diaz']);
      const unnamed = XLSX.utils.aoa_to_sheet([['Name', 'Phone'], ['Ann Lee', '415-555-0134', 'VIP'], ['Bo Chen', '212-555-0199'], ['Cleo Diaz', '212-555-0100', 'call after 5']]);
      const notes = await readWhole(write('unnamed', workbook([['Customers', unnamed]])));
      assert.deepEqual(notes.headers, ['Name', 'Phone', 'Column 3']);
      assert.ok(notes.records.every((record) => record.error === undefined));
    });

    test(`${bookType}: an empty cell in the middle of a row keeps the columns in place`, async () => {
      const result = await readWhole(write('gaps', workbook([['Customers', customersSheet({ withDateTime })]])));
      assert.deepEqual(result.records[2], { line: 4, values: ['Cleo Diaz', '', '', '5'] });
    });

    test(`${bookType}: lists the sheets, reads the one chosen by name, and names the sheets when it is missing`, async () => {
      const path = write('sheets', workbook([['Customers', customersSheet({ withDateTime })], ['Leads 2024', XLSX.utils.aoa_to_sheet([['lead'], ['Dan']])]]));
      const preview = await previewSource(path);
      assert.deepEqual(preview.sheets, ['Customers', 'Leads 2024']);
      assert.deepEqual(preview.headers.slice(0, 2), ['name', 'phone']);
      const chosen = await readWhole(path, { sheet: 'leads 2024' });
      assert.equal(chosen.sheet, 'Leads 2024');
      assert.deepEqual([chosen.headers, ...valuesOf(chosen)], [['lead'], ['Dan']]);
      await expectAppError(readWhole(path, { sheet: 'Archive' }), 'SHEET_NOT_FOUND', /has no sheet named 'Archive'\. Its sheets are: 'Customers', 'Leads 2024'\./);
    });

    test(`${bookType}: a template whose first sheet is its instructions is previewed (and imported) from the first list after it`, async () => {
      const instructions = XLSX.utils.aoa_to_sheet([['How to fill in this template'], ['1. One customer per row on the next sheet.'], ['2. Phones with their country code.']]);
      const lookup = XLSX.utils.aoa_to_sheet([['Phone', 'Name', 'Email', 'City'], ['+1 212 555 0100', 'Lookup row', 'a@example.com', 'Austin']]);
      const dropDowns = XLSX.utils.aoa_to_sheet([['Country'], ['United States'], ['Canada']]);
      const data = XLSX.utils.aoa_to_sheet([['Customer', 'Mobile', 'Country'], ['Ann Lee', '+1 212 555 0150', 'Canada']]);
      const isList = listScoreOf(STANDARD_FIELDS.individual);
      const path = write('template', workbook([['Instructions', instructions], ['Lookup', lookup, bookType !== 'ods'], ['Drop-downs', dropDowns], ['Data', data]]));
      const preview = await previewSource(path, {}, isList);
      const expected = bookType === 'ods' ? ['Lookup', ['Phone', 'Name', 'Email', 'City']] : ['Data', ['Customer', 'Mobile', 'Country']];
      assert.deepEqual([preview.sheet, preview.headers], expected);
      // A sheet named is read, list or not; without the test of a list, the first visible sheet.
      assert.equal((await previewSource(path, { sheet: 'Instructions' }, isList)).headers[0], 'How to fill in this template');
      assert.equal((await previewSource(path)).sheet, 'Instructions');
      // No sheet is a list: the first one stays.
      const notes = write('notes', workbook([['Cover', instructions], ['Changes', XLSX.utils.aoa_to_sheet([['Version', 'Changed'], ['2', 'columns']])]]));
      assert.equal((await previewSource(notes, {}, isList)).sheet, 'Cover');
    });

    if (bookType !== 'ods') {
      test(`${bookType}: reads the first visible sheet by default, skipping hidden ones`, async () => {
        const path = write('hidden', workbook([['Lookup', XLSX.utils.aoa_to_sheet([['secret']]), true], ['Customers', customersSheet({ withDateTime })]]));
        const result = await readWhole(path);
        assert.deepEqual(result.sheets, ['Lookup', 'Customers']);
        assert.equal(result.sheet, 'Customers');
        assert.equal((await readWhole(path, { sheet: 'Lookup' })).headers[0], 'secret');
      });

      for (const isDate1904 of [false, true]) {
        test(`${bookType}: reads a date serial in the ${isDate1904 ? '1904' : '1900'} date system`, async () => {
          const sheet = XLSX.utils.aoa_to_sheet([['serial', 'stamp'], [45293, 45293.75]]);
          (sheet['A2'] as XLSX.CellObject).z = DATE_FORMAT;
          (sheet['B2'] as XLSX.CellObject).z = DATE_TIME_FORMAT;
          const result = await readWhole(write(`serial-${isDate1904}`, workbook([['Dates', sheet]], isDate1904)));
          assert.deepEqual(result.records[0]?.values, isDate1904 ? ['2028-01-03', '2028-01-03T18:00:00'] : ['2024-01-02', '2024-01-02T18:00:00']);
        });
      }
    }
  }

  test('an XLS, parsed whole, keeps only the rows a preview needs, and says how much heap its import needs', async () => {
    const rows = [['name', 'phone'], ...Array.from({ length: 3_000 }, (_, i) => [`Customer ${i}`, `415555${String(i).padStart(4, '0')}`])];
    const path = folder.write('long.xls', XLSX.write(workbook([['Customers', XLSX.utils.aoa_to_sheet(rows)]]), { type: 'buffer', bookType: 'biff8' }) as Buffer);
    const count = async (recordsWanted?: number) => {
      const source = await openSource(path, { recordsWanted });
      let records = 0;
      for await (const batch of source.batches(500)) records += batch.length;
      return records;
    };
    assert.equal(await count(), 3_000);
    // 1,010 rows: a preview's 10 records and 1,000 rows of room, the header one of them. An 11 MB XLS previews in
    // 20 MB of heap, not 300.
    assert.equal(await count(10), 1_009);
    assert.deepEqual((await previewSource(path)).rows.length, 10);
    const heap = await wholeReadHeapMb(path);
    assert.ok(heap > 64 && heap < 128, String(heap));
    assert.equal(await wholeReadHeapMb(folder.write('long.csv', rows.map((row) => row.join(',')).join('\n'))), 0);
  });
});
