// Reverting a job (DESIGN.md step 8): the rows it inserted are removed and the rows it updated get their previous
// values back, unless they changed since; those are kept and listed. Runs in bounded transactions, resumable.
import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../db/schema.js';
import { importOptionsSchema, type ImportOptions } from '../imports/import-options.js';
import { AppError } from '../shared/app-error.js';
import { targetSpec } from './import-job-runner.js';
import type { JobRevertRepository, KeptRow } from './job-revert.repository.js';
import { isJobEnded, requireJob, type TeamScope } from './job-service.js';
import type { JobsRepository } from './jobs.repository.js';
import { INITIAL_REVERT_STATE, revertSummary, type RevertCounts } from './revert-plan.js';

/** The kept rows a report lists; the counts cover them all. */
export const KEPT_ROWS_LISTED = 1000;

export type RevertReport = RevertCounts & {
  id: number;
  status: 'reverting' | 'reverted';
  revertedAt: number | null;
  keptRows: KeptRow[];
};

export type RevertDeps = { jobs: JobsRepository; reverts: JobRevertRepository };
export type RevertSettings = { leaseMs: number; batchSize: number };

export async function revertJob(deps: RevertDeps, scope: TeamScope, id: number, settings: RevertSettings): Promise<RevertReport> {
  const job = await requireJob(deps.jobs, scope, id);
  const options = importOptionsSchema.parse(JSON.parse(job.options));
  refuseUnrevertible(job, options);
  const owner = `revert:${randomUUID()}`;
  let state = await deps.reverts.claim(job.id, owner, settings.leaseMs, INITIAL_REVERT_STATE);
  if (!state) {
    const now = await deps.jobs.findById(job.id);
    if (now) refuseUnrevertible(now, options);
    throw new AppError('JOB_NOT_REVERTIBLE', `Job ${id} is being reverted already; see how far with: intake jobs show ${id}`);
  }
  try {
    const target = { jobId: job.id, teamId: job.team_id, table: targetSpec(options, job.team_id, job.id).table, owner, leaseMs: settings.leaseMs, batchSize: Math.max(1, settings.batchSize) };
    while (state.phase !== 'done') {
      if (state.phase === 'updates') state = await deps.reverts.undoUpdates(target, state);
      else if (state.phase === 'inserts') state = await deps.reverts.removeInserts(target, state);
      else state = await deps.reverts.removeDialEntries(target, state);
    }
    if (!(await deps.reverts.finish(job.id, owner))) throw new AppError('LEASE_LOST', `The revert of job ${id} has been taken over by another process.`);
  } catch (error) {
    await deps.reverts.release(job.id, owner).catch(() => undefined);
    throw error;
  }
  return revertReport(deps, scope, id);
}

export async function revertReport(deps: RevertDeps, scope: TeamScope, id: number): Promise<RevertReport> {
  const job = await requireJob(deps.jobs, scope, id);
  const summary = revertSummary(job);
  if (!summary) throw new AppError('NOT_FOUND', `Job ${id} has not been reverted. Revert it with: intake jobs revert ${id}`);
  return { id: job.id, ...summary, keptRows: await deps.reverts.keptRows(job.id, KEPT_ROWS_LISTED) };
}

function refuseUnrevertible(job: ImportJob, options: ImportOptions): void {
  if (job.reverted_at !== null) {
    throw new AppError('JOB_NOT_REVERTIBLE', `Job ${job.id} was reverted already, at ${new Date(job.reverted_at).toISOString()}.`);
  }
  if (!isJobEnded(job.status)) {
    throw new AppError('JOB_NOT_REVERTIBLE', `Job ${job.id} is ${job.status}; a job can be reverted once it has ended (cancel it first with: intake jobs cancel ${job.id}).`);
  }
  if (options.dryRun) {
    throw new AppError('JOB_NOT_REVERTIBLE', `Job ${job.id} was a dry run: it stored nothing, so there is nothing to revert.`);
  }
}
