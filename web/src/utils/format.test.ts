import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDelimiter, formatBytes, formatDuration } from './format.js';

describe('web formatting helpers', () => {
  it('shows sizes in binary units with one decimal under ten', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(25 * 1024 * 1024), '25 MB');
  });

  it('shows durations as hours, minutes and seconds', () => {
    assert.equal(formatDuration(42), '42s');
    assert.equal(formatDuration(185), '3m 05s');
    assert.equal(formatDuration(3720), '1h 02m');
    assert.equal(formatDuration(null), '—');
  });

  it('spells out a tab delimiter', () => {
    assert.equal(describeDelimiter('\t'), 'Tab');
    assert.equal(describeDelimiter(';'), ';');
  });
});
