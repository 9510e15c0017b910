// The demo set-up of `npm start`: a team `demo` and an administrator `admin`.
import { generatePassword } from '../auth/password.js';
import { createTeam } from '../teams/team-service.js';
import { createUser } from '../users/user-service.js';
import type { Repositories } from './app-context.js';

export type SeedResult = { createdTeam: boolean; createdAdmin: boolean; generatedPassword: string | null };

export async function seedDemo(repositories: Repositories, adminPassword: string | undefined): Promise<SeedResult> {
  let team = await repositories.teams.findByName('demo');
  const createdTeam = !team;
  team ??= await createTeam(repositories, { name: 'demo', country: 'US' });
  if (await repositories.users.findByLogin('admin')) return { createdTeam, createdAdmin: false, generatedPassword: null };
  const password = adminPassword ?? generatePassword();
  await createUser(repositories.users, { login: 'admin', password, role: 'admin', teamId: team.id });
  return { createdTeam, createdAdmin: true, generatedPassword: adminPassword ? null : password };
}
