import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sql } from 'kysely';
import { createDatabaseFileStorage, CHUNK_BYTES } from '../../src/storage/database-file-storage.js';
import type { FileStorage } from '../../src/storage/file-storage.js';
import { createStoredFilesRepository } from '../../src/storage/stored-files.repository.js';
import { describeOnBothDatabases } from '../support/databases.js';
import { fileExists, generatedBytes, itBehavesAsFileStorage } from './file-storage-contract.js';

describeOnBothDatabases('database file storage', (suite) => {
  let storage: FileStorage | undefined;
  const getStorage = () =>
    (storage ??= createDatabaseFileStorage(createStoredFilesRepository(suite.app.db), { tempDir: join(suite.test.dataDir, 'tmp') }));

  itBehavesAsFileStorage(getStorage);

  it('sweeps the local copies a killed process of this machine left, not those of running processes or other machines', async () => {
    const tempDir = join(suite.test.dataDir, 'tmp');
    await getStorage().put('copies/file.csv', generatedBytes(1000).source);
    const held = await getStorage().localCopy('copies/file.csv');
    // A process that has ended: its pid names no running process (now).
    const ended = spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid;
    assert.ok(ended && ended > 0);
    const heldName = basename(dirname(held.path));
    const host = /^copy~(.+)~\d+~[^~]+$/.exec(heldName)?.[1];
    assert.ok(host, heldName);
    const left = join(tempDir, `copy~${host}~${ended}~abc123`);
    const elsewhere = join(tempDir, `copy~another-machine~${ended}~abc123`);
    for (const dir of [left, elsewhere]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'file.csv'), 'x');
    }
    assert.equal(await getStorage().sweepLocalCopies!(), 1);
    assert.deepEqual(readdirSync(tempDir).sort(), [heldName, basename(elsewhere)].sort());
    assert.ok(await fileExists(held.path), 'the copy in use is kept');
    await held.release();
  });

  it('stores content in chunks of at most 1 MiB and keeps stored_files.size current', async () => {
    const size = 3 * CHUNK_BYTES + 10;
    await getStorage().put('chunks/put', generatedBytes(size).source);
    await getStorage().append('chunks/put', new Uint8Array(CHUNK_BYTES + 1));
    const chunks = await suite.app.db
      .selectFrom('stored_file_chunks')
      .select(['seq', sql<number>`length(data)`.as('bytes')])
      .where('key', '=', 'chunks/put')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      chunks.map((c) => [c.seq, Number(c.bytes)]),
      [[0, CHUNK_BYTES], [1, CHUNK_BYTES], [2, CHUNK_BYTES], [3, 10], [4, CHUNK_BYTES], [5, 1]],
    );
    const file = await suite.app.db.selectFrom('stored_files').select('size').where('key', '=', 'chunks/put').executeTakeFirstOrThrow();
    assert.equal(Number(file.size), size + CHUNK_BYTES + 1);
  });

  it('uses chunk counts as positions and leaves no rows behind a refused upload', async () => {
    assert.equal(await getStorage().append('chunks/positions', new Uint8Array(10)), 1);
    assert.equal(await getStorage().append('chunks/positions', new Uint8Array(2 * CHUNK_BYTES)), 3);
    await assert.rejects(getStorage().put('chunks/refused', generatedBytes(2 * CHUNK_BYTES).source, { maxBytes: CHUNK_BYTES }));
    const rows = await suite.app.db.selectFrom('stored_file_chunks').select('key').where('key', 'like', 'chunks/refused%').execute();
    const files = await suite.app.db.selectFrom('stored_files').select('key').where('key', 'like', 'chunks/refused%').execute();
    assert.deepEqual([rows, files], [[], []]);
  });

  it('removes the temporary local copy on release', async () => {
    await getStorage().put('chunks/copy.xlsx', generatedBytes(1000).source);
    const copy = await getStorage().localCopy('chunks/copy.xlsx');
    assert.ok(await fileExists(copy.path));
    await copy.release();
    assert.equal(await fileExists(copy.path), false);
  });
});
