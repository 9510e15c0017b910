// Reads a put() source as Buffers, enforcing the byte limit as it goes so an oversized upload is never fully read.
import { AppError } from '../shared/app-error.js';
import { createReadStream } from 'node:fs';
import { isLocalFile, type FileSource } from './file-storage.js';

export async function* readSourceChunks(source: FileSource, maxBytes: number | undefined): AsyncGenerator<Buffer> {
  let total = 0;
  const stream = isLocalFile(source) ? createReadStream(source.localPath) : source;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : toBuffer(chunk);
    total += buffer.length;
    assertWithinLimit(total, maxBytes);
    if (buffer.length > 0) yield buffer;
  }
}

export function assertWithinLimit(size: number, maxBytes: number | undefined): void {
  if (maxBytes !== undefined && size > maxBytes) {
    throw new AppError('UPLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes. Split it into smaller files.`, { maxBytes });
  }
}

/** A Buffer view of the bytes (no copy): drivers treat a Buffer as binary, but not always a bare Uint8Array. */
export function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
