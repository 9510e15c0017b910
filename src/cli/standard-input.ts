// `-` for FILE: the list comes on standard input (`curl … | intake import - …`), as a nightly script pipes it.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/app-error.js';

/** The FILE that names standard input. */
export const STANDARD_INPUT = '-';

/** Standard input, refused when it is a terminal (nothing piped in: the command would wait for typing). */
export function requirePipedInput(input: NodeJS.ReadStream = process.stdin): NodeJS.ReadStream {
  if (input.isTTY) throw new AppError('BAD_USAGE', "FILE '-' reads the list from standard input: pipe a file in (… | intake import - …), or name the file.");
  return input;
}

/**
 * Standard input saved to a file of its own for as long as `use` runs (a preview must read a workbook's end before its
 * start), at most `maxBytes`; the file is removed afterwards.
 */
export async function withStandardInputFile<T>(maxBytes: number, scratchDir: string | undefined, use: (path: string) => Promise<T>): Promise<T> {
  const input = requirePipedInput();
  const parent = scratchDir ?? tmpdir();
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'stdin-'));
  try {
    const path = join(dir, 'stdin');
    let size = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) done(new AppError('FILE_TOO_LARGE', `Standard input holds more than ${maxBytes} bytes, the upload limit (INTAKE_UPLOAD_MAX_BYTES).`));
        else done(null, chunk);
      },
    });
    await pipeline(input, capped, createWriteStream(path));
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
