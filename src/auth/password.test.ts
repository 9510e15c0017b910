import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

test('accepts the right password and refuses a wrong one', async () => {
  const stored = await hashPassword('correct horse');
  assert.match(stored, /^scrypt\$/);
  assert.equal(await verifyPassword('correct horse', stored), true);
  assert.equal(await verifyPassword('Correct horse', stored), false);
  assert.equal(await verifyPassword('correct horse', 'garbage'), false);
});

test('salts every hash and generates long random passwords', async () => {
  assert.notEqual(await hashPassword('same'), await hashPassword('same'));
  assert.ok(generatePassword().length >= 16);
});
