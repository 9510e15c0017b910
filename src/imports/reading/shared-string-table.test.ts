import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedStringTable } from './shared-string-table.js';

test('gives back every string by its index, in any script, across chunks', () => {
  const table = new SharedStringTable();
  const strings = ['', 'Ann Lee', '张伟', 'Zoë 😀', 'x'.repeat(70_000)];
  // Enough strings to fill more than one 16 MiB chunk and to grow the index several times.
  for (let i = 0; i < 300; i++) for (const text of strings) table.add(`${text}${i}`);
  assert.equal(table.size, 1500);
  for (let i = 0; i < 300; i += 37) strings.forEach((text, k) => assert.equal(table.get(i * strings.length + k), `${text}${i}`));
  for (const missing of [-1, 1500, 1.5, Number.NaN]) assert.equal(table.get(missing), undefined);
});

test('keeps a string of more than 4 MiB cut to a million characters: still far past any cell limit', () => {
  const table = new SharedStringTable();
  table.add('y'.repeat(5 * 1024 * 1024));
  table.add('after');
  assert.equal(table.get(0)?.length, 1024 * 1024);
  assert.equal(table.get(1), 'after');
});
