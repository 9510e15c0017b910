// Progress, rate and ETA of an import job, from what the server reports.
import type { Job, JobDetail, JobStatus } from '../api/types.js';

export const ACTIVE_STATUSES: readonly JobStatus[] = ['pending', 'running'];

export function isJobActive(job: Pick<Job, 'status'>): boolean {
  return ACTIVE_STATUSES.includes(job.status);
}

/** A dry run: it checks and accounts for every record and writes none. */
export function isDryRunJob(job: { options?: Record<string, unknown> | null }): boolean {
  return job.options?.['dryRun'] === true;
}

/** The records the job's file holds: its total once known, else the server's estimate while it runs. */
function expectedTotal(job: Pick<Job, 'total' | 'estimatedTotal'>): number | null {
  return job.total ?? job.estimatedTotal ?? null;
}

/** Percent done (0–100), or null when the total is not known yet. A closed job is 100. */
export function progressPercent(job: Pick<Job, 'status' | 'recordsRead' | 'total' | 'estimatedTotal'>): number | null {
  if (job.status === 'close') return 100;
  const total = expectedTotal(job);
  if (!total || total <= 0) return null;
  return Math.max(0, Math.min(100, (job.recordsRead / total) * 100));
}

/** Rows per second: the server's figure when it sent one, else rows read since the job started. */
export function jobRate(job: Pick<JobDetail, 'rate' | 'recordsRead' | 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (typeof job.rate === 'number' && Number.isFinite(job.rate)) return job.rate;
  if (!job.startedAt) return null;
  const end = job.finishedAt ?? now;
  const seconds = (end - job.startedAt) / 1000;
  if (seconds <= 0 || job.recordsRead <= 0) return null;
  return job.recordsRead / seconds;
}

/** Seconds left: the server's figure when it sent one, else what is left at the current rate. */
export function jobEtaSeconds(
  job: Pick<JobDetail, 'status' | 'etaSeconds' | 'rate' | 'recordsRead' | 'total' | 'estimatedTotal' | 'startedAt' | 'finishedAt'>,
  now: number,
): number | null {
  if (job.status !== 'running') return null;
  if (typeof job.etaSeconds === 'number' && Number.isFinite(job.etaSeconds)) return job.etaSeconds;
  const rate = jobRate(job, now);
  const total = expectedTotal(job);
  if (!rate || !total) return null;
  return Math.max(0, (total - job.recordsRead) / rate);
}

/** An ended job that stored something (not a dry run) and has not been reverted can be reverted. */
export function canRevert(job: Pick<Job, 'status' | 'options' | 'revert'>): boolean {
  return !isJobActive(job) && job.options['dryRun'] !== true && job.revert?.status !== 'reverted';
}
