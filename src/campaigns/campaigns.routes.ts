import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { ANY_ROLE, SUPERVISORS } from '../auth/actor.js';
import { MAIN_TABLES } from '../imports/targets.js';
import { idParams, teamIdQuery } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { assignCampaignAgents, getCampaign, listCampaigns, setUpCampaign } from './campaign-administration.js';

export const campaignSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  name: z.string(),
  mainTable: z.enum(MAIN_TABLES),
  packageName: z.string().describe('the customer package; an import file whose name does not contain it asks for confirmation'),
  hasDialer: z.boolean(),
  createdAt: z.number().int(),
});
const campaignDetailSchema = campaignSchema.extend({ agentIds: z.array(z.number().int()) });
const userIdsSchema = z.array(z.number().int().positive()).max(10_000);

export function campaignRoutes(context: AppContext): RouteDefinition[] {
  const { repositories } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/campaigns',
      summary: "The team's campaigns (agents: the campaigns they work)",
      tag: 'campaigns',
      roles: ANY_ROLE,
      query: z.object({ teamId: teamIdQuery }),
      responses: { 200: { description: 'The campaigns', schema: z.object({ campaigns: z.array(campaignSchema) }) } },
      async handle({ actor, query }) {
        return { campaigns: await listCampaigns(repositories, actor, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/campaigns',
      summary: 'Create a campaign; its customer package starts with the fields of its main table',
      tag: 'campaigns',
      roles: SUPERVISORS,
      body: z
        .object({
          teamId: z.number().int().positive().optional(),
          name: z.string().min(1).max(200),
          mainTable: z.enum(MAIN_TABLES).optional(),
          packageName: z.string().min(1).max(200).optional(),
          hasDialer: z.boolean().optional(),
          agentIds: userIdsSchema.optional(),
        })
        .strict(),
      responses: { 201: { description: 'Created', schema: campaignDetailSchema }, 409: { description: 'The team has a campaign of that name' } },
      async handle({ actor, body, reply }) {
        const campaign = await setUpCampaign(repositories, actor, body);
        reply.code(201);
        return campaign;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/campaigns/:id',
      summary: 'A campaign and the users who work it',
      tag: 'campaigns',
      roles: ANY_ROLE,
      params: idParams,
      responses: { 200: { description: 'The campaign', schema: campaignDetailSchema } },
      async handle({ actor, params }) {
        return getCampaign(repositories, actor, params.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/campaigns/:id/agents',
      summary: 'Set the users who work the campaign (users of its team)',
      tag: 'campaigns',
      roles: SUPERVISORS,
      params: idParams,
      body: z.object({ userIds: userIdsSchema }).strict(),
      responses: { 200: { description: 'The campaign with its agents', schema: campaignDetailSchema } },
      async handle({ actor, params, body }) {
        return assignCampaignAgents(repositories, actor, params.id, body.userIds);
      },
    }),
  ];
}
