import { hashPassword } from '../auth/password.js';
import type { User } from '../db/schema.js';
import { AppError } from '../shared/app-error.js';
import type { Role, UsersRepository } from './users.repository.js';

export const ROLES = ['admin', 'manager', 'agent'] as const satisfies readonly Role[];

export async function createUser(
  users: UsersRepository,
  input: { login: string; password: string; role: Role; teamId: number },
): Promise<User> {
  const login = input.login.trim();
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(login)) {
    throw new AppError('BAD_INPUT', 'A login is 2–64 letters, digits, dots, dashes, underscores or @.');
  }
  if (input.password.length < 8) throw new AppError('BAD_INPUT', 'A password needs at least 8 characters.');
  if (await users.findByLogin(login)) throw new AppError('CONFLICT', `A user "${login}" already exists.`);
  return users.insert({ login, passwordHash: await hashPassword(input.password), role: input.role, teamId: input.teamId });
}
