// Randomised access test: thousands of requests over every route of the OpenAPI document, by managers, agents and
// administrators of two teams (sessions and API tokens), with ids, team ids and bodies of both teams. No one held to
// a team ever reads or writes the other's data; nothing answers 500. Also: session fixation, CSRF, login brute force.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describeApi, PASSWORD, type ApiSuite } from '../api/support/api-harness.js';
import { ApiClient, type ApiResponse } from '../api/support/api-client.js';
import { runnerDependencies } from '../../src/imports/import-workflow.js';
import { createWorker } from '../../src/jobs/worker.js';
import { hashPassword } from '../../src/auth/password.js';
import { testSeed } from '../support/intake-processes.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import { byScale, recordFigures } from '../support/test-scale.js';
import { createRandom } from '../../src/shared/seeded-random.js';

holdPostgresWhileRunning();

const REQUESTS = byScale(1_200, 5_000);
type Team = 'north' | 'south';
const TEAMS: readonly Team[] = ['north', 'south'];
const MARKERS: Record<Team, RegExp> = { north: /NORTHSECRET|north-secret|North secret/, south: /SOUTHSECRET|south-secret|South secret/ };
type Kind = 'uploads' | 'jobs' | 'campaigns' | 'customers' | 'users' | 'tokens' | 'team';
type Pools = Record<Team, Record<Kind, number[]>>;
/** Who acts: a session (cookie + CSRF) or an API token; `team` is the one it is held to (null: an administrator's session). */
type Actor = { name: string; client: ApiClient; team: Team | null; login?: string };
type Request = { method: string; path: string; json?: unknown; form?: FormData; teams: Set<Team> };
type Route = { method: string; path: string; query: Set<string> };

