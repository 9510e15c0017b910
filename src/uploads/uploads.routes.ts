import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { SUPERVISORS } from '../auth/actor.js';
import { TARGETS } from '../imports/targets.js';
import { idParams, idSchema, teamIdQuery } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { AppError } from '../shared/app-error.js';
import { abandonUpload, chooseUploadTeam, deleteUpload, getUpload, previewUpload, receiveUpload, type UploadView } from './upload-service.js';

/** Room for the multipart framing around the file when a declared Content-Length is checked against the limit. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const fieldTypeSchema = z.enum(['text', 'email', 'phone', 'fax', 'address', 'date', 'number']);
export const uploadSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  name: z.string().describe('the file name as uploaded, for display only'),
  size: z.number().int(),
  format: z.enum(['csv', 'xlsx', 'xls', 'ods']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  createdAt: z.number().int(),
  expiresAt: z.number().int().nullable().describe('epoch ms; null when kept as the original of an import job'),
});
const previewSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'xls', 'ods']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())).describe('the first 10 records after skip-top and the header'),
  problems: z
    .array(z.object({ row: z.number().int(), line: z.number().int(), reason: z.string(), columns: z.array(z.number().int()).optional().describe('cells whose value the file lost: the record fails only if one of these columns is imported') }))
    .describe('the records among rows that cannot be imported (row: their index in rows), with their line and why'),
  mapping: z.array(
    z.object({
      header: z.string(),
      index: z.number().int(),
      field: z.string().nullable(),
      confidence: z.number(),
      source: z.enum(['saved', 'exact', 'synonym', 'fuzzy', 'values']).nullable(),
    }),
  ),
  fields: z.array(z.object({ key: z.string(), label: z.string(), type: fieldTypeSchema, isRequired: z.boolean() })),
  requiredOneOf: z.array(z.string()).describe('fields of which each record needs one (a customer\'s name or phone): map at least one'),
  proposedFields: z.array(z.object({ header: z.string(), key: z.string(), label: z.string(), type: fieldTypeSchema })).nullable(),
  doNotCallColumn: z.string().nullable().describe('the list\'s own "Do Not Call" column: the customers it marks are kept out as blacklisted numbers (unless blacklist is allow)'),
});

export function uploadRoutes(context: AppContext): RouteDefinition[] {
  const maxBytes = context.config.limits.uploadMaxBytes;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/uploads',
      summary: 'Upload one file (multipart/form-data, field "file"), streamed into storage',
      tag: 'uploads',
      roles: SUPERVISORS,
      query: z.object({ teamId: teamIdQuery }),
      multipartFile: 'file',
      responses: {
        201: { description: 'Stored and readable', schema: uploadSchema },
        400: { description: 'Not a file the readers can read (the reason says why); nothing is kept' },
        413: { description: `Larger than INTAKE_UPLOAD_MAX_BYTES (${maxBytes} bytes); nothing is kept` },
      },
      async handle({ actor, query, request, reply }) {
        const declared = Number(request.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
          throw new AppError('UPLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes. Split it into smaller files.`, { maxBytes });
        }
        if (!request.isMultipart()) throw new AppError('BAD_INPUT', 'Send the file as multipart/form-data, in the form field "file".');
        const teamId = await chooseUploadTeam(context, actor, query.teamId);
        let upload: UploadView | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') continue;
            if (part.fieldname !== 'file') throw new AppError('BAD_INPUT', `Send the file in the form field "file" (got "${part.fieldname}").`);
            upload = await receiveUpload(context, actor, { teamId, originalName: formFileName(part.filename), source: part.file });
          }
        } catch (error) {
          if (upload) await abandonUpload(context, upload.id);
          throw error;
        }
        if (!upload) throw new AppError('BAD_INPUT', 'The request has no file: send it as multipart/form-data in the field "file".');
        reply.code(201);
        return upload;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/uploads/:id',
      summary: 'An upload: name, size, format, encoding, delimiter, sheets',
      tag: 'uploads',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 200: { description: 'The upload', schema: uploadSchema } },
      async handle({ actor, params }) {
        return getUpload(context, actor, params.id);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/uploads/:id',
      summary: 'Delete an upload (not one an import job keeps as its original)',
      tag: 'uploads',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 204: { description: 'Deleted' }, 409: { description: 'An import job keeps it' } },
      async handle({ actor, params, reply }) {
        await deleteUpload(context, actor, params.id);
        reply.code(204);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/uploads/:id/preview',
      summary: 'The first 10 records and the suggested mapping for a target (saved mapping first; Import & Start proposals)',
      tag: 'uploads',
      roles: SUPERVISORS,
      params: idParams,
      query: z.object({
        target: z.enum(TARGETS),
        campaignId: idSchema.optional(),
        campaignName: z.string().min(1).max(200).optional().describe('a campaign by name; a new name means Import & Start'),
        encoding: z.string().min(1).max(40).optional(),
        sheet: z.string().min(1).max(200).optional(),
        skipTop: z.coerce.number().int().min(0).max(1_000_000).optional(),
        delimiter: z.string().min(1).max(4).optional(),
      }),
      responses: { 200: { description: 'The preview', schema: previewSchema } },
      async handle({ actor, params, query }) {
        return previewUpload(context, actor, params.id, query);
      },
    }),
  ];
}

/**
 * A file name as the browser had it: browsers (and curl) send a quote in a form's file name as `%22` and a line break
 * as `%0D`/`%0A` (the HTML standard's form encoding), which is no part of the name.
 */
export function formFileName(sent: string): string {
  return sent.replace(/%22/g, '"').replace(/%0[DA]/gi, ' ');
}
