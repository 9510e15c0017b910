// An import asked for over HTTP: the upload and campaign are checked against the caller's team, then createImport.
import type { AppContext } from '../app/app-context.js';
import type { Actor } from '../auth/actor.js';
import { describeCampaign, type CampaignView } from '../campaigns/campaign-administration.js';
import { describeJob, type JobView } from '../jobs/job-service.js';
import { AppError } from '../shared/app-error.js';
import { requireUpload } from '../uploads/upload-service.js';
import type { BLACKLIST_MODES, DEDUPE_SCOPES, DIAL_DUPLICATE_MODES, DUPLICATE_MODES } from './import-options.js';
import { createImport } from './import-service.js';
import { importServiceDependencies } from './import-workflow.js';
import type { ColumnMatch } from './mapping/header-matching.js';
import type { FieldDefinition, FieldType, Target } from './targets.js';

export type ImportRequest = {
  uploadId: number;
  target: Target;
  campaignId?: number;
  /** A campaign by name; a new name creates it from the file's header (Import & Start). */
  campaignName?: string;
  /** Header → field key, or null to ignore the column; headers not named are matched automatically. */
  mapping?: Record<string, string | null>;
  fieldTypes?: Record<string, FieldType>;
  /** Header → type, or auto: columns that become new custom fields of the customer table or campaign. */
  newFields?: Record<string, FieldType | 'auto'>;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  skipTop?: number;
  /** epoch ms */
  at?: number;
  duplicate?: (typeof DUPLICATE_MODES)[number];
  resetStatus?: boolean;
  resetAgent?: boolean;
  dial?: { phoneField?: string; priority?: number; dialAt?: number | null; duplicates?: (typeof DIAL_DUPLICATE_MODES)[number] };
  dedupeKey?: string;
  dedupeScope?: (typeof DEDUPE_SCOPES)[number];
  blacklist?: (typeof BLACKLIST_MODES)[number];
  dryRun?: boolean;
  confirmNameMismatch?: boolean;
};

export type SubmittedImport = {
  job: JobView;
  campaign: CampaignView | null;
  /** The campaign was made by this import (Import & Start), not found. */
  campaignCreated: boolean;
  createdFields: FieldDefinition[];
  /** A dry run's fields: checked, not made (nor, on Import & Start, the campaign). */
  draftFields: FieldDefinition[];
  mapping: ColumnMatch[];
};

export async function submitImport(context: AppContext, actor: Actor, request: ImportRequest): Promise<SubmittedImport> {
  const upload = await requireUpload(context, actor, request.uploadId);
  if (request.campaignId !== undefined && request.campaignName !== undefined) {
    throw new AppError('BAD_INPUT', 'Name the campaign either by campaignId or by campaignName, not both.');
  }
  let campaignName = request.campaignName;
  if (request.campaignId !== undefined) {
    const campaign = await context.repositories.campaigns.findById(request.campaignId);
    if (!campaign || campaign.team_id !== upload.team_id) throw new AppError('NOT_FOUND', `There is no campaign ${request.campaignId} in the upload's team.`);
    campaignName = campaign.name;
  }
  const team = await context.repositories.teams.findById(upload.team_id);
  const copy = await context.storage.localCopy(upload.storage_key);
  try {
    const created = await createImport(importServiceDependencies(context), {
      teamId: upload.team_id,
      country: team?.default_country,
      userId: actor.userId,
      upload: { id: upload.id, path: copy.path, originalName: upload.original_name },
      target: request.target,
      campaign: campaignName,
      mapping: request.mapping ? Object.entries(request.mapping) : undefined,
      fieldTypes: request.fieldTypes ? Object.entries(request.fieldTypes) : undefined,
      newFields: request.newFields ? Object.entries(request.newFields).map(([header, type]) => [header, type === 'auto' ? null : type]) : undefined,
      encoding: request.encoding,
      sheet: request.sheet,
      delimiter: request.delimiter,
      skipTop: request.skipTop,
      at: request.at ?? null,
      isNameMismatchConfirmed: request.confirmNameMismatch ?? false,
      options: {
        duplicate: request.duplicate,
        resetStatus: request.resetStatus,
        resetAgent: request.resetAgent,
        dial: request.dial,
        dedupeKey: request.dedupeKey,
        dedupeScope: request.dedupeScope,
        blacklist: request.blacklist,
        dryRun: request.dryRun,
      },
    });
    return {
      job: describeJob(created.job),
      campaign: created.campaign ? describeCampaign(created.campaign) : null,
      campaignCreated: created.isCampaignCreated,
      createdFields: created.createdFields,
      draftFields: created.draftFields,
      mapping: created.mapping,
    };
  } finally {
    await copy.release();
  }
}
