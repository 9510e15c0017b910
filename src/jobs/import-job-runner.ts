// Runs one import job: read → map → validate & normalise → deduplicate → write → account, batch by batch, each
// batch committed with its checkpoint, so that a job picked up again after a crash resumes where it stopped.
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import type { AppDatabase } from '../db/database.js';
import type { ImportJob, JobFileTable } from '../db/schema.js';
import { openResultFiles, RESULT_KINDS, type ResultFiles, type ResultFilesCheckpoint } from '../imports/accounting/result-file-writer.js';
import { keysOf, planBatch, type ExistingRow, type PlanContext } from '../imports/engine/batch-plan.js';
import { startPreparation } from '../imports/engine/prepared-batch-source.js';
import { recordsOf } from '../imports/engine/prepared-batches.js';
import { createRecordPreparer, type PreparedRecord } from '../imports/engine/record-preparation.js';
import { NO_AREAS, createAreaLookup, createRowLayout, type AreaLookup, type TargetSpec } from '../imports/engine/row-layout.js';
import { dateOrderOf } from '../imports/engine/value-normalisation.js';
import { defaultDedupeKey, importOptionsSchema, type ImportOptions } from '../imports/import-options.js';
import { createImportWriter, type BatchHandlers, type JobProgress } from '../imports/writing/import-writer.js';
import { resolveTargetFields } from '../imports/target-fields.js';
import { createPhoneNormaliser } from '../phones/phone-normalisation.js';
import type { FileStorage } from '../storage/file-storage.js';
import { AppError } from '../shared/app-error.js';
import { scratchDirOf, type Config } from '../config/config.js';
import type { JobsRepository } from './jobs.repository.js';
import type { UploadsRepository } from '../uploads/uploads.repository.js';
import type { TeamsRepository } from '../teams/teams.repository.js';
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';
import type { ReferenceLookupsRepository } from '../imports/writing/reference-lookups.repository.js';

export type RunnerDependencies = {
  config: Config;
  database: AppDatabase;
  storage: FileStorage;
  jobs: JobsRepository;
  uploads: UploadsRepository;
  teams: TeamsRepository;
  fields: FieldDefinitionsRepository;
  references: ReferenceLookupsRepository;
  /** Called after each committed transaction (the worker's watchdog listens). */
  onProgress?(): void;
};

type Counts = { success: number; error: number; duplicated: number };

/** What the checkpoint counts: the job's counts, and the dial-list entries it queued (none in older checkpoints). */
type CheckpointCounts = Counts & { dialQueued?: number };

/** What a job stores after each batch: records fully accounted for, where its result files stand, its counts. */
export type Checkpoint = ResultFilesCheckpoint & { done: number; counts: CheckpointCounts };

export type RunOutcome = 'close' | 'cancelled' | 'failed' | 'lost';

/** A file that cannot be read at all fails the job; anything else (database gone …) is retried after the lease. */
function isInputProblem(error: unknown): error is AppError {
  return error instanceof AppError && !['INTERNAL', 'LEASE_LOST', 'CONFIG_INVALID', 'UNAVAILABLE'].includes(error.code);
}

export async function runImportJob(deps: RunnerDependencies, job: ImportJob, workerId: string, signal: AbortSignal): Promise<RunOutcome> {
  try {
    return await runClaimedJob(deps, job, workerId, signal);
  } catch (error) {
    if (error instanceof AppError && error.code === 'LEASE_LOST') return 'lost';
    if (isInputProblem(error)) {
      const isFinished = await deps.jobs.finish(job.id, workerId, { status: 'failed', total: null, failureReason: error.message, failureCode: error.code, files: [] });
      return isFinished ? 'failed' : 'lost';
    }
    throw error;
  }
}

export function parseCheckpoint(text: string | null): Checkpoint | null {
  return text ? (JSON.parse(text) as Checkpoint) : null;
}

