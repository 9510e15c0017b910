// The fields a target offers to the mapping: a main table's or campaign's definitions, or the fixed standard fields.
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';
import { STANDARD_FIELDS, type FieldDefinition, type Target } from './targets.js';

export function fieldOwnerOf(target: Target, campaignId: number | null): string | null {
  if (target === 'campaign') return campaignId === null ? null : `campaign:${campaignId}`;
  if (target === 'individual' || target === 'organization' || target === 'mass-target') return target;
  return null;
}

export async function resolveTargetFields(
  fields: FieldDefinitionsRepository,
  teamId: number,
  target: Target,
  campaignId: number | null,
): Promise<FieldDefinition[]> {
  const owner = fieldOwnerOf(target, campaignId);
  if (owner !== null) {
    const defined = await fields.list(teamId, owner);
    if (defined.length > 0) return defined.map((f) => ({ key: f.key, label: f.label, type: f.type }));
  }
  return target === 'campaign' ? [...STANDARD_FIELDS.individual] : [...STANDARD_FIELDS[target]];
}
