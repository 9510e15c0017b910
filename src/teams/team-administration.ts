// Teams as the API shows them: administrators see and create every team; everyone else sees their own.
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';
import type { Team } from '../db/schema.js';
import { AppError } from '../shared/app-error.js';
import type { Actor } from '../auth/actor.js';
import { createTeam } from './team-service.js';
import type { TeamsRepository } from './teams.repository.js';

export type TeamView = { id: number; name: string; country: string; createdAt: number };

type Dependencies = { teams: TeamsRepository; fields: FieldDefinitionsRepository };

export async function listVisibleTeams(deps: Dependencies, actor: Actor): Promise<TeamView[]> {
  const teams = await deps.teams.list();
  return teams.filter((team) => actor.scopeTeamId === null || team.id === actor.scopeTeamId).map(describeTeam);
}

export async function createTeamAsAdmin(deps: Dependencies, actor: Actor, input: { name: string; country?: string }): Promise<TeamView> {
  // An administrator's token is held to one team, so it cannot found another.
  if (actor.role !== 'admin' || actor.scopeTeamId !== null) {
    throw new AppError('FORBIDDEN', 'Only an administrator, signed in (not with a team token), creates teams.');
  }
  return describeTeam(await createTeam(deps, input));
}

export function describeTeam(team: Team): TeamView {
  return { id: team.id, name: team.name, country: team.default_country, createdAt: team.created_at };
}
