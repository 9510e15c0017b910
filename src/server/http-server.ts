// The HTTP server: Fastify. Routes are defined in their domain folders (`*.routes.ts`) and registered here, with
// authentication, role checks, zod parsing and the one error mapping applied to every one of them alike.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { ZodTypeAny } from 'zod';
import type { AppContext } from '../app/app-context.js';
import { requireRole, type Actor } from '../auth/actor.js';
import { authRoutes } from '../auth/auth.routes.js';
import { pruneSignInRecords } from '../auth/auth-service.js';
import { campaignRoutes } from '../campaigns/campaigns.routes.js';
import { fieldRoutes } from '../campaigns/fields.routes.js';
import { customerRoutes } from '../customers/customers.routes.js';
import { importRoutes } from '../imports/imports.routes.js';
import { jobRoutes } from '../jobs/jobs.routes.js';
import { AppError } from '../shared/app-error.js';
import { teamRoutes } from '../teams/teams.routes.js';
import { uploadRoutes } from '../uploads/uploads.routes.js';
import { sweepUploads } from '../uploads/upload-service.js';
import { userRoutes } from '../users/users.routes.js';
import { describeZodError, sendError } from './http-errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { authenticateRequest } from './request-auth.js';
import { ANSWERED, type RouteDefinition } from './route-definition.js';
import { serverRoutes } from './server.routes.js';
import { registerWebAssets } from './web-assets.js';

export type ServerOptions = {
  /**
   * How often expired uploads, sessions and login attempts are swept (default: INTAKE_SWEEP_SECONDS); null: never
   * (tests call the sweep themselves).
   */
  sweepIntervalMs?: number | null;
};

/** Every route of the API, in the order the OpenAPI document lists them. */
export function apiRoutes(context: AppContext): RouteDefinition[] {
  let document: unknown;
  // The document describes every route, itself included; it is built on first request.
  const routes: RouteDefinition[] = [
    ...serverRoutes(context, () => (document ??= buildOpenApiDocument(routes, { title: 'Intake API', version: '1.0.0' }))),
    ...authRoutes(context),
    ...teamRoutes(context),
    ...userRoutes(context),
    ...uploadRoutes(context),
    ...importRoutes(context),
    ...jobRoutes(context),
    ...campaignRoutes(context),
    ...fieldRoutes(context),
    ...customerRoutes(context),
  ];
  return routes;
}

export async function buildServer(context: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const server = Fastify({
    logger: context.config.logLevel === 'silent' ? false : { level: context.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: context.config.http.isProxyTrusted,
  });
  await server.register(cookie);
  await server.register(multipart, {
    // One file per request; the byte limit itself is enforced while streaming into storage (UPLOAD_TOO_LARGE).
    limits: { files: 1, fileSize: context.config.limits.uploadMaxBytes + 1, fields: 20, parts: 25, fieldSize: 64 * 1024 },
  });
  server.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  server.setNotFoundHandler((request, reply) =>
    sendError(new AppError('NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]}. The routes are listed at /api/openapi.json.`), request, reply),
  );

  for (const route of apiRoutes(context)) registerRoute(server, context, route);
  await registerWebAssets(server);

  const sweepMs = options.sweepIntervalMs === undefined ? context.config.sweepSeconds * 1000 : options.sweepIntervalMs;
  if (sweepMs !== null) {
    const timer = setInterval(() => {
      Promise.all([sweepUploads(context), pruneSignInRecords({ config: context.config, ...context.repositories })]).catch((error: unknown) =>
        server.log.warn({ err: error }, 'sweeping expired uploads and sessions failed'),
      );
    }, sweepMs);
    timer.unref();
    server.addHook('onClose', async () => clearInterval(timer));
  }
  return server;
}

function registerRoute(server: FastifyInstance, context: AppContext, route: RouteDefinition): void {
  server.route({
    method: route.method,
    url: route.url,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      let actor: Actor | null = null;
      if (route.roles !== null) {
        actor = await authenticateRequest(context.repositories, request);
        requireRole(actor, route.roles);
      }
      const params = parseWith(route.params, request.params, 'path');
      const query = parseWith(route.query, request.query, 'query');
      const body = parseWith(route.body, request.body, 'body');
      const result = await route.handle({ params, query, body, actor, request, reply });
      if (result === ANSWERED) return reply;
      return reply.send(result);
    },
  });
}

function parseWith(schema: ZodTypeAny | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_INPUT', describeZodError(parsed.error, where));
  return parsed.data;
}
