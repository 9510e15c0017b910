// The jobs a user may see ("shell jobs"): list, detail, cancel, result files, waiting for the end.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportJob, JobFileTable, JobStatus } from '../db/schema.js';
import { resultFileKey, type ResultKind } from '../imports/accounting/result-file-writer.js';
import { AppError } from '../shared/app-error.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { JobsRepository } from './jobs.repository.js';
import { parseCheckpoint } from './import-job-runner.js';
import { revertSummary, type RevertSummary } from './revert-plan.js';

export const FILE_KINDS = ['success', 'error', 'duplicated', 'original'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'close', 'failed', 'cancelled'];
const ENDED: ReadonlySet<JobStatus> = new Set(['close', 'failed', 'cancelled']);

/** Whose jobs a caller may see: one team's, or every team's (administrators, the command line). */
export type TeamScope = { teamId: number | null };

export type JobView = {
  id: number;
  teamId: number;
  target: string;
  campaignId: number | null;
  fileName: string;
  status: JobStatus;
  dueAt: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  recordsRead: number;
  total: number | null;
  /** While running, the file's records as the part read so far suggests. */
  estimatedTotal: number | null;
  success: number;
  error: number;
  duplicated: number;
  /** Entries put on the campaign's dial list (a dry run: that it would put); null for an import without one. */
  dialQueued: number | null;
  failureReason: string | null;
  isCancelRequested: boolean;
  options: unknown;
  /** The job's revert: running or done, with its counts; null when it was never reverted. */
  revert: RevertSummary | null;
};

export function isJobEnded(status: JobStatus): boolean {
  return ENDED.has(status);
}

export function describeJob(job: ImportJob): JobView {
  const options = JSON.parse(job.options) as { dial?: unknown };
  return {
    id: job.id,
    teamId: job.team_id,
    target: job.target,
    campaignId: job.campaign_id,
    fileName: job.file_name,
    status: job.status,
    dueAt: job.due_at,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    recordsRead: job.records_read,
    total: job.total,
    estimatedTotal: job.total ?? job.estimated_total,
    success: job.success,
    error: job.error,
    duplicated: job.duplicated,
    // Counted in the checkpoint (0 before the first commit).
    dialQueued: job.target === 'campaign' && options.dial != null ? (parseCheckpoint(job.checkpoint)?.counts.dialQueued ?? 0) : null,
    failureReason: job.failure_reason,
    isCancelRequested: job.is_cancel_requested === 1,
    options,
    revert: revertSummary(job),
  };
}

export async function listJobs(
  jobs: JobsRepository,
  scope: TeamScope,
  filter: { status?: JobStatus; limit?: number; beforeId?: number } = {},
): Promise<ImportJob[]> {
  return jobs.list({ teamId: scope.teamId, ...filter });
}

/** A job of the caller's team; another team's job is "not found", never shown. */
export async function requireJob(jobs: JobsRepository, scope: TeamScope, id: number): Promise<ImportJob> {
  const job = await jobs.findById(id);
  if (!job || (scope.teamId !== null && job.team_id !== scope.teamId)) {
    throw new AppError('NOT_FOUND', `There is no import job ${id}. List the jobs with: intake jobs list`);
  }
  return job;
}

export async function cancelJob(jobs: JobsRepository, scope: TeamScope, id: number): Promise<ImportJob> {
  const job = await requireJob(jobs, scope, id);
  if (isJobEnded(job.status)) {
    throw new AppError('JOB_NOT_CANCELLABLE', `Job ${id} has already ended (${job.status}); only pending and running jobs can be cancelled.`);
  }
  return (await jobs.cancel(id)) ?? job;
}

export type JobFile = { kind: FileKind; fileName: string; size: number | null; stream: NodeJS.ReadableStream };

/**
 * A result file of a job. success/error/duplicated exist once the job has started (they grow while it runs);
 * `original` is the uploaded file, byte for byte.
 */
export async function openJobFile(
  deps: { jobs: JobsRepository; storage: FileStorage; uploadKeyOf(uploadId: number): Promise<string | undefined> },
  scope: TeamScope,
  id: number,
  kind: FileKind,
): Promise<JobFile> {
  const job = await requireJob(deps.jobs, scope, id);
  const key = kind === 'original' ? await originalKey(deps, job) : await resultKey(deps.jobs, job, kind as ResultKind);
  const size = await deps.storage.size(key);
  if (size === null) {
    const why = kind === 'original' ? 'the uploaded file has been removed' : `job ${id} has not written it yet (status ${job.status})`;
    throw new AppError('NOT_FOUND', `The ${kind} file of job ${id} does not exist: ${why}.`);
  }
  return { kind, fileName: downloadName(job, kind), size, stream: deps.storage.read(key) };
}

/** An ended job lists its files; a running one writes those of its current attempt (they grow batch by batch). */
async function resultKey(jobs: JobsRepository, job: ImportJob, kind: ResultKind): Promise<string> {
  const listed = (await jobs.listFiles(job.id)).find((file) => file.kind === kind);
  if (listed) return listed.storage_key;
  const checkpoint = parseCheckpoint(job.checkpoint);
  if (!checkpoint) throw new AppError('NOT_FOUND', `Job ${job.id} has not written its ${kind} file yet (status ${job.status}).`);
  return resultFileKey(job.id, checkpoint.attempt, kind);
}

async function originalKey(deps: { uploadKeyOf(uploadId: number): Promise<string | undefined> }, job: ImportJob): Promise<string> {
  const key = job.upload_id === null ? undefined : await deps.uploadKeyOf(job.upload_id);
  if (!key) throw new AppError('NOT_FOUND', `The original file of job ${job.id} is no longer kept.`);
  return key;
}

/** `job-12-error.csv`; the original keeps the name it was uploaded with. */
export function downloadName(job: ImportJob, kind: FileKind): string {
  return kind === 'original' ? job.file_name : `job-${job.id}-${kind}.csv`;
}

export function listedFiles(files: JobFileTable[]): Array<{ kind: string; size: number; records: number }> {
  return files.map((file) => ({ kind: file.kind, size: file.size, records: file.records }));
}

/** Polls a job until it has ended (or the signal aborts); `onProgress` sees each change. */
export async function waitForJob(
  jobs: JobsRepository,
  id: number,
  options: { pollMs: number; signal?: AbortSignal; onProgress?(job: ImportJob): void },
): Promise<ImportJob> {
  let lastSeen = '';
  for (;;) {
    const job = await jobs.findById(id);
    if (!job) throw new AppError('NOT_FOUND', `Import job ${id} has disappeared.`);
    const fingerprint = `${job.status}:${job.records_read}:${job.updated_at}`;
    if (fingerprint !== lastSeen) {
      lastSeen = fingerprint;
      options.onProgress?.(job);
    }
    if (isJobEnded(job.status)) return job;
    await sleep(options.pollMs, undefined, { signal: options.signal });
  }
}
