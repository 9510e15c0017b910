import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { SUPERVISORS } from '../auth/actor.js';
import { campaignSchema } from '../campaigns/campaigns.routes.js';
import { jobViewSchema } from '../jobs/jobs.routes.js';
import { isoTime } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { BLACKLIST_MODES, DEDUPE_SCOPES, DIAL_DUPLICATE_MODES, DUPLICATE_MODES } from './import-options.js';
import { submitImport } from './import-submission.js';
import { FIELD_TYPES, TARGETS } from './targets.js';

const importBodySchema = z
  .object({
    uploadId: z.number().int().positive(),
    target: z.enum(TARGETS),
    campaignId: z.number().int().positive().optional(),
    campaignName: z.string().min(1).max(200).optional().describe('a campaign by name; a new name creates it from the header (Import & Start)'),
    mapping: z.record(z.string().nullable()).optional().describe('header → field key, or null to ignore the column; other headers are matched automatically'),
    fieldTypes: z.record(z.enum(FIELD_TYPES)).optional().describe('Import & Start: header → type of the field created for it'),
    newFields: z
      .record(z.enum([...FIELD_TYPES, 'auto']))
      .optional()
      .describe('header → type (or auto: told from the header and values): columns that become new custom fields of the customer table or campaign'),
    encoding: z.string().min(1).max(40).optional(),
    sheet: z.string().min(1).max(200).optional(),
    delimiter: z.string().min(1).max(4).optional(),
    skipTop: z.number().int().min(0).max(1_000_000).optional(),
    at: isoTime.optional().describe('run at this time (ISO 8601); now when not given'),
    duplicate: z.enum(DUPLICATE_MODES).optional(),
    resetStatus: z.boolean().optional(),
    resetAgent: z.boolean().optional(),
    dial: z
      .object({
        phoneField: z.string().min(1).max(64).optional(),
        priority: z.number().int().min(0).max(1_000_000).optional(),
        dialAt: isoTime.nullable().optional(),
        duplicates: z.enum(DIAL_DUPLICATE_MODES).optional(),
      })
      .strict()
      .optional(),
    dedupeKey: z.string().min(1).max(200).optional().describe('field keys joined by + (all) or | (first present), e.g. phone|email'),
    dedupeScope: z.enum(DEDUPE_SCOPES).optional(),
    blacklist: z.enum(BLACKLIST_MODES).optional(),
    dryRun: z.boolean().optional(),
    confirmNameMismatch: z.boolean().optional().describe('import although the file name does not match the customer package ("Import Not Match")'),
  })
  .strict();

const fieldTypeSchema = z.enum(FIELD_TYPES);

export function importRoutes(context: AppContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/imports',
      summary: 'Create an import job from an upload, with every option',
      tag: 'imports',
      roles: SUPERVISORS,
      body: importBodySchema,
      responses: {
        201: {
          description: 'The job is created (pending, or scheduled)',
          schema: z.object({
            job: jobViewSchema,
            campaign: campaignSchema.nullable(),
            campaignCreated: z.boolean().describe('the campaign was made by this import (Import & Start), not found'),
            createdFields: z.array(z.object({ key: z.string(), label: z.string(), type: fieldTypeSchema })),
            draftFields: z.array(z.object({ key: z.string(), label: z.string(), type: fieldTypeSchema })).describe('a dry run: the fields it would have made, checked, not made'),
            mapping: z.array(z.object({ header: z.string(), index: z.number().int(), field: z.string().nullable(), confidence: z.number(), source: z.string().nullable() })),
          }),
        },
        409: { description: 'NAME_MISMATCH ("Import Not Match"): confirm with confirmNameMismatch' },
      },
      async handle({ actor, body, reply }) {
        const created = await submitImport(context, actor, body);
        reply.code(201);
        return created;
      },
    }),
  ];
}
