// The fields of a main table or a campaign as agents will see them: label, type, order, visible, editable.
import type { Repositories } from '../app/app-context.js';
import { chooseTeam, requireCampaignInTeam, type Actor } from '../auth/actor.js';
import type { FieldDefinitionRow } from '../db/schema.js';
import { fieldOwnerOf } from '../imports/target-fields.js';
import { STANDARD_FIELDS, type FieldType, type Target } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import { requireVisibleCampaign } from './campaign-administration.js';

export type FieldView = { key: string; label: string; type: FieldType; position: number; isCustom: boolean; isVisible: boolean; isEditable: boolean };

export type FieldsSelection = { target: Target; campaignId?: number; teamId?: number };

type Dependencies = Pick<Repositories, 'campaigns' | 'fields'>;

/** Whose field definitions a selection names: a main table's, a campaign's, or none (the fixed fields of a list). */
async function resolveOwner(deps: Dependencies, actor: Actor, selection: FieldsSelection): Promise<{ teamId: number; owner: string | null }> {
  if (selection.target === 'campaign' || selection.target === 'campaign-blacklist') {
    if (selection.campaignId === undefined) throw new AppError('BAD_INPUT', `The ${selection.target} target needs a campaign (campaignId).`);
    const campaign = await requireVisibleCampaign(deps, actor, selection.campaignId);
    requireCampaignInTeam(actor, selection.teamId, campaign);
    return { teamId: campaign.team_id, owner: fieldOwnerOf(selection.target, campaign.id) };
  }
  return { teamId: chooseTeam(actor, selection.teamId), owner: fieldOwnerOf(selection.target, null) };
}

export async function getFieldLayout(deps: Dependencies, actor: Actor, selection: FieldsSelection): Promise<FieldView[]> {
  const { teamId, owner } = await resolveOwner(deps, actor, selection);
  const rows = owner === null ? [] : await deps.fields.list(teamId, owner);
  if (rows.length > 0) return rows.map(describeField);
  const standard = selection.target === 'campaign' ? STANDARD_FIELDS.individual : STANDARD_FIELDS[selection.target];
  return standard.map((field, position) => ({ ...field, position, isCustom: false, isVisible: true, isEditable: false }));
}

/**
 * Applies a whole layout: the list must name exactly the existing fields (none added, none dropped); its order
 * becomes the fields' order.
 */
export async function arrangeFields(
  deps: Dependencies,
  actor: Actor,
  selection: FieldsSelection,
  layout: Array<{ key: string; label: string; type: FieldType; isVisible: boolean; isEditable: boolean }>,
): Promise<FieldView[]> {
  const { teamId, owner } = await resolveOwner(deps, actor, selection);
  const existing = owner === null ? [] : await deps.fields.list(teamId, owner);
  if (owner === null || existing.length === 0) {
    throw new AppError('BAD_INPUT', `The fields of the ${selection.target} target are fixed; only customer tables and campaigns have an arrangeable layout.`);
  }
  const known = new Set(existing.map((field) => field.key));
  const given = new Set(layout.map((field) => field.key));
  const missing = [...known].filter((key) => !given.has(key));
  const unknown = [...given].filter((key) => !known.has(key));
  if (given.size !== layout.length || missing.length > 0 || unknown.length > 0) {
    const problems = [
      given.size !== layout.length ? 'a field is listed twice' : '',
      missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new AppError('BAD_INPUT', `Send every field of the layout exactly once (${problems.join('; ')}).`);
  }
  await deps.fields.arrange(
    teamId,
    owner,
    layout.map((field, position) => ({
      key: field.key,
      change: { label: field.label.trim() || field.key, type: field.type, position, is_visible: field.isVisible ? 1 : 0, is_editable: field.isEditable ? 1 : 0 },
    })),
  );
  return (await deps.fields.list(teamId, owner)).map(describeField);
}

export function describeField(row: FieldDefinitionRow): FieldView {
  return {
    key: row.key,
    label: row.label,
    type: row.type,
    position: row.position,
    isCustom: row.is_custom === 1,
    isVisible: row.is_visible === 1,
    isEditable: row.is_editable === 1,
  };
}
