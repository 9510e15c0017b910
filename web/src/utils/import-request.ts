// Turns the wizard's choices into the body of POST /api/imports.
import type { DialDuplicates, DuplicateMode, FieldType, ImportRequest, Target } from '../api/types.js';
import { localInputToIso } from './format.js';

export type FileSettings = { encoding?: string; sheet?: string; delimiter?: string; skipTop: number };

export type ImportOptionsForm = {
  isScheduled: boolean;
  /** `<input type="datetime-local">` value. */
  at: string;
  duplicate: DuplicateMode;
  resetStatus: boolean;
  resetAgent: boolean;
  dedupeKey: string;
  dedupeScope: 'file' | 'table' | 'team';
  blacklist: 'reject' | 'allow';
  dryRun: boolean;
  dialPhoneField: string;
  dialPriority: number;
  dialAt: string;
  dialDuplicates: DialDuplicates;
};

export const DEFAULT_OPTIONS: ImportOptionsForm = {
  isScheduled: false,
  at: '',
  duplicate: 'skip',
  resetStatus: false,
  resetAgent: false,
  dedupeKey: '',
  dedupeScope: 'table',
  blacklist: 'reject',
  dryRun: false,
  dialPhoneField: 'phone',
  dialPriority: 0,
  dialAt: '',
  dialDuplicates: 'ignore',
};

export type ImportRequestInput = {
  uploadId: number;
  target: Target;
  campaignId?: number;
  campaignName?: string;
  mapping?: Record<string, string | null>;
  fieldTypes?: Record<string, FieldType>;
  /** Headers of columns that become new custom fields, typed by the server from their values. */
  newFields?: readonly string[];
  file: FileSettings;
  options: ImportOptionsForm;
  hasDialer: boolean;
  confirmNameMismatch?: boolean;
};

export function buildImportRequest(input: ImportRequestInput): ImportRequest {
  const { file, options } = input;
  const body: ImportRequest = {
    uploadId: input.uploadId,
    target: input.target,
    duplicate: options.duplicate,
    resetStatus: options.resetStatus,
    resetAgent: options.resetAgent,
    dedupeScope: options.dedupeScope,
    blacklist: options.blacklist,
    dryRun: options.dryRun,
  };
  if (input.campaignId !== undefined) body.campaignId = input.campaignId;
  if (input.campaignName) body.campaignName = input.campaignName.trim();
  if (input.mapping) body.mapping = input.mapping;
  if (input.fieldTypes) body.fieldTypes = input.fieldTypes;
  if (input.newFields && input.newFields.length > 0) body.newFields = Object.fromEntries(input.newFields.map((header) => [header, 'auto' as const]));
  if (file.encoding) body.encoding = file.encoding;
  if (file.sheet) body.sheet = file.sheet;
  if (file.delimiter) body.delimiter = file.delimiter;
  if (file.skipTop > 0) body.skipTop = file.skipTop;
  if (options.isScheduled) {
    const at = localInputToIso(options.at);
    if (at) body.at = at;
  }
  if (options.dedupeKey.trim()) body.dedupeKey = options.dedupeKey.trim();
  if (input.hasDialer && input.target === 'campaign') {
    body.dial = {
      phoneField: options.dialPhoneField,
      priority: options.dialPriority,
      dialAt: localInputToIso(options.dialAt) ?? null,
      duplicates: options.dialDuplicates,
    };
  }
  if (input.confirmNameMismatch) body.confirmNameMismatch = true;
  return body;
}

/** Targets that need a campaign chosen. */
export function needsCampaign(target: Target): boolean {
  return target === 'campaign' || target === 'campaign-blacklist';
}

/** Targets whose rows are customers, so the customer-duplicate options apply. */
export function isCustomerTarget(target: Target): boolean {
  return target === 'individual' || target === 'organization' || target === 'mass-target' || target === 'campaign';
}

export type ProposedFieldChoice = { header: string; key: string; type: FieldType; isIncluded: boolean };

/**
 * Import & Start: the field type of every included column, and the columns left out mapped to null. Included columns
 * are not mapped: the server creates their fields (from the same proposal) and maps them itself.
 */
export function proposedFieldsPayload(choices: readonly ProposedFieldChoice[]): {
  fieldTypes: Record<string, FieldType>;
  mapping: Record<string, string | null>;
} {
  const fieldTypes: Record<string, FieldType> = {};
  const mapping: Record<string, string | null> = {};
  for (const choice of choices) {
    if (choice.isIncluded) fieldTypes[choice.header] = choice.type;
    else mapping[choice.header] = null;
  }
  return { fieldTypes, mapping };
}
