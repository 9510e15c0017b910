import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describeApi, PASSWORD } from './support/api-harness.js';
import { ApiClient, assertError } from './support/api-client.js';

type SessionBody = { user: { id: number; login: string; role: string; teamId: number; teamName: string }; csrfToken: string | null };
type TokenBody = { id: number; name: string; token: string; teamId: number; createdAt: number };

describeApi('sessions, CSRF and API tokens', (api) => {
  it('signs in with an HttpOnly, SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const client = api.client();
    const response = await client.post<SessionBody>('/api/session', { login: 'manager.north', password: PASSWORD });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.user, { id: api.fixtures.users.managerNorth.id, login: 'manager.north', role: 'manager', teamId: api.fixtures.north.id, teamName: 'north' });
    assert.ok(response.body.csrfToken && response.body.csrfToken.length >= 32);
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('intake_session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i, 'plain http and INTAKE_SECURE_COOKIES off: not Secure');

    client.csrfToken = response.body.csrfToken ?? undefined;
    const again = await client.get<SessionBody>('/api/session');
    assert.equal(again.status, 200);
    assert.equal(again.body.user.login, 'manager.north');
    assert.equal(again.body.csrfToken, response.body.csrfToken);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    // The suite's server does not trust proxies: X-Forwarded-Proto is ignored there.
    const response = await api.client().post('/api/session', { login: 'agent.north', password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    assert.doesNotMatch(response.headers.getSetCookie().join('\n'), /Secure/i);
  });

  it('answers 401 without a session, with a wrong password, and for an unknown login', async () => {
    assertError(await api.client().get('/api/session'), 401, 'UNAUTHENTICATED');
    assertError(await api.client().post('/api/session', { login: 'manager.north', password: 'wrong-password' }), 401, 'UNAUTHENTICATED');
    assertError(await api.client().post('/api/session', { login: 'nobody', password: 'wrong-password' }), 401, 'UNAUTHENTICATED');
    assertError(await api.client().post('/api/session', { login: '' }), 400, 'BAD_INPUT');
    const forged = api.client();
    forged.sessionCookie = 'intake_session=forged-session-id';
    assertError(await forged.get('/api/jobs'), 401, 'UNAUTHENTICATED');
  });

  it('gives a new session id at every sign-in and ends the one the browser came with (no fixation)', async () => {
    const client = await api.signedIn('managerNorth', { isFresh: true });
    const first = client.sessionCookie;
    await client.signIn('manager.north', PASSWORD);
    assert.notEqual(client.sessionCookie, first);
    const stale = api.client();
    stale.sessionCookie = first;
    assertError(await stale.get('/api/session'), 401, 'UNAUTHENTICATED');
  });

  it('signs out: 204, the cookie is cleared and the session no longer works', async () => {
    const client = await api.signedIn('agentNorth', { isFresh: true });
    const cookie = client.sessionCookie;
    const response = await client.delete('/api/session');
    assert.equal(response.status, 204);
    assert.equal(client.sessionCookie, undefined);
    const replay = api.client();
    replay.sessionCookie = cookie;
    assertError(await replay.get('/api/session'), 401, 'UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const client = await api.signedIn('agentNorth', { isFresh: true });
    const sessionId = client.sessionCookie?.split('=')[1] ?? '';
    await sql`update sessions set expires_at = 1 where id_hash = ${createHash('sha256').update(sessionId).digest('hex')}`.execute(api.database.app.db);
    assertError(await client.get('/api/session'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the X-CSRF-Token header, or with a wrong one (403 CSRF_INVALID)', async () => {
    const client = await api.signedIn('managerNorth');
    assertError(await client.post('/api/campaigns', { name: 'Csrf Check' }, { isCsrfOmitted: true }), 403, 'CSRF_INVALID');
    assertError(await client.post('/api/campaigns', { name: 'Csrf Check' }, { isCsrfOmitted: true, headers: { 'x-csrf-token': 'not-the-token' } }), 403, 'CSRF_INVALID');
    assertError(await client.delete('/api/session', { isCsrfOmitted: true }), 403, 'CSRF_INVALID');
    const created = await client.post('/api/campaigns', { name: 'Csrf Check' });
    assert.equal(created.status, 201, created.text);
  });

  it('creates an API token shown once and stored hashed; a bearer request needs no CSRF token', async () => {
    const manager = await api.signedIn('managerNorth');
    const created = await manager.post<TokenBody>('/api/tokens', { name: 'nightly leads' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.teamId, api.fixtures.north.id);
    assert.match(created.body.token, /^itk_/);
    const { rows } = await sql<{ token_hash: string }>`select token_hash from api_tokens where id = ${created.body.id}`.execute(api.database.app.db);
    assert.notEqual(rows[0]?.token_hash, created.body.token);
    assert.ok(!rows[0]?.token_hash.includes(created.body.token));

    const listed = await manager.get<{ tokens: Array<Record<string, unknown>> }>('/api/tokens');
    assert.equal(listed.status, 200);
    const shown = listed.body.tokens.find((token) => token.id === created.body.id);
    assert.ok(shown);
    assert.equal(shown.token, undefined, 'the secret is never listed');

    const script = api.client().withToken(created.body.token);
    const who = await script.get<SessionBody>('/api/session');
    assert.equal(who.status, 200);
    assert.equal(who.body.user.login, 'manager.north');
    assert.equal(who.body.csrfToken, null);
    const campaign = await script.post('/api/campaigns', { name: 'From A Script' });
    assert.equal(campaign.status, 201, campaign.text);
  });

  it('holds a token to its team and its creator\'s role; revoked it answers 401', async () => {
    const admin = await api.signedIn('admin');
    const created = await admin.post<TokenBody>('/api/tokens', { name: 'south sync', teamId: api.fixtures.south.id });
    assert.equal(created.status, 201, created.text);
    const script = api.client().withToken(created.body.token);
    const teams = await script.get<{ teams: Array<{ id: number }> }>('/api/teams');
    assert.deepEqual(teams.body.teams.map((team) => team.id), [api.fixtures.south.id]);
    assertError(await script.get(`/api/users?teamId=${api.fixtures.north.id}`), 404, 'NOT_FOUND');
    assertError(await script.post('/api/teams', { name: 'east' }), 403, 'FORBIDDEN');

    const manager = await api.signedIn('managerNorth');
    assertError(await manager.post('/api/tokens', { name: 'elsewhere', teamId: api.fixtures.south.id }), 404, 'NOT_FOUND');
    const agent = await api.signedIn('agentNorth');
    assertError(await agent.post('/api/tokens', { name: 'mine' }), 403, 'FORBIDDEN');
    // Another manager's token is not theirs to revoke.
    const other = await api.signedIn('managerSouth');
    assertError(await other.delete(`/api/tokens/${created.body.id}`), 404, 'NOT_FOUND');

    assert.equal((await admin.delete(`/api/tokens/${created.body.id}`)).status, 204);
    assertError(await script.get('/api/teams'), 401, 'UNAUTHENTICATED');
    assertError(await api.client().withToken('itk_made-up').get('/api/teams'), 401, 'UNAUTHENTICATED');
  });

  it('voids a manager\'s token when the manager moves to another team, and demotes it with its creator', async () => {
    const admin = await api.signedIn('admin');
    const user = await admin.post<{ id: number }>('/api/users', { login: 'mover', password: PASSWORD, role: 'manager', teamId: api.fixtures.north.id });
    assert.equal(user.status, 201, user.text);
    const mover = api.client();
    await mover.signIn('mover', PASSWORD);
    const token = (await mover.post<TokenBody>('/api/tokens', { name: 'sync' })).body.token;
    const script = api.client().withToken(token);
    assert.equal((await script.get('/api/jobs')).status, 200);
    await admin.patch(`/api/users/${user.body.id}`, { role: 'agent' });
    assertError(await script.get('/api/jobs'), 403, 'FORBIDDEN');
    await admin.patch(`/api/users/${user.body.id}`, { role: 'manager', teamId: api.fixtures.south.id });
    assertError(await script.get('/api/jobs'), 401, 'UNAUTHENTICATED');
  });
});

describeApi(
  'sign-in rate limit and secure cookies',
  (api) => {
    it('limits failed sign-ins per login with 429 and Retry-After, and forgives them after a success', async () => {
      const client = api.client();
      for (let attempt = 0; attempt < 3; attempt++) {
        assertError(await client.post('/api/session', { login: 'agent.north', password: 'wrong-password' }), 401, 'UNAUTHENTICATED');
      }
      const limited = await client.post('/api/session', { login: 'agent.north', password: PASSWORD });
      assertError(limited, 429, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${limited.headers.get('retry-after')}`);
      // Another login from the same address still may sign in (the per-address limit is higher).
      await api.client().signIn('manager.north', PASSWORD);
    });

    it('limits failed sign-ins per address across logins', async () => {
      for (const login of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) {
        const response = await api.client().post('/api/session', { login, password: 'wrong-password' });
        assert.ok(response.status === 401 || response.status === 429);
      }
      assertError(await api.client().post('/api/session', { login: 'agent.south', password: PASSWORD }), 429, 'RATE_LIMITED');
    });

    it('marks the session cookie Secure when INTAKE_SECURE_COOKIES says so', async () => {
      await api.database.app.db.deleteFrom('login_attempts').execute();
      const response = await new ApiClient(api.baseUrl).post('/api/session', { login: 'manager.south', password: PASSWORD });
      assert.equal(response.status, 200, response.text);
      assert.match(response.headers.getSetCookie().join('\n'), /; Secure/i);
    });
  },
  { environment: { INTAKE_LOGIN_ATTEMPTS_PER_LOGIN: '3', INTAKE_LOGIN_ATTEMPTS_PER_IP: '8', INTAKE_LOGIN_WINDOW_SECONDS: '600', INTAKE_SECURE_COOKIES: 'true' } },
);
