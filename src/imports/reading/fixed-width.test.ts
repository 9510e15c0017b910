import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFixedWidthSplitter, fixedWidthColumns } from './fixed-width.js';

const REPORT = [
  'CUSTOMER NAME        PHONE NUMBER    EMAIL                   CITY',
  'Ann Lee              415-555-0134    ann@example.com         San Francisco',
  'Bob Ray              (415) 555-0135  bob@example.com         Los Angeles',
  'Cleo Diaz, Jr.       415 555 0136                            New York',
  '',
].join('\r\n');

test('finds the columns of a fixed-width report where every line has spaces before text starts again', () => {
  assert.deepEqual(fixedWidthColumns(REPORT, true), [0, 21, 37, 61]);
  // The last line of a head that is not the whole file may be cut short: it does not count.
  assert.deepEqual(fixedWidthColumns(`${REPORT}Dan  4155`, false), [0, 21, 37, 61]);
});

test('finds none in text that only happens to have spaces in one place', () => {
  // Names of one word each: one column with a space in it.
  assert.equal(fixedWidthColumns('Ann Lee\nBob Ray\nCy  Dee\n', true), null);
  assert.equal(fixedWidthColumns('Ann Lee\nBob Ray\nCyd Dee\n', true), null);
  // Too few lines to tell, a tab, a column that is almost always empty.
  assert.equal(fixedWidthColumns('Name   Phone\nAnn    4155550134\n', true), null);
  assert.equal(fixedWidthColumns('Name   Phone\nAnn\t  4155550134\nBo     4155550135\n', true), null);
  assert.equal(fixedWidthColumns('Notes\nCall back          later\nBusy\nNo answer\nVoicemail\n', true), null);
});

test('cuts each line at the columns, trimmed; a short line has fewer values, a line further left keeps its text', () => {
  const split = createFixedWidthSplitter([2, 10], 2_000);
  assert.deepEqual(split({ line: 2, values: ['  Ann Lee 4155550134  '] }), { line: 2, values: ['Ann Lee', '4155550134'] });
  assert.deepEqual(split({ line: 3, values: ['  Bo'] }), { line: 3, values: ['Bo'] });
  assert.deepEqual(split({ line: 4, values: ['Cleo Diaz 4155550136'] }), { line: 4, values: ['Cleo Diaz', '4155550136'] });
  assert.deepEqual(split({ line: 5, values: [''] }), { line: 5, values: [''] });
  const failed = { line: 6, values: ['x'], error: 'too long' };
  assert.equal(split(failed), failed);
});
