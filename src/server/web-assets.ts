// Serves the built web UI (web/dist) at `/`: hashed assets cached for good, and index.html for every other non-API
// GET so that the browser's router can show /jobs/12 and the like. API paths keep the API's own 404.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** web/dist from the compiled server (dist/src/server) or from the sources (src/server, under tsx). */
const CANDIDATE_ROOTS = ['../../../web/dist/', '../../web/dist/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));

export function findWebRoot(candidates: readonly string[] = CANDIDATE_ROOTS): string | null {
  return candidates.find((root) => existsSync(`${root}index.html`)) ?? null;
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || url === '/health';
}

export async function registerWebAssets(server: FastifyInstance, webRoot: string | null = findWebRoot()): Promise<void> {
  if (webRoot === null) {
    server.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The web UI is not built. Run `npm run build` (or `npm install`), then restart `intake serve`.\n'),
    );
    return;
  }
  await server.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      const isHashed = path.includes('/assets/');
      reply.header('Cache-Control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) return reply.callNotFound();
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    // A file name (an asset built after the server started): the file itself, or 404 — never index.html as a script.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(path.replace(/^\/+/, ''));
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  };
  server.get('/', sendIndex);
  server.get('/*', sendIndex);
}
