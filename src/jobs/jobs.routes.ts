import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { SUPERVISORS } from '../auth/actor.js';
import { TARGETS } from '../imports/targets.js';
import { idParams, idSchema, limitQuery, teamIdQuery } from '../server/common-schemas.js';
import { ANSWERED, defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { toAppError } from '../server/http-errors.js';
import { contentDisposition } from '../server/content-disposition.js';
import { FILE_KINDS, type JobView } from './job-service.js';
import { KEPT_ROWS_LISTED } from './job-revert.js';
import { cancelVisibleJob, getJobDetail, getRevertReport, revertVisibleJob, listJobViews, openJobDownload, requireVisibleJob, watchJob } from './job-monitoring.js';

const HEARTBEAT_MS = 15_000;
const JOB_STATUS_VALUES = ['pending', 'running', 'close', 'failed', 'cancelled'] as const satisfies readonly JobView['status'][];

const revertCountsSchema = z.object({
  removed: z.number().int().describe('rows the job inserted, removed'),
  restored: z.number().int().describe('rows the job updated, given their previous values back'),
  kept: z.number().int().describe('rows left as they are because they changed since'),
  dialRemoved: z.number().int().describe("the job's dial entries for customers it did not insert, removed before being dialed"),
});

export const jobViewSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  target: z.string(),
  campaignId: z.number().int().nullable(),
  fileName: z.string(),
  status: z.enum(JOB_STATUS_VALUES),
  dueAt: z.number().int().describe('epoch ms, by the database clock'),
  createdAt: z.number().int(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  recordsRead: z.number().int(),
  total: z.number().int().nullable(),
  estimatedTotal: z.number().int().nullable().describe('while running: the records the file holds as the part read so far suggests'),
  success: z.number().int(),
  error: z.number().int(),
  duplicated: z.number().int(),
  dialQueued: z.number().int().nullable().describe("entries put on the campaign's dial list (a dry run: that it would put); null for an import without one"),
  failureReason: z.string().nullable(),
  isCancelRequested: z.boolean(),
  options: z.unknown().describe('the import options the job runs with'),
  revert: revertCountsSchema
    .extend({ status: z.enum(['reverting', 'reverted']), revertedAt: z.number().int().nullable() })
    .nullable()
    .describe('the revert of the job, while it runs and once done; null when never reverted'),
});

const revertReportSchema = revertCountsSchema.extend({
  id: z.number().int(),
  status: z.enum(['reverting', 'reverted']),
  revertedAt: z.number().int().nullable(),
  keptRows: z
    .array(
      z.object({
        table: z.string(),
        rowId: z.number().int(),
        change: z.enum(['insert', 'update']),
        reason: z.string(),
        key: z.string().nullable().describe('the duplicate key (customers) or number / prefix (lists)'),
        line: z.number().int().nullable().describe("the row's line in the job's file, for a row the job inserted"),
      }),
    )
    .describe(`the rows left as they were because they changed since (the first ${KEPT_ROWS_LISTED})`),
});

const jobDetailSchema = jobViewSchema.extend({
  files: z.array(z.object({ kind: z.string(), size: z.number().int(), records: z.number().int() })),
  rate: z.number().nullable().describe('records read per second'),
  etaSeconds: z.number().int().nullable(),
});

export function jobRoutes(context: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/jobs',
      summary: 'Import jobs, newest first (the shell jobs)',
      tag: 'jobs',
      roles: SUPERVISORS,
      query: z.object({
        teamId: teamIdQuery,
        status: z.enum(JOB_STATUS_VALUES).optional(),
        target: z.enum(TARGETS).optional(),
        limit: limitQuery(50, 500),
        before: idSchema.optional().describe('only jobs with a smaller id (the next page)'),
      }),
      responses: { 200: { description: 'The jobs', schema: z.object({ jobs: z.array(jobViewSchema) }) } },
      async handle({ actor, query }) {
        return { jobs: await listJobViews(context, actor, query) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:id',
      summary: 'A job with its files, rate and ETA',
      tag: 'jobs',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'The job', schema: jobDetailSchema } },
      async handle({ actor, params }) {
        return getJobDetail(context, actor, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:id/events',
      summary: 'Live progress as Server-Sent Events: "progress" with the job on each change, "end" when it has ended',
      tag: 'jobs',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'An event stream; each event\'s data is the job (JobView) as JSON', contentType: 'text/event-stream' } },
      async handle({ actor, params, reply }) {
        await requireVisibleJob(context, actor, params.id);
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
        const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const closed = new AbortController();
        raw.on('close', () => closed.abort());
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
        try {
          const ended = await watchJob(context, params.id, { signal: closed.signal, onProgress: (view) => send('progress', view) });
          send('end', ended);
        } catch (error) {
          if (!closed.signal.aborted) {
            const appError = toAppError(error);
            send('error', { code: appError.code, message: appError.message });
          }
        } finally {
          clearInterval(heartbeat);
          raw.end();
        }
        return ANSWERED;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/jobs/:id/cancel',
      summary: 'Cancel a job: a pending one at once, a running one after its current batch',
      tag: 'jobs',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'The job after the request', schema: jobViewSchema }, 409: { description: 'The job has already ended' } },
      async handle({ actor, params }) {
        return cancelVisibleJob(context, actor, params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/jobs/:id/revert',
      summary: 'Revert an ended job: remove the rows it inserted, give the rows it updated their previous values back; rows changed since are kept and listed',
      tag: 'jobs',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'The revert, done', schema: revertReportSchema }, 409: { description: 'The job has not ended, was a dry run, or is reverted or being reverted already' } },
      async handle({ actor, params }) {
        return revertVisibleJob(context, actor, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:id/revert',
      summary: "A job's revert: its counts and the rows it kept",
      tag: 'jobs',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'The revert', schema: revertReportSchema }, 404: { description: 'The job does not exist or was never reverted' } },
      async handle({ actor, params }) {
        return getRevertReport(context, actor, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/jobs/:id/files/:kind',
      summary: 'Download a result file (success, error, duplicated) or the original upload',
      tag: 'jobs',
      roles: SUPERVISORS,
      params: z.object({ id: idSchema, kind: z.enum(FILE_KINDS) }),
      responses: { 200: { description: 'The file, as an attachment', contentType: 'application/octet-stream' } },
      async handle({ actor, params, reply }) {
        const file = await openJobDownload(context, actor, params.id, params.kind);
        void reply.header('Content-Disposition', contentDisposition(file.fileName));
        void reply.type(file.kind === 'original' ? 'application/octet-stream' : 'text/csv; charset=utf-8');
        // A result file grows while its job runs: only the original's length is known for sure.
        if (file.kind === 'original' && file.size !== null) void reply.header('Content-Length', String(file.size));
        void reply.send(file.stream);
        return ANSWERED;
      },
    }),
  ];
}
