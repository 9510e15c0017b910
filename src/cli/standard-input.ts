// `-` for FILE: the list comes on standard input (`curl … | intake import - …`), as a nightly script pipes it.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import { AppError } from '../shared/app-error.js';

/** The FILE that names standard input. */
export const STANDARD_INPUT = '-';

/** Read at a time from standard input, into one buffer used again and again (no allocation per chunk). */
const READ_BYTES = 1024 * 1024;

/**
 * Refuses standard input when it is a terminal (nothing piped in: the command would wait for typing). Asked of the
 * descriptor, not of process.stdin, which would make a pipe non-blocking for its own reading.
 */
export function requirePipedInput(isTerminal = isatty(0)): void {
  if (isTerminal) throw new AppError('BAD_USAGE', "FILE '-' reads the list from standard input: pipe a file in (… | intake import - …), or name the file.");
}

/**
 * Standard input saved to a file of its own for as long as `use` runs, at most `maxBytes`; the file is removed
 * afterwards. Read with one reused buffer, so that a list of any size costs the process no memory (a stream would
 * allocate every chunk, and the memory it leaves behind stays with the import that follows).
 */
export async function withStandardInputFile<T>(maxBytes: number, scratchDir: string | undefined, use: (path: string) => Promise<T>): Promise<T> {
  requirePipedInput();
  const parent = scratchDir ?? tmpdir();
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'stdin-'));
  try {
    const path = join(dir, 'stdin');
    const out = openSync(path, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      let size = 0;
      for (;;) {
        const read = readStandardInput(buffer);
        if (read === 0) break;
        size += read;
        if (size > maxBytes) throw new AppError('UPLOAD_TOO_LARGE', `Standard input holds more than ${maxBytes} bytes, the upload limit (INTAKE_UPLOAD_MAX_BYTES). Split it into smaller files.`, { maxBytes });
        writeSync(out, buffer, 0, read);
      }
    } finally {
      closeSync(out);
    }
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Bytes read from standard input into `buffer` (0 at its end), waiting for a pipe that has none yet. */
function readStandardInput(buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a moment for the writer, then try again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') return 0;
      throw error;
    }
  }
}
