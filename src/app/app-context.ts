// The composition root: configuration, database, repositories. The CLI, the server and the worker start here.
import type { Config } from '../config/config.js';
import { openDatabase, type AppDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { ensurePostgresDatabase } from '../db/postgres-bootstrap.js';
import { unavailableError } from '../db/unavailable.js';
import { createTeamsRepository } from '../teams/teams.repository.js';
import { createUsersRepository } from '../users/users.repository.js';
import { createCampaignsRepository } from '../campaigns/campaigns.repository.js';
import { createFieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';
import { createJobsRepository } from '../jobs/jobs.repository.js';
import { createJobRevertRepository } from '../jobs/job-revert.repository.js';
import { createUploadsRepository } from '../uploads/uploads.repository.js';
import { createSavedMappingsRepository } from '../imports/saved-mappings.repository.js';
import { createCustomersRepository, createReferenceRowsRepository } from '../customers/customers.repository.js';
import { createFileStorage, type FileStorage } from '../storage/file-storage.js';
import { createReferenceLookupsRepository } from '../imports/writing/reference-lookups.repository.js';
import { createSessionsRepository } from '../auth/sessions.repository.js';
import { createApiTokensRepository } from '../auth/api-tokens.repository.js';
import { createLoginAttemptsRepository } from '../auth/login-attempts.repository.js';
import { createCustomerQueriesRepository } from '../customers/customer-queries.repository.js';

export function createRepositories(database: AppDatabase) {
  const { db } = database;
  return {
    teams: createTeamsRepository(db),
    users: createUsersRepository(db),
    campaigns: createCampaignsRepository(db),
    fields: createFieldDefinitionsRepository(db),
    jobs: createJobsRepository(db, database.dialect),
    reverts: createJobRevertRepository(db, database.dialect),
    uploads: createUploadsRepository(db),
    savedMappings: createSavedMappingsRepository(db, database.dialect),
    customers: createCustomersRepository(db),
    referenceRows: createReferenceRowsRepository(db),
    references: createReferenceLookupsRepository(db),
    sessions: createSessionsRepository(db, database.dialect),
    apiTokens: createApiTokensRepository(db, database.dialect),
    loginAttempts: createLoginAttemptsRepository(db, database.dialect),
    customerQueries: createCustomerQueriesRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export type AppContext = {
  config: Config;
  database: AppDatabase;
  repositories: Repositories;
  storage: FileStorage;
  close(): Promise<void>;
};

export async function createAppContext(config: Config, options: { migrate?: boolean; poolSize?: number } = {}): Promise<AppContext> {
  let database: AppDatabase;
  try {
    if (config.database.dialect === 'postgres') await ensurePostgresDatabase(config.database.url);
    database = openDatabase(config.database, { poolSize: options.poolSize });
  } catch (error) {
    throw unavailableError(error, config.database) ?? error;
  }
  try {
    if (options.migrate ?? true) await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw unavailableError(error, config.database) ?? error;
  }
  return {
    config,
    database,
    repositories: createRepositories(database),
    storage: createFileStorage(config, database),
    close: () => database.close(),
  };
}
