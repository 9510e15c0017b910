// Creating an import: read the head of the file, match its columns, apply the safety check, create the job.
import { basename, extname } from 'node:path';
import type { Campaign, ImportJob } from '../db/schema.js';
import type { CampaignsRepository } from '../campaigns/campaigns.repository.js';
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';
import { createCampaign, campaignOwner } from '../campaigns/campaign-service.js';
import type { JobsRepository } from '../jobs/jobs.repository.js';
import type { UploadsRepository } from '../uploads/uploads.repository.js';
import { AppError } from '../shared/app-error.js';
import { comparableText, findNamed } from '../shared/comparable-text.js';
import { headerSignature, matchHeaders, type ColumnMatch } from './mapping/header-matching.js';
import { proposeFields, RESERVED_COLUMN_NAMES, slugifyHeader } from './mapping/field-proposal.js';
import { detectColumnType } from './mapping/type-detection.js';
import { importOptionsSchema, type ImportOptionsInput } from './import-options.js';
import { isGeneratedHeaderName } from './reading/header-names.js';
import { previewSource } from './reading/index.js';
import type { Preview, ReadLimits } from './reading/source-types.js';
import type { SavedMappingsRepository } from './saved-mappings.repository.js';
import { fieldOwnerOf, resolveTargetFields } from './target-fields.js';
import { isCustomerTarget, STANDARD_FIELDS, type FieldDefinition, type FieldType, type Target } from './targets.js';
import { requiredFieldsAmong } from './engine/record-preparation.js';
import { doNotCallColumnShown } from './engine/do-not-call.js';

export type ImportServiceDependencies = {
  campaigns: CampaignsRepository;
  fields: FieldDefinitionsRepository;
  jobs: JobsRepository;
  uploads: UploadsRepository;
  savedMappings: SavedMappingsRepository;
  countRows(teamId: number, scope: string): Promise<number>;
  limits: Partial<ReadLimits>;
  /** Where a file taken out of an archive is written while its head is read. */
  scratchDir?: string;
};

export type UploadedFile = { id: number; path: string; originalName: string };

export type CreateImportInput = {
  teamId: number;
  /** The team's country, which reads a file as the job will (its encoding). */
  country?: string;
  userId: number | null;
  upload: UploadedFile;
  target: Target;
  campaign?: string;
  /** Header → field key ('' or null: ignore the column); headers not named are matched automatically. */
  mapping?: Array<[string, string | null]>;
  /** Import & Start: field types chosen by the user, by header. */
  fieldTypes?: Array<[string, FieldType]>;
  /**
   * Columns that become new custom fields of the table or campaign, by header, with their type (null: told from the
   * header and values): a list with a column the table has no field for yet ("Balance Due" for a collections campaign).
   */
  newFields?: Array<[string, FieldType | null]>;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  skipTop?: number;
  /** When to run, epoch ms (by the database's clock); now when not given. */
  at?: number | null;
  isNameMismatchConfirmed?: boolean;
  options?: Omit<ImportOptionsInput, 'target' | 'campaignId' | 'mapping' | 'encoding' | 'sheet' | 'delimiter' | 'skipTop'>;
};

export type CreatedImport = {
  job: ImportJob;
  mapping: ColumnMatch[];
  campaign: Campaign | null;
  isCampaignCreated: boolean;
  createdFields: FieldDefinition[];
  /** A dry run's new fields: checked, not made. */
  draftFields: FieldDefinition[];
  /** The list's own Do Not Call column, whose marked customers the job keeps out (customer targets, blacklist reject). */
  doNotCallColumn: string | null;
};

export type MappedPreview = Preview & { mapping: ColumnMatch[] };

/** The preview of DESIGN.md step 3 with the suggested mapping for a target (and a saved one when there is one). */
export async function previewForTarget(
  path: string,
  options: { target: Target; encoding?: string; sheet?: string; delimiter?: string; skipTop?: number; country?: string; displayName?: string; limits?: Partial<ReadLimits>; scratchDir?: string },
  known?: { fields: FieldDefinition[]; saved?: ReadonlyMap<string, string | null> },
): Promise<MappedPreview> {
  const fields = known?.fields ?? (options.target === 'campaign' ? [...STANDARD_FIELDS.individual] : [...STANDARD_FIELDS[options.target]]);
  const preview = await previewSource(path, options, listScoreOf(fields));
  const mapping = matchHeaders({ headers: preview.headers, samples: preview.rows, fields, saved: known?.saved });
  return { ...preview, mapping };
}

/**
 * How much a sheet's head looks like a list of the target's records: how many of its columns match one of its fields
 * (0 without records under the header). A template's instructions or a cover page scores 0.
 */
