// Runs one import job: read → map → validate & normalise → deduplicate → write → account, batch by batch, each
// batch committed with its checkpoint, so that a job picked up again after a crash resumes where it stopped.
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import type { Transaction } from 'kysely';
import type { AppDatabase } from '../db/database.js';
import type { Database, ImportJob, JobFileTable } from '../db/schema.js';
import { createResultFiles, resultFileKey, type ResultFilesPositions } from '../imports/accounting/result-file-writer.js';
import { planBatch, type ExistingRow, type RecordDecision } from '../imports/engine/batch-plan.js';
import { createRecordPreparer, type PreparedRecord } from '../imports/engine/record-preparation.js';
import { buildInsertRow, buildUpdate, createAreaLookup, mergeIntoInsertRow, type RowContext } from '../imports/engine/target-rows.js';
import { dateOrderOf } from '../imports/engine/value-normalisation.js';
import { defaultDedupeKey, importOptionsSchema, type ImportOptions } from '../imports/import-options.js';
import { openSource } from '../imports/reading/index.js';
import {
  findExistingByKeys, findListedNumbers, insertDialEntries, insertJobChanges, insertRows, loadAreaCodes, updateRow,
  type RowValues, type StoredRow, type TargetTableSpec,
} from '../imports/writing/import-writes.repository.js';
import { createPhoneNormaliser } from '../phones/phone-normalisation.js';
import type { FileStorage } from '../storage/file-storage.js';
import { AppError } from '../shared/app-error.js';
import type { Config } from '../config/config.js';
import type { JobsRepository } from './jobs.repository.js';
import type { UploadsRepository } from '../uploads/uploads.repository.js';
import type { TeamsRepository } from '../teams/teams.repository.js';
import { resolveTargetFields } from '../imports/target-fields.js';
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';

export type RunnerDependencies = {
  config: Config;
  database: AppDatabase;
  storage: FileStorage;
  jobs: JobsRepository;
  uploads: UploadsRepository;
  teams: TeamsRepository;
  fields: FieldDefinitionsRepository;
};

type Checkpoint = {
  /** Source records fully accounted for. */
  done: number;
  positions: ResultFilesPositions;
  counts: { success: number; error: number; duplicated: number };
};

export type RunOutcome = 'close' | 'cancelled' | 'failed' | 'lost';

/** A file that cannot be read at all fails the job; anything else (database gone …) is retried after the lease. */
function isFileProblem(error: unknown): error is AppError {
  return error instanceof AppError && !['INTERNAL', 'LEASE_LOST', 'CONFIG_INVALID'].includes(error.code);
}

export async function runImportJob(deps: RunnerDependencies, job: ImportJob, workerId: string, signal: AbortSignal): Promise<RunOutcome> {
  const leaseMs = deps.config.leaseSeconds * 1000;
  try {
    return await runClaimedJob(deps, job, workerId, leaseMs, signal);
  } catch (error) {
    if (error instanceof AppError && error.code === 'LEASE_LOST') return 'lost';
    if (isFileProblem(error)) {
      const isFinished = await deps.jobs.finish(job.id, workerId, { status: 'failed', total: null, failureReason: error.message, failureCode: error.code, files: [] });
      return isFinished ? 'failed' : 'lost';
    }
    throw error;
  }
}

