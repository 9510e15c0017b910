import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { SUPERVISORS } from '../auth/actor.js';
import { idParams, teamIdQuery } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { addTeamUser, changeTeamUser, listTeamUsers, removeTeamUser } from './user-administration.js';

const roleSchema = z.enum(['admin', 'manager', 'agent']);
const userSchema = z.object({ id: z.number().int(), login: z.string(), role: roleSchema, teamId: z.number().int(), createdAt: z.number().int() });

export function userRoutes(context: AppContext): RouteDefinition[] {
  const { repositories } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/users',
      summary: "Users of your team (administrators: of every team, or of teamId's)",
      tag: 'users',
      roles: SUPERVISORS,
      query: z.object({ teamId: teamIdQuery }),
      responses: { 200: { description: 'The users', schema: z.object({ users: z.array(userSchema) }) } },
      async handle({ actor, query }) {
        return { users: await listTeamUsers(repositories, actor, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users',
      summary: 'Create a user (managers: a manager or agent of their team)',
      tag: 'users',
      roles: SUPERVISORS,
      body: z.object({
        login: z.string().min(2).max(64),
        password: z.string().min(8).max(1024),
        role: roleSchema,
        teamId: z.number().int().positive().optional().describe('Administrators: the team of the user'),
      }),
      responses: { 201: { description: 'Created', schema: userSchema }, 409: { description: 'The login is taken' } },
      async handle({ actor, body, reply }) {
        const user = await addTeamUser(repositories, actor, body);
        reply.code(201);
        return user;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/users/:id',
      summary: "Change a user's password, role or (administrators) team",
      tag: 'users',
      roles: SUPERVISORS,
      params: idParams,
      body: z
        .object({ password: z.string().min(8).max(1024).optional(), role: roleSchema.optional(), teamId: z.number().int().positive().optional() })
        .strict(),
      responses: { 200: { description: 'Changed', schema: userSchema } },
      async handle({ actor, params, body }) {
        return changeTeamUser(repositories, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/users/:id',
      summary: 'Remove a user (their sessions and tokens end)',
      tag: 'users',
      roles: SUPERVISORS,
      params: idParams,
      responses: { 204: { description: 'Removed' } },
      async handle({ actor, params, reply }) {
        await removeTeamUser(repositories, actor, params.id);
        reply.code(204);
      },
    }),
  ];
}
