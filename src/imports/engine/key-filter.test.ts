import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyFilter } from './key-filter.js';

/** Keys shaped like the stored ones: customers' phone keys and list numbers. */
const phoneKey = (index: number) => `1${String(2_000_000_000 + index * 7919)}`;

test('never says no for a key it was given, so no stored row of the import goes unlooked-up', () => {
  const filter = createKeyFilter(200_000);
  for (let index = 0; index < 200_000; index++) filter.add(phoneKey(index));
  for (let index = 0; index < 200_000; index++) assert.equal(filter.mightHave(phoneKey(index)), true, phoneKey(index));
  assert.equal(createKeyFilter(200_000).mightHave(phoneKey(0)), false, 'an empty filter holds nothing');
});

test('says maybe for few keys it never met: a million stored keys leave almost every new key unlooked-up', () => {
  const filter = createKeyFilter();
  for (let index = 0; index < 1_000_000; index++) filter.add(phoneKey(index));
  let maybes = 0;
  for (let index = 1_000_000; index < 2_000_000; index++) if (filter.mightHave(phoneKey(index))) maybes += 1;
  assert.ok(maybes < 100, `${maybes} false maybes in a million`);
  // Keys that differ in one character only, and other shapes of key (emails, names), spread as well.
  let near = 0;
  for (let index = 0; index < 100_000; index++) if (filter.mightHave(`${phoneKey(index)}x`) || filter.mightHave(`user${index}@example.com`)) near += 1;
  assert.ok(near < 20, `${near} false maybes among 200,000 other keys`);
});

test('tells when it holds more keys than it was made for', () => {
  const filter = createKeyFilter(1000);
  for (let index = 0; index < 1000; index++) filter.add(phoneKey(index));
  assert.equal(filter.isFull(), false);
  filter.add('one more');
  assert.equal(filter.isFull(), true);
});
