// `intake jobs list|show|cancel|revert|download`: the shell jobs from the command line (an operator sees every team's).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../app/app-context.js';
import type { JobStatus } from '../../db/schema.js';
import { FILE_KINDS, JOB_STATUSES, cancelJob, describeJob, listJobs, listedFiles, openJobFile, requireJob, type FileKind, type TeamScope } from '../../jobs/job-service.js';
import { revertJob, type RevertReport } from '../../jobs/job-revert.js';
import { revertDeps, revertSettings } from '../../jobs/job-monitoring.js';
import { AppError } from '../../shared/app-error.js';
import { requireTeamByName } from '../../teams/team-service.js';
import { parseCommand, parseInteger, printJson, type CliIo } from '../cli-args.js';

export const JOBS_USAGE = `intake jobs list [--team NAME] [--status S] [--limit N] [--json]
  intake jobs show ID [--json]
  intake jobs cancel ID [--json]
  intake jobs revert ID [--json]
  intake jobs download ID --kind success|error|duplicated|original [--output FILE]`;

const EVERY_TEAM: TeamScope = { teamId: null };

export async function runJobsCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(
    rest,
    { team: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, kind: { type: 'string' }, output: { type: 'string' } },
    JOBS_USAGE,
  );
  const { jobs } = context.repositories;
  switch (action) {
    case 'list': {
      const scope = values.team ? { teamId: (await requireTeamByName(context.repositories.teams, values.team)).id } : EVERY_TEAM;
      if (values.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(values.status)) {
        throw new AppError('BAD_USAGE', `--status must be one of ${JOB_STATUSES.join(', ')}.`);
      }
      const found = await listJobs(jobs, scope, { status: values.status as JobStatus | undefined, limit: parseInteger(values.limit, 'limit', 1) ?? 50 });
      if (values.json) {
        printJson(io, found.map(describeJob));
        return 0;
      }
      io.out('id\tstatus\ttarget\tfile\tsuccess\terror\tduplicated\ttotal\n');
      for (const job of found) {
        io.out(`${job.id}\t${job.status}${job.revert_state === null ? '' : job.reverted_at === null ? ' (reverting)' : ' (reverted)'}\t${job.target}\t${job.file_name}\t${job.success}\t${job.error}\t${job.duplicated}\t${job.total ?? job.records_read}\n`);
      }
      return 0;
    }
    case 'show': {
      const job = await requireJob(jobs, EVERY_TEAM, requireId(positionals));
      const view = { ...describeJob(job), files: listedFiles(await jobs.listFiles(job.id)) };
      if (values.json) printJson(io, view);
      else io.out(`${formatJob(view)}\n`);
      return 0;
    }
    case 'cancel': {
      const job = await cancelJob(jobs, EVERY_TEAM, requireId(positionals));
      if (values.json) printJson(io, describeJob(job));
      else io.out(job.status === 'cancelled' ? `Job ${job.id} cancelled.\n` : `Job ${job.id} will stop after its current batch.\n`);
      return 0;
    }
    case 'revert': {
      const report = await revertJob(revertDeps(context), EVERY_TEAM, requireId(positionals), revertSettings(context));
      if (values.json) printJson(io, report);
      else io.out(`${formatRevert(report)}\n`);
      return 0;
    }
    case 'download': {
      const kind = values.kind as FileKind | undefined;
      if (!kind || !(FILE_KINDS as readonly string[]).includes(kind)) throw new AppError('BAD_USAGE', `--kind must be one of ${FILE_KINDS.join(', ')}.\nUsage: ${JOBS_USAGE}`);
      const file = await openJobFile(
        { jobs, storage: context.storage, uploadKeyOf: async (id) => (await context.repositories.uploads.findById(id))?.storage_key },
        EVERY_TEAM,
        requireId(positionals),
        kind,
      );
      if (values.output) {
        // Written beside the target and renamed into place, so a failed download never leaves half a file.
        const partial = `${values.output}.partial`;
        try {
          await pipeline(file.stream, createWriteStream(partial));
          await rename(partial, values.output);
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
      } else {
        await pipeline(file.stream, process.stdout, { end: false });
      }
      return 0;
    }
    default:
      throw new AppError('BAD_USAGE', `Usage: ${JOBS_USAGE}`);
  }
}

function requireId(positionals: string[]): number {
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined || !/^\d+$/.test(id)) throw new AppError('BAD_USAGE', `Expected one job ID (a number).\nUsage: ${JOBS_USAGE}`);
  return Number(id);
}

function formatJob(view: ReturnType<typeof describeJob> & { files: Array<{ kind: string; size: number; records: number }> }): string {
  const time = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
  const lines = [
    `Job ${view.id}: ${view.status}${view.isCancelRequested && view.status === 'running' ? ' (cancelling)' : ''}`,
    `  file      ${view.fileName}`,
    `  target    ${view.target}${view.campaignId === null ? '' : ` (campaign ${view.campaignId})`}${isDryRun(view.options) ? ' — a dry run: nothing written' : ''}`,
    `  due       ${time(view.dueAt)}   started ${time(view.startedAt)}   finished ${time(view.finishedAt)}`,
    `  records   ${view.recordsRead} read of ${view.total ?? '?'}: ${view.success} success, ${view.error} error, ${view.duplicated} duplicated`,
  ];
  if (view.dialQueued !== null) lines.push(`  dial list ${view.dialQueued} ${view.dialQueued === 1 ? 'entry' : 'entries'} queued`);
  if (view.failureReason) lines.push(`  failure   ${view.failureReason}`);
  if (view.revert) {
    const { revert } = view;
    lines.push(`  revert    ${revert.status}${revert.revertedAt === null ? '' : ` ${time(revert.revertedAt)}`}: ${revert.removed} removed, ${revert.restored} restored, ${revert.kept} kept`);
  }
  for (const file of view.files) lines.push(`  file ${file.kind.padEnd(10)} ${file.size} bytes${file.kind === 'original' ? '' : `, ${file.records} records`}`);
  return lines.join('\n');
}

function isDryRun(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { dryRun?: unknown }).dryRun === true;
}

function formatRevert(report: RevertReport): string {
  const rows = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;
  const lines = [
    `Job ${report.id} reverted: ${rows(report.removed)} removed, ${report.restored} restored to their previous values, ${report.kept} kept because they changed since` +
      (report.dialRemoved > 0 ? `, ${report.dialRemoved} dial ${report.dialRemoved === 1 ? 'entry' : 'entries'} removed.` : '.'),
  ];
  if (report.keptRows.length > 0) {
    lines.push('Kept:', 'table\trow\tline\tkey\treason');
    for (const row of report.keptRows) lines.push(`${row.table}\t${row.rowId}\t${row.line ?? ''}\t${row.key ?? ''}\t${row.reason}`);
    if (report.kept > report.keptRows.length) lines.push(`… and ${report.kept - report.keptRows.length} more kept rows, not listed.`);
  }
  return lines.join('\n');
}
