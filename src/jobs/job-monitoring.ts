// The shell jobs as the API shows them: filtered lists, a job's detail with its rate and ETA, live progress.
import type { AppContext } from '../app/app-context.js';
import { listingScope, teamScopeOf, type Actor } from '../auth/actor.js';
import type { ImportJob, JobStatus } from '../db/schema.js';
import { revertJob, revertReport, type RevertReport } from './job-revert.js';
import { cancelJob, describeJob, isJobEnded, listedFiles, openJobFile, requireJob, waitForJob, type FileKind, type JobFile, type JobView } from './job-service.js';

export type JobDetail = JobView & {
  files: Array<{ kind: string; size: number; records: number }>;
  /** Records read per second since the job started (until it ended); null before it starts. */
  rate: number | null;
  /** Seconds left, when the number of records is known; 0 once ended; null when it cannot be told. */
  etaSeconds: number | null;
};

export type JobFilter = { teamId?: number; status?: JobStatus; target?: string; limit?: number; before?: number };

export async function listJobViews(context: AppContext, actor: Actor, filter: JobFilter): Promise<JobView[]> {
  const scope = listingScope(actor, filter.teamId);
  const jobs = await context.repositories.jobs.list({ teamId: scope.teamId, status: filter.status, target: filter.target, limit: filter.limit, beforeId: filter.before });
  return jobs.map(describeJob);
}

export async function requireVisibleJob(context: AppContext, actor: Actor, id: number): Promise<ImportJob> {
  return requireJob(context.repositories.jobs, teamScopeOf(actor), id);
}

export async function getJobDetail(context: AppContext, actor: Actor, id: number): Promise<JobDetail> {
  const { jobs } = context.repositories;
  const job = await requireVisibleJob(context, actor, id);
  const now = isJobEnded(job.status) || job.started_at === null ? (job.finished_at ?? 0) : await jobs.databaseTime();
  return { ...describeJob(job), files: listedFiles(await jobs.listFiles(job.id)), ...progressOf(job, now) };
}

export function progressOf(job: ImportJob, now: number): { rate: number | null; etaSeconds: number | null } {
  if (job.started_at === null) return { rate: null, etaSeconds: null };
  const seconds = ((job.finished_at ?? now) - job.started_at) / 1000;
  const rate = seconds > 0 ? Math.round((job.records_read / seconds) * 10) / 10 : null;
  if (isJobEnded(job.status)) return { rate, etaSeconds: 0 };
  const expected = job.total ?? job.estimated_total;
  const etaSeconds = expected !== null && rate !== null && rate > 0 ? Math.ceil(Math.max(0, expected - job.records_read) / rate) : null;
  return { rate, etaSeconds };
}

export async function cancelVisibleJob(context: AppContext, actor: Actor, id: number): Promise<JobView> {
  return describeJob(await cancelJob(context.repositories.jobs, teamScopeOf(actor), id));
}

export async function openJobDownload(context: AppContext, actor: Actor, id: number, kind: FileKind): Promise<JobFile> {
  const { jobs, uploads } = context.repositories;
  return openJobFile(
    { jobs, storage: context.storage, uploadKeyOf: async (uploadId) => (await uploads.findById(uploadId))?.storage_key },
    teamScopeOf(actor),
    id,
    kind,
  );
}

/**
 * Follows a job (checked with requireVisibleJob first) by polling the database, the source of truth whichever
 * process runs the job; `onProgress` sees each change; resolves with the job once it has ended.
 */
export async function watchJob(context: AppContext, id: number, options: { signal: AbortSignal; onProgress(view: JobView): void }): Promise<JobView> {
  const ended = await waitForJob(context.repositories.jobs, id, {
    pollMs: context.config.pollMs,
    signal: options.signal,
    onProgress: (job) => options.onProgress(describeJob(job)),
  });
  return describeJob(ended);
}

export async function revertVisibleJob(context: AppContext, actor: Actor, id: number): Promise<RevertReport> {
  return revertJob(revertDeps(context), teamScopeOf(actor), id, revertSettings(context));
}

export async function getRevertReport(context: AppContext, actor: Actor, id: number): Promise<RevertReport> {
  return revertReport(revertDeps(context), teamScopeOf(actor), id);
}

export function revertDeps(context: AppContext) {
  return { jobs: context.repositories.jobs, reverts: context.repositories.reverts };
}

/** A revert holds its job for a lease like an import's, and its transactions are as large as an import's batches. */
export function revertSettings(context: AppContext) {
  return { leaseMs: context.config.leaseSeconds * 1000, batchSize: Math.min(context.config.batchSize, 2000) };
}
