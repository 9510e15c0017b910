// Recognises the caller of a request: an API token (Authorization: Bearer) or the session cookie, with its CSRF check.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { authenticateToken, isCsrfTokenValid, readSession, type AuthDependencies, type SessionState } from '../auth/auth-service.js';
import { AppError } from '../shared/app-error.js';

export const SESSION_COOKIE = 'intake_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const sessions = new WeakMap<FastifyRequest, { id: string; state: SessionState }>();

/** The session a cookie-authenticated request came with (for GET /api/session and signing out). */
export function sessionOf(request: FastifyRequest): { id: string; state: SessionState } | undefined {
  return sessions.get(request);
}

export async function authenticateRequest(deps: Pick<AuthDependencies, 'sessions' | 'apiTokens'>, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match?.[1] ? await authenticateToken(deps, match[1]) : undefined;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is not valid: it was revoked, or its user has left its team. Create a new one (POST /api/tokens).');
    // A bearer token is never sent by a browser on its own, so it needs no CSRF token.
    return actor;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  const state = sessionId ? await readSession(deps, sessionId) : undefined;
  if (!sessionId || !state) throw new AppError('UNAUTHENTICATED', 'Sign in first (POST /api/session), or send an API token as "Authorization: Bearer …".');
  if (!SAFE_METHODS.has(request.method) && !isCsrfTokenValid(state.csrfToken, headerValue(request, CSRF_HEADER))) {
    throw new AppError('CSRF_INVALID', 'This request needs the X-CSRF-Token header with the csrfToken of your session (from POST or GET /api/session).');
  }
  sessions.set(request, { id: sessionId, state });
  return state.actor;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string, expiresAt: number, isSecureForced: boolean): void {
  void reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureForced || request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, isSecureForced: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureForced || request.protocol === 'https' });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
