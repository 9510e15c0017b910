// The words that name each field of one target (its keys, labels and synonyms), indexed for matching.

import type { FieldDefinition } from '../targets.js';
import { FIELD_SYNONYMS, LOOKALIKE_HEADERS, STANDARD_FIELD_KEYS, type StandardFieldKey } from './field-synonyms.js';
import { normaliseHeader } from './header-normalisation.js';

export const CONFIDENCE = {
  saved: 1,
  exact: 1,
  synonym: 0.95,
  related: 0.9,
  partial: 0.7,
} as const;

export type VocabularyHit = { field: string; confidence: number };

export type FuzzyTarget = { text: string; field: string | null; weight: number };

export type FieldVocabulary = {
  /** normalised key or label → fields, in the order of `fields` */
  labels: ReadonlyMap<string, readonly string[]>;
  /** normalised synonym → fields with the confidence it gives each */
  synonyms: ReadonlyMap<string, readonly VocabularyHit[]>;
  /** what fuzzy matching compares against; `field: null` marks a look-alike that means no field */
  fuzzyTargets: readonly FuzzyTarget[];
  fieldsByKey: ReadonlyMap<string, FieldDefinition>;
  /** the standard field each field stands for, when it stands for one (found by key or label) */
  standardKeys: ReadonlyMap<string, StandardFieldKey>;
};

type Tier = 'synonym' | 'related' | 'partial';

const STANDARD_KEY_SET: ReadonlySet<string> = new Set(STANDARD_FIELD_KEYS);

let synonymOwners: Map<string, StandardFieldKey[]> | undefined;

/** normalised standard key or synonym → the standard fields that list it as a plain synonym */
export function getSynonymOwners(): ReadonlyMap<string, readonly StandardFieldKey[]> {
  if (synonymOwners) return synonymOwners;
  const owners = new Map<string, StandardFieldKey[]>();
  for (const key of STANDARD_FIELD_KEYS) {
    for (const spelling of [key, ...FIELD_SYNONYMS[key].synonyms]) {
      const text = normaliseHeader(spelling);
      const list = owners.get(text) ?? [];
      if (!list.includes(key)) list.push(key);
      owners.set(text, list);
    }
  }
  synonymOwners = owners;
  return owners;
}

/**
 * The standard field a field stands for: its key when that is a standard key, else the standard
 * field whose synonyms name its key or label (a campaign's `mobile_no` labelled "手机号" → mobile).
 */
export function findStandardKey(field: FieldDefinition): StandardFieldKey | undefined {
  if (STANDARD_KEY_SET.has(field.key)) return field.key as StandardFieldKey;
  const owners = getSynonymOwners();
  return owners.get(normaliseHeader(field.label))?.[0] ?? owners.get(normaliseHeader(field.key))?.[0];
}

function tiersOf(key: StandardFieldKey): Array<[Tier, readonly string[]]> {
  const entry = FIELD_SYNONYMS[key];
  return [
    ['synonym', entry.synonyms],
    ['related', entry.related ?? []],
    ['partial', entry.partial ?? []],
  ];
}

function addHit(index: Map<string, VocabularyHit[]>, text: string, hit: VocabularyHit): void {
  if (text === '') return;
  const hits = index.get(text) ?? [];
  const existing = hits.find((candidate) => candidate.field === hit.field);
  if (!existing) hits.push(hit);
  else if (existing.confidence < hit.confidence) existing.confidence = hit.confidence;
  index.set(text, hits);
}

export function buildFieldVocabulary(fields: readonly FieldDefinition[]): FieldVocabulary {
  const labels = new Map<string, string[]>();
  const synonyms = new Map<string, VocabularyHit[]>();
  const fuzzyTargets: FuzzyTarget[] = [];
  const fieldsByKey = new Map<string, FieldDefinition>();
  const standardKeys = new Map<string, StandardFieldKey>();

  for (const field of fields) {
    if (fieldsByKey.has(field.key)) continue;
    fieldsByKey.set(field.key, field);
    for (const text of new Set([normaliseHeader(field.key), normaliseHeader(field.label)])) {
      if (text === '') continue;
      const list = labels.get(text) ?? [];
      list.push(field.key);
      labels.set(text, list);
      fuzzyTargets.push({ text, field: field.key, weight: 1 });
    }
    const standardKey = findStandardKey(field);
    if (!standardKey) continue;
    standardKeys.set(field.key, standardKey);
    for (const [tier, spellings] of tiersOf(standardKey)) {
      for (const spelling of spellings) {
        const text = normaliseHeader(spelling);
        addHit(synonyms, text, { field: field.key, confidence: CONFIDENCE[tier] });
        fuzzyTargets.push({ text, field: field.key, weight: CONFIDENCE[tier] / CONFIDENCE.synonym });
      }
    }
  }
  for (const lookalike of LOOKALIKE_HEADERS) {
    fuzzyTargets.push({ text: normaliseHeader(lookalike), field: null, weight: 1 });
  }
  return { labels, synonyms, fuzzyTargets, fieldsByKey, standardKeys };
}