async function runClaimedJob(deps: RunnerDependencies, job: ImportJob, workerId: string, signal: AbortSignal): Promise<RunOutcome> {
  const leaseMs = deps.config.leaseSeconds * 1000;
  const options = importOptionsSchema.parse(JSON.parse(job.options));
  const team = await deps.teams.findById(job.team_id);
  if (!team) throw new AppError('NOT_FOUND', `The team of job ${job.id} no longer exists.`);
  const upload = job.upload_id === null ? undefined : await deps.uploads.findById(job.upload_id);
  if (!upload) throw new AppError('FILE_NOT_FOUND', `The uploaded file of job ${job.id} is gone; upload it again.`);

  // A dry run of Import & Start names no campaign (none was made): its fields are all draft ones.
  const isDraftCampaign = options.target === 'campaign' && options.campaignId === null;
  const fields = isDraftCampaign ? [...options.draftFields] : [...(await resolveTargetFields(deps.fields, team.id, options.target, options.campaignId)), ...options.draftFields];
  const dedupeKey = options.dedupeKey ?? defaultDedupeKey(options.target, fields);
  const dateOrder = dateOrderOf(team.default_country);
  const campaignNames = options.target === 'did' ? await deps.references.campaignNames(team.id) : [];
  const isDoNotCallRejected = options.blacklist === 'reject';
  // The same preparer as the preparation thread's, for the field order and values of the records it sends.
  const preparer = createRecordPreparer({
    target: options.target,
    mapping: options.mapping,
    fields,
    dedupeKey,
    normalisePhone: createPhoneNormaliser(team.default_country),
    dateOrder,
    country: team.default_country,
    campaignNames,
    isDoNotCallRejected,
  });
  const spec = targetSpec(options, team.id, job.id);
  const area = spec.table === 'customers' ? await areaLookupFor(deps.references, team.id, team.default_country) : NO_AREAS;
  const layout = createRowLayout(spec, preparer, { jobId: job.id, area, now: Date.now() });
  const blacklists = options.blacklist === 'reject' ? await deps.references.listsInUse(team.id, blacklistsFor(options)) : [];
  const phoneFields = preparer.fields.filter((field) => field.type === 'phone').map((field) => field.key);
  const checkpoint = parseCheckpoint(job.checkpoint);
  const attempt = Math.max(1, job.attempts);

  const local = await deps.storage.localCopy(upload.storage_key);
  const writer = createImportWriter(deps.database, {
    jobId: job.id,
    workerId,
    leaseMs,
    spec,
    layout,
    isDryRun: options.dryRun,
    blacklists,
    dial: options.dial && options.target === 'campaign' && options.campaignId !== null ? { campaignId: options.campaignId, priority: options.dial.priority, dialAt: options.dial.dialAt } : null,
    transactionRecords: deps.config.batchSize,
    sqliteCacheMb: deps.config.sqliteCacheMb,
    // Resets change stored rows as updates do: the previous values of what they change must be read.
    isUpdate: options.duplicate === 'update' || options.resetStatus || options.resetAgent,
  });
  /** Closed after the writer, which lets a transaction still writing (its result lines included) finish. */
  let openedResults: ResultFiles | null = null;
  const renewal = setInterval(() => {
    deps.jobs.renewLease(job.id, workerId, leaseMs).catch(() => undefined);
  }, Math.max(200, Math.floor(leaseMs / 3)));
  try {
    const source = await startPreparation({
      path: local.path,
      read: {
        encoding: options.encoding,
        sheet: options.sheet,
        delimiter: options.delimiter,
        skipTop: options.skipTop,
        displayName: job.file_name,
        country: team.default_country,
        limits: { maxColumns: deps.config.limits.maxColumns, maxCellLength: deps.config.limits.maxCellLength },
        scratchDir: scratchDirOf(deps.config),
      },
      target: options.target,
      mapping: options.mapping,
      fields: [...fields],
      dedupeKey,
      country: team.default_country,
      dateOrder,
      campaignNames,
      isDoNotCallRejected,
      skip: checkpoint?.done ?? 0,
    });
    try {
      const results = await openResultFiles(deps.storage, job.id, attempt, source.headers, checkpoint);
      openedResults = results;
      const planContext: PlanContext = {
        jobId: job.id,
        scope: spec.table === 'customers' ? spec.scope : null,
        layout,
        options: { ...options, dial: options.dial && options.target === 'campaign' ? options.dial : null },
        valueOf: preparer.valueOf,
        phonesOf: (record) => phonesOf(record, phoneFields, preparer.valueOf),
        describeRow: (row) => describeRow(spec, row),
        describeList: (list) => (list.startsWith('campaign-blacklist') ? "campaign's blacklist" : list),
      };
      let committed: JobProgress = {
        checkpoint: job.checkpoint ?? '',
        recordsRead: checkpoint?.done ?? 0,
        estimatedTotal: job.estimated_total,
        success: checkpoint?.counts.success ?? 0,
        error: checkpoint?.counts.error ?? 0,
        duplicated: checkpoint?.counts.duplicated ?? 0,
        dialQueued: checkpoint?.counts.dialQueued ?? 0,
      };
      const handlers: BatchHandlers = {
        open(batch) {
          const records = recordsOf(batch);
          return {
            keys: keysOf(records, layout),
            phones: blacklists.length > 0 ? batchPhones(records, planContext) : [],
            plan: (lookups, group) => planBatch(batch, records, lookups, planContext, group),
          };
        },
        results,
        progress(group, positions, since) {
          const added = group.work.counts;
          const base = since ?? committed;
          const counts = {
            success: base.success + added.success,
            error: base.error + added.error,
            duplicated: base.duplicated + added.duplicated,
            dialQueued: base.dialQueued + added.dialQueued,
          };
          const stored: Checkpoint = { attempt: results.attempt, positions, done: group.recordsRead, counts };
          const estimatedTotal = group.fractionRead >= 0.001 ? Math.max(group.recordsRead, Math.round(group.recordsRead / group.fractionRead)) : null;
          return { checkpoint: JSON.stringify(stored), recordsRead: group.recordsRead, estimatedTotal, ...counts };
        },
      };
      let isCancelled = false;
      for (;;) {
        if (signal.aborted) throw new AppError('LEASE_LOST', `Worker ${workerId} is stopping; job ${job.id} resumes from its checkpoint.`);
        const first = await source.next();
        if (!first) break;
        const outcome = await writer.write(first, source, handlers);
        if (outcome.committed) committed = outcome.committed;
        deps.onProgress?.();
        if (outcome.isCancelRequested) {
          isCancelled = true;
          break;
        }
        if (outcome.isEnd) break;
      }
      committed = (await writer.drain()) ?? committed;
      const counts = { success: committed.success, error: committed.error, duplicated: committed.duplicated };
      const total = isCancelled ? committed.recordsRead : (source.recordsRead() ?? committed.recordsRead);
      const files = await describeFiles(deps.storage, job.id, results, upload.storage_key, counts);
      await writer.finish();
      const status = isCancelled ? 'cancelled' : 'close';
      const isFinished = await deps.jobs.finish(job.id, workerId, { status, total, files });
      if (isFinished) await removeEarlierAttempts(deps.storage, job.id, attempt);
      return isFinished ? status : 'lost';
    } finally {
      await source.close();
    }
  } finally {
    clearInterval(renewal);
    await writer.close();
    await openedResults?.close();
    await local.release();
  }
}

