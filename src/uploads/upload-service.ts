// Uploads as the API offers them: stored under a generated key, described by reading their head, previewed with
// the suggested mapping for a target, removed by hand or when they expire unused.
import type { AppContext } from '../app/app-context.js';
import { scratchDirOf } from '../config/config.js';
import { chooseTeam, requireInScope, type Actor } from '../auth/actor.js';
import type { Campaign } from '../db/schema.js';
import { storeUpload } from '../imports/import-workflow.js';
import { requiredFieldsAmong } from '../imports/engine/record-preparation.js';
import { doNotCallColumnShown } from '../imports/engine/do-not-call.js';
import { proposeFields } from '../imports/mapping/field-proposal.js';
import { headerSignature, matchHeaders, type ColumnMatch } from '../imports/mapping/header-matching.js';
import { listScoreOf } from '../imports/import-service.js';
import { previewSource, type Preview, type ReadOptions, type SourceFormat } from '../imports/reading/index.js';
import { fieldOwnerOf, resolveTargetFields } from '../imports/target-fields.js';
import { isCustomerTarget, STANDARD_FIELDS, type FieldDefinition, type FieldType, type Target } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import type { FileSource } from '../storage/file-storage.js';
import type { UploadRow } from './uploads.repository.js';

export type UploadView = {
  id: number;
  teamId: number;
  name: string;
  size: number;
  format: SourceFormat;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  createdAt: number;
  /** null: kept, because an import job uses it as its original file. */
  expiresAt: number | null;
};

type Head = Omit<Preview, 'hiddenSheets'>;

/** The team an upload goes to, checked before a byte of it is read. */
export async function chooseUploadTeam(context: AppContext, actor: Actor, requested: number | undefined): Promise<number> {
  const teamId = chooseTeam(actor, requested);
  if (!(await context.repositories.teams.findById(teamId))) throw new AppError('NOT_FOUND', `There is no team ${teamId}.`);
  return teamId;
}

/**
 * Streams a file into storage and reads its head. A file the readers refuse (unreadable, encrypted, a zip bomb …)
 * is removed again and the reader's message is the answer.
 */
export async function receiveUpload(context: AppContext, actor: Actor, input: { teamId: number; originalName: string; source: FileSource }): Promise<UploadView> {
  const upload = await storeUpload(context, { teamId: input.teamId, userId: actor.userId, originalName: input.originalName, source: input.source });
  try {
    return describeUpload(upload, await readHead(context, upload, {}, STANDARD_FIELDS.individual));
  } catch (error) {
    await discardUpload(context, upload);
    throw error;
  }
}

export async function getUpload(context: AppContext, actor: Actor, id: number): Promise<UploadView> {
  const upload = await requireUpload(context, actor, id);
  return describeUpload(upload, await readHead(context, upload, {}, STANDARD_FIELDS.individual));
}

export async function deleteUpload(context: AppContext, actor: Actor, id: number): Promise<void> {
  const upload = await requireUpload(context, actor, id);
  if (upload.expires_at === null) {
    throw new AppError('CONFLICT', `Upload ${id} is the original file of an import job and is kept with it.`);
  }
  await discardUpload(context, upload);
}

/** Removes a just-received upload when the rest of its request fails. */
export async function abandonUpload(context: AppContext, id: number): Promise<void> {
  const upload = await context.repositories.uploads.findById(id);
  if (upload) await discardUpload(context, upload);
}

async function discardUpload(context: AppContext, upload: Pick<UploadRow, 'id' | 'storage_key'>): Promise<void> {
  await context.repositories.uploads.remove(upload.id);
  await context.storage.remove(upload.storage_key);
}

export async function requireUpload(context: AppContext, actor: Actor, id: number): Promise<UploadRow> {
  return requireInScope(actor, await context.repositories.uploads.findById(id), `There is no upload ${id}. Upload the file again (POST /api/uploads).`);
}

export type UploadPreview = Head & {
  mapping: ColumnMatch[];
  fields: Array<{ key: string; label: string; type: FieldType; isRequired: boolean }>;
  /** Fields of which each record needs one (a customer's name or phone): one must be mapped. Empty when no such rule. */
  requiredOneOf: string[];
  /** Import & Start (a new campaign, or an empty main table): the fields that would be created from the header. */
  proposedFields: Array<{ header: string; key: string; label: string; type: FieldType }> | null;
  /** The list's own "Do Not Call" column (customer targets): the customers it marks are kept out as blacklisted. */
  doNotCallColumn: string | null;
};

export type PreviewRequest = {
  target: Target;
  campaignId?: number;
  /** A campaign by name; a name no campaign has yet means Import & Start. */
  campaignName?: string;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  skipTop?: number;
};

