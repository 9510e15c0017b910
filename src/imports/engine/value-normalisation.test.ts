import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate, normaliseEmail, normaliseNumber } from './value-normalisation.js';

test('accepts real-world emails and lower-cases the domain only', () => {
  assert.equal(normaliseEmail(' Li.Wei+crm@Example.COM '), 'Li.Wei+crm@example.com');
  assert.equal(normaliseEmail("o'brien@mail.co.uk"), "o'brien@mail.co.uk");
});

test('rejects malformed emails', () => {
  for (const bad of ['plainaddress', 'a@b', 'a@@b.com', '.a@b.com', 'a..b@c.com', 'a b@c.com', 'a@-b.com', 'a@b.com.', '']) {
    assert.equal(normaliseEmail(bad), null, bad);
  }
});

test('reads dates in the usual shapes into ISO', () => {
  assert.equal(normaliseDate('2024-03-05', 'mdy'), '2024-03-05');
  assert.equal(normaliseDate('2024/3/5', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('2024年3月5日', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('20240305', 'dmy'), '2024-03-05');
  assert.equal(normaliseDate('2024-03-05 14:30', 'dmy'), '2024-03-05T14:30:00');
  assert.equal(normaliseDate('2024-03-05T00:00:00', 'dmy'), '2024-03-05');
});

test('reads slashed dates in the team order, unless the day gives itself away', () => {
  assert.equal(normaliseDate('03/05/2024', 'mdy'), '2024-03-05');
  assert.equal(normaliseDate('03/05/2024', 'dmy'), '2024-05-03');
  assert.equal(normaliseDate('25/12/2024', 'mdy'), '2024-12-25');
});

test('refuses impossible dates', () => {
  for (const bad of ['2023-02-29', '2024-13-01', '31/31/2024', 'yesterday', '12.5']) assert.equal(normaliseDate(bad, 'dmy'), null, bad);
});

test('reads numbers with thousands separators', () => {
  assert.equal(normaliseNumber('1,234.5'), '1234.5');
  assert.equal(normaliseNumber(' -12 '), '-12');
  assert.equal(normaliseNumber('3e2'), '300');
  assert.equal(normaliseNumber('12 apples'), null);
});
