import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notARecordReason, titleRowsAbove } from './record-assembly.js';
import type { SourceRecord } from './source-types.js';

const records = (...rows: string[][]): SourceRecord[] => rows.map((values, index) => ({ line: index + 1, values }));
const TABLE = [['name', 'phone', 'city'], ['Ann Lee', '415-555-0134', 'Boston'], ['Bo Chen', '212-555-0199', 'New York']];

test('a report title (and a subtitle) above a header of several columns are title rows', () => {
  assert.equal(titleRowsAbove(records(['Customer list 2026'], ...TABLE)), 1);
  assert.equal(titleRowsAbove(records(['Customer list', '', ''], ['Exported 2026-11-01 by admin', '', ''], ...TABLE)), 2);
});

test('a row of group labels over the header (merged cells: a label, then blanks) is passed over, below a title too', () => {
  const grouped = [['Contact', '', '', 'Address', '', ''], ['Name', 'Phone', 'Email', 'Street', 'City', 'Zip'], ['Ann Lee', '415-555-0134', 'ann@example.com', '12 Main St', 'Boston', '02134']];
  assert.equal(titleRowsAbove(records(...grouped)), 1);
  assert.equal(titleRowsAbove(records(['Customer list 2026'], ...grouped)), 2);
  // A header with a few names over rows of values is the header; so is a sparse row of values above a full one.
  assert.equal(titleRowsAbove(records(['Name', '', '', 'Phone', '', ''], ['Ann Lee', 'x', 'y', '415-555-0134', 'z', 'w'])), 0);
  assert.equal(titleRowsAbove(records(['Ann', '', '', '415-555-0134', '', ''], ...grouped.slice(1))), 0);
  // A header with blank names over a first record of words only is still the header: the row under is not full.
  assert.equal(titleRowsAbove(records(['Name', '', 'City', '', '', ''], ['Ann Lee', 'x', 'Boston', 'MA', '', 'VIP'], ['Bo Chen', 'y', 'Austin', 'TX', 'z', 'w'])), 0);
});

test('a table that starts with its header has no title rows', () => {
  assert.equal(titleRowsAbove(records(...TABLE)), 0);
});

test('a file of one column has no title rows: its first cell is its header', () => {
  assert.equal(titleRowsAbove(records(['phone'], ['415-555-0134'], ['212-555-0199'])), 0);
  assert.equal(titleRowsAbove(records(['Customers'], ['name'], ['Ann Lee'])), 0);
});

test('a header of one column over rows that start with values keeps its header (the wider row holds values)', () => {
  assert.equal(titleRowsAbove(records(['phone'], ['415-555-0134', 'Ann'], ['212-555-0199', 'Bo'])), 0);
  assert.equal(titleRowsAbove(records(['email'], ['ann@example.com', 'Ann'], ['bo@example.com', 'Bo'])), 0);
});

test('no title rows when the rows under the would-be header are mostly single cells, or none can be read', () => {
  assert.equal(titleRowsAbove(records(['Notes'], ['Ann', 'Lee'], ['called'], ['no answer'], ['callback'])), 0);
  assert.equal(titleRowsAbove([{ line: 1, values: ['Report'] }, { line: 2, values: ['name', 'phone'] }, { line: 3, values: [], error: 'Unclosed quote' }]), 0);
});

test('a record with a problem of its own among readable ones does not hide the title above the header', () => {
  const rows = [{ line: 1, values: ['Lead list'] }, { line: 3, values: ['Name', 'Mobile', 'Score'] }, { line: 4, values: ['Ann', '4155550134', ''], error: 'Row 4, cell C4: the cell holds a formula' }, { line: 5, values: ['Bo', '4155550135', '3'] }];
  assert.equal(titleRowsAbove(rows), 1);
  assert.equal(titleRowsAbove(rows.slice(0, 3)), 0);
});

test('at most three title rows are passed over', () => {
  assert.equal(titleRowsAbove(records(['a'], ['b'], ['c'], ['d'], ...TABLE)), 0);
  assert.equal(titleRowsAbove(records(['a'], ['b'], ['c'], ...TABLE)), 3);
});

test('a title over a header with no records under it is a title: the report is empty', () => {
  assert.equal(titleRowsAbove(records(['Customer list 2026'], ['name', 'phone'])), 1);
  assert.equal(titleRowsAbove(records(['phone'], ['415-555-0134', 'Ann'])), 0);
});

const HEADER = ['Name', 'Phone', 'Email', ''];
const reasonFor = (values: string[]) => notARecordReason({ line: 7, values }, HEADER, 'Line');

test('the header row again (files joined together) is no record, and says so', () => {
  assert.equal(reasonFor(['Name', 'Phone', 'Email', '']), 'Line 7 repeats the header row; it is no record.');
  assert.equal(reasonFor([' Name', 'Phone ', 'Email']), 'Line 7 repeats the header row; it is no record.');
  assert.equal(reasonFor(['Name', 'Phone', 'ann@example.com', '']), undefined);
  assert.equal(notARecordReason({ line: 3, values: ['Name', ''] }, ['Name', ''], 'Row'), undefined, 'one column names too little');
});

test("a report's totals line or a SQL tool's row count is no record", () => {
  for (const label of ['Total', 'TOTAL:', 'Grand Total', 'Total: 2 customers', 'Total rows: 1,234', 'Subtotal', '合计', '共 1,234 条记录', 'Итого', '(1234 rows)', '12 rows selected.', '3 row(s) affected', 'Grand Totals (12 records)']) {
    assert.equal(reasonFor([label, '', '', '']), `Line 7 is a totals line ("${label}"), not a record.`, label);
  }
  assert.match(String(reasonFor(['', 'Total', '1,234', '17'])), /is a totals line \("Total"\)/);
  // A customer of that name, or a label beside a phone number, is a record.
  for (const values of [['Total Fitness Ltd', '4155550134', ''], ['Total', '4155550134', ''], ['Sum Wing', '', ''], ['Count Basie', '', 'count@example.com']]) {
    assert.equal(reasonFor(values), undefined, values.join(','));
  }
});