/** The first records as they will be read, and the mapping suggested for the target (a saved one first). */
export async function previewUpload(context: AppContext, actor: Actor, id: number, request: PreviewRequest): Promise<UploadPreview> {
  const { repositories } = context;
  const upload = await requireUpload(context, actor, id);
  const campaign = await findCampaignForUpload(context, upload, request);
  if (request.target === 'campaign-blacklist' && !campaign) throw new AppError('BAD_INPUT', 'The campaign-blacklist target needs a campaign (campaignId).');
  const campaignId = campaign?.id ?? null;
  const fields = await resolveTargetFields(repositories.fields, upload.team_id, request.target, campaignId);
  const head = await readHead(context, upload, { encoding: request.encoding, sheet: request.sheet, delimiter: request.delimiter, skipTop: request.skipTop }, fields);
  const owner = fieldOwnerOf(request.target, campaignId);
  const saved = owner ? await repositories.savedMappings.find(upload.team_id, owner, headerSignature(head.headers)) : undefined;
  const mapping = matchHeaders({ headers: head.headers, samples: head.rows, fields, saved: saved ? new Map(saved) : undefined });

  let proposedFields: UploadPreview['proposedFields'] = null;
  const isNewCampaign = request.target === 'campaign' && !campaign && request.campaignName !== undefined;
  const isEmptyMainTable =
    (request.target === 'individual' || request.target === 'organization') && (await repositories.customers.count(upload.team_id, request.target)) === 0;
  if (isNewCampaign || isEmptyMainTable) {
    const proposed = proposeFields(head.headers, head.rows);
    // An empty main table keeps its standard fields; only the columns that match none of them become new fields.
    const columns = isNewCampaign ? mapping : mapping.filter((match) => match.field === null);
    proposedFields = columns.flatMap((match) => {
      const field = proposed[match.index];
      return field ? [{ header: match.header, key: field.key, label: field.label, type: field.type }] : [];
    });
  }
  return {
    ...head,
    mapping,
    fields: fields.map((field) => ({ ...field, isRequired: isRequiredField(request.target, field.key) })),
    requiredOneOf: isNewCampaign ? [] : requiredOneOf(request.target, fields),
    proposedFields,
    doNotCallColumn: isCustomerTarget(request.target) ? doNotCallColumnShown(mapping, head.rows) : null,
  };
}

async function findCampaignForUpload(context: AppContext, upload: UploadRow, request: { campaignId?: number; campaignName?: string }): Promise<Campaign | undefined> {
  const { campaigns } = context.repositories;
  if (request.campaignId !== undefined) {
    const campaign = await campaigns.findById(request.campaignId);
    if (!campaign || campaign.team_id !== upload.team_id) throw new AppError('NOT_FOUND', `There is no campaign ${request.campaignId} in the upload's team.`);
    return campaign;
  }
  if (request.campaignName !== undefined) return campaigns.findByName(upload.team_id, request.campaignName.trim());
  return undefined;
}

/** The fields of which a record needs one, when there are several (the import is refused when none is mapped). */
function requiredOneOf(target: Target, fields: readonly FieldDefinition[]): string[] {
  const keys = requiredFieldsAmong(target, fields);
  return keys.length > 1 ? keys : [];
}

/** Fields a record cannot do without (customers need a name or a phone, which no single field is). */
function isRequiredField(target: Target, key: string): boolean {
  if (target === 'area-code') return key === 'prefix';
  if (target === 'blacklist' || target === 'whitelist' || target === 'campaign-blacklist' || target === 'did') return key === 'number';
  return false;
}

/** The upload's head as the import will read it (of a workbook, the sheet previewSource chooses with `fields`). */
async function readHead(context: AppContext, upload: UploadRow, options: ReadOptions, fields: readonly FieldDefinition[]): Promise<Head> {
  const copy = await context.storage.localCopy(upload.storage_key);
  try {
    const limits = { maxColumns: context.config.limits.maxColumns, maxCellLength: context.config.limits.maxCellLength };
    const country = (await context.repositories.teams.findById(upload.team_id))?.default_country;
    const head = await previewSource(copy.path, { ...options, country, displayName: upload.original_name, limits, scratchDir: scratchDirOf(context.config) }, listScoreOf(fields));
    return { format: head.format, encoding: head.encoding, delimiter: head.delimiter, sheets: head.sheets, sheet: head.sheet, headers: head.headers, rows: head.rows, problems: head.problems };
  } finally {
    await copy.release();
  }
}

function describeUpload(upload: UploadRow, head: Head): UploadView {
  return {
    id: upload.id,
    teamId: upload.team_id,
    name: upload.original_name,
    size: upload.size,
    format: head.format,
    encoding: head.encoding,
    delimiter: head.delimiter,
    sheets: head.sheets,
    sheet: head.sheet,
    createdAt: upload.created_at,
    expiresAt: upload.expires_at,
  };
}

/**
 * Removes uploads that expired unused (those a job uses never expire), files under `uploads/` older than the
 * upload lifetime that no upload row names (what a crash between storing and recording left behind), and the local
 * copies of stored files that killed processes left.
 */
export async function sweepUploads(context: AppContext, now = Date.now()): Promise<{ uploads: number; strayFiles: number; localCopies: number }> {
  const { uploads } = context.repositories;
  const expired = await uploads.listExpired(now);
  for (const upload of expired) await discardUpload(context, upload);
  const oldKeys = await context.storage.listOlderThan('uploads/', now - context.config.uploadTtlHours * 3600_000);
  const stray: string[] = [];
  for (let start = 0; start < oldKeys.length; start += 500) {
    const keys = oldKeys.slice(start, start + 500);
    const known = await uploads.existingStorageKeys(keys);
    stray.push(...keys.filter((key) => !known.has(key)));
  }
  for (const key of stray) await context.storage.remove(key);
  const localCopies = (await context.storage.sweepLocalCopies?.(now)) ?? 0;
  return { uploads: expired.length, strayFiles: stray.length, localCopies };
}
