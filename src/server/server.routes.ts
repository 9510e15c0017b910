// Routes of the server itself: its health, and the description of its API.
import { z } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { definePublicRoute, type RouteDefinition } from './route-definition.js';

export function serverRoutes(context: AppContext, openApiDocument: () => unknown): RouteDefinition[] {
  return [
    definePublicRoute({
      method: 'GET',
      url: '/health',
      summary: 'Whether the server and its database answer',
      tag: 'server',
      responses: {
        200: { description: 'Up', schema: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
        503: { description: 'The database does not answer', schema: z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) }) },
      },
      async handle({ reply }) {
        try {
          await context.repositories.jobs.databaseTime();
          return { status: 'ok', database: context.database.dialect };
        } catch {
          reply.code(503);
          return { status: 'unavailable', database: context.database.dialect };
        }
      },
    }),
    definePublicRoute({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'This API, described as OpenAPI 3',
      tag: 'server',
      responses: { 200: { description: 'The OpenAPI document', schema: z.object({ openapi: z.string() }).passthrough() } },
      async handle() {
        return openApiDocument();
      },
    }),
  ];
}
