import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleRowsAbove } from './record-assembly.js';
import type { SourceRecord } from './source-types.js';

const records = (...rows: string[][]): SourceRecord[] => rows.map((values, index) => ({ line: index + 1, values }));
const TABLE = [['name', 'phone', 'city'], ['Ann Lee', '415-555-0134', 'Boston'], ['Bo Chen', '212-555-0199', 'New York']];

test('a report title (and a subtitle) above a header of several columns are title rows', () => {
  assert.equal(titleRowsAbove(records(['Customer list 2026'], ...TABLE)), 1);
  assert.equal(titleRowsAbove(records(['Customer list', '', ''], ['Exported 2026-11-01 by admin', '', ''], ...TABLE)), 2);
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

test('no title rows when the rows under the would-be header are mostly single cells, or one cannot be read', () => {
  assert.equal(titleRowsAbove(records(['Notes'], ['Ann', 'Lee'], ['called'], ['no answer'], ['callback'])), 0);
  assert.equal(titleRowsAbove([{ line: 1, values: ['Report'] }, { line: 2, values: ['name', 'phone'] }, { line: 3, values: [], error: 'Unclosed quote' }]), 0);
});

test('at most three title rows are passed over', () => {
  assert.equal(titleRowsAbove(records(['a'], ['b'], ['c'], ['d'], ...TABLE)), 0);
  assert.equal(titleRowsAbove(records(['a'], ['b'], ['c'], ...TABLE)), 3);
});

test('a title over a header with no records under it is a title: the report is empty', () => {
  assert.equal(titleRowsAbove(records(['Customer list 2026'], ['name', 'phone'])), 1);
  assert.equal(titleRowsAbove(records(['phone'], ['415-555-0134', 'Ann'])), 0);
});
