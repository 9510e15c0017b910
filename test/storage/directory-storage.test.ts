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

  it('does not mistake a directory for a file', async () => {
    await storage.put('nested/dir/file', Readable.from([Buffer.from('x')]));
    assert.equal(await storage.size('nested/dir'), null);
    await assert.rejects(storage.localCopy('nested/dir'));
  });
});
