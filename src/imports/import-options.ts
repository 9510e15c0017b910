// The options of an import (DESIGN.md step 6), validated once with zod; stored with the job as JSON.
import { z } from 'zod';
import { FIELD_TYPES, TARGETS } from './targets.js';

export const DUPLICATE_MODES = ['skip', 'update'] as const;
export const DIAL_DUPLICATE_MODES = ['ignore', 'all', 'ignore-success'] as const;
export const DEDUPE_SCOPES = ['file', 'table', 'team'] as const;
export const BLACKLIST_MODES = ['reject', 'allow'] as const;

export const columnMappingSchema = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  /** A field key of the target, or null when the column is ignored. */
  field: z.string().nullable(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const dialOptionsSchema = z.object({
  phoneField: z.string().default('phone'),
  priority: z.number().int().min(0).max(1_000_000).default(0),
  /** When the dialer may call, epoch ms; null = at once. */
  dialAt: z.number().int().nullable().default(null),
  duplicates: z.enum(DIAL_DUPLICATE_MODES).default('ignore'),
});
export type DialOptions = z.infer<typeof dialOptionsSchema>;

export const importOptionsSchema = z.object({
  target: z.enum(TARGETS),
  campaignId: z.number().int().positive().nullable().default(null),
  mapping: z.array(columnMappingSchema),
  encoding: z.string().optional(),
  sheet: z.string().optional(),
  delimiter: z.string().optional(),
  skipTop: z.number().int().min(0).default(0),
  duplicate: z.enum(DUPLICATE_MODES).default('skip'),
  resetStatus: z.boolean().default(false),
  resetAgent: z.boolean().default(false),
  dial: dialOptionsSchema.nullable().default(null),
  /**
   * The duplicate key: field keys joined by `+` (all together) or `|` (the first one present), e.g. `phone`,
   * `email`, `phone|email`, `name+zip`. Empty: the target's default.
   */
  dedupeKey: z.string().regex(/^[a-z0-9_]+([+|][a-z0-9_]+)*$/).optional(),
  dedupeScope: z.enum(DEDUPE_SCOPES).default('table'),
  blacklist: z.enum(BLACKLIST_MODES).default('reject'),
  dryRun: z.boolean().default(false),
  /** A dry run's new fields: checked as the table's own would be, never added to it (a dry run writes nothing). */
  draftFields: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(FIELD_TYPES) })).default([]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

/**
 * The duplicate key when the import names none: a customer is identified by its first phone number (whichever phone
 * field holds it: Phone, Mobile, a campaign's own phone fields), a mass-target recipient by a phone or else an email;
 * list rows by their number, area codes by their prefix.
 */
export function defaultDedupeKey(target: ImportOptions['target'], fields: ReadonlyArray<{ key: string; type: string }>): string {
  switch (target) {
    case 'campaign-blacklist':
    case 'blacklist':
    case 'whitelist':
    case 'did':
      return 'number';
    case 'area-code':
      return 'prefix';
    case 'individual':
    case 'organization':
    case 'campaign':
    case 'mass-target': {
      const phones = fields.filter((field) => field.type === 'phone').map((field) => field.key);
      const emails = target === 'mass-target' ? fields.filter((field) => field.type === 'email').map((field) => field.key) : [];
      const keys = [...phones, ...emails];
      return keys.length > 0 ? keys.join('|') : 'phone';
    }
  }
}
