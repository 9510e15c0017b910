// What a job thread tells the worker that started it.
import type { AppErrorCode } from '../shared/app-error.js';
import type { RunOutcome } from './import-job-runner.js';

export type JobThreadMessage =
  | { kind: 'ended'; outcome: RunOutcome }
  | { kind: 'failed'; message: string; code: AppErrorCode | null }
  /** A transaction of the job committed: the thread is alive and moving. */
  | { kind: 'progress' };
