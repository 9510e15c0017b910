// Who is making a request, and the team rules every service applies to them.
import type { TeamScope } from '../jobs/job-service.js';
import { AppError } from '../shared/app-error.js';
import type { Role } from '../users/users.repository.js';

export type Actor = {
  userId: number;
  login: string;
  role: Role;
  /** The user's own team. */
  teamId: number;
  teamName: string;
  /** The teams this request may touch: null = every team (an administrator's session); a token is held to its team. */
  scopeTeamId: number | null;
  via: 'session' | 'token';
};

export const ANY_ROLE: readonly Role[] = ['admin', 'manager', 'agent'];
/** Administrators and team managers: imports, jobs, campaigns, fields, users of their team. */
export const SUPERVISORS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', `This needs the role ${roles.join(' or ')}; you are signed in as ${actor.role} "${actor.login}".`);
  }
}

export function teamScopeOf(actor: Actor): TeamScope {
  return { teamId: actor.scopeTeamId };
}

export function isTeamInScope(actor: Actor, teamId: number): boolean {
  return actor.scopeTeamId === null || actor.scopeTeamId === teamId;
}

/**
 * An object of another team is "not found", never "forbidden": an id must not tell whether it exists elsewhere.
 * Returns the object when it is there and in scope.
 */
export function requireInScope<T extends { team_id: number }>(actor: Actor, found: T | undefined, notFoundMessage: string): T {
  if (!found || !isTeamInScope(actor, found.team_id)) throw new AppError('NOT_FOUND', notFoundMessage);
  return found;
}

/**
 * The team a request works in: an administrator's session names it (`teamId`); everyone else works in their own
 * team (or their token's), and naming another one finds nothing.
 */
export function chooseTeam(actor: Actor, requested: number | undefined): number {
  if (actor.scopeTeamId === null) {
    if (requested === undefined) throw new AppError('BAD_INPUT', 'Choose the team: pass teamId (administrators work across teams).');
    return requested;
  }
  if (requested !== undefined && requested !== actor.scopeTeamId) throw new AppError('NOT_FOUND', `There is no team ${requested}.`);
  return actor.scopeTeamId;
}

/**
 * A team named beside a campaign must be the campaign's: asked for in another team (or one out of scope), the
 * campaign is not found there.
 */
export function requireCampaignInTeam(actor: Actor, requestedTeamId: number | undefined, campaign: { id: number; team_id: number }): void {
  if (requestedTeamId === undefined) return;
  if (requestedTeamId !== campaign.team_id || !isTeamInScope(actor, requestedTeamId)) {
    throw new AppError('NOT_FOUND', `There is no campaign ${campaign.id} in team ${requestedTeamId}.`);
  }
}

/** For listings: the team asked for (when in scope), else every team in scope. */
export function listingScope(actor: Actor, requested: number | undefined): TeamScope {
  if (requested === undefined) return teamScopeOf(actor);
  return { teamId: chooseTeam(actor, requested) };
}
