// /api/session (sign in, who am I, sign out) and /api/tokens (API tokens for scripts).
import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { clearSessionCookie, SESSION_COOKIE, sessionOf, setSessionCookie } from '../server/request-auth.js';
import { definePublicRoute, defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { AppError } from '../shared/app-error.js';
import { ANY_ROLE, SUPERVISORS, type Actor } from './actor.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token-service.js';
import { signIn, signOut } from './auth-service.js';
import { idParams } from '../server/common-schemas.js';

const roleSchema = z.enum(['admin', 'manager', 'agent']);
const userSchema = z.object({ id: z.number().int(), login: z.string(), role: roleSchema, teamId: z.number().int(), teamName: z.string() });
const sessionSchema = z.object({
  user: userSchema,
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on every write made with the session cookie; null when signed in with a token'),
});
const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  teamId: z.number().int(),
  userId: z.number().int(),
  createdAt: z.number().int().describe('epoch ms'),
  lastUsedAt: z.number().int().nullable(),
});

function userOf(actor: Actor): z.infer<typeof userSchema> {
  return { id: actor.userId, login: actor.login, role: actor.role, teamId: actor.teamId, teamName: actor.teamName };
}

export function authRoutes(context: AppContext): RouteDefinition[] {
  const { repositories, config } = context;
  const auth = { config, ...repositories };
  const isSecureForced = config.http.isSecureCookieForced;
  return [
    definePublicRoute({
      method: 'POST',
      url: '/api/session',
      summary: 'Sign in: sets the intake_session cookie and returns the CSRF token',
      tag: 'auth',
      body: z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(1024) }),
      responses: {
        200: { description: 'Signed in', schema: sessionSchema },
        401: { description: 'Wrong login or password' },
        429: { description: 'Too many failed sign-ins for this login or address; see Retry-After' },
      },
      async handle({ body, request, reply }) {
        const signedIn = await signIn(auth, { login: body.login, password: body.password, ip: request.ip });
        // The session the browser came with (if any) ends: each sign-in gets a fresh id.
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) await signOut(auth, previous);
        setSessionCookie(request, reply, signedIn.sessionId, signedIn.expiresAt, isSecureForced);
        return { user: userOf(signedIn.actor), csrfToken: signedIn.csrfToken };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/session',
      summary: 'The signed-in user and the CSRF token of the session',
      tag: 'auth',
      roles: ANY_ROLE,
      responses: { 200: { description: 'Signed in', schema: sessionSchema }, 401: { description: 'Not signed in' } },
      async handle({ actor, request }) {
        return { user: userOf(actor), csrfToken: sessionOf(request)?.state.csrfToken ?? null };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/session',
      summary: 'Sign out',
      tag: 'auth',
      roles: ANY_ROLE,
      responses: { 204: { description: 'Signed out' } },
      async handle({ request, reply }) {
        const session = sessionOf(request);
        if (!session) throw new AppError('BAD_INPUT', 'This request was made with an API token, not a session: there is nothing to sign out of. Revoke the token instead (DELETE /api/tokens/{id}).');
        await signOut(auth, session.id);
        clearSessionCookie(request, reply, isSecureForced);
        reply.code(204);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/tokens',
      summary: 'Create an API token for a script (the token is shown only in this answer)',
      tag: 'auth',
      roles: SUPERVISORS,
      body: z.object({ name: z.string().min(1).max(200), teamId: z.number().int().positive().optional().describe('Administrators: the team the token works in (default: their own)') }),
      responses: { 201: { description: 'Created', schema: tokenSchema.extend({ token: z.string().describe('Send as "Authorization: Bearer <token>"') }) } },
      async handle({ actor, body, reply }) {
        const created = await createApiToken(repositories, actor, body);
        reply.code(201);
        return created;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/tokens',
      summary: 'API tokens: your own (administrators: every token of the teams they see)',
      tag: 'auth',
      roles: SUPERVISORS,
      responses: { 200: { description: 'The tokens, without their secret', schema: z.object({ tokens: z.array(tokenSchema) }) } },
      async handle({ actor }) {
        return { tokens: await listApiTokens(repositories, actor) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/tokens/:id',
      summary: 'Revoke an API token',
      tag: 'auth',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 204: { description: 'Revoked' } },
      async handle({ actor, params, reply }) {
        await revokeApiToken(repositories, actor, params.id);
        reply.code(204);
      },
    }),
  ];
}
