// Previews files in a worker thread, one per message, so a test can stop a preview that hangs.

import { parentPort } from 'node:worker_threads';
import { previewSource } from '../../../src/imports/reading/index.js';
import { AppError } from '../../../src/shared/app-error.js';

export type PreviewOutcome =
  | { kind: 'read'; format: string; encoding: string | null; delimiter: string | null; sheets: string[]; headers: string[]; rows: string[][] }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'crashed'; message: string };

async function preview(path: string): Promise<PreviewOutcome> {
  try {
    return { kind: 'read', ...(await previewSource(path)) };
  } catch (error) {
    return error instanceof AppError
      ? { kind: 'refused', code: error.code, message: error.message }
      : { kind: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on('message', (path: string) => {
  void preview(path).then((outcome) => parentPort?.postMessage(outcome));
});
