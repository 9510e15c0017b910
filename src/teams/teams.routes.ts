import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { ADMINS, SUPERVISORS } from '../auth/actor.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { createTeamAsAdmin, listVisibleTeams } from './team-administration.js';

const teamSchema = z.object({ id: z.number().int(), name: z.string(), country: z.string().describe('default country of phone numbers (ISO 3166)'), createdAt: z.number().int() });

export function teamRoutes(context: AppContext): RouteDefinition[] {
  const { repositories } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/teams',
      summary: 'Teams: every team for administrators, your own for managers',
      tag: 'teams',
      roles: SUPERVISORS,
      responses: { 200: { description: 'The teams', schema: z.object({ teams: z.array(teamSchema) }) } },
      async handle({ actor }) {
        return { teams: await listVisibleTeams(repositories, actor) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/teams',
      summary: 'Create a team (administrators)',
      tag: 'teams',
      roles: ADMINS,
      body: z.object({ name: z.string().min(1).max(200), country: z.string().length(2).optional().describe('default country of phone numbers; US when not given') }),
      responses: { 201: { description: 'Created', schema: teamSchema }, 409: { description: 'A team of that name exists' } },
      async handle({ actor, body, reply }) {
        const team = await createTeamAsAdmin(repositories, actor, body);
        reply.code(201);
        return team;
      },
    }),
  ];
}