describeApi('access across two teams', (api) => {
  const pools: Pools = { north: emptyPool(), south: emptyPool() };
  const actors: Actor[] = [];
  let routes: Route[] = [];

  before(async () => {
    const { repositories } = api.context;
    const hash = await hashPassword(PASSWORD);
    for (const team of TEAMS) {
      const teamId = api.fixtures[team].id;
      pools[team].team.push(teamId);
      const manager = await api.signedIn(team === 'north' ? 'managerNorth' : 'managerSouth');
      for (let i = 0; i < 4; i++) {
        const user = await repositories.users.insert({ login: `victim${i}.${team}`, passwordHash: hash, role: i % 2 ? 'manager' : 'agent', teamId });
        pools[team].users.push(user.id);
      }
      const secret = team.toUpperCase();
      const uploaded = await manager.upload<{ id: number }>(`${team}-secret.csv`, `name,phone\r\n${secret}SECRET Ann,+1 312 200 ${team === 'north' ? '0001' : '0002'}\r\n${secret}SECRET Bob,+1 312 200 ${team === 'north' ? '0003' : '0004'}\r\n`);
      assert.equal(uploaded.status, 201, uploaded.text);
      const campaign = await manager.post<{ id: number }>('/api/campaigns', { name: `${team === 'north' ? 'North' : 'South'} secret campaign`, agentIds: [api.fixtures.users[team === 'north' ? 'agentNorth' : 'agentSouth'].id] });
      assert.equal(campaign.status, 201, campaign.text);
      pools[team].campaigns.push(campaign.body.id);
      for (const body of [{ target: 'individual' }, { target: 'campaign', campaignId: campaign.body.id }]) {
        const again = await manager.upload<{ id: number }>(`${team}-secret.csv`, `name,phone\r\n${secret}SECRET Cy,+1 312 201 ${team === 'north' ? '0001' : '0002'}\r\n`);
        const created = await manager.post<{ job: { id: number } }>('/api/imports', { uploadId: body.target === 'individual' ? uploaded.body.id : again.body.id, ...body, confirmNameMismatch: true });
        assert.equal(created.status, 201, created.text);
        await createWorker(runnerDependencies(api.context)).runOnce(created.body.job.id);
        pools[team].jobs.push(created.body.job.id);
      }
      const later = await manager.upload<{ id: number }>(`${team}-secret.csv`, `name,phone\r\n${secret}SECRET Di,+1 312 202 0001\r\n`);
      const scheduled = await manager.post<{ job: { id: number } }>('/api/imports', { uploadId: later.body.id, target: 'individual', at: new Date(Date.now() + 86_400_000).toISOString() });
      pools[team].jobs.push(scheduled.body.job.id);
      const spare = await manager.upload<{ id: number }>(`${team}-secret.csv`, `name,phone\r\n${secret}SECRET Ed,+1 312 203 0001\r\n`);
      pools[team].uploads.push(uploaded.body.id, spare.body.id);
      const customers = await manager.get<{ customers: Array<{ id: number }> }>('/api/customers?target=individual');
      pools[team].customers.push(...customers.body.customers.map((customer) => customer.id));
      const token = await manager.post<{ id: number; token: string }>('/api/tokens', { name: `${team} victim token` });
      pools[team].tokens.push(token.body.id);
    }
    const admin = await api.signedIn('admin');
    const adminToken = await admin.post<{ token: string }>('/api/tokens', { name: 'admin held to north', teamId: api.fixtures.north.id });
    const southToken = await (await api.signedIn('managerSouth')).post<{ token: string }>('/api/tokens', { name: 'south script' });
    for (const [name, user, team] of [
      ['admin', 'admin', null],
      ['manager north', 'managerNorth', 'north'],
      ['agent north', 'agentNorth', 'north'],
      ['manager south', 'managerSouth', 'south'],
      ['agent south', 'agentSouth', 'south'],
    ] as const) {
      actors.push({ name, client: await api.signedIn(user, { isFresh: true }), team, login: api.fixtures.users[user].login });
    }
    actors.push({ name: 'admin token held to north', client: api.client().withToken(adminToken.body.token), team: 'north' });
    actors.push({ name: 'manager south token', client: api.client().withToken(southToken.body.token), team: 'south' });
    const document = await api.client().get<{ paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }>('/api/openapi.json');
    routes = Object.entries(document.body.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: new Set((operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)),
      })),
    );
  });

  it(`finds no cross-team read or write in ${REQUESTS.toLocaleString('en-US')} random requests over every route`, async () => {
    const seed = testSeed();
    console.log(`# access fuzz on ${api.database.test.dialect}: seed ${seed} (INTAKE_TEST_SEED=${seed} replays it)`);
    const random = createRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const covered = new Set<string>();
    const statuses: Record<string, number> = {};
    let unique = 0;
    let crossTeam = 0;

    for (let n = 0; n < REQUESTS; n++) {
      const route = routes[n % routes.length]!;
      // Signing in is done by a browser of its own: it would change who the actor's client is.
      const actor = route.method === 'POST' && route.path === '/api/session' ? { name: 'a new browser', client: api.client(), team: null } : pick(actors);
      const request = buildRequest(route, actor, pick, random, () => `fuzz${++unique}`);
      const other = actor.team === null ? null : actor.team === 'north' ? 'south' : 'north';
      const before = other ? await fingerprint(api, other) : '';
      const response = request.path.includes('/events') ? await readEvents(actor.client, request.path) : await actor.client.call(request.method, request.path, { json: request.json, form: request.form });
      covered.add(`${route.method} ${route.path}`);
      statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
      const where = `request ${n} (seed ${seed}): ${actor.name} ${request.method} ${request.path} ${request.json === undefined ? '' : JSON.stringify(request.json)} → ${response.status} ${response.text.slice(0, 300)}`;
      assert.ok(response.status < 500, where);
      if (other) {
        if (request.teams.has(other)) {
          crossTeam++;
          assert.ok(response.status >= 400, `a cross-team request succeeded: ${where}`);
        }
        if (response.status < 300) assertNothingOf(response, other, api.fixtures[other].id, where);
        assert.equal(await fingerprint(api, other), before, `the other team's data changed: ${where}`);
      }
      if (response.status < 300) remember(request, actor, response);
      if (request.method === 'DELETE' && request.path === '/api/session' && response.status === 204 && actor.login) await actor.client.signIn(actor.login, PASSWORD);
    }
    const missing = routes.map((route) => `${route.method} ${route.path}`).filter((route) => !covered.has(route));
    assert.deepEqual(missing, [], 'routes of the OpenAPI document the fuzz never called');
    recordFigures('access-fuzz', { dialect: api.database.test.dialect, seed, requests: REQUESTS, routes: routes.length, crossTeamRequests: crossTeam, statuses });
  });

  /** Ids an answer created join the pools of the team they belong to; a user moved to another team moves too. */
  function remember(request: Request, actor: Actor, response: ApiResponse): void {
    const body = response.body as { id?: unknown; teamId?: unknown; job?: { id?: unknown; teamId?: unknown } } | null;
    if (!body || typeof body !== 'object') return;
    const item = body.job ?? body;
    const team = TEAMS.find((candidate) => api.fixtures[candidate].id === item.teamId) ?? actor.team;
    if (request.method === 'PATCH' && typeof item.id === 'number' && team) {
      for (const each of TEAMS) pools[each].users = pools[each].users.filter((user) => user !== item.id);
      pools[team].users.push(item.id);
      return;
    }
    if (typeof item.id !== 'number' || !team || request.method !== 'POST') return;
    const kind: Kind | undefined = request.path.startsWith('/api/uploads') ? 'uploads' : request.path.startsWith('/api/imports') ? 'jobs' : request.path.startsWith('/api/campaigns') ? 'campaigns' : request.path.startsWith('/api/users') ? 'users' : undefined;
    if (kind) pools[team][kind].push(item.id);
  }

  function buildRequest(route: Route, actor: Actor, pick: <T>(items: readonly T[]) => T, random: () => number, unique: () => string): Request {
    const teams = new Set<Team>();
    const id = (kind: Kind): number => {
      if (random() < 0.05) return 987_654;
      const team = pick(TEAMS);
      const pool = pools[team][kind];
      if (pool.length === 0) return 987_654;
      teams.add(team);
      return pick(pool);
    };
    const maybe = <T>(value: () => T): T | undefined => (random() < 0.5 ? value() : undefined);
    const kindOf = (path: string): Kind => (['uploads', 'jobs', 'campaigns', 'customers', 'users', 'tokens'] as const).find((kind) => path.startsWith(`/api/${kind}`)) ?? 'team';
    const listTarget = pick(['blacklist', 'whitelist', 'campaign-blacklist', 'area-code', 'did']);
    let path = route.path
      .replace('{id}', () => String(id(kindOf(route.path))))
      .replace('{kind}', () => pick(['success', 'error', 'duplicated', 'original']))
      .replace('{target}', listTarget);
    const query = new URLSearchParams();
    // Drawn only for the query parameters the route takes, and a campaign only where the target uses one: a drawn
    // id counts as a reference to its team.
    const teamId = route.query.has('teamId') ? maybe(() => id('team')) : undefined;
    const isCampaignUsed = route.query.has('target') || (route.path.startsWith('/api/lists') && listTarget === 'campaign-blacklist');
    const campaignId = route.query.has('campaignId') && isCampaignUsed ? maybe(() => id('campaigns')) : undefined;
    const target = pick(['individual', 'organization', 'mass-target', 'campaign', 'blacklist', 'did']);
    if (teamId !== undefined) query.set('teamId', String(teamId));
    if (route.query.has('target')) query.set('target', campaignId === undefined ? pick(['individual', 'organization']) : 'campaign');
    if (campaignId !== undefined) query.set('campaignId', String(campaignId));
    if (route.path === '/api/customers' && random() < 0.3) query.set('q', pick(['SECRET', 'Ann', '312']));
    if (query.size > 0) path += `?${query}`;

    let json: unknown;
    let form: FormData | undefined;
    const someTeam = () => id('team');
    switch (`${route.method} ${route.path}`) {
      case 'POST /api/session':
        json = { login: pick(['victim0.north', 'victim0.south']), password: PASSWORD };
        break;
      case 'POST /api/tokens':
        json = { name: unique(), teamId: maybe(someTeam) };
        break;
      case 'POST /api/teams':
        json = { name: unique(), country: 'US' };
        break;
      case 'POST /api/users':
        json = { login: unique(), password: PASSWORD, role: pick(['agent', 'manager']), teamId: maybe(someTeam) };
        break;
      case 'PATCH /api/users/{id}':
        json = random() < 0.5 ? { role: pick(['agent', 'manager']) } : { teamId: someTeam() };
        break;
      case 'POST /api/uploads':
        form = new FormData();
        form.append('file', new Blob(['name,phone\r\nFuzz Fay,+1 312 204 0001\r\n']), 'fuzz.csv');
        break;
      case 'POST /api/imports':
        json = { uploadId: id('uploads'), target, ...(target === 'campaign' ? { campaignId: id('campaigns'), confirmNameMismatch: true } : {}), at: new Date(Date.now() + 86_400_000).toISOString() };
        break;
      case 'POST /api/campaigns':
        json = { name: unique(), teamId: maybe(someTeam), agentIds: random() < 0.5 ? [id('users')] : [] };
        break;
      case 'PUT /api/campaigns/{id}/agents':
        json = { userIds: [id('users')] };
        break;
      case 'PUT /api/fields':
        json = [{ key: 'name', label: unique(), type: 'text', isVisible: true, isEditable: random() < 0.5 }, { key: 'phone', label: 'Phone', type: 'phone', isVisible: true, isEditable: false }];
        break;
      default:
        if (route.method !== 'GET' && route.method !== 'DELETE') json = {};
    }
    if (json && typeof json === 'object') {
      for (const value of Object.values(json as Record<string, unknown>)) if (value === undefined) delete (json as Record<string, unknown>)[String(value)];
    }
    return { method: route.method, path, json, form, teams };
  }

  it('leaves nothing of the old team pointing at a user moved to another team (campaigns worked, customers assigned)', async () => {
    const admin = await api.signedIn('admin');
    const { repositories } = api.context;
    const agent = await admin.post<{ id: number }>('/api/users', { login: 'mover.south', password: PASSWORD, role: 'agent', teamId: api.fixtures.south.id });
    assert.equal(agent.status, 201, agent.text);
    const campaign = pools.south.campaigns[0]!;
    assert.equal((await admin.put(`/api/campaigns/${campaign}/agents`, { userIds: [agent.body.id] })).status, 200);
    // A customer of its own: the fuzz may have reverted the imports that stored the pool's.
    const { id: customer } = await api.database.app.db
      .insertInto('customers')
      .values({ team_id: api.fixtures.south.id, scope: 'individual', name: 'Mover Customer', custom: '{}', status: 'new', updated_at: Date.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repositories.customers.assignAgent([customer], agent.body.id);
    const moved = await admin.patch<{ teamId: number }>(`/api/users/${agent.body.id}`, { teamId: api.fixtures.north.id });
    assert.equal(moved.status, 200, moved.text);
    const detail = await admin.get<{ agentIds: number[] }>(`/api/campaigns/${campaign}`);
    assert.ok(!detail.body.agentIds.includes(agent.body.id), 'the moved user still works a campaign of the team they left');
    const row = await api.database.app.db.selectFrom('customers').select('agent_id').where('id', '=', customer).executeTakeFirst();
    assert.equal(row?.agent_id, null, 'a customer of the team they left is still assigned to the moved user');
  });

  it('never promotes a session id planted before sign-in (session fixation), and ends the planted session', async () => {
    const attacker = await api.signedIn('managerSouth', { isFresh: true });
    const planted = attacker.sessionCookie!;
    for (const cookie of [planted, 'intake_session=chosen-by-the-attacker']) {
      const victim = api.client();
      victim.sessionCookie = cookie;
      const signedIn = await victim.signIn(api.fixtures.users.managerNorth.login, PASSWORD);
      assert.ok(victim.sessionCookie && victim.sessionCookie !== cookie, 'the session id set before sign-in was kept');
      assert.equal(signedIn.body.user.login, api.fixtures.users.managerNorth.login);
      const replayed = api.client();
      replayed.sessionCookie = cookie;
      const who = await replayed.get('/api/session');
      assert.equal(who.status, 401, `the planted session id still works: ${who.text}`);
    }
    const cookie = (await api.client().post('/api/session', { login: api.fixtures.users.managerNorth.login, password: PASSWORD })).headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
  });

  it('refuses every write made with the session cookie but without the session\'s own CSRF token', async () => {
    const manager = await api.signedIn('managerNorth', { isFresh: true });
    const other = await api.signedIn('managerSouth', { isFresh: true });
    const attempts: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['a wrong token', { 'x-csrf-token': 'not-the-token' }],
      ['another session\'s token', { 'x-csrf-token': other.csrfToken! }],
      ['an empty token', { 'x-csrf-token': '' }],
    ];
    for (const [what, headers] of attempts) {
      for (const [method, path, json] of [['POST', '/api/campaigns', { name: `csrf ${what}` }], ['DELETE', '/api/session', undefined], ['POST', '/api/tokens', { name: 'csrf' }]] as const) {
        const response = await manager.call(method, path, { json, headers, isCsrfOmitted: true });
        assert.equal(response.status, 403, `${method} ${path} with ${what}: ${response.status} ${response.text}`);
      }
    }
    // A cross-site form post (no custom header possible) fails too, whatever its content type.
    const form = await fetch(`${api.baseUrl}/api/campaigns`, { method: 'POST', headers: { cookie: manager.sessionCookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=forged' });
    assert.ok([400, 403, 415].includes(form.status), `a form post got ${form.status}`);
    assert.equal((await manager.get('/api/session')).status, 200, 'the session survived');
    const campaigns = await manager.get<{ campaigns: Array<{ name: string }> }>('/api/campaigns');
    assert.ok(!campaigns.body.campaigns.some((campaign) => /csrf|forged/.test(campaign.name)), 'a forged write went through');
  });

  it('answers 429 to a login brute force, even with the right password, per login and per address', async () => {
    const login = api.fixtures.users.agentSouth.login;
    let limitedAfter = 0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const response = await api.client().call('POST', '/api/session', { json: { login, password: `guess-${attempt}` } });
      if (response.status === 429) {
        limitedAfter = attempt - 1;
        assert.ok(Number(response.headers.get('retry-after')) > 0, 'no Retry-After');
        break;
      }
      assert.equal(response.status, 401);
    }
    assert.equal(limitedAfter, 5, 'the per-login limit (INTAKE_LOGIN_ATTEMPTS_PER_LOGIN=5) did not hold');
    const right = await api.client().call('POST', '/api/session', { json: { login, password: PASSWORD } });
    assert.equal(right.status, 429, 'the right password got through a locked login');
    // Spread over many logins, from one address, with a forged X-Forwarded-For (no proxy is trusted): the address limit.
    let limited = false;
    for (let attempt = 0; attempt < 60 && !limited; attempt++) {
      const response = await api.client().call('POST', '/api/session', { json: { login: `nobody-${attempt}`, password: 'wrong-password' }, headers: { 'x-forwarded-for': `10.0.0.${attempt}` } });
      limited = response.status === 429;
    }
    assert.ok(limited, 'the per-address limit (INTAKE_LOGIN_ATTEMPTS_PER_IP) did not hold');
  });
}, { environment: { INTAKE_LOGIN_ATTEMPTS_PER_IP: '40' } });

/** An event stream of a job that may never end (a scheduled job): what it sent in its first moments. */
async function readEvents(client: ApiClient, path: string): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.sessionCookie) headers.cookie = client.sessionCookie;
  if (client.bearerToken) headers.authorization = `Bearer ${client.bearerToken}`;
  const controller = new AbortController();
  const response = await fetch(`${client.baseUrl}${path}`, { headers, signal: controller.signal });
  let text = '';
  const timer = setTimeout(() => controller.abort(), 300);
  try {
    for await (const chunk of response.body ?? []) {
      text += Buffer.from(chunk).toString('utf8');
      if (/event: (end|error)/.test(text)) break;
    }
  } catch {
    // Aborted: the stream was still open.
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text, text };
}

