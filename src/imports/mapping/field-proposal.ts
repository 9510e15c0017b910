// "Import & Start": the fields of a new campaign (or empty main table), proposed from a file's header.

import { STANDARD_FIELDS, type FieldDefinition } from '../targets.js';
import { matchHeaders } from './header-matching.js';
import { detectColumnType } from './type-detection.js';

/** Columns every customer table already has; a proposed field may not take their names. */
export const RESERVED_COLUMN_NAMES: readonly string[] = ['id', 'team_id', 'status', 'agent_id', 'created_at', 'updated_at', 'job_id'];
/** Names that would reach an object's prototype wherever a key is used as a property. */
const PROTOTYPE_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];
export const MAX_KEY_LENGTH = 48;
/** Only a header that plainly names a standard field gets its key ("Phone", "手机号", not "First Name"). */
const STANDARD_KEY_CONFIDENCE = 0.9;

/**
 * The standard fields a campaign's header may stand for: those of individual customers plus the
 * organization's website and industry (not its `contact`, so that "Contact Name" stays the name).
 */
function campaignStandardFields(): FieldDefinition[] {
  const fields = [...STANDARD_FIELDS.individual];
  for (const field of STANDARD_FIELDS.organization) {
    if (field.key === 'website' || field.key === 'industry') fields.push(field);
  }
  return fields;
}

/** A field for each column, in order; none for a blank column (isBlankColumn). */
export function proposeFields(headers: string[], samples: string[][]): Array<FieldDefinition | undefined> {
  const standardFields = campaignStandardFields();
  const standardTypes = new Map(standardFields.map((field) => [field.key, field.type]));
  const matches = matchHeaders({ headers, samples, fields: standardFields });
  const usedKeys = new Set<string>([...RESERVED_COLUMN_NAMES, ...PROTOTYPE_NAMES]);
  const keys: Array<string | undefined> = matches.map((match) => {
    const isClear = (match.source === 'exact' || match.source === 'synonym') && match.confidence >= STANDARD_KEY_CONFIDENCE;
    if (!isClear || match.field === null) return undefined;
    usedKeys.add(match.field);
    return match.field;
  });

  return headers.map((header, index) => {
    if (isBlankColumn(header, index, samples)) return undefined;
    const standardKey = keys[index];
    const label = header.trim() === '' ? `Column ${index + 1}` : header;
    if (standardKey !== undefined) {
      return { key: standardKey, label, type: standardTypes.get(standardKey) ?? 'text' };
    }
    const key = takeUniqueKey(slugifyHeader(header) || `field_${index + 1}`, usedKeys);
    const values = samples.map((row) => row[index] ?? '');
    return { key, label, type: detectColumnType(header, values) };
  });
}

/**
 * A column with no name in the file (read as "Column N") and no value in the records sampled: the margin of a sheet
 * whose list starts at column C, or an empty column between two lists. It gets no field of its own (an Import & Start
 * would otherwise add "column_1", "column_2" to the campaign or table).
 */
export function isBlankColumn(header: string, index: number, samples: readonly (readonly string[])[]): boolean {
  return header === `Column ${index + 1}` && samples.every((row) => (row[index] ?? '').trim() === '');
}

/**
 * A column name from a Latin header: "Lead Source" → lead_source, "LeadSource" → lead_source,
 * "2nd Phone" → field_2nd_phone; '' for a header with non-Latin letters ("客户来源"), which gets
 * `field_<column number>` instead.
 */
export function slugifyHeader(header: string): string {
  const latin = header.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/[^\x20-\x7e]/u.test(latin.replace(/[\s\p{P}\p{S}]/gu, ''))) return '';
  let slug = latin
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug === '') return '';
  if (!/^[a-z]/.test(slug)) slug = `field_${slug}`;
  return trimKey(slug, MAX_KEY_LENGTH);
}

function trimKey(key: string, length: number): string {
  return key.slice(0, length).replace(/_+$/, '');
}

/** The key itself when free, else key_2, key_3 …, always within the length limit. */
function takeUniqueKey(base: string, usedKeys: Set<string>): string {
  let key = trimKey(base, MAX_KEY_LENGTH);
  for (let counter = 2; usedKeys.has(key); counter++) {
    const suffix = `_${counter}`;
    key = `${trimKey(base, MAX_KEY_LENGTH - suffix.length)}${suffix}`;
  }
  usedKeys.add(key);
  return key;
}
