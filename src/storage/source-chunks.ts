// Reads a put() source as Buffers, enforcing the byte limit as it goes so an oversized upload is never fully read.
import { AppError } from '../shared/app-error.js';
import type { FileSource } from './file-storage.js';

export async function* readSourceChunks(source: FileSource, maxBytes: number | undefined): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : toBuffer(chunk);
    total += buffer.length;
    if (maxBytes !== undefined && total > maxBytes) {
      throw new AppError('UPLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes. Split it into smaller files.`, {
        maxBytes,
      });
    }
    if (buffer.length > 0) yield buffer;
  }
}

/** A Buffer view of the bytes (no copy): drivers treat a Buffer as binary, but not always a bare Uint8Array. */
export function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
