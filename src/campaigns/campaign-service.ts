import type { Campaign } from '../db/schema.js';
import type { MainTable } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import type { CampaignsRepository } from './campaigns.repository.js';
import type { FieldDefinitionsRepository } from './field-definitions.repository.js';

export function campaignOwner(campaignId: number): string {
  return `campaign:${campaignId}`;
}

/**
 * Creates a campaign. Its customer package starts with the fields of its main table (copied, so that the
 * campaign's agent view can be arranged on its own); a campaign made by Import & Start gets its fields from the file.
 */
export async function createCampaign(
  repositories: { campaigns: CampaignsRepository; fields: FieldDefinitionsRepository },
  input: { teamId: number; name: string; mainTable?: MainTable; packageName?: string; hasDialer?: boolean; copyMainFields?: boolean },
): Promise<Campaign> {
  const name = input.name.trim();
  if (!name) throw new AppError('BAD_INPUT', 'A campaign needs a name.');
  const existing = await repositories.campaigns.findByName(input.teamId, name);
  if (existing) throw new AppError('CONFLICT', `The team already has a campaign named "${existing.name}".`);
  const mainTable = input.mainTable ?? 'individual';
  const campaign = await repositories.campaigns.insert({
    teamId: input.teamId,
    name,
    mainTable,
    packageName: (input.packageName ?? name).trim() || name,
    hasDialer: input.hasDialer ?? false,
  });
  if (input.copyMainFields ?? true) {
    const mainFields = await repositories.fields.list(input.teamId, mainTable);
    await repositories.fields.insertMany(
      mainFields.map(({ id: _id, ...field }) => ({ ...field, owner: campaignOwner(campaign.id) })),
    );
  }
  return campaign;
}
