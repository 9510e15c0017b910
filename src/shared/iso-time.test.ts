import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoTime } from './iso-time.js';

test('reads an ISO time with or without its offset, a day alone as its local midnight', () => {
  assert.equal(parseIsoTime('2026-12-01T20:00:00Z'), Date.UTC(2026, 11, 1, 20));
  assert.equal(parseIsoTime('2026-12-01T20:00+08:00'), Date.UTC(2026, 11, 1, 12));
  assert.equal(parseIsoTime('2026-12-01 20:00'), new Date(2026, 11, 1, 20).getTime());
  assert.equal(parseIsoTime(' 2026-12-01 '), new Date(2026, 11, 1).getTime());
  assert.equal(parseIsoTime('2028-02-29T09:30'), new Date(2028, 1, 29, 9, 30).getTime());
});

test('refuses a day the month does not have, an hour the day does not have, and anything else', () => {
  for (const value of ['2026-02-29T10:00', '2026-02-30', '2026-04-31T10:00', '2026-13-01', '2026-00-10', '2026-12-01T24:00', '2026-12-01T20:60', 'tomorrow', '12/01/2026', '']) {
    assert.equal(parseIsoTime(value), null, value);
  }
});
