import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase, type AppDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { createFileStorage } from '../../src/storage/file-storage.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/databases.js';
import { readAll } from './file-storage-contract.js';

describe('createFileStorage with PostgreSQL', () => {
  let test: TestDatabase;
  let app: AppDatabase;
  before(async () => {
    test = await createTestDatabase('postgres');
    app = openDatabase(test.settings);
    await migrateToLatest(app);
  });
  after(async () => {
    await app?.close();
    if (test) await dropTestDatabase(test);
  });

  it('keeps files in the database when INTAKE_STORAGE is postgres', async () => {
    const storage = createFileStorage({ dataDir: test.dataDir, storage: 'postgres' }, app);
    await storage.put('uploads/in-db', Readable.from([Buffer.from('id,phone\r\n')]));
    const row = await app.db.selectFrom('stored_files').select('size').where('key', '=', 'uploads/in-db').executeTakeFirst();
    assert.equal(Number(row?.size), 10);
    assert.equal((await readAll(storage.read('uploads/in-db'))).toString(), 'id,phone\r\n');
  });

  it('keeps files under <dataDir>/files when INTAKE_STORAGE is directory', async () => {
    const storage = createFileStorage({ dataDir: test.dataDir, storage: 'directory' }, app);
    await storage.put('uploads/on-disk', Readable.from([Buffer.from('id\r\n')]));
    assert.equal(await readFile(join(test.dataDir, 'files/uploads/on-disk'), 'utf8'), 'id\r\n');
    const row = await app.db.selectFrom('stored_files').select('key').where('key', '=', 'uploads/on-disk').executeTakeFirst();
    assert.equal(row, undefined);
  });
});
