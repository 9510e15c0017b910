// Campaigns as the API shows them: supervisors see and set up their team's; an agent sees the campaigns they work.
import type { Repositories } from '../app/app-context.js';
import { chooseTeam, listingScope, requireInScope, type Actor } from '../auth/actor.js';
import type { Campaign } from '../db/schema.js';
import type { MainTable } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import { createCampaign } from './campaign-service.js';

export type CampaignView = {
  id: number;
  teamId: number;
  name: string;
  mainTable: MainTable;
  packageName: string;
  hasDialer: boolean;
  createdAt: number;
};

export type CampaignDetail = CampaignView & { agentIds: number[] };

type Dependencies = Pick<Repositories, 'campaigns' | 'fields' | 'users' | 'teams'>;

export async function listCampaigns(deps: Dependencies, actor: Actor, filter: { teamId?: number }): Promise<CampaignView[]> {
  const scope = listingScope(actor, filter.teamId);
  const campaigns = actor.role === 'agent' ? await deps.campaigns.listForAgent(actor.userId) : await deps.campaigns.listByTeam(scope.teamId);
  return campaigns.filter((campaign) => scope.teamId === null || campaign.team_id === scope.teamId).map(describeCampaign);
}

/** A campaign of a team in scope that the actor may see (an agent only those they are assigned to); else 404. */
export async function requireVisibleCampaign(deps: Pick<Repositories, 'campaigns'>, actor: Actor, id: number): Promise<Campaign> {
  const message = `There is no campaign ${id}.`;
  const campaign = requireInScope(actor, await deps.campaigns.findById(id), message);
  if (actor.role === 'agent' && !(await deps.campaigns.isAgent(campaign.id, actor.userId))) throw new AppError('NOT_FOUND', message);
  return campaign;
}

export async function getCampaign(deps: Dependencies, actor: Actor, id: number): Promise<CampaignDetail> {
  const campaign = await requireVisibleCampaign(deps, actor, id);
  return { ...describeCampaign(campaign), agentIds: await deps.campaigns.listAgentIds(campaign.id) };
}

export async function setUpCampaign(
  deps: Dependencies,
  actor: Actor,
  input: { teamId?: number; name: string; mainTable?: MainTable; packageName?: string; hasDialer?: boolean; agentIds?: number[] },
): Promise<CampaignDetail> {
  const teamId = chooseTeam(actor, input.teamId);
  if (!(await deps.teams.findById(teamId))) throw new AppError('NOT_FOUND', `There is no team ${teamId}.`);
  const agentIds = await requireTeamUsers(deps, teamId, input.agentIds ?? []);
  const campaign = await createCampaign(deps, { teamId, name: input.name, mainTable: input.mainTable, packageName: input.packageName, hasDialer: input.hasDialer });
  await deps.campaigns.setAgents(campaign.id, agentIds);
  return { ...describeCampaign(campaign), agentIds };
}

/** Replaces the users who work the campaign; each must be a user of the campaign's team. */
export async function assignCampaignAgents(deps: Dependencies, actor: Actor, id: number, userIds: number[]): Promise<CampaignDetail> {
  const campaign = await requireVisibleCampaign(deps, actor, id);
  const agentIds = await requireTeamUsers(deps, campaign.team_id, userIds);
  await deps.campaigns.setAgents(campaign.id, agentIds);
  return { ...describeCampaign(campaign), agentIds };
}

async function requireTeamUsers(deps: Pick<Repositories, 'users'>, teamId: number, userIds: number[]): Promise<number[]> {
  const unique = [...new Set(userIds)].sort((a, b) => a - b);
  for (const userId of unique) {
    const user = await deps.users.findById(userId);
    if (!user || user.team_id !== teamId) throw new AppError('NOT_FOUND', `There is no user ${userId} in the campaign's team.`);
  }
  return unique;
}

export function describeCampaign(campaign: Campaign): CampaignView {
  return {
    id: campaign.id,
    teamId: campaign.team_id,
    name: campaign.name,
    mainTable: campaign.main_table,
    packageName: campaign.package_name,
    hasDialer: campaign.has_dialer === 1,
    createdAt: campaign.created_at,
  };
}
