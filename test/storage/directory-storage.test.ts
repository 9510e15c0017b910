import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDirectoryStorage } from '../../src/storage/directory-storage.js';
import type { FileStorage } from '../../src/storage/file-storage.js';
import { fileExists, generatedBytes, itBehavesAsFileStorage, UNSAFE_KEYS } from './file-storage-contract.js';

describe('directory storage', () => {
  let dir = '';
  let storage: FileStorage;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'intake-storage-'));
    storage = createDirectoryStorage(join(dir, 'files'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  itBehavesAsFileStorage(() => storage);

  it('keeps a file at <root>/<key> and hands out that path as its local copy', async () => {
    await storage.put('uploads/2026/ab12', Readable.from([Buffer.from('a,b\r\n1,2\r\n')]));
    assert.equal(await readFile(join(dir, 'files/uploads/2026/ab12'), 'utf8'), 'a,b\r\n1,2\r\n');
    const copy = await storage.localCopy('uploads/2026/ab12');
    assert.equal(copy.path, join(dir, 'files/uploads/2026/ab12'));
    await copy.release();
    assert.ok(await fileExists(copy.path));
  });

  it('leaves no partial file beside the key after a put, refused or not', async () => {
    await storage.put('partials/ok', Readable.from([Buffer.from('x')]));
    await assert.rejects(storage.put('partials/refused', generatedBytes(100_000).source, { maxBytes: 1000 }));
    assert.deepEqual(readdirSync(join(dir, 'files/partials')), ['ok']);
  });

  it('writes nothing outside its root whatever the key', async () => {
    const before = readdirSync(dir).sort();
    for (const key of UNSAFE_KEYS) await storage.append(key, new Uint8Array([1])).catch(() => undefined);
    assert.deepEqual(readdirSync(dir).sort(), before);
    assert.equal(await fileExists('/tmp/escape'), false);
  });

  it('holds a file open for appending with the positions append() gives, cuts it back, and refuses a position past its end', async () => {
    const key = 'jobs/7/attempt-1/success.csv';
    const header = await storage.append(key, Buffer.from('name\r\n'));
    const appender = await storage.openAppender!(key);
    try {
      const first = await appender.append(Buffer.from('Ann\r\n'));
      assert.equal(first, await storage.size(key));
      await appender.append(Buffer.from('Bob\r\n'));
      await appender.truncate(first);
      assert.equal(await appender.append(Buffer.from('Cat\r\n')), first + 5);
      await assert.rejects(appender.truncate(first + 100), /only has/);
      await appender.truncate(header);
    } finally {
      await appender.close();
    }
    assert.equal(await readFile(join(dir, 'files', key), 'utf8'), 'name\r\n');
    assert.equal(await storage.append(key, Buffer.from('Dan\r\n')), header + 5);
  });

  it('does not mistake a directory for a file', async () => {
    await storage.put('nested/dir/file', Readable.from([Buffer.from('x')]));
    assert.equal(await storage.size('nested/dir'), null);
    await assert.rejects(storage.localCopy('nested/dir'));
  });
});
