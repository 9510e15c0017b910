import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePairs } from './import-commands.js';

test('--mapping: pairs separated by commas, or one pair per option when a header holds a comma; the field after the last =', () => {
  assert.deepEqual(parsePairs(['Name=name, Tel = phone'], 'mapping'), [['Name', 'name'], ['Tel', 'phone']]);
  assert.deepEqual(parsePairs(['Name, full=name', 'Tel=Main=phone', 'Notes='], 'mapping'), [['Name, full', 'name'], ['Tel=Main', 'phone'], ['Notes', '']]);
  assert.deepEqual(parsePairs(undefined, 'mapping'), []);
  assert.throws(() => parsePairs(['=name'], 'mapping'), /--mapping expects Header=value pairs separated by commas, .* \(got "=name"\)/);
  assert.throws(() => parsePairs(['name'], 'mapping'), /--mapping expects Header=value pairs/);
});

test('--mapping: a header with a comma among other pairs, quoted as in a CSV file or not', () => {
  assert.deepEqual(parsePairs(['"Phone, Home"=mobile,Name=name'], 'mapping'), [['Phone, Home', 'mobile'], ['Name', 'name']]);
  assert.deepEqual(parsePairs(['Name, full=name,Tel=phone'], 'mapping'), [['Name, full', 'name'], ['Tel', 'phone']]);
  assert.deepEqual(parsePairs(['"He said ""hi"""=note, "a=b" = -'], 'mapping'), [['He said "hi"', 'note'], ['a=b', '-']]);
  assert.deepEqual(parsePairs(['Name=name,'], 'mapping'), [['Name', 'name']]);
  assert.throws(() => parsePairs(['"Phone, Home" mobile'], 'mapping'), /a header with a comma or quote in double quotes/);
  assert.throws(() => parsePairs(['Name=name,Notes'], 'mapping'), /\(got "Notes"\)/);
});
