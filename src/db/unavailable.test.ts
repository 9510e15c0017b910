import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConnectionProblem, unavailableError } from './unavailable.js';

const failure = (code: string, message = code) => Object.assign(new Error(message), { code });

test('names the PostgreSQL server, database and user it cannot reach, and why, never the password', () => {
  const database = { dialect: 'postgres', url: 'postgres://intake:s3cret@db.example.com:6432/crm' } as const;
  const refused = unavailableError(failure('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:6432'), database);
  assert.equal(refused?.code, 'UNAVAILABLE');
  assert.equal(refused?.message, 'Cannot use PostgreSQL at db.example.com:6432/crm as intake (DATABASE_URL): the connection was refused (no server listens there). Check that the server is running and that DATABASE_URL is right.');
  const login = unavailableError(failure('28P01', 'password authentication failed for user "intake"'), database);
  assert.match(login?.message ?? '', /: the password was refused \(password authentication failed for user "intake"\)\. Check the user and password in DATABASE_URL\.$/);
  for (const error of [refused, login]) assert.doesNotMatch(error?.message ?? '', /s3cret/);
  // Anything else (a query that failed, a bug) is not the database being away.
  assert.equal(unavailableError(failure('23505'), database), null);
  assert.equal(unavailableError(new Error('no code'), database), null);
});

test("names the SQLite file and the data directory it cannot use, and why", () => {
  const database = { dialect: 'sqlite', path: '/srv/intake/data/intake.db' } as const;
  assert.equal(unavailableError(failure('EACCES'), database)?.message, 'Cannot use the SQLite database /srv/intake/data/intake.db in /srv/intake/data (INTAKE_DATA_DIR, DATABASE_URL): permission denied.');
  assert.match(unavailableError(failure('SQLITE_READONLY'), database)?.message ?? '', /: the database file is read-only\.$/);
  assert.equal(unavailableError(failure('ECONNREFUSED'), database), null);
});

test('tells a server that went away from other failures, for an answer of 503', () => {
  assert.equal(isConnectionProblem(failure('ECONNRESET')), true);
  assert.equal(isConnectionProblem(failure('57P01')), true);
  assert.equal(isConnectionProblem(failure('28P01')), false);
  assert.equal(isConnectionProblem(new Error('x')), false);
  assert.equal(isConnectionProblem(null), false);
});