function phonesOf(record: PreparedRecord, phoneFields: readonly string[], valueOf: PlanContext['valueOf']): string[] {
  const phones: string[] = [];
  for (const key of phoneFields) {
    const value = valueOf(record, key);
    if (value !== undefined) phones.push(value);
  }
  return phones;
}

function batchPhones(records: ReadonlyArray<PreparedRecord | null>, context: PlanContext): string[] {
  const phones = new Set<string>();
  for (const record of records) if (record) for (const phone of context.phonesOf(record)) phones.add(phone);
  return [...phones];
}

export function targetSpec(options: ImportOptions, teamId: number, jobId: number): TargetSpec {
  switch (options.target) {
    case 'individual':
    case 'organization':
    case 'mass-target':
    case 'campaign': {
      const scope = options.target === 'campaign' ? `campaign:${options.campaignId}` : options.target;
      return {
        table: 'customers',
        teamId,
        scope,
        campaignId: options.target === 'campaign' ? options.campaignId : null,
        isTeamWide: options.dedupeScope === 'team',
        keySuffix: options.dedupeScope === 'file' ? `#job:${jobId}` : '',
      };
    }
    case 'campaign-blacklist':
      return { table: 'number_lists', teamId, list: `campaign-blacklist:${options.campaignId}` };
    case 'blacklist':
    case 'whitelist':
      return { table: 'number_lists', teamId, list: options.target };
    case 'area-code':
      return { table: 'area_codes', teamId };
    case 'did':
      return { table: 'dids', teamId };
  }
}

/** Customer imports are checked against the team's blacklist, and a campaign's also against its own. */
function blacklistsFor(options: ImportOptions): string[] {
  if (options.target === 'campaign') return ['blacklist', `campaign-blacklist:${options.campaignId}`];
  if (options.target === 'individual' || options.target === 'organization' || options.target === 'mass-target') return ['blacklist'];
  return [];
}

async function areaLookupFor(references: ReferenceLookupsRepository, teamId: number, country: string): Promise<AreaLookup> {
  const callingCode = safeCallingCode(country);
  const nationalOf = (e164: string) => (callingCode && e164.startsWith(`+${callingCode}`) ? e164.slice(callingCode.length + 1) : null);
  return createAreaLookup(await references.areaCodes(teamId), nationalOf);
}

function describeRow(spec: TargetSpec, row: ExistingRow): string {
  if (spec.table === 'customers') {
    const where = row.scope?.startsWith('campaign:') ? 'the campaign' : (row.scope ?? 'the table');
    return `customer #${row.id} in ${where}`;
  }
  return `#${row.id} already in the ${spec.table === 'number_lists' ? spec.list.replace(/:\d+$/, '') : spec.table === 'area_codes' ? 'area codes' : 'DIDs'}`;
}

async function describeFiles(storage: FileStorage, jobId: number, results: ResultFiles, uploadKey: string, counts: Counts): Promise<JobFileTable[]> {
  const files: JobFileTable[] = [];
  for (const kind of RESULT_KINDS) {
    const key = results.keyOf(kind);
    files.push({ job_id: jobId, kind, storage_key: key, size: (await storage.size(key)) ?? 0, records: counts[kind] });
  }
  files.push({ job_id: jobId, kind: 'original', storage_key: uploadKey, size: (await storage.size(uploadKey)) ?? 0, records: 0 });
  return files;
}

/** The files of attempts that were interrupted are copies nobody reads once the job has ended. */
async function removeEarlierAttempts(storage: FileStorage, jobId: number, attempt: number): Promise<void> {
  for (let earlier = 1; earlier < attempt; earlier++) {
    for (const kind of RESULT_KINDS) await storage.remove(`jobs/${jobId}/attempt-${earlier}/${kind}.csv`).catch(() => undefined);
  }
}

function safeCallingCode(country: string): string | null {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return null;
  }
}
