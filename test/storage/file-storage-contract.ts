// The behaviour every FileStorage backend shares, declared once and run against each backend.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isAppError, type AppErrorCode } from '../../src/shared/app-error.js';
import type { FileStorage } from '../../src/storage/file-storage.js';

export const UNSAFE_KEYS = ['../escape', 'uploads/../../escape', '/etc/passwd', 'uploads\\..\\escape', 'nul\0byte', '', 'a//b', './a', 'a/.', 'C:/x', 'a/..'];

export function failsWith(code: AppErrorCode) {
  return (error: unknown) => isAppError(error) && error.code === code;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer | string>) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
  return Buffer.concat(parts);
}

/** Deterministic pseudo-random bytes in odd-sized pieces, so chunk boundaries never line up with the source's. */
export function generatedBytes(total: number, pieceBytes = 65_537): { source: AsyncIterable<Uint8Array>; sha256: string } {
  let state = 0x2545f491;
  const pieces: Buffer[] = [];
  const hash = createHash('sha256');
  for (let offset = 0; offset < total; offset += pieceBytes) {
    const piece = Buffer.alloc(Math.min(pieceBytes, total - offset));
    for (let i = 0; i < piece.length; i++) {
      state = (state * 1_103_515_245 + 12_345) >>> 0;
      piece[i] = state >>> 24;
    }
    hash.update(piece);
    pieces.push(piece);
  }
  async function* source() {
    for (const piece of pieces) yield new Uint8Array(piece.buffer, piece.byteOffset, piece.length);
  }
  return { source: source(), sha256: hash.digest('hex') };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const text = (value: string) => new TextEncoder().encode(value);

export function itBehavesAsFileStorage(storage: () => FileStorage): void {
  it('stores a multi-megabyte stream and reads it back byte for byte', async () => {
    const size = 5 * 1024 * 1024 + 12_345;
    const { source, sha256: expected } = generatedBytes(size);
    assert.deepEqual(await storage().put('uploads/2026/big', source), { size });
    assert.equal(await storage().size('uploads/2026/big'), size);
    const content = await readAll(storage().read('uploads/2026/big'));
    assert.equal(content.length, size);
    assert.equal(sha256(content), expected);
  });

  it('accepts a Node readable stream, string chunks included, and replaces what was stored under the key', async () => {
    await storage().put('uploads/replaced', Readable.from([Buffer.from('old content')]));
    assert.deepEqual(await storage().put('uploads/replaced', Readable.from(['new ', Buffer.from('tête')])), { size: Buffer.byteLength('new tête') });
    assert.equal((await readAll(storage().read('uploads/replaced'))).toString('utf8'), 'new tête');
  });

  it('stores an empty stream as an empty file', async () => {
    assert.deepEqual(await storage().put('uploads/empty', Readable.from([])), { size: 0 });
    assert.equal(await storage().size('uploads/empty'), 0);
    assert.equal((await readAll(storage().read('uploads/empty'))).length, 0);
  });

  it('appends, cuts back to a position returned by append, and appends again', async () => {
    const key = 'jobs/1/error.csv';
    const first = await storage().append(key, text('header\r\n'));
    const second = await storage().append(key, text('row 1\r\n'));
    const third = await storage().append(key, text('row 2\r\n'));
    assert.ok(first > 0 && second > first && third > second);
    await storage().truncate(key, first);
    assert.ok((await storage().append(key, text('row 1 again\r\n'))) > first, 'positions are opaque but grow with each append');
    assert.equal((await readAll(storage().read(key))).toString(), 'header\r\nrow 1 again\r\n');
    assert.equal(await storage().size(key), 'header\r\nrow 1 again\r\n'.length);
    await storage().truncate(key, 0);
    assert.equal(await storage().size(key), 0);
    assert.equal((await readAll(storage().read(key))).length, 0);
  });

  it('cuts back an append larger than a chunk', async () => {
    const key = 'jobs/2/success.csv';
    const start = await storage().append(key, text('start'));
    const { source } = generatedBytes(2.5 * 1024 * 1024);
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(Buffer.from(chunk));
    const big = Buffer.concat(chunks);
    const afterBig = await storage().append(key, big);
    await storage().append(key, text('tail'));
    assert.equal(await storage().size(key), 5 + big.length + 4);
    await storage().truncate(key, afterBig);
    assert.equal(sha256(await readAll(storage().read(key))), sha256(Buffer.concat([Buffer.from('start'), big])));
    await storage().truncate(key, start);
    assert.equal((await readAll(storage().read(key))).toString(), 'start');
  });

  it('creates an empty file when truncating a missing key to 0, and refuses a position past the end', async () => {
    await storage().truncate('jobs/3/duplicated.csv', 0);
    assert.equal(await storage().size('jobs/3/duplicated.csv'), 0);
    await assert.rejects(storage().truncate('jobs/3/duplicated.csv', 5), failsWith('INTERNAL'));
    await assert.rejects(storage().truncate('jobs/3/duplicated.csv', -1), failsWith('BAD_INPUT'));
  });

  it('refuses a stream over maxBytes and leaves nothing behind, not even a partial file', async () => {
    const { source } = generatedBytes(3 * 1024 * 1024);
    await assert.rejects(storage().put('uploads/too-big', source, { maxBytes: 1024 * 1024 }), failsWith('UPLOAD_TOO_LARGE'));
    assert.equal(await storage().size('uploads/too-big'), null);
    const leftovers = await storage().listOlderThan('uploads/too-big', Date.now() + 60_000);
    assert.deepEqual(leftovers, []);
  });

  it('keeps the previous content when a replacing stream is refused', async () => {
    await storage().put('uploads/kept', Readable.from([Buffer.from('keep me')]));
    await assert.rejects(storage().put('uploads/kept', Readable.from([Buffer.alloc(100)]), { maxBytes: 10 }), failsWith('UPLOAD_TOO_LARGE'));
    assert.equal((await readAll(storage().read('uploads/kept'))).toString(), 'keep me');
  });

  it('stores a local file (the command line\'s) byte for byte, and refuses one over maxBytes leaving nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'intake-local-file-'));
    try {
      const path = join(dir, 'customers.csv');
      const bytes = Buffer.from('\ufeffname,phone\r\nAda,(415) 555-2671\r\n', 'utf8');
      await writeFile(path, bytes);
      assert.deepEqual(await storage().put('uploads/local', { localPath: path }), { size: bytes.length });
      assert.deepEqual(await readAll(storage().read('uploads/local')), bytes);
      await assert.rejects(storage().put('uploads/local-too-big', { localPath: path }, { maxBytes: 10 }), failsWith('UPLOAD_TOO_LARGE'));
      assert.equal(await storage().size('uploads/local-too-big'), null);
      assert.deepEqual(await storage().listOlderThan('uploads/local-too-big', Date.now() + 60_000), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses keys that could leave the store', async () => {
    for (const key of UNSAFE_KEYS) {
      const refused = failsWith('BAD_INPUT');
      await assert.rejects(storage().put(key, Readable.from([Buffer.from('x')])), refused, key);
      await assert.rejects(storage().append(key, text('x')), refused, key);
      await assert.rejects(storage().truncate(key, 0), refused, key);
      await assert.rejects(storage().size(key), refused, key);
      await assert.rejects(storage().remove(key), refused, key);
      await assert.rejects(storage().localCopy(key), refused, key);
      assert.throws(() => storage().read(key), refused, key);
    }
    await assert.rejects(storage().listOlderThan('../', Date.now()), failsWith('BAD_INPUT'));
  });

  it('reports a missing file as FILE_NOT_FOUND when read, and as null size', async () => {
    await assert.rejects(readAll(storage().read('uploads/missing')), failsWith('FILE_NOT_FOUND'));
    await assert.rejects(storage().localCopy('uploads/missing'), failsWith('FILE_NOT_FOUND'));
    assert.equal(await storage().size('uploads/missing'), null);
  });

  it('gives a local copy with the content for random-access readers', async () => {
    const { source, sha256: expected } = generatedBytes(1.5 * 1024 * 1024);
    await storage().put('uploads/book.xlsx', source);
    const copy = await storage().localCopy('uploads/book.xlsx');
    assert.ok(copy.path.endsWith('book.xlsx'));
    assert.equal(sha256(await readFile(copy.path)), expected);
    await copy.release();
    assert.equal(await storage().size('uploads/book.xlsx'), 1.5 * 1024 * 1024);
  });

  it('removes a file, and removing it again or a key never stored is not an error', async () => {
    await storage().put('uploads/removed', Readable.from([Buffer.from('x')]));
    await storage().remove('uploads/removed');
    await storage().remove('uploads/removed');
    await storage().remove('uploads/never-stored');
    assert.equal(await storage().size('uploads/removed'), null);
  });

  it('lists the keys under a prefix older than a time', async () => {
    await storage().put('expiring/a', Readable.from([Buffer.from('a')]));
    await storage().put('expiring/sub/b', Readable.from([Buffer.from('b')]));
    await storage().append('expiringx/c', text('c'));
    const later = Date.now() + 60_000;
    assert.deepEqual(await storage().listOlderThan('expiring/', later), ['expiring/a', 'expiring/sub/b']);
    assert.deepEqual(await storage().listOlderThan('expiring', later), ['expiring/a', 'expiring/sub/b', 'expiringx/c']);
    assert.deepEqual(await storage().listOlderThan('expiring/', 0), []);
    // '_' and '%' are not wildcards.
    assert.deepEqual(await storage().listOlderThan('expir_ng/', later), []);
    assert.deepEqual(await storage().listOlderThan('EXPIRING/', later), []);
  });
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
