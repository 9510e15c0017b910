// Signing in and out, and recognising a request's session cookie or API token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { User } from '../db/schema.js';
import { AppError } from '../shared/app-error.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { Actor } from './actor.js';
import type { ApiTokensRepository } from './api-tokens.repository.js';
import type { LoginAttemptsRepository } from './login-attempts.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import type { SessionsRepository } from './sessions.repository.js';

export type AuthDependencies = {
  config: Pick<Config, 'http'>;
  users: UsersRepository;
  sessions: SessionsRepository;
  apiTokens: ApiTokensRepository;
  loginAttempts: LoginAttemptsRepository;
};

export const API_TOKEN_PREFIX = 'itk_';

/** What the cookie and the Authorization header carry are random secrets; the database keeps only their hash. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

export type SignedIn = { sessionId: string; csrfToken: string; expiresAt: number; actor: Actor };

/** A hash to verify against when the login does not exist, so that a wrong login takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export async function signIn(deps: AuthDependencies, input: { login: string; password: string; ip: string }): Promise<SignedIn> {
  const login = input.login.trim();
  const { http } = deps.config;
  const windowMs = http.loginWindowSeconds * 1000;
  await refuseWhenLimited(deps.loginAttempts, 'login', login, http.loginAttemptsPerLogin, windowMs);
  await refuseWhenLimited(deps.loginAttempts, 'ip', input.ip, http.loginAttemptsPerIp, windowMs);

  const user = await deps.users.findByLogin(login);
  decoyHash ??= hashPassword(generateSecret());
  const isValid = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash));
  if (!user || !isValid) {
    await deps.loginAttempts.record({ login, ip: input.ip });
    throw new AppError('UNAUTHENTICATED', 'Wrong login or password.');
  }
  await deps.loginAttempts.clearLogin(login);
  // A new, random session id at every sign-in: an id planted before it (session fixation) is never promoted.
  const sessionId = generateSecret();
  const csrfToken = generateSecret();
  const { expiresAt } = await deps.sessions.insert({ idHash: hashSecret(sessionId), userId: user.id, csrfToken, lifetimeMs: http.sessionHours * 3600_000 });
  const found = await deps.sessions.findLive(hashSecret(sessionId));
  if (!found) throw new AppError('INTERNAL', 'The new session could not be read back.');
  return { sessionId, csrfToken, expiresAt, actor: sessionActor(found.user, found.teamName) };
}

async function refuseWhenLimited(attempts: LoginAttemptsRepository, by: 'login' | 'ip', value: string, limit: number, windowMs: number): Promise<void> {
  const recent = await attempts.countRecent(by, value, windowMs);
  if (recent.count < limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(((recent.oldestAt ?? recent.now) + windowMs - recent.now) / 1000));
  const who = by === 'login' ? 'this login' : 'your address';
  throw new AppError('RATE_LIMITED', `Too many failed sign-ins for ${who}. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

export type SessionState = { actor: Actor; csrfToken: string; expiresAt: number };

/** The signed-in user of a session cookie; undefined when the cookie is unknown or expired. */
export async function readSession(deps: Pick<AuthDependencies, 'sessions'>, sessionId: string): Promise<SessionState | undefined> {
  const found = await deps.sessions.findLive(hashSecret(sessionId));
  if (!found) return undefined;
  return { actor: sessionActor(found.user, found.teamName), csrfToken: found.csrfToken, expiresAt: found.expiresAt };
}

export async function signOut(deps: Pick<AuthDependencies, 'sessions'>, sessionId: string): Promise<void> {
  await deps.sessions.remove(hashSecret(sessionId));
}

/** Housekeeping: expired sessions, and failed logins too old to count. */
export async function pruneSignInRecords(deps: Pick<AuthDependencies, 'config' | 'sessions' | 'loginAttempts'>): Promise<void> {
  await deps.sessions.removeExpired();
  await deps.loginAttempts.removeOlderThan(deps.config.http.loginWindowSeconds * 1000);
}

/** Constant-time comparison of the X-CSRF-Token header with the session's token. */
export function isCsrfTokenValid(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The actor of an API token: its creator, with the creator's current role (so a demoted user's tokens are demoted
 * too), held to the token's team. A token whose creator is no longer in that team (and is no administrator) is void.
 */
export async function authenticateToken(deps: Pick<AuthDependencies, 'apiTokens'>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const found = await deps.apiTokens.findByHash(hashSecret(token));
  if (!found) return undefined;
  const { user } = found;
  if (user.role !== 'admin' && user.team_id !== found.token.team_id) return undefined;
  await deps.apiTokens.touch(found.token.id);
  return {
    userId: user.id,
    login: user.login,
    role: user.role,
    teamId: found.token.team_id,
    teamName: found.teamName,
    scopeTeamId: found.token.team_id,
    via: 'token',
  };
}

function sessionActor(user: User, teamName: string): Actor {
  return {
    userId: user.id,
    login: user.login,
    role: user.role,
    teamId: user.team_id,
    teamName,
    scopeTeamId: user.role === 'admin' ? null : user.team_id,
    via: 'session',
  };
}
