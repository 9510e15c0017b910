import { it } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../src/server/http-server.js';
import { openApiPath } from '../../src/server/openapi.js';
import { describeApi } from './support/api-harness.js';

type Operation = { operationId: string; parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown>; security?: unknown[] };
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Every "METHOD /path" the server answers, read from Fastify's route tree (HEAD is added by Fastify itself). */
function registeredRoutes(server: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ').filter((name) => name && name !== 'HEAD')) routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

describeApi('the OpenAPI document', (api) => {
  it('is a valid OpenAPI 3 document, served without a session', async () => {
    const response = await api.client().get<OpenApiDocument>('/api/openapi.json');
    assert.equal(response.status, 200);
    assert.match(response.body.openapi, /^3\.0\./);
    // The validator dereferences in place: it gets a copy.
    await SwaggerParser.validate(structuredClone(response.body) as unknown as OpenAPI.Document);
  });

  it('lists every route the server answers, and nothing else', async () => {
    const document = (await api.client().get<OpenApiDocument>('/api/openapi.json')).body;
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // The web UI (`/`, its built files, the fallback `/*`) is not part of the API.
    const served = registeredRoutes(api.server)
      .filter((route) => / \/api\//.test(route) || route === 'GET /health')
      .map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'));
    assert.deepEqual(documented, served);
    assert.deepEqual(documented, apiRoutes(api.context).map((route) => `${route.method} ${openApiPath(route.url)}`).sort());
    for (const expected of ['POST /api/session', 'POST /api/uploads', 'GET /api/uploads/{id}/preview', 'POST /api/imports', 'GET /api/jobs/{id}/events', 'GET /api/jobs/{id}/files/{kind}', 'PUT /api/fields', 'GET /api/customers/{id}', 'GET /api/lists/{target}', 'PATCH /api/users/{id}']) {
      assert.ok(documented.includes(expected), `${expected} is documented`);
    }
  });

  it('documents who may call each operation, and errors as {code, message}', async () => {
    const document = (await api.client().get<OpenApiDocument>('/api/openapi.json')).body;
    assert.deepEqual(document.paths['/api/session']?.post?.security, []);
    assert.equal(document.paths['/api/jobs']?.get?.security, undefined, 'the document-wide security applies');
    const operationIds = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((operation) => operation.operationId));
    assert.equal(new Set(operationIds).size, operationIds.length, 'operation ids are unique');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const operation of Object.values(operations)) {
        assert.ok(operation.responses.default);
        // The validator does not check this for OpenAPI 3: each {name} of the path is a path parameter.
        const named = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
        assert.deepEqual(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name).sort(), named, path);
      }
    }
  });

  it('answers an unknown API route with 404 {code, message}', async () => {
    const response = await api.client().get<{ code: string; message: string }>('/api/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'NOT_FOUND');
    const health = await api.client().get<{ status: string }>('/health');
    assert.equal(health.body.status, 'ok');
  });
});