export function listScoreOf(fields: readonly FieldDefinition[]): (preview: Preview) => number {
  return (preview) => (preview.rows.length === 0 ? 0 : matchHeaders({ headers: preview.headers, samples: preview.rows, fields }).filter((match) => match.field !== null).length);
}

export async function createImport(deps: ImportServiceDependencies, input: CreateImportInput): Promise<CreatedImport> {
  const needsCampaign = input.target === 'campaign' || input.target === 'campaign-blacklist';
  if (needsCampaign && !input.campaign) throw new AppError('BAD_USAGE', `The target "${input.target}" needs a campaign (--campaign NAME).`);
  let campaign = needsCampaign && input.campaign ? ((await deps.campaigns.findByName(input.teamId, input.campaign)) ?? null) : null;
  if (input.target === 'campaign-blacklist' && !campaign) {
    throw new AppError('NOT_FOUND', `No campaign named "${input.campaign}" in this team. Create it first.`);
  }
  const readOptions = { encoding: input.encoding, sheet: input.sheet, delimiter: input.delimiter, skipTop: input.skipTop, country: input.country, displayName: input.upload.originalName, limits: deps.limits, scratchDir: deps.scratchDir };
  // Of a workbook, the sheet the preview shows (its first list, see previewSource) is the one the job reads.
  const listFields = await resolveTargetFields(deps.fields, input.teamId, input.target, campaign?.id ?? null);
  const preview = await previewSource(input.upload.path, readOptions, listScoreOf(listFields));
  if (preview.headers.length === 0) throw new AppError('FILE_EMPTY', `"${input.upload.originalName}" has no header row: nothing to import.`);

  if (campaign && input.target === 'campaign' && !input.isNameMismatchConfirmed && !namesMatch(input.upload.originalName, campaign.package_name)) {
    throw new AppError(
      'NAME_MISMATCH',
      `Import Not Match: the file "${input.upload.originalName}" does not match the customer package "${campaign.package_name}" of campaign "${campaign.name}". Check that this is the right campaign, then confirm (--yes) to import anyway.`,
    );
  }

  const overrides = new Map<string, string | null>();
  for (const [named, field] of input.mapping ?? []) {
    const header = findNamed(preview.headers, named, (column) => column);
    if (header === undefined) {
      throw new AppError('BAD_INPUT', `The mapping names a column "${named}" that the file does not have. Its columns: ${listColumns(preview.headers)}.`);
    }
    overrides.set(header, field === '' ? null : field);
  }
  const newFields = resolveNewFields(input, preview.headers, overrides);
  const isDryRun = input.options?.dryRun === true;
  /** The types asked for the fields a column gets: Import & Start's, and those of the new fields. */
  const typesAsked = [...(input.fieldTypes ?? []), ...newFields.flatMap(({ header, type }): Array<[string, FieldType]> => (type === null ? [] : [[header, type]]))];
  /** A dry run's new fields, which the job checks values against without making them. */
  const draftFields: FieldDefinition[] = [];

  // Import & Start: a new campaign gets its fields from the file's header. A dry run makes neither the campaign nor
  // its fields: its job checks the records against the fields it would have (draftFields, no campaign id).
  const newCampaignName = input.target === 'campaign' && !campaign && input.campaign ? input.campaign : null;
  const isNewCampaign = newCampaignName !== null;
  let isCampaignCreated = false;
  let createdFields: FieldDefinition[] = [];
  /** Import & Start: the field each column gets, none for a column left out (mapped to nothing) or blank. */
  let fieldOfColumn: Array<FieldDefinition | undefined> = [];
  if (newCampaignName !== null) {
    fieldOfColumn = applyTypes(proposeFields(preview.headers, preview.rows), preview.headers, typesAsked).map((field, index) =>
      overrides.get(preview.headers[index] ?? '') === null ? undefined : field,
    );
    const proposed = fieldOfColumn.filter((field): field is FieldDefinition => field !== undefined);
    if (isDryRun) draftFields.push(...proposed);
    else {
      campaign = await createCampaign(deps, { teamId: input.teamId, name: newCampaignName, copyMainFields: false, hasDialer: input.options?.dial != null });
      isCampaignCreated = true;
      createdFields = proposed;
      await storeFields(deps.fields, input.teamId, campaignOwner(campaign.id), createdFields, 0);
    }
  }

  const campaignId = campaign?.id ?? null;
  const owner = fieldOwnerOf(input.target, campaignId);
  let fields = isCampaignCreated ? await resolveTargetFields(deps.fields, input.teamId, input.target, campaignId) : isNewCampaign ? [...draftFields] : listFields;
  const signature = headerSignature(preview.headers);
  const savedPairs = owner ? await deps.savedMappings.find(input.teamId, owner, signature) : undefined;
  const saved = new Map<string, string | null>(savedPairs ?? []);
  for (const [header, field] of overrides) saved.set(header, field);
  let mapping: ColumnMatch[];
  if (isNewCampaign) {
    mapping = preview.headers.map((header, index) => ({ header, index, field: fieldOfColumn[index]?.key ?? null, confidence: 1, source: 'exact' }));
    for (const match of mapping) if (overrides.has(match.header)) match.field = overrides.get(match.header) ?? null;
  } else {
    mapping = matchHeaders({ headers: preview.headers, samples: preview.rows, fields, saved });
    refuseWithoutRequiredColumn(input, mapping, fields);
    // Import & Start on an empty main table: its unmatched columns become custom fields.
    if ((input.target === 'individual' || input.target === 'organization') && (await deps.countRows(input.teamId, input.target)) === 0) {
      const unmatched = mapping.filter((m) => m.field === null && !overrides.has(m.header));
      if (unmatched.length > 0) {
        const taken = new Set(fields.map((f) => f.key));
        const proposed = applyTypes(proposeFields(preview.headers, preview.rows), preview.headers, typesAsked);
        for (const match of unmatched) {
          const field = proposed[match.index];
          if (!field) continue;
          const key = uniqueKey(field.key, taken);
          createdFields.push({ ...field, key });
          match.field = key;
          match.confidence = 1;
          match.source = 'exact';
        }
        fields = [...fields, ...createdFields];
        if (isDryRun) {
          draftFields.push(...createdFields);
          createdFields = [];
        } else {
          await storeFields(deps.fields, input.teamId, input.target, createdFields, fields.length - createdFields.length);
        }
      }
    }
    if (owner && newFields.length > 0) {
      const added = newFieldsOf(newFields, preview.rows, fields);
      newFields.forEach((wanted, at) => {
        const match = mapping[wanted.index];
        const key = added[at]?.key;
        if (match && key) mapping[wanted.index] = { ...match, field: key, confidence: 1, source: 'exact' };
      });
      const kept = new Set(fields.map((field) => field.key));
      const made = added.filter((field) => !kept.has(field.key));
      // A dry run writes nothing: its job checks the values against fields it does not make.
      if (isDryRun) draftFields.push(...made);
      else {
        await storeFields(deps.fields, input.teamId, owner, made, fields.length);
        createdFields.push(...made);
      }
      fields = [...fields, ...made];
    }
  }
  const known = new Set(fields.map((f) => f.key));
  for (const [header, field] of overrides) {
    if (field !== null && !known.has(field)) {
      throw new AppError('BAD_INPUT', `"${header}=${field}": the ${input.target} target has no field "${field}". Its fields: ${[...known].join(', ')}.`);
    }
  }
  if (owner) await deps.savedMappings.save(input.teamId, owner, signature, mapping.map((m) => [m.header, m.field]));

  const parsed = importOptionsSchema.safeParse({
    ...input.options,
    target: input.target,
    campaignId,
    mapping: mapping.map((m) => ({ index: m.index, header: m.header, field: m.field })),
    encoding: input.encoding,
    sheet: input.sheet ?? preview.sheet ?? undefined,
    delimiter: input.delimiter,
    skipTop: input.skipTop ?? 0,
    draftFields,
  });
  if (!parsed.success) {
    throw new AppError('BAD_INPUT', `Invalid import options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.dial && input.target !== 'campaign') {
    throw new AppError('BAD_USAGE', `The dial list options (phone to pre-dial, priority, schedule, duplicates) are for a campaign's customers (target campaign); the ${input.target} target has no dial list.`);
  }
  if (parsed.data.dial && !known.has(parsed.data.dial.phoneField)) {
    throw new AppError('BAD_INPUT', `The dial phone field "${parsed.data.dial.phoneField}" is not a field of this campaign.`);
  }
  await deps.uploads.keep(input.upload.id);
  const job = await deps.jobs.insert({
    team_id: input.teamId,
    user_id: input.userId,
    upload_id: input.upload.id,
    target: input.target,
    campaign_id: campaignId,
    file_name: input.upload.originalName,
    options: JSON.stringify(parsed.data),
    dueAt: input.at ?? null,
  });
  const doNotCallColumn = isCustomerTarget(input.target) && parsed.data.blacklist === 'reject' ? doNotCallColumnShown(mapping, preview.rows) : null;
  return { job, mapping, campaign, isCampaignCreated, createdFields, draftFields, doNotCallColumn };
}

type WantedField = { index: number; header: string; type: FieldType | null };

/** The columns asked for as new fields, checked: a column of the file, of a table or campaign, not mapped as well. */
function resolveNewFields(input: CreateImportInput, headers: readonly string[], overrides: ReadonlyMap<string, string | null>): WantedField[] {
  const asked = input.newFields ?? [];
  if (asked.length > 0 && !isCustomerTarget(input.target)) {
    throw new AppError('BAD_USAGE', `New fields are for customer tables and campaigns; the fields of the ${input.target} target are fixed.`);
  }
  const wanted: WantedField[] = [];
  for (const [named, type] of asked) {
    const header = findNamed(headers, named, (column) => column);
    if (header === undefined) throw new AppError('BAD_INPUT', `The new field names a column "${named}" that the file does not have. Its columns: ${listColumns(headers)}.`);
    if (overrides.has(header)) throw new AppError('BAD_USAGE', `The column "${header}" is both mapped and asked for as a new field: choose one.`);
    if (wanted.some((field) => field.header === header)) continue;
    wanted.push({ index: headers.indexOf(header), header, type });
  }
  return wanted;
}

/**
 * A field for each column asked for: its key from the header, its type as given or told from the header and values.
 * A field of that key and name that the table already has (made by an earlier import of such a list) is used again.
 */
function newFieldsOf(wanted: readonly WantedField[], samples: readonly (readonly string[])[], existing: readonly FieldDefinition[]): FieldDefinition[] {
  const taken = new Set([...RESERVED_COLUMN_NAMES, ...existing.map((field) => field.key)]);
  return wanted.map(({ index, header, type }) => {
    const key = slugifyHeader(header) || `field_${index + 1}`;
    const same = existing.find((field) => field.key === key && comparableText(field.label) === comparableText(header));
    if (same) return same;
    const label = header.trim() === '' ? `Column ${index + 1}` : header;
    return { key: uniqueKey(key, taken), label, type: type ?? detectColumnType(header, samples.map((row) => row[index] ?? '')) };
  });
}

/**
 * A file none of whose columns is mapped to a field every record needs (name or phone for a customer, the number of a
 * blacklist) would fail every record: it is refused before a job is made, naming its columns and how to map one.
 */
function refuseWithoutRequiredColumn(input: CreateImportInput, mapping: readonly ColumnMatch[], fields: readonly FieldDefinition[]): void {
  const required = requiredFieldsAmong(input.target, fields);
  if (required.length === 0 || mapping.some((match) => match.field !== null && required.includes(match.field))) return;
  const needed = required.join(' or ');
  // A header of one name and unnamed columns is most often a report's first title line: the real header is lower.
  const unnamed = mapping.filter((match) => isGeneratedHeaderName(match.header)).length;
  const lower = mapping.length >= 2 && unnamed >= mapping.length - 1 ? ' If the header row is further down, under the lines of a report\'s title, skip those lines (--skip-top N, "Skip top records" in the wizard).' : '';
  throw new AppError(
    'BAD_INPUT',
    `No column of "${input.upload.originalName}" is mapped to ${needed}, which every record of the ${input.target} target needs: each would fail. Its columns: ${listColumns(mapping.map((match) => match.header))}. Map one of them to ${needed} (--mapping '${mapping[0]?.header ?? 'Column'}=${required[0]}').${lower}`,
  );
}

/** Column names for a message: quoted when one holds a comma, so that the list reads one way. */
function listColumns(headers: readonly string[]): string {
  return headers.some((header) => header.includes(',')) ? headers.map((header) => `"${header}"`).join(', ') : headers.join(', ');
}

/** "Import Not Match": the file's name must contain the package's name (ignoring case, spaces and punctuation). */
export function namesMatch(fileName: string, packageName: string): boolean {
  const simplify = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const file = simplify(basename(fileName, extname(fileName)));
  const pkg = simplify(packageName);
  return pkg.length > 0 && file.includes(pkg);
}

function applyTypes(fields: Array<FieldDefinition | undefined>, headers: string[], types: Array<[string, FieldType]> | undefined): Array<FieldDefinition | undefined> {
  if (!types) return fields;
  const byHeader = new Map(types);
  return fields.map((field, index) => {
    const type = byHeader.get(headers[index] ?? '');
    return field && type ? { ...field, type } : field;
  });
}

function uniqueKey(key: string, taken: Set<string>): string {
  let candidate = key;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${key}_${n}`;
  taken.add(candidate);
  return candidate;
}

async function storeFields(repository: FieldDefinitionsRepository, teamId: number, owner: string, fields: FieldDefinition[], startPosition: number): Promise<void> {
  await repository.insertMany(
    fields.map((field, offset) => ({
      team_id: teamId,
      owner,
      key: field.key,
      label: field.label,
      type: field.type,
      position: startPosition + offset,
      is_custom: 1,
      is_visible: 1,
      is_editable: 0,
    })),
  );
}
