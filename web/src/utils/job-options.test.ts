import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOptionValue } from './job-options.js';

const words = { yes: 'Yes', no: 'No' };

describe('job options', () => {
  it('reads null as a dash, booleans as yes/no, and nested options as key: value pairs', () => {
    assert.equal(describeOptionValue(null, words), '—');
    assert.equal(describeOptionValue(true, words), 'Yes');
    assert.equal(describeOptionValue('update', words), 'update');
    assert.equal(describeOptionValue({ phoneField: 'phone', priority: 3, dialAt: null }, words), 'phoneField: phone, priority: 3, dialAt: —');
  });
});
