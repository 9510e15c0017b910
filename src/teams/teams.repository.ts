import type { Kysely } from 'kysely';
import type { Database, Team } from '../db/schema.js';

export function createTeamsRepository(db: Kysely<Database>) {
  return {
    async insert(team: { name: string; defaultCountry: string }): Promise<Team> {
      return db
        .insertInto('teams')
        .values({ name: team.name, default_country: team.defaultCountry })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async findByName(name: string): Promise<Team | undefined> {
      return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
    },
    async findById(id: number): Promise<Team | undefined> {
      return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async list(): Promise<Team[]> {
      return db.selectFrom('teams').selectAll().orderBy('id').execute();
    },
  };
}
export type TeamsRepository = ReturnType<typeof createTeamsRepository>;