async function runClaimedJob(deps: RunnerDependencies, job: ImportJob, workerId: string, leaseMs: number, signal: AbortSignal): Promise<RunOutcome> {
  const options = importOptionsSchema.parse(JSON.parse(job.options));
  const team = await deps.teams.findById(job.team_id);
  if (!team) throw new AppError('NOT_FOUND', `The team of job ${job.id} no longer exists.`);
  const upload = job.upload_id === null ? undefined : await deps.uploads.findById(job.upload_id);
  if (!upload) throw new AppError('FILE_NOT_FOUND', `The uploaded file of job ${job.id} is gone; upload it again.`);
  const fields = await resolveTargetFields(deps.fields, team.id, options.target, options.campaignId);
  const normalisePhone = createPhoneNormaliser(team.default_country);
  const dedupeKey = options.dedupeKey ?? defaultDedupeKey(options.target);
  const prepare = createRecordPreparer({
    target: options.target,
    mapping: options.mapping,
    fields,
    dedupeKey,
    normalisePhone,
    dateOrder: dateOrderOf(team.default_country),
  });
  const spec = targetSpec(options, team.id);
  const naturalField = spec.table === 'number_lists' || spec.table === 'dids' ? 'number' : spec.table === 'area_codes' ? 'prefix' : null;
  const storedKey = (record: PreparedRecord) => (naturalField === null ? record.key : (record.fields.get(naturalField) ?? null));
  const callingCode = safeCallingCode(team.default_country);
  const rowContext: RowContext = {
    spec,
    jobId: job.id,
    campaignId: options.target === 'campaign' ? options.campaignId : null,
    storedKey,
    area: spec.table === 'customers' ? createAreaLookup(await loadAreaCodes(deps.database.db, team.id), (e164) => (callingCode && e164.startsWith(`+${callingCode}`) ? e164.slice(callingCode.length + 1) : null)) : () => null,
    now: Date.now(),
  };
  const blacklists = blacklistsFor(options);

  const local = await deps.storage.localCopy(upload.storage_key);
  const source = await openSource(local.path, {
    encoding: options.encoding,
    sheet: options.sheet,
    delimiter: options.delimiter,
    skipTop: options.skipTop,
    displayName: job.file_name,
    limits: { maxColumns: deps.config.limits.maxColumns, maxCellLength: deps.config.limits.maxCellLength },
  });
  const renewal = setInterval(() => {
    deps.jobs.renewLease(job.id, workerId, leaseMs).catch(() => undefined);
  }, Math.max(200, Math.floor(leaseMs / 3)));
  const checkpoint: Checkpoint = job.checkpoint
    ? (JSON.parse(job.checkpoint) as Checkpoint)
    : { done: 0, positions: { success: 0, error: 0, duplicated: 0 }, counts: { success: 0, error: 0, duplicated: 0 } };
  const results = createResultFiles(deps.storage, job.id, source.headers);
  /** Duplicate keys met so far in the file, with the line of their first record. */
  const seenInFile = new Map<string, number>();
  const counts = { ...checkpoint.counts };
  const teamId = team.id;
  try {
    await results.resume(job.checkpoint ? checkpoint.positions : null);
    let recordIndex = 0;
    let isCancelled = false;

    for await (const batch of source.batches(deps.config.batchSize)) {
      if (signal.aborted) throw new AppError('LEASE_LOST', `Worker ${workerId} is stopping; job ${job.id} resumes from its checkpoint.`);
      const fresh: PreparedRecord[] = [];
      const freshErrors: Array<{ values: string[]; line: number; reason: string }> = [];
      for (const record of batch) {
        const isReplay = recordIndex < checkpoint.done;
        recordIndex += 1;
        const prepared = record.error ? { ok: false as const, reason: record.error } : prepare(record.line, record.values);
        if (isReplay) {
          // Already accounted for before the restart: only remember its key, as the first run did.
          if (prepared.ok && prepared.record.key !== null && !seenInFile.has(prepared.record.key)) seenInFile.set(prepared.record.key, record.line);
          continue;
        }
        if (prepared.ok) fresh.push(prepared.record);
        else freshErrors.push({ values: record.values, line: record.line, reason: prepared.reason });
      }
      if (fresh.length === 0 && freshErrors.length === 0) continue;

      const outcome = await deps.jobs.commitBatch(job.id, workerId, leaseMs, async (trx) => {
        for (const failed of freshErrors) {
          results.addError(failed.values, failed.line, failed.reason);
          counts.error += 1;
        }
        await writeBatch(trx, fresh);
        const positions = await results.flush();
        return {
          records_read: recordIndex,
          ...counts,
          checkpoint: JSON.stringify({ done: recordIndex, positions, counts } satisfies Checkpoint),
        };
      });
      if (outcome.isCancelRequested) {
        isCancelled = true;
        break;
      }
    }
    const stats = source.stats();
    const files = await describeFiles(deps.storage, job.id, upload.storage_key, counts, stats.recordsRead);
    const status = isCancelled ? 'cancelled' : 'close';
    const isFinished = await deps.jobs.finish(job.id, workerId, { status, total: isCancelled ? recordIndex : stats.recordsRead, files });
    return isFinished ? status : 'lost';
  } finally {
    clearInterval(renewal);
    await source.close();
    await local.release();
  }

  async function writeBatch(trx: Transaction<Database>, records: PreparedRecord[]): Promise<void> {
    const keys = [...new Set(records.map(storedKey).filter((key): key is string => key !== null))];
    const stored = await findExistingByKeys(trx, spec, keys);
    const existing = new Map<string, ExistingRow>();
    const storedById = new Map<number, StoredRow>();
    for (const [key, row] of stored) {
      existing.set(key, { id: row.id, jobId: numberOrNull(row['job_id']), jobLine: numberOrNull(row['job_line']), status: stringOrNull(row['status']), scope: stringOrNull(row['scope']) });
      storedById.set(row.id, row);
    }
    // The plan works on the stored key (lists compare numbers, customers their duplicate key).
    const keyed = records.map((record) => ({ ...record, key: storedKey(record) }));
    const decisions = planBatch(keyed, existing, {
      jobId: job.id,
      options,
      seenInFile,
      describeRow: (row) => describeRow(spec, row),
    });
    const listed = blacklists.length > 0 ? await findListedNumbers(trx, teamId, blacklists, phonesOf(records)) : new Map<string, string>();

    const inserts = new Map<number, RowValues>();
    const dial: Array<{ customer: { id: number } | { line: number }; phone: string }> = [];
    const changes: Array<{ job_id: number; table_name: string; row_id: number; change: 'update'; previous: string }> = [];
    for (const decision of decisions) {
      const { record } = decision;
      const blocked = options.blacklist === 'reject' ? blacklistHit(record, listed) : null;
      if (blocked) {
        results.addError(record.values, record.line, blocked);
        counts.error += 1;
        continue;
      }
      if (decision.kind === 'insert') {
        inserts.set(record.line, buildInsertRow(record, rowContext));
        const phone = dialPhone(record);
        if (phone) dial.push({ customer: { line: record.line }, phone });
        results.addSuccess(record.values);
        counts.success += 1;
        continue;
      }
      await applyDuplicate(trx, decision, inserts, storedById, changes, dial);
      results.addDuplicated(record.values, record.line, decision.reason);
      counts.duplicated += 1;
    }
    if (options.dryRun) return;
    const idsByLine = await insertRows(trx, spec.table, [...inserts.values()]);
    await insertJobChanges(trx, changes);
    if (options.dial && options.target === 'campaign' && options.campaignId !== null) {
      const entries = [];
      for (const entry of dial) {
        const customerId = 'id' in entry.customer ? entry.customer.id : idsByLine.get(entry.customer.line);
        if (customerId === undefined) continue;
        entries.push({ campaign_id: options.campaignId, customer_id: customerId, phone: entry.phone, priority: options.dial.priority, dial_at: options.dial.dialAt, job_id: job.id });
      }
      await insertDialEntries(trx, entries);
    }
  }

  async function applyDuplicate(
    trx: Transaction<Database>,
    decision: Extract<RecordDecision, { kind: 'duplicate' }>,
    inserts: Map<number, RowValues>,
    storedById: Map<number, StoredRow>,
    changes: Array<{ job_id: number; table_name: string; row_id: number; change: 'update'; previous: string }>,
    dial: Array<{ customer: { id: number } | { line: number }; phone: string }>,
  ): Promise<void> {
    const { record, target } = decision;
    const phone = dialPhone(record);
    if (target.kind === 'pending') {
      const pending = inserts.get(target.line);
      if (pending && decision.isUpdate) mergeIntoInsertRow(pending, record, rowContext);
      if (phone && options.dial?.duplicates === 'all') dial.push({ customer: { line: target.line }, phone });
      return;
    }
    const stored = storedById.get(target.row.id);
    if (!stored) return;
    const { set, previous } = buildUpdate(record, stored, rowContext, { resetStatus: options.resetStatus, resetAgent: options.resetAgent }, decision.isUpdate);
    if (phone && options.dial && (options.dial.duplicates === 'all' || (options.dial.duplicates === 'ignore-success' && target.row.status !== 'success'))) {
      dial.push({ customer: { id: target.row.id }, phone });
    }
    if (Object.keys(set).length === 0 || options.dryRun) return;
    await updateRow(trx, spec.table, target.row.id, set);
    Object.assign(stored, set);
    changes.push({ job_id: job.id, table_name: spec.table, row_id: target.row.id, change: 'update', previous: JSON.stringify(previous) });
  }

  function dialPhone(record: PreparedRecord): string | null {
    if (!options.dial) return null;
    return record.fields.get(options.dial.phoneField) ?? null;
  }

  function phonesOf(records: PreparedRecord[]): string[] {
    const phones = new Set<string>();
    for (const record of records) for (const field of fields) if (field.type === 'phone') {
      const value = record.fields.get(field.key);
      if (value) phones.add(value);
    }
    return [...phones];
  }

  function blacklistHit(record: PreparedRecord, listed: Map<string, string>): string | null {
    for (const field of fields) {
      if (field.type !== 'phone') continue;
      const value = record.fields.get(field.key);
      const list = value === undefined ? undefined : listed.get(value);
      if (list) return `${value} is on the ${list.startsWith('campaign-blacklist') ? "campaign's blacklist" : 'blacklist'}`;
    }
    return null;
  }
}

