import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { SUPERVISORS } from '../auth/actor.js';
import { FIELD_TYPES, TARGETS } from '../imports/targets.js';
import { idSchema, teamIdQuery } from '../server/common-schemas.js';
import { defineRoute, type RouteDefinition } from '../server/route-definition.js';
import { arrangeFields, getFieldLayout } from './field-layout.js';

const fieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  position: z.number().int(),
  isCustom: z.boolean(),
  isVisible: z.boolean().describe('shown to agents'),
  isEditable: z.boolean().describe('editable by agents'),
});
const selectionQuery = z.object({ target: z.enum(TARGETS), campaignId: idSchema.optional(), teamId: teamIdQuery });

export function fieldRoutes(context: AppContext): RouteDefinition[] {
  const { repositories } = context;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/fields',
      summary: 'The fields of a table or campaign in order: the agent view',
      tag: 'fields',
      roles: SUPERVISORS,
      query: selectionQuery,
      responses: { 200: { description: 'The fields', schema: z.array(fieldSchema) } },
      async handle({ actor, query }) {
        return getFieldLayout(repositories, actor, query);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/fields',
      summary: 'Change the agent view: the same list, reordered, with labels, types, visible and editable changed',
      tag: 'fields',
      roles: SUPERVISORS,
      query: selectionQuery,
      body: z
        .array(
          z.object({
            key: z.string().min(1).max(64),
            label: z.string().max(200),
            type: z.enum(FIELD_TYPES),
            position: z.number().int().optional().describe('ignored: the order of the list is the order of the fields'),
            isCustom: z.boolean().optional().describe('ignored'),
            isVisible: z.boolean(),
            isEditable: z.boolean(),
          }),
        )
        .max(2000),
      responses: { 200: { description: 'The fields as stored', schema: z.array(fieldSchema) } },
      async handle({ actor, query, body }) {
        return arrangeFields(repositories, actor, query, body);
      },
    }),
  ];
}
