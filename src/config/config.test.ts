import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadConfig } from './config.js';
import { AppError } from '../shared/app-error.js';

test('defaults to SQLite in data/ on port 8080', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.deepEqual(config.database, { dialect: 'sqlite', path: resolve('data/intake.db') });
  assert.equal(config.limits.uploadMaxBytes, 1024 ** 3);
});

test('uses PostgreSQL when DATABASE_URL is postgres://', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' });
  assert.equal(config.database.dialect, 'postgres');
});

test('reports every configuration problem at once', () => {
  assert.throws(
    () => loadConfig({ PORT: 'abc', INTAKE_LOG_LEVEL: 'loud', INTAKE_STORAGE: 'cloud' }),
    (error: unknown) =>
      error instanceof AppError &&
      error.code === 'CONFIG_INVALID' &&
      error.message.includes('PORT') &&
      error.message.includes('INTAKE_LOG_LEVEL') &&
      error.message.includes('INTAKE_STORAGE'),
  );
});

test("an import's SQLite page cache is 16 MiB unless INTAKE_SQLITE_CACHE_MB says otherwise, and never under 2", () => {
  assert.equal(loadConfig({}).sqliteCacheMb, 16);
  assert.equal(loadConfig({ INTAKE_SQLITE_CACHE_MB: '256' }).sqliteCacheMb, 256);
  assert.throws(() => loadConfig({ INTAKE_SQLITE_CACHE_MB: '1' }), /INTAKE_SQLITE_CACHE_MB/);
});

test('refuses database storage without PostgreSQL', () => {
  assert.throws(() => loadConfig({ INTAKE_STORAGE: 'postgres' }), /needs DATABASE_URL=postgres/);
});
