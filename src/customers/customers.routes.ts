import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { ANY_ROLE, SUPERVISORS } from '../auth/actor.js';
import { CUSTOMER_STATUSES, FIELD_TYPES, TARGETS } from '../imports/targets.js';
import { idParams, idSchema, limitQuery, teamIdQuery } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { getCustomerCard, LIST_TARGETS, listCustomers, listReferenceRows } from './customer-browsing.js';

const listedFieldSchema = z.object({ key: z.string(), label: z.string(), type: z.enum(FIELD_TYPES) });
const valuesSchema = z.record(z.string().nullable()).describe('field key → value, exactly as imported');

export function customerRoutes(context: AppContext): RouteDefinition[] {
  const { repositories } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/customers',
      summary: 'A page of customers of a table or campaign, searched by name, phone or email (agents: their campaigns)',
      tag: 'customers',
      roles: ANY_ROLE,
      query: z.object({
        target: z.enum(TARGETS),
        campaignId: idSchema.optional(),
        teamId: teamIdQuery,
        q: z.string().max(200).optional(),
        status: z.enum(CUSTOMER_STATUSES).optional(),
        limit: limitQuery(50, 500),
        after: z.coerce.number().int().min(0).optional().describe('the nextAfter of the previous page'),
      }),
      responses: {
        200: {
          description: 'The page',
          schema: z.object({
            fields: z.array(listedFieldSchema),
            customers: z.array(
              z.object({
                id: z.number().int(),
                values: valuesSchema,
                status: z.enum(CUSTOMER_STATUSES),
                agent: z.string().nullable(),
                area: z.string().nullable(),
                timezone: z.string().nullable(),
              }),
            ),
            nextAfter: z.number().int().nullable().describe('pass as `after` for the next page; null on the last page'),
          }),
        },
      },
      async handle({ actor, query }) {
        return listCustomers(repositories, actor, query);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/customers/:id',
      summary: 'One customer as an agent sees it: the fields in order, typed, with their actions',
      tag: 'customers',
      roles: ANY_ROLE,
      params: idParams,
      responses: {
        200: {
          description: 'The customer',
          schema: z.object({
            id: z.number().int(),
            campaignId: z.number().int().nullable(),
            status: z.enum(CUSTOMER_STATUSES),
            agent: z.string().nullable(),
            fields: z.array(
              listedFieldSchema.extend({
                value: z.string().nullable(),
                isEditable: z.boolean(),
                actions: z.array(z.object({ kind: z.enum(['mailto', 'tel', 'sms', 'fax', 'map']), href: z.string() })),
              }),
            ),
          }),
        },
      },
      async handle({ actor, params }) {
        return getCustomerCard(repositories, actor, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/lists/:target',
      summary: 'A page of a blacklist, whitelist, campaign blacklist, the area codes or the DIDs',
      tag: 'customers',
      roles: SUPERVISORS,
      params: z.object({ target: z.enum(LIST_TARGETS) }),
      query: z.object({
        campaignId: idSchema.optional(),
        teamId: teamIdQuery,
        q: z.string().max(200).optional().describe('part of the number (the prefix, for area codes)'),
        limit: limitQuery(50, 500),
        after: z.coerce.number().int().min(0).optional(),
      }),
      responses: {
        200: {
          description: 'The page',
          schema: z.object({
            fields: z.array(listedFieldSchema),
            rows: z.array(z.object({ id: z.number().int(), values: valuesSchema, createdAt: z.number().int() })),
            nextAfter: z.number().int().nullable(),
          }),
        },
      },
      async handle({ actor, params, query }) {
        return listReferenceRows(repositories, actor, params.target, query);
      },
    }),
  ];
}
