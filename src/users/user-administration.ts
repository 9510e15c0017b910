// Users as administrators and managers manage them: managers only their own team's, and never an administrator.
import type { SessionsRepository } from '../auth/sessions.repository.js';
import { chooseTeam, isTeamInScope, listingScope, type Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import type { User } from '../db/schema.js';
import { AppError } from '../shared/app-error.js';
import type { TeamsRepository } from '../teams/teams.repository.js';
import type { CampaignsRepository } from '../campaigns/campaigns.repository.js';
import type { CustomersRepository } from '../customers/customers.repository.js';
import { createUser } from './user-service.js';
import type { Role, UsersRepository } from './users.repository.js';

export type UserView = { id: number; login: string; role: Role; teamId: number; createdAt: number };

type Dependencies = { users: UsersRepository; teams: TeamsRepository; sessions: SessionsRepository; campaigns: CampaignsRepository; customers: CustomersRepository };

export async function listTeamUsers(deps: Dependencies, actor: Actor, filter: { teamId?: number }): Promise<UserView[]> {
  const scope = listingScope(actor, filter.teamId);
  return (await deps.users.listByTeam(scope.teamId)).map(describeUser);
}

export async function addTeamUser(deps: Dependencies, actor: Actor, input: { login: string; password: string; role: Role; teamId?: number }): Promise<UserView> {
  const teamId = chooseTeam(actor, input.teamId);
  refuseAdministration(actor, input.role);
  if (!(await deps.teams.findById(teamId))) throw new AppError('NOT_FOUND', `There is no team ${teamId}.`);
  return describeUser(await createUser(deps.users, { login: input.login, password: input.password, role: input.role, teamId }));
}

export async function changeTeamUser(
  deps: Dependencies,
  actor: Actor,
  id: number,
  change: { password?: string; role?: Role; teamId?: number },
): Promise<UserView> {
  const user = await requireManagedUser(deps, actor, id);
  if (change.role !== undefined) refuseAdministration(actor, change.role);
  if (id === actor.userId && ((change.role !== undefined && change.role !== user.role) || (change.teamId !== undefined && change.teamId !== user.team_id))) {
    throw new AppError('CONFLICT', 'You cannot change your own role or team; ask another administrator.');
  }
  if (change.teamId !== undefined && change.teamId !== user.team_id) {
    if (actor.role !== 'admin' || actor.scopeTeamId !== null) throw new AppError('FORBIDDEN', 'Only an administrator moves users between teams.');
    if (!(await deps.teams.findById(change.teamId))) throw new AppError('NOT_FOUND', `There is no team ${change.teamId}.`);
  }
  if (change.password !== undefined && change.password.length < 8) throw new AppError('BAD_INPUT', 'A password needs at least 8 characters.');
  const updated = await deps.users.update(id, {
    role: change.role,
    teamId: change.teamId,
    passwordHash: change.password === undefined ? undefined : await hashPassword(change.password),
  });
  if (!updated) throw new AppError('NOT_FOUND', `There is no user ${id}.`);
  if (updated.team_id !== user.team_id) {
    // Nothing of the old team may keep pointing at someone who left it.
    await deps.campaigns.removeAgentFromTeam(id, user.team_id);
    await deps.customers.unassignAgentInTeam(id, user.team_id);
  }
  // New rights or a new password take effect at once: the user's other sessions end.
  if (id !== actor.userId) await deps.sessions.removeForUser(id);
  return describeUser(updated);
}

export async function removeTeamUser(deps: Dependencies, actor: Actor, id: number): Promise<void> {
  await requireManagedUser(deps, actor, id);
  if (id === actor.userId) throw new AppError('CONFLICT', 'You cannot remove yourself; ask another administrator.');
  await deps.users.remove(id);
}

/** A user of a team in scope (else 404); a manager may only manage non-administrators (else 403). */
async function requireManagedUser(deps: Dependencies, actor: Actor, id: number): Promise<User> {
  const user = await deps.users.findById(id);
  if (!user || !isTeamInScope(actor, user.team_id)) throw new AppError('NOT_FOUND', `There is no user ${id}.`);
  if (actor.role !== 'admin' && user.role === 'admin') throw new AppError('FORBIDDEN', 'Administrators are managed by administrators.');
  return user;
}

function refuseAdministration(actor: Actor, role: Role): void {
  if (role === 'admin' && actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator makes administrators.');
}

export function describeUser(user: User): UserView {
  return { id: user.id, login: user.login, role: user.role, teamId: user.team_id, createdAt: user.created_at };
}
