// The column mapping of the wizard: the server's suggestions, the user's changes, and what is still missing.
import type { MappingSuggestion, TargetField } from '../api/types.js';

/** Column index → field key (null = ignored, NEW_FIELD = a new field of its own). */
export type ColumnChoices = Record<number, string | null>;

/** The choice of a column that becomes a new custom field of the table or campaign (no field key starts with _). */
export const NEW_FIELD = '__new__';

export function choicesFromSuggestions(suggestions: readonly MappingSuggestion[]): ColumnChoices {
  const choices: ColumnChoices = {};
  for (const suggestion of suggestions) choices[suggestion.index] = suggestion.field;
  return choices;
}

export function missingRequiredFields(choices: ColumnChoices, fields: readonly TargetField[]): TargetField[] {
  const mapped = new Set(Object.values(choices).filter((field): field is string => field !== null));
  return fields.filter((field) => field.isRequired && !mapped.has(field.key));
}

/** The fields of which one must be mapped (a customer's name or phone) when none is; empty when one is. */
export function missingOneOf(choices: ColumnChoices, requiredOneOf: readonly string[], fields: readonly TargetField[]): TargetField[] {
  const mapped = new Set(Object.values(choices));
  if (requiredOneOf.length === 0 || requiredOneOf.some((key) => mapped.has(key))) return [];
  return fields.filter((field) => requiredOneOf.includes(field.key));
}

/** Fields chosen for more than one column, with the headers that chose them. */
function fieldsOfSeveralColumns(choices: ColumnChoices, headers: readonly string[]): { field: string; headers: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const [index, field] of Object.entries(choices)) {
    if (field === null || field === NEW_FIELD) continue;
    const list = byField.get(field) ?? [];
    list.push(headers[Number(index)] ?? `#${index}`);
    byField.set(field, list);
  }
  return [...byField.entries()].filter(([, list]) => list.length > 1).map(([field, list]) => ({ field, headers: list }));
}

/** Text and address fields join the values of their columns (a name's parts, address lines); no other field can. */
function isJoinable(field: string, fields: readonly TargetField[]): boolean {
  const type = fields.find((candidate) => candidate.key === field)?.type;
  return type === 'text' || type === 'address';
}

/** Fields chosen for more than one column that cannot take more than one, with the headers that chose them. */
export function fieldsMappedTwice(choices: ColumnChoices, headers: readonly string[], fields: readonly TargetField[]): { field: string; headers: string[] }[] {
  return fieldsOfSeveralColumns(choices, headers).filter((entry) => !isJoinable(entry.field, fields));
}

/** How a field joins its columns' values, as the import does: a person's name with spaces, an address with commas, other text with semicolons. */
export type JoinKind = 'name' | 'address' | 'text';

/** Text fields that join several columns, with the headers joined and how. */
export function fieldsJoined(choices: ColumnChoices, headers: readonly string[], fields: readonly TargetField[]): { field: string; headers: string[]; kind: JoinKind }[] {
  return fieldsOfSeveralColumns(choices, headers)
    .filter((entry) => isJoinable(entry.field, fields))
    .map((entry) => ({ ...entry, kind: joinKindOf(entry.field, fields) }));
}

function joinKindOf(field: string, fields: readonly TargetField[]): JoinKind {
  if (fields.find((candidate) => candidate.key === field)?.type === 'address') return 'address';
  return field === 'name' || field === 'contact' ? 'name' : 'text';
}

/** The `mapping` of an import request: header → field key or null, for every column but those that become new fields. */
export function mappingPayload(choices: ColumnChoices, headers: readonly string[]): Record<string, string | null> {
  const payload: Record<string, string | null> = {};
  headers.forEach((header, index) => {
    if (choices[index] !== NEW_FIELD) payload[header] = choices[index] ?? null;
  });
  return payload;
}

/** The headers of the columns chosen to become new fields, in file order. */
export function newFieldHeaders(choices: ColumnChoices, headers: readonly string[]): string[] {
  return headers.filter((_, index) => choices[index] === NEW_FIELD);
}

/** The first sample value of each column, from the preview rows. */
export function sampleValue(rows: readonly (readonly string[])[], index: number): string {
  for (const row of rows) {
    const value = row[index];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return '';
}

export type ConfidenceLevel = 'high' | 'medium' | 'low' | 'none';

export function confidenceLevel(confidence: number | null | undefined): ConfidenceLevel {
  if (confidence === null || confidence === undefined || confidence <= 0) return 'none';
  if (confidence >= 0.9) return 'high';
  if (confidence >= 0.6) return 'medium';
  return 'low';
}

/** Confidence as a whole percent; the server may send 0–1 or 0–100. */
export function confidencePercent(confidence: number): number {
  return Math.round(confidence <= 1 ? confidence * 100 : confidence);
}
