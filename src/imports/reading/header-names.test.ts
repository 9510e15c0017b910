import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeHeaderNames } from './header-names.js';

describe('makeHeaderNames', () => {
  test('trims names, names blank columns by position and numbers repeats case-insensitively', () => {
    assert.deepEqual(makeHeaderNames([' phone ', '', 'Phone', 'phone', 'phone (2)', '  ']), ['phone', 'Column 2', 'Phone (2)', 'phone (3)', 'phone (2) (2)', 'Column 6']);
  });

  test('keeps names such as __proto__ and constructor as they are', () => {
    assert.deepEqual(makeHeaderNames(['__proto__', 'constructor', '__proto__']), ['__proto__', 'constructor', '__proto__ (2)']);
  });
});
