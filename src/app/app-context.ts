// The composition root: configuration, database, repositories. The CLI, the server and the worker start here.
import type { Config } from '../config/config.js';
import { openDatabase, type AppDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import { ensurePostgresDatabase } from '../db/postgres-bootstrap.js';
import { createTeamsRepository } from '../teams/teams.repository.js';
import { createUsersRepository } from '../users/users.repository.js';
import { createCampaignsRepository } from '../campaigns/campaigns.repository.js';
import { createFieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';

export function createRepositories(database: AppDatabase) {
  const { db } = database;
  return {
    teams: createTeamsRepository(db),
    users: createUsersRepository(db),
    campaigns: createCampaignsRepository(db),
    fields: createFieldDefinitionsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export type AppContext = {
  config: Config;
  database: AppDatabase;
  repositories: Repositories;
  close(): Promise<void>;
};

export async function createAppContext(config: Config, options: { migrate?: boolean } = {}): Promise<AppContext> {
  if (config.database.dialect === 'postgres') await ensurePostgresDatabase(config.database.url);
  const database = openDatabase(config.database);
  try {
    if (options.migrate ?? true) await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    repositories: createRepositories(database),
    close: () => database.close(),
  };
}