function targetSpec(options: ImportOptions, teamId: number): TargetTableSpec {
  switch (options.target) {
    case 'individual':
    case 'organization':
    case 'mass-target':
      return { table: 'customers', teamId, scope: options.target, isTeamWide: options.dedupeScope === 'team' };
    case 'campaign':
      return { table: 'customers', teamId, scope: `campaign:${options.campaignId}`, isTeamWide: options.dedupeScope === 'team' };
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

function describeRow(spec: TargetTableSpec, row: ExistingRow): string {
  if (spec.table === 'customers') {
    const where = row.scope?.startsWith('campaign:') ? 'the campaign' : row.scope ?? 'the table';
    return `customer #${row.id} in ${where}`;
  }
  return `#${row.id} already in the ${spec.table === 'number_lists' ? spec.list.replace(/:\d+$/, '') : spec.table === 'area_codes' ? 'area codes' : 'DIDs'}`;
}

async function describeFiles(storage: FileStorage, jobId: number, uploadKey: string, counts: Checkpoint['counts'], _total: number): Promise<JobFileTable[]> {
  const files: JobFileTable[] = [];
  for (const kind of ['success', 'error', 'duplicated'] as const) {
    const key = resultFileKey(jobId, kind);
    files.push({ job_id: jobId, kind, storage_key: key, size: (await storage.size(key)) ?? 0, records: counts[kind] });
  }
  files.push({ job_id: jobId, kind: 'original', storage_key: uploadKey, size: (await storage.size(uploadKey)) ?? 0, records: 0 });
  return files;
}

function safeCallingCode(country: string): string | null {
  try {
    return getCountryCallingCode(country as CountryCode);
  } catch {
    return null;
  }
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
function stringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
