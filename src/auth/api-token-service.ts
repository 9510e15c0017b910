// API tokens for scripts: created by a user for one team, shown once, stored hashed, revocable.
import type { TeamsRepository } from '../teams/teams.repository.js';
import { AppError } from '../shared/app-error.js';
import { chooseTeam, type Actor } from './actor.js';
import type { ApiTokenRow, ApiTokensRepository } from './api-tokens.repository.js';
import { API_TOKEN_PREFIX, generateSecret, hashSecret } from './auth-service.js';

export type ApiTokenView = { id: number; name: string; teamId: number; userId: number; createdAt: number; lastUsedAt: number | null };

type Dependencies = { apiTokens: ApiTokensRepository; teams: TeamsRepository };

export async function createApiToken(deps: Dependencies, actor: Actor, input: { name: string; teamId?: number }): Promise<ApiTokenView & { token: string }> {
  const name = input.name.trim();
  if (!name) throw new AppError('BAD_INPUT', 'Give the token a name that says which script uses it.');
  // A token is for one team; an administrator's session names it, everyone else gets their own.
  const teamId = actor.scopeTeamId === null && input.teamId === undefined ? actor.teamId : chooseTeam(actor, input.teamId);
  if (!(await deps.teams.findById(teamId))) throw new AppError('NOT_FOUND', `There is no team ${teamId}.`);
  const token = `${API_TOKEN_PREFIX}${generateSecret()}`;
  const row = await deps.apiTokens.insert({ userId: actor.userId, teamId, name, tokenHash: hashSecret(token) });
  return { ...describeApiToken(row), token };
}

/** An administrator sees every token of the teams in scope; anyone else sees their own. */
export async function listApiTokens(deps: Dependencies, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await deps.apiTokens.list(actor.role === 'admin' ? { userId: null, teamId: actor.scopeTeamId } : { userId: actor.userId, teamId: null });
  return rows.map(describeApiToken);
}

export async function revokeApiToken(deps: Dependencies, actor: Actor, id: number): Promise<void> {
  const row = await deps.apiTokens.findById(id);
  const isVisible = row !== undefined && (actor.role === 'admin' ? actor.scopeTeamId === null || row.team_id === actor.scopeTeamId : row.user_id === actor.userId);
  if (!row || !isVisible) throw new AppError('NOT_FOUND', `There is no API token ${id}.`);
  await deps.apiTokens.remove(id);
}

function describeApiToken(row: ApiTokenRow): ApiTokenView {
  return { id: row.id, name: row.name, teamId: row.team_id, userId: row.user_id, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}
