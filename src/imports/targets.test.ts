import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_FIELDS, TARGETS, isTarget } from './targets.js';

test('knows the nine targets by their fixed names', () => {
  assert.deepEqual([...TARGETS], ['individual', 'organization', 'mass-target', 'campaign', 'campaign-blacklist', 'blacklist', 'whitelist', 'area-code', 'did']);
  assert.equal(isTarget('individual'), true);
  assert.equal(isTarget('customers'), false);
});

test('gives individual customers their sixteen standard fields in order', () => {
  assert.deepEqual(STANDARD_FIELDS.individual.map((f) => f.key), ['name', 'phone', 'mobile', 'phone2', 'email', 'fax', 'address', 'city', 'state', 'zip', 'country', 'company', 'title', 'birthday', 'gender', 'note']);
});
