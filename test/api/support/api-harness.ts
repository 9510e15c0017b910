// Integration tests over real HTTP: the server on a random port, on a fresh SQLite file and a fresh PostgreSQL database.
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createRepositories, type AppContext } from '../../../src/app/app-context.js';
import { loadConfig } from '../../../src/config/config.js';
import { runnerDependencies } from '../../../src/imports/import-workflow.js';
import { createWorker, type Worker } from '../../../src/jobs/worker.js';
import { buildServer } from '../../../src/server/http-server.js';
import { createFileStorage } from '../../../src/storage/file-storage.js';
import { createTeam } from '../../../src/teams/team-service.js';
import { hashPassword } from '../../../src/auth/password.js';
import type { Role } from '../../../src/users/users.repository.js';
import { describeOnBothDatabases, useTestDatabase, type DatabaseSuite } from '../../support/databases.js';
import { ApiClient } from './api-client.js';

export const PASSWORD = 'password-1';

export type Fixtures = {
  north: { id: number; name: string };
  south: { id: number; name: string };
  users: Record<'admin' | 'managerNorth' | 'agentNorth' | 'otherAgentNorth' | 'managerSouth' | 'agentSouth', { id: number; login: string; role: Role; teamId: number }>;
};

export type ApiSuite = {
  database: DatabaseSuite;
  context: AppContext;
  server: FastifyInstance;
  baseUrl: string;
  fixtures: Fixtures;
  /** A client with no session. */
  client(): ApiClient;
  /** A client signed in as one of the fixture users; shared by the suite's tests unless `isFresh` (sign-ins cost a scrypt each). */
  signedIn(user: keyof Fixtures['users'], options?: { isFresh?: boolean }): Promise<ApiClient>;
};

export type ApiSuiteOptions = {
  /** Extra environment for the configuration (e.g. a small INTAKE_UPLOAD_MAX_BYTES). */
  environment?: Record<string, string>;
  /** Runs an import worker beside the server, as `intake serve` does. */
  hasWorker?: boolean;
};

export function describeApi(name: string, body: (api: ApiSuite) => void, options: ApiSuiteOptions = {}): void {
  describeOnBothDatabases(name, (database) => {
    // A nested suite, so that its after() (server and worker stop) runs before the database is closed and dropped.
    describe('over HTTP', () => defineServerSuite(database, body, options));
  });
}

/** For what only PostgreSQL has (files kept in the database: INTAKE_STORAGE=postgres). */
export function describeApiOnPostgres(name: string, body: (api: ApiSuite) => void, options: ApiSuiteOptions = {}): void {
  describe(`${name} on postgres`, () => {
    const database = useTestDatabase('postgres');
    describe('over HTTP', () => defineServerSuite(database, body, options));
  });
}

function defineServerSuite(database: DatabaseSuite, body: (api: ApiSuite) => void, options: ApiSuiteOptions): void {
  const api = { database } as ApiSuite;
  let worker: Worker | undefined;
  let working: Promise<void> | undefined;
  before(async () => {
    const config = loadConfig({
      INTAKE_DATA_DIR: database.test.dataDir,
      DATABASE_URL: database.test.url,
      INTAKE_LOG_LEVEL: 'silent',
      INTAKE_POLL_MS: '25',
      INTAKE_LEASE_SECONDS: '10',
      ...options.environment,
    });
    const context: AppContext = {
      config,
      database: database.app,
      repositories: createRepositories(database.app),
      storage: createFileStorage(config, database.app),
      close: async () => undefined,
    };
    api.context = context;
    api.fixtures = await createFixtures(context);
    api.server = await buildServer(context, { sweepIntervalMs: null });
    await api.server.listen({ port: 0, host: '127.0.0.1' });
    const address = api.server.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no port');
    api.baseUrl = `http://127.0.0.1:${address.port}`;
    api.client = () => new ApiClient(api.baseUrl);
    const sessions = new Map<string, ApiClient>();
    api.signedIn = async (user, signInOptions = {}) => {
      const cached = sessions.get(user);
      if (cached && !signInOptions.isFresh) return cached;
      const client = new ApiClient(api.baseUrl);
      await client.signIn(api.fixtures.users[user].login, PASSWORD);
      if (!signInOptions.isFresh) sessions.set(user, client);
      return client;
    };
    if (options.hasWorker) {
      worker = createWorker(runnerDependencies(context));
      working = worker.start();
    }
  });
  after(async () => {
    await worker?.stop();
    await working;
    await api.server?.close();
  });
  body(api);
}

/** One scrypt hash for every fixture user: hashing is the slow part of setting a suite up. */
let passwordHash: Promise<string> | undefined;

async function createFixtures(context: AppContext): Promise<Fixtures> {
  const { repositories } = context;
  const north = await createTeam(repositories, { name: 'north', country: 'US' });
  const south = await createTeam(repositories, { name: 'south', country: 'US' });
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const make = async (login: string, role: Role, teamId: number) => {
    const user = await repositories.users.insert({ login, passwordHash: hash, role, teamId });
    return { id: user.id, login: user.login, role: user.role, teamId: user.team_id };
  };
  return {
    north: { id: north.id, name: north.name },
    south: { id: south.id, name: south.name },
    users: {
      admin: await make('admin', 'admin', north.id),
      managerNorth: await make('manager.north', 'manager', north.id),
      agentNorth: await make('agent.north', 'agent', north.id),
      otherAgentNorth: await make('agent2.north', 'agent', north.id),
      managerSouth: await make('manager.south', 'manager', south.id),
      agentSouth: await make('agent.south', 'agent', south.id),
    },
  };
}
