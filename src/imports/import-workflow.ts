// Wiring for the edges (CLI, HTTP, worker): uploads into storage, and the dependencies of the import services.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app/app-context.js';
import { scratchDirOf } from '../config/config.js';
import type { ImportJob } from '../db/schema.js';
import type { RunnerDependencies } from '../jobs/import-job-runner.js';
import type { FileSource } from '../storage/file-storage.js';
import type { UploadRow } from '../uploads/uploads.repository.js';
import type { ImportServiceDependencies } from './import-service.js';

export function importServiceDependencies(context: AppContext): ImportServiceDependencies {
  const { repositories, config } = context;
  return {
    campaigns: repositories.campaigns,
    fields: repositories.fields,
    jobs: repositories.jobs,
    uploads: repositories.uploads,
    savedMappings: repositories.savedMappings,
    countRows: (teamId, scope) => repositories.customers.count(teamId, scope),
    limits: { maxColumns: config.limits.maxColumns, maxCellLength: config.limits.maxCellLength },
    scratchDir: scratchDirOf(config),
  };
}

export function runnerDependencies(context: AppContext): RunnerDependencies {
  const { repositories } = context;
  return {
    config: context.config,
    database: context.database,
    storage: context.storage,
    jobs: repositories.jobs,
    uploads: repositories.uploads,
    teams: repositories.teams,
    fields: repositories.fields,
    references: repositories.references,
  };
}

/** Streams a file into storage under a generated name; the user's file name is kept for display only. */
export async function storeUpload(
  context: AppContext,
  input: { teamId: number; userId: number | null; originalName: string; source: FileSource },
): Promise<UploadRow> {
  const now = new Date();
  const key = `uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('hex')}`;
  const { size } = await context.storage.put(key, input.source, { maxBytes: context.config.limits.uploadMaxBytes });
  try {
    return await context.repositories.uploads.insert({
      teamId: input.teamId,
      userId: input.userId,
      storageKey: key,
      originalName: displayName(input.originalName),
      size,
      expiresAt: Date.now() + context.config.uploadTtlHours * 3600_000,
    });
  } catch (error) {
    await context.storage.remove(key);
    throw error;
  }
}

/** A file name fit for display: no path, no control or bidi-override characters, at most 200 characters. */
export function displayName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '').trim();
  const short = clean.length > 200 ? clean.slice(0, 200) : clean;
  return short || 'upload';
}

export type JobSummary = { id: number; status: ImportJob['status']; total: number | null; success: number; error: number; duplicated: number };

export function summariseJob(job: ImportJob): JobSummary {
  return { id: job.id, status: job.status, total: job.total, success: job.success, error: job.error, duplicated: job.duplicated };
}
