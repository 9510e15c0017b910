import { it } from 'node:test';
import assert from 'node:assert/strict';
import { apiRoutes } from '../../src/server/http-server.js';
import type { RouteDefinition } from '../../src/server/route-definition.js';
import { describeApi } from './support/api-harness.js';
import { assertError, type ApiClient } from './support/api-client.js';

/** A concrete path for a route: ids 1, and a valid value for the enumerated path parameters. */
function samplePath(route: RouteDefinition): string {
  return route.url.replace(':id', '1').replace(':kind', 'success').replace(':target', 'blacklist');
}

function call(client: ApiClient, route: RouteDefinition) {
  return client.call(route.method, samplePath(route), route.method === 'GET' || route.method === 'DELETE' ? {} : { json: {} });
}

describeApi('access to every route', (api) => {
  it('answers 401 on every route but signing in, the health check and the API description when no one is signed in', async () => {
    const routes = apiRoutes(api.context);
    const open = routes.filter((route) => route.roles === null).map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(open.sort(), ['GET /api/openapi.json', 'GET /health', 'POST /api/session']);
    for (const route of routes.filter((candidate) => candidate.roles !== null)) {
      assertError(await call(api.client(), route), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 to an agent on every route that is not for agents, before looking at the input', async () => {
    const agent = await api.signedIn('agentNorth');
    const closed = apiRoutes(api.context).filter((route) => route.roles !== null && !route.roles.includes('agent'));
    assert.ok(closed.length > 20);
    for (const route of closed) assertError(await call(agent, route), 403, 'FORBIDDEN');
  });

  it('answers 403 to a manager on the administrators\' routes', async () => {
    const manager = await api.signedIn('managerNorth');
    const adminOnly = apiRoutes(api.context).filter((route) => route.roles !== null && !route.roles.includes('manager'));
    assert.deepEqual(adminOnly.map((route) => `${route.method} ${route.url}`), ['POST /api/teams']);
    for (const route of adminOnly) assertError(await call(manager, route), 403, 'FORBIDDEN');
  });

  it('answers 400 {code, message} to a malformed id or body, not 500', async () => {
    const manager = await api.signedIn('managerNorth');
    assertError(await manager.get('/api/jobs/abc'), 400, 'BAD_INPUT');
    assertError(await manager.get('/api/jobs/-1'), 400, 'BAD_INPUT');
    assertError(await manager.call('POST', '/api/campaigns', { headers: { 'content-type': 'application/json' }, json: undefined }), 400);
    const broken = await manager.call('POST', '/api/users', { headers: { 'content-type': 'application/json' } });
    assertError(broken, 400);
    const text = await fetch(`${api.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"login":' });
    assert.equal(text.status, 400);
    assert.equal(((await text.json()) as { code: string }).code, 'BAD_INPUT');
  });
});
