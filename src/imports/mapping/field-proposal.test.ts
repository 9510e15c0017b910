import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldDefinition } from '../targets.js';
import { MAX_KEY_LENGTH, RESERVED_COLUMN_NAMES, isBlankColumn, proposeFields, slugifyHeader } from './field-proposal.js';

const SAFE_KEY = /^[a-z][a-z0-9_]*$/;

/** The fields proposed for columns that each get one. */
function proposed(headers: string[], samples: string[][]): FieldDefinition[] {
  return proposeFields(headers, samples).map((field) => {
    assert.ok(field);
    return field;
  });
}

function keysOf(headers: string[], samples: string[][] = []): string[] {
  return proposed(headers, samples).map((field) => field.key);
}

describe('proposeFields', () => {
  test('proposes one field per column, in order, labelled with the header as in the file', () => {
    const headers = ['客户姓名', 'Phone', 'E-Mail', 'Lead Source'];
    const fields = proposed(headers, [['王伟', '13800138000', 'wang@example.cn', 'Web']]);
    assert.deepEqual(fields, [
      { key: 'name', label: '客户姓名', type: 'text' },
      { key: 'phone', label: 'Phone', type: 'phone' },
      { key: 'email', label: 'E-Mail', type: 'email' },
      { key: 'lead_source', label: 'Lead Source', type: 'text' },
    ]);
  });

  test('uses a standard key only for a header that clearly means it', () => {
    assert.deepEqual(keysOf(['手机号码', 'Fax No.', 'Zip/Postal Code', 'Website', 'First Name', 'Last Name', 'Adrress', 'Téléphone fixe']), [
      'mobile', 'fax', 'zip', 'website', 'first_name', 'last_name', 'adrress', 'phone',
    ]);
  });

  test('makes slugs of Latin headers and field_<column> of others', () => {
    assert.deepEqual(keysOf(['LeadSource', 'Policy No.', '2nd Phone', '客户来源', '', 'Référence client', '☎']), [
      'lead_source', 'policy_no', 'field_2nd_phone', 'field_4', 'field_5', 'reference_client', 'field_7',
    ]);
    assert.equal(slugifyHeader('  Renewal -- Date  '), 'renewal_date');
  });

  test('labels a column without a header by its position', () => {
    assert.deepEqual(proposed(['Name', ' '], []).map((field) => field.label), ['Name', 'Column 2']);
  });

  test('never gives two columns the same key', () => {
    const keys = keysOf(['Phone', 'Phone', 'phone', 'Notes', 'notes', 'field_3', '客户', '客户', 'Lead Source', 'Lead-Source']);
    assert.equal(new Set(keys).size, keys.length, keys.join(', '));
  });

  test('keeps off reserved column names and prototype names', () => {
    const headers = [...RESERVED_COLUMN_NAMES, 'ID', 'Status', 'Created At', '__proto__', 'constructor', 'prototype', 'Constructor'];
    const keys = keysOf(headers);
    for (const key of keys) {
      assert.ok(!RESERVED_COLUMN_NAMES.includes(key), `reserved key ${key}`);
      assert.ok(!['__proto__', 'constructor', 'prototype'].includes(key), `prototype key ${key}`);
    }
    assert.deepEqual(keysOf(['Status', 'id', '__proto__']), ['status_2', 'id_2', 'proto']);
  });

  test('keeps every key a safe identifier of at most 48 characters', () => {
    const headers = ['A'.repeat(80), 'A'.repeat(80), `${'b'.repeat(47)}-c`, '_x_', '123', 'Ünïcödé Fïeld', '$$$', 'x'.repeat(47) + '2'];
    const keys = keysOf(headers);
    for (const key of keys) {
      assert.match(key, SAFE_KEY);
      assert.ok(key.length <= MAX_KEY_LENGTH, `${key} is ${key.length} long`);
    }
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(keys[1], `${'a'.repeat(46)}_2`);
  });

  test('detects the type of a column that is no standard field', () => {
    const fields = proposed(
      ['Column 1', 'Renewal', 'Premium', 'Office'],
      [
        ['ann@example.com', '2024-03-01', '1,200.00', '12 Main St'],
        ['bo@example.org', '2024-04-15', '980', '7 High Road'],
      ],
    );
    assert.deepEqual(fields.map((field) => field.type), ['email', 'date', 'number', 'address']);
  });
});

test('tells a nameless column without values (a sheet margin) from a nameless column of values or a named empty one', () => {
  const rows = [['', 'Ann', ''], ['', 'Bo', '']];
  assert.equal(isBlankColumn('Column 1', 0, rows), true);
  assert.equal(isBlankColumn('Name', 1, rows), false);
  assert.equal(isBlankColumn('Notes', 2, rows), false, 'a named column may fill later');
  assert.equal(isBlankColumn('Column 2', 1, rows), false, 'a headerless list has values under its Column N');
});