function emptyPool(): Record<Kind, number[]> {
  return { uploads: [], jobs: [], campaigns: [], customers: [], users: [], tokens: [], team: [] };
}

/** A 2xx answer to someone held to one team carries nothing of the other: no teamId of it, none of its markers. */
function assertNothingOf(response: ApiResponse, other: Team, otherId: number, where: string): void {
  assert.doesNotMatch(response.text, MARKERS[other], `the other team's data in ${where}`);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'teamId') assert.notEqual(inner, otherId, `an object of the other team in ${where}`);
        visit(inner);
      }
    }
  };
  visit(response.body);
}

/** A hash of everything a team owns, in every table. */
async function fingerprint(api: ApiSuite, team: Team): Promise<string> {
  const teamId = api.fixtures[team].id;
  const db = api.database.app.db;
  const hash = createHash('sha256');
  const queries = [
    sql`select * from teams where id = ${teamId}`,
    ...['users', 'field_definitions', 'campaigns', 'customers', 'number_lists', 'area_codes', 'dids', 'uploads', 'import_jobs', 'saved_mappings', 'api_tokens'].map(
      (table) => sql`select * from ${sql.table(table)} where team_id = ${teamId} order by 1, 2`,
    ),
    sql`select a.* from campaign_agents a join campaigns c on c.id = a.campaign_id where c.team_id = ${teamId} order by 1, 2`,
    sql`select d.* from dial_list d join campaigns c on c.id = d.campaign_id where c.team_id = ${teamId} order by 1`,
    sql`select f.* from job_files f join import_jobs j on j.id = f.job_id where j.team_id = ${teamId} order by 1, 2`,
  ];
  for (const query of queries) hash.update(JSON.stringify((await query.execute(db)).rows));
  return hash.digest('hex');
}
