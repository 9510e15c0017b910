// A worker: claims due jobs from the jobs table and runs them, one at a time, until stopped.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker as Thread, type ResourceLimits } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import type { ImportJob } from '../db/schema.js';
import type { JobsRepository } from './jobs.repository.js';
import type { RunOutcome } from './import-job-runner.js';
import type { JobThreadMessage } from './job-thread-messages.js';

export type WorkerLog = (message: string, detail?: Record<string, unknown>) => void;

export type Worker = {
  readonly id: string;
  /** Claims and runs one due job; false when none was due. */
  runOnce(onlyJobId?: number): Promise<{ jobId: number; outcome: RunOutcome } | null>;
  /** Polls until stop() is called. */
  start(): Promise<void>;
  /** Stops after the current batch; the job it held resumes from its checkpoint elsewhere. */
  stop(): Promise<void>;
};

const MAX_STALLED_ATTEMPTS = 5;

const JOB_THREAD_URL = new URL('./job-thread.js', import.meta.url);
/**
 * A job's memory is bounded by its batches, not its file: a small young generation and a capped old one make V8
 * collect instead of growing (left alone, each thread's heap swells to hundreds of MB).
 */
export const THREAD_HEAP_LIMITS = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 128 } as const;
/**
 * The job thread on PostgreSQL keeps two transactions' batches alive across their round trips (one planned while the
 * other writes), and a scavenge copies what is alive: a young generation of 64 MB (not 24, nor the 32 of before)
 * takes its collection time from 3.6 s to 1.5 s a million records (profiled) and intake's CPU down by about 2 s
 * (`npm run bench`: peak RSS 234–239 MiB, under the 256 target; 208 with 32 MB). On SQLite the writer's page cache
 * takes that room.
 */
function jobThreadHeapLimits(config: Config): ResourceLimits {
  return config.database.dialect === 'postgres' ? { ...THREAD_HEAP_LIMITS, maxYoungGenerationSizeMb: 64 } : THREAD_HEAP_LIMITS;
}

/**
 * What a worker needs itself: the queue to claim from. Each job runs in a thread with connections of its own, so
 * that a server's HTTP API stays responsive and a job's memory is capped, whatever else the process does.
 */
export type WorkerDependencies = { config: Config; jobs: JobsRepository };

export function createWorker(deps: WorkerDependencies, log: WorkerLog = () => undefined): Worker {
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const stopping = new AbortController();
  let loop: Promise<void> | null = null;

  async function runOnce(onlyJobId?: number) {
    const job = await deps.jobs.claimNext(id, deps.config.leaseSeconds * 1000, onlyJobId);
    if (!job) return null;
    // A job that keeps failing without committing anything (not one that is merely interrupted often) is given up.
    if (job.stalled_attempts > MAX_STALLED_ATTEMPTS) {
      const why = job.last_interruption ? `the last one ended with: ${job.last_interruption}` : 'see the server log';
      await deps.jobs.finish(job.id, id, { status: 'failed', total: null, failureReason: `Gave up after ${MAX_STALLED_ATTEMPTS} attempts in a row that made no progress; ${why}`, files: [] });
      return { jobId: job.id, outcome: 'failed' as const };
    }
    log('job claimed', { jobId: job.id, attempt: job.attempts });
    try {
      const outcome = await runInThread(deps.config, job, id, stopping.signal);
      log('job ended', { jobId: job.id, outcome });
      return { jobId: job.id, outcome };
    } catch (error) {
      // Given up at once, the job is taken up again from its checkpoint (by this worker or another).
      const message = error instanceof Error ? error.message : String(error);
      log('job interrupted', { jobId: job.id, error: message });
      await deps.jobs.releaseLease(job.id, id, message).catch(() => undefined);
      return { jobId: job.id, outcome: 'lost' as const };
    }
  }

  /** Now and then, when idle: free the jobs that stale workers' sessions still lock (see endStaleBatchSessions). */
  let lastSweep = 0;
  async function endStaleSessions(): Promise<void> {
    const now = Date.now();
    if (now - lastSweep < Math.min(5_000, deps.config.leaseSeconds * 500)) return;
    lastSweep = now;
    const ended = await deps.jobs.endStaleBatchSessions(deps.config.leaseSeconds * 1000).catch(() => 0);
    if (ended > 0) log('ended stale batch sessions', { sessions: ended });
  }

  return {
    id,
    runOnce,
    start() {
      loop ??= (async () => {
        while (!stopping.signal.aborted) {
          let ran = null;
          try {
            ran = await runOnce();
          } catch (error) {
            log('worker could not claim a job', { error: error instanceof Error ? error.message : String(error) });
          }
          if (!ran && !stopping.signal.aborted) {
            await endStaleSessions();
            await sleep(deps.config.pollMs, undefined, { signal: stopping.signal }).catch(() => undefined);
          }
        }
      })();
      return loop;
    },
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

/**
 * How long a job may go without committing before its thread is ended: a batch stuck for good (a connection lost in
 * a way nothing reports) must not keep renewing the lease, and with it the job, from every worker.
 */
function stallLimitMs(config: Config): number {
  return Math.max(60_000, config.leaseSeconds * 5_000);
}

/** Runs a claimed job in its own thread; a stop is passed on, and the thread ends after its current batch. */
async function runInThread(config: Config, job: ImportJob, workerId: string, signal: AbortSignal): Promise<RunOutcome> {
  const thread = new Thread(JOB_THREAD_URL, { workerData: { config, job, workerId }, resourceLimits: jobThreadHeapLimits(config) });
  const stop = () => thread.postMessage({ kind: 'stop' });
  signal.addEventListener('abort', stop, { once: true });
  let lastProgress = Date.now();
  let isStalled = false;
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress < stallLimitMs(config)) return;
    isStalled = true;
    void thread.terminate();
  }, 1_000);
  try {
    return await new Promise<RunOutcome>((resolve, reject) => {
      let isAnswered = false;
      thread.on('message', (message: JobThreadMessage) => {
        if (message.kind === 'progress') {
          lastProgress = Date.now();
          return;
        }
        isAnswered = true;
        if (message.kind === 'ended') resolve(message.outcome);
        else reject(new Error(message.message));
      });
      thread.on('error', reject);
      thread.on('exit', (code) => {
        if (isAnswered) return;
        reject(new Error(isStalled
          ? `Job ${job.id} committed nothing for ${stallLimitMs(config) / 1000} s: its thread was ended; the job resumes from its checkpoint.`
          : `The thread of job ${job.id} ended (code ${code}) without an outcome.`));
      });
    });
  } finally {
    clearInterval(watchdog);
    signal.removeEventListener('abort', stop);
  }
}
