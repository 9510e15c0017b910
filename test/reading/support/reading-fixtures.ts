// Builds reading fixtures in a temporary folder and reads them back whole, for the reading tests.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSource } from '../../../src/imports/reading/index.js';
import type { ReadOptions, SourceRecord } from '../../../src/imports/reading/index.js';
import { AppError } from '../../../src/shared/app-error.js';

export type FixtureFolder = {
  /** Writes a file into the folder and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
};

export function createFixtureFolder(): FixtureFolder {
  const dir = mkdtempSync(join(tmpdir(), 'intake-reading-'));
  return {
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type ReadResult = {
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  records: SourceRecord[];
  emptyRowsSkipped: number;
};

/** Opens a file and reads every record of it. */
export async function readWhole(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const source = await openSource(path, options);
  const records: SourceRecord[] = [];
  try {
    for await (const batch of source.batches(1000)) records.push(...batch);
  } finally {
    await source.close();
  }
  const { format, encoding, delimiter, sheets, sheet, headers } = source;
  return { format, encoding, delimiter, sheets, sheet, headers, records, emptyRowsSkipped: source.stats().emptyRowsSkipped };
}

/** The values of every record, for comparisons. */
export function valuesOf(result: ReadResult): string[][] {
  return result.records.map((record) => record.values);
}

/** Asserts that `promise` fails with an AppError of `code` whose message matches `message`; returns it. */
export async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`expected an AppError ${code}, got ${String(error)}`, { cause: error });
    if (error.code !== code || !message.test(error.message)) {
      throw new Error(`expected AppError ${code} matching ${message}, got ${error.code}: ${error.message}`, { cause: error });
    }
    return error;
  }
  throw new Error(`expected an AppError ${code}, but nothing was thrown`);
}

/** The shared test corpus (`../shared/corpus` from the repository root); fails loudly when it is missing. */
export function corpusFolder(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root above the test file');
    dir = parent;
  }
  const folder = resolve(dir, '../shared/corpus', name);
  if (!existsSync(folder)) {
    throw new Error(`The test corpus ${folder} is missing: these tests need the shared corpus checked out beside the repository (../shared/corpus).`);
  }
  return folder;
}
