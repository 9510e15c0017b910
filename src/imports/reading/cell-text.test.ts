import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyNumberFormat, decodeOoxmlEscapes, formatGeneralNumber, formatIsoDateText, formatNumberCell, formatSerialDate } from './cell-text.js';

describe('formatGeneralNumber', () => {
  test('shows at most 15 significant digits, as Excel does, and never an exponent', () => {
    assert.equal(formatGeneralNumber(4155550134), '4155550134');
    assert.equal(formatGeneralNumber(0.1 + 0.2), '0.3');
    assert.equal(formatGeneralNumber(Number('12345678901234567')), '12345678901234600');
    assert.equal(formatGeneralNumber(1e21), '1000000000000000000000');
    assert.equal(formatGeneralNumber(-1.5e-7), '-0.00000015');
    assert.equal(formatGeneralNumber(-0), '0');
    assert.equal(formatGeneralNumber(123.456), '123.456');
  });
});

describe('formatSerialDate', () => {
  test('reads 1900 serials with Excel\'s 29 February 1900 and 1904 serials from 1904-01-01', () => {
    assert.equal(formatSerialDate(45293, false, true, false), '2024-01-02');
    assert.equal(formatSerialDate(60, false, true, false), '1900-02-29');
    assert.equal(formatSerialDate(61, false, true, false), '1900-03-01');
    assert.equal(formatSerialDate(1, false, true, false), '1900-01-01');
    assert.equal(formatSerialDate(0, true, true, false), '1904-01-01');
    assert.equal(formatSerialDate(45293.75, false, true, true), '2024-01-02T18:00:00');
    assert.equal(formatSerialDate(0.5208333333, false, false, true), '12:30:00');
  });

  test('rounds to the nearest second, carrying into the next day at midnight', () => {
    assert.equal(formatSerialDate(45293.99999999, false, true, true), '2024-01-03T00:00:00');
  });
});

describe('classifyNumberFormat and formatNumberCell', () => {
  test('tells dates, times, date-times, patterns and general formats apart', () => {
    assert.equal(classifyNumberFormat('General'), 'general');
    assert.equal(classifyNumberFormat('yyyy-mm-dd'), 'date');
    assert.equal(classifyNumberFormat('m/d/yy h:mm'), 'datetime');
    assert.equal(classifyNumberFormat('h:mm:ss AM/PM'), 'time');
    assert.equal(classifyNumberFormat('[h]:mm'), 'elapsed');
    assert.equal(classifyNumberFormat('00000'), 'pattern');
    assert.equal(classifyNumberFormat('0.00E+00'), 'scientific');
    assert.equal(classifyNumberFormat('"Tel: "@'), 'general');
    assert.equal(classifyNumberFormat('[$-F800]dddd, mmmm dd, yyyy'), 'date');
  });

  test('keeps the zeros a pattern adds and drops the exponent a scientific format would show', () => {
    assert.equal(formatNumberCell(501, '00000', false), '00501');
    assert.equal(formatNumberCell(4155550134, '0.00E+00', false), '4155550134');
    assert.equal(formatNumberCell(0.125, '0.00%', false), '12.50%');
    assert.equal(formatNumberCell(45293, 'yyyy-mm-dd', true), '2028-01-03');
  });
});

describe('text cells', () => {
  test('reads ISO date cells and OOXML escapes', () => {
    assert.equal(formatIsoDateText('2024-01-02T00:00:00Z'), '2024-01-02');
    assert.equal(formatIsoDateText('2024-01-02T13:45'), '2024-01-02T13:45:00');
    assert.equal(decodeOoxmlEscapes('a_x000D__x000A_b'), 'a\r\nb');
    assert.equal(decodeOoxmlEscapes('plain_text'), 'plain_text');
  });
});
