// Runs one preview in a worker thread, so a test can stop a preview that hangs.

import { parentPort, workerData } from 'node:worker_threads';
import { previewSource } from '../../../src/imports/reading/index.js';
import { AppError } from '../../../src/shared/app-error.js';

export type PreviewOutcome =
  | { kind: 'read'; format: string; encoding: string | null; delimiter: string | null; sheets: string[]; headers: string[]; rows: string[][] }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'crashed'; message: string };

const { path } = workerData as { path: string };
let outcome: PreviewOutcome;
try {
  const preview = await previewSource(path);
  outcome = { kind: 'read', ...preview };
} catch (error) {
  outcome = error instanceof AppError
    ? { kind: 'refused', code: error.code, message: error.message }
    : { kind: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
parentPort?.postMessage(outcome);
