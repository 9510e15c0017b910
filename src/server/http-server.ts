// The HTTP server: Fastify. Routes live in their domain folders and are registered here.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app/app-context.js';
import { sql } from 'kysely';

export async function buildServer(context: AppContext): Promise<FastifyInstance> {
  const server = Fastify({
    logger: context.config.logLevel === 'silent' ? false : { level: context.config.logLevel },
    bodyLimit: 1024 * 1024,
  });

  server.get('/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(context.database.db);
      return { status: 'ok', database: context.database.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: context.database.dialect });
    }
  });

  return server;
}
