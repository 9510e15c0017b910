// The table a command works on, as `--team NAME --target T [--campaign NAME]` name it, and who the command line acts as.
import type { AppContext } from '../app/app-context.js';
import type { Actor } from '../auth/actor.js';
import type { Campaign, Team } from '../db/schema.js';
import { TARGETS, isTarget, type Target } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import { requireTeamByName } from '../teams/team-service.js';
import { requireOption } from './cli-args.js';

export type TableSelection = { team: Team; target: Target; campaignId: number | null };

export async function requireTableSelection(
  context: AppContext,
  values: { team?: string; target?: string; campaign?: string },
  usage: string,
): Promise<TableSelection> {
  const target = requireOption(values.target, 'target', usage);
  if (!isTarget(target)) throw new AppError('BAD_USAGE', `--target must be one of ${TARGETS.join(', ')} (got "${target}").`);
  const team = await requireTeamByName(context.repositories.teams, requireOption(values.team, 'team', usage));
  if (target !== 'campaign' && target !== 'campaign-blacklist') return { team, target, campaignId: null };
  const campaign = await requireCampaignByName(context, team, requireOption(values.campaign, 'campaign', usage));
  return { team, target, campaignId: campaign.id };
}

/** The team's campaign of that name (as written, or alike in letter case and spacing); refused when there is none. */
export async function requireCampaignByName(context: AppContext, team: Pick<Team, 'id' | 'name'>, name: string): Promise<Campaign> {
  const campaign = await context.repositories.campaigns.findByName(team.id, name);
  if (!campaign) throw new AppError('NOT_FOUND', `No campaign named "${name}" in team "${team.name}".`);
  return campaign;
}

/** The command line acts for whoever runs it on the server: as an administrator, held to the team it names. */
export function operatorOf(team: Pick<Team, 'id' | 'name'>): Actor {
  return { userId: 0, login: 'intake (command line)', role: 'admin', teamId: team.id, teamName: team.name, scopeTeamId: team.id, via: 'token' };
}
