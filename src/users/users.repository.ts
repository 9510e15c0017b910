import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.js';

export type Role = User['role'];

export function createUsersRepository(db: Kysely<Database>) {
  return {
    async insert(user: { login: string; passwordHash: string; role: Role; teamId: number }): Promise<User> {
      return db
        .insertInto('users')
        .values({ login: user.login, password_hash: user.passwordHash, role: user.role, team_id: user.teamId })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    async findByLogin(login: string): Promise<User | undefined> {
      return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
    },
    async findById(id: number): Promise<User | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listByTeam(teamId: number | null): Promise<User[]> {
      let query = db.selectFrom('users').selectAll().orderBy('id');
      if (teamId !== null) query = query.where('team_id', '=', teamId);
      return query.execute();
    },
    async updatePassword(id: number, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async update(id: number, change: { role?: Role; teamId?: number; passwordHash?: string }): Promise<User | undefined> {
      const values = {
        ...(change.role === undefined ? {} : { role: change.role }),
        ...(change.teamId === undefined ? {} : { team_id: change.teamId }),
        ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
      };
      if (Object.keys(values).length > 0) await db.updateTable('users').set(values).where('id', '=', id).execute();
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async remove(id: number): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
