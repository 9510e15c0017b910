import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApi, PASSWORD } from './support/api-harness.js';
import { ApiClient, assertError } from './support/api-client.js';

type Team = { id: number; name: string; country: string };
type User = { id: number; login: string; role: string; teamId: number };

describeApi('teams and users', (api) => {
  it('lets an administrator list and create teams; a manager sees their own team; an agent neither', async () => {
    const admin = await api.signedIn('admin');
    const created = await admin.post<Team>('/api/teams', { name: 'east', country: 'cn' });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.name, created.body.country], ['east', 'CN']);
    assertError(await admin.post('/api/teams', { name: 'east' }), 409, 'CONFLICT');
    assertError(await admin.post('/api/teams', { name: 'west', country: 'XX' }), 400, 'BAD_INPUT');
    assertError(await admin.post('/api/teams', {}), 400, 'BAD_INPUT');
    const all = await admin.get<{ teams: Team[] }>('/api/teams');
    assert.deepEqual(all.body.teams.map((team) => team.name), ['north', 'south', 'east']);

    const manager = await api.signedIn('managerSouth');
    const own = await manager.get<{ teams: Team[] }>('/api/teams');
    assert.deepEqual(own.body.teams.map((team) => team.name), ['south']);
    assertError(await manager.post('/api/teams', { name: 'mine' }), 403, 'FORBIDDEN');
    assertError(await (await api.signedIn('agentSouth')).get('/api/teams'), 403, 'FORBIDDEN');
    assertError(await api.client().get('/api/teams'), 401, 'UNAUTHENTICATED');
    assertError(await api.client().post('/api/teams', { name: 'x' }), 401, 'UNAUTHENTICATED');
  });

  it('lists users: a manager their team\'s, an administrator any team\'s', async () => {
    const manager = await api.signedIn('managerNorth');
    const north = await manager.get<{ users: User[] }>('/api/users');
    assert.deepEqual(north.body.users.map((user) => user.login).sort(), ['admin', 'agent.north', 'agent2.north', 'manager.north']);
    assert.ok(!JSON.stringify(north.body).includes('password'));
    assertError(await manager.get(`/api/users?teamId=${api.fixtures.south.id}`), 404, 'NOT_FOUND');
    const admin = await api.signedIn('admin');
    const south = await admin.get<{ users: User[] }>(`/api/users?teamId=${api.fixtures.south.id}`);
    assert.deepEqual(south.body.users.map((user) => user.login).sort(), ['agent.south', 'manager.south']);
    assert.ok((await admin.get<{ users: User[] }>('/api/users')).body.users.length >= 6);
    assertError(await (await api.signedIn('agentNorth')).get('/api/users'), 403, 'FORBIDDEN');
    assertError(await api.client().get('/api/users'), 401, 'UNAUTHENTICATED');
  });

  it('lets a manager create, change and remove their team\'s non-admin users, and nobody else\'s', async () => {
    const manager = await api.signedIn('managerNorth');
    const created = await manager.post<User>('/api/users', { login: 'new.agent', password: 'secret-pass', role: 'agent' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.teamId, api.fixtures.north.id);
    assertError(await manager.post('/api/users', { login: 'new.agent', password: 'secret-pass', role: 'agent' }), 409, 'CONFLICT');
    assertError(await manager.post('/api/users', { login: 'boss', password: 'secret-pass', role: 'admin' }), 403, 'FORBIDDEN');
    assertError(await manager.post('/api/users', { login: 'elsewhere', password: 'secret-pass', role: 'agent', teamId: api.fixtures.south.id }), 404, 'NOT_FOUND');
    assertError(await manager.post('/api/users', { login: 'short', password: 'short', role: 'agent' }), 400, 'BAD_INPUT');

    const newAgent = new ApiClient(api.baseUrl);
    await newAgent.signIn('new.agent', 'secret-pass');
    const promoted = await manager.patch<User>(`/api/users/${created.body.id}`, { role: 'manager', password: 'another-pass' });
    assert.equal(promoted.status, 200, promoted.text);
    assert.equal(promoted.body.role, 'manager');
    assertError(await newAgent.get('/api/session'), 401, 'UNAUTHENTICATED');
    await newAgent.signIn('new.agent', 'another-pass');

    assertError(await manager.patch(`/api/users/${api.fixtures.users.admin.id}`, { password: 'taken-over' }), 403, 'FORBIDDEN');
    assertError(await manager.patch(`/api/users/${created.body.id}`, { role: 'admin' }), 403, 'FORBIDDEN');
    assertError(await manager.patch(`/api/users/${created.body.id}`, { teamId: api.fixtures.south.id }), 403, 'FORBIDDEN');
    assertError(await manager.patch(`/api/users/${api.fixtures.users.agentSouth.id}`, { password: 'taken-over' }), 404, 'NOT_FOUND');
    assertError(await manager.patch(`/api/users/${api.fixtures.users.managerNorth.id}`, { role: 'agent' }), 409, 'CONFLICT');
    assertError(await manager.patch(`/api/users/${created.body.id}`, { login: 'renamed' }), 400, 'BAD_INPUT');
    assertError(await manager.delete(`/api/users/${api.fixtures.users.agentSouth.id}`), 404, 'NOT_FOUND');
    assertError(await manager.delete(`/api/users/${api.fixtures.users.admin.id}`), 403, 'FORBIDDEN');
    assertError(await manager.delete(`/api/users/${api.fixtures.users.managerNorth.id}`), 409, 'CONFLICT');

    assert.equal((await manager.delete(`/api/users/${created.body.id}`)).status, 204);
    assertError(await newAgent.get('/api/session'), 401, 'UNAUTHENTICATED');
    assertError(await manager.delete(`/api/users/${created.body.id}`), 404, 'NOT_FOUND');
  });

  it('lets an administrator create users of any role in any team and move them', async () => {
    const admin = await api.signedIn('admin');
    const created = await admin.post<User>('/api/users', { login: 'south.admin', password: PASSWORD, role: 'admin', teamId: api.fixtures.south.id });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.teamId, api.fixtures.south.id);
    assertError(await admin.post('/api/users', { login: 'no.team', password: PASSWORD, role: 'agent' }), 400, 'BAD_INPUT');
    const moved = await admin.patch<User>(`/api/users/${created.body.id}`, { teamId: api.fixtures.north.id, role: 'manager' });
    assert.deepEqual([moved.body.teamId, moved.body.role], [api.fixtures.north.id, 'manager']);
    assertError(await admin.patch(`/api/users/${created.body.id}`, { teamId: 999_999 }), 404, 'NOT_FOUND');
    assertError(await (await api.signedIn('agentNorth')).post('/api/users', { login: 'x1', password: PASSWORD, role: 'agent' }), 403, 'FORBIDDEN');
    assertError(await api.client().delete(`/api/users/${created.body.id}`), 401, 'UNAUTHENTICATED');
    assert.equal((await admin.delete(`/api/users/${created.body.id}`)).status, 204);
  });
});
