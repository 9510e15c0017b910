// `intake teams …`, `intake users …`, `intake campaigns …`: setting up teams, people and campaigns.
import type { AppContext } from '../../app/app-context.js';
import { generatePassword } from '../../auth/password.js';
import { assignCampaignAgents } from '../../campaigns/campaign-administration.js';
import { createCampaign } from '../../campaigns/campaign-service.js';
import type { Team } from '../../db/schema.js';
import { MAIN_TABLES, type MainTable } from '../../imports/targets.js';
import { AppError } from '../../shared/app-error.js';
import { createTeam, requireTeamByName } from '../../teams/team-service.js';
import { ROLES, createUser } from '../../users/user-service.js';
import type { Role } from '../../users/users.repository.js';
import { parseCommand, printJson, requireOption, type CliIo } from '../cli-args.js';
import { operatorOf, requireCampaignByName } from '../target-selection.js';

export const TEAMS_USAGE = 'intake teams create NAME [--country CC] [--json] | intake teams list [--json]';
export const USERS_USAGE = 'intake users create LOGIN --team NAME [--role admin|manager|agent] [--password P] [--json] | intake users list [--team NAME] [--json]';
export const CAMPAIGNS_USAGE =
  'intake campaigns create NAME --team NAME [--table individual|organization] [--package NAME] [--dialer] [--agent LOGIN] [--json] | intake campaigns list --team NAME [--json] | intake campaigns agents NAME --team NAME (--agent LOGIN … | --none) [--json]';

export async function runTeamsCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(rest, { country: { type: 'string' } }, TEAMS_USAGE);
  if (action === 'create') {
    const name = requireName(positionals, TEAMS_USAGE);
    const team = await createTeam(context.repositories, { name, country: values.country });
    if (values.json) printJson(io, { id: team.id, name: team.name, country: team.default_country });
    else io.out(`Created team "${team.name}" (id ${team.id}, phone numbers default to ${team.default_country}).\n`);
    return 0;
  }
  if (action === 'list') {
    const teams = await context.repositories.teams.list();
    if (values.json) printJson(io, teams.map((t) => ({ id: t.id, name: t.name, country: t.default_country })));
    else for (const t of teams) io.out(`${t.id}\t${t.name}\t${t.default_country}\n`);
    return 0;
  }
  throw new AppError('BAD_USAGE', `Usage: ${TEAMS_USAGE}`);
}

export async function runUsersCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(
    rest,
    { team: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
    USERS_USAGE,
  );
  if (action === 'create') {
    const login = requireName(positionals, USERS_USAGE);
    const team = await requireTeamByName(context.repositories.teams, requireOption(values.team, 'team', USERS_USAGE));
    const role = (values.role ?? 'manager') as Role;
    if (!ROLES.includes(role)) throw new AppError('BAD_USAGE', `--role must be one of ${ROLES.join(', ')}.`);
    const password = values.password ?? generatePassword();
    const user = await createUser(context.repositories.users, { login, password, role, teamId: team.id });
    const generated = values.password ? undefined : password;
    if (values.json) printJson(io, { id: user.id, login: user.login, role: user.role, team: team.name, ...(generated ? { password: generated } : {}) });
    else io.out(`Created ${user.role} "${user.login}" in team "${team.name}".${generated ? ` Password: ${generated}` : ''}\n`);
    return 0;
  }
  if (action === 'list') {
    const team = values.team ? await requireTeamByName(context.repositories.teams, values.team) : null;
    const users = await context.repositories.users.listByTeam(team?.id ?? null);
    const rows = users.map((u) => ({ id: u.id, login: u.login, role: u.role, teamId: u.team_id }));
    if (values.json) printJson(io, rows);
    else for (const u of rows) io.out(`${u.id}\t${u.login}\t${u.role}\tteam ${u.teamId}\n`);
    return 0;
  }
  throw new AppError('BAD_USAGE', `Usage: ${USERS_USAGE}`);
}

export async function runCampaignsCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseCommand(
    rest,
    {
      team: { type: 'string' },
      table: { type: 'string' },
      package: { type: 'string' },
      dialer: { type: 'boolean' },
      agent: { type: 'string', multiple: true },
      none: { type: 'boolean' },
    },
    CAMPAIGNS_USAGE,
  );
  const team = await requireTeamByName(context.repositories.teams, requireOption(values.team, 'team', CAMPAIGNS_USAGE));
  if (action === 'create') {
    const name = requireName(positionals, CAMPAIGNS_USAGE);
    const table = (values.table ?? 'individual') as MainTable;
    if (!MAIN_TABLES.includes(table)) throw new AppError('BAD_USAGE', `--table must be one of ${MAIN_TABLES.join(', ')}.`);
    const campaign = await createCampaign(context.repositories, {
      teamId: team.id,
      name,
      mainTable: table,
      packageName: values.package,
      hasDialer: values.dialer ?? false,
    });
    for (const agentId of await requireTeamLogins(context, team, values.agent ?? [])) await context.repositories.campaigns.addAgent(campaign.id, agentId);
    const shown = { id: campaign.id, name: campaign.name, team: team.name, table: campaign.main_table, package: campaign.package_name, dialer: campaign.has_dialer === 1 };
    if (values.json) printJson(io, shown);
    else io.out(`Created campaign "${campaign.name}" (id ${campaign.id}) on ${campaign.main_table} customers.\n`);
    return 0;
  }
  if (action === 'agents') {
    // The whole list, as the Campaigns page sets it: the logins given, or none.
    const name = requireName(positionals, CAMPAIGNS_USAGE);
    if ((values.agent === undefined) === (values.none !== true)) throw new AppError('BAD_USAGE', `Give the campaign's agents (--agent LOGIN, once each), or --none to take them all off.\nUsage: ${CAMPAIGNS_USAGE}`);
    const campaign = await requireCampaignByName(context, team, name);
    const detail = await assignCampaignAgents(context.repositories, operatorOf(team), campaign.id, await requireTeamLogins(context, team, values.agent ?? []));
    const logins = (await context.repositories.users.listByTeam(team.id)).filter((user) => detail.agentIds.includes(user.id)).map((user) => user.login);
    if (values.json) printJson(io, { id: campaign.id, name: campaign.name, team: team.name, agents: logins });
    else io.out(`Campaign "${campaign.name}": ${logins.length === 0 ? 'no agents' : `agents ${logins.join(', ')}`}.\n`);
    return 0;
  }
  if (action === 'list') {
    const campaigns = await context.repositories.campaigns.listByTeam(team.id);
    const rows = campaigns.map((c) => ({ id: c.id, name: c.name, table: c.main_table, package: c.package_name, dialer: c.has_dialer === 1 }));
    if (values.json) printJson(io, rows);
    else for (const c of rows) io.out(`${c.id}\t${c.name}\t${c.table}\t${c.package}\n`);
    return 0;
  }
  throw new AppError('BAD_USAGE', `Usage: ${CAMPAIGNS_USAGE}`);
}

/** The ids of the team's users with these logins; a login of no user of the team is refused. */
async function requireTeamLogins(context: AppContext, team: Team, logins: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const login of logins) {
    const user = await context.repositories.users.findByLogin(login);
    if (!user || user.team_id !== team.id) throw new AppError('NOT_FOUND', `No user "${login}" in team "${team.name}".`);
    ids.push(user.id);
  }
  return ids;
}

function requireName(positionals: string[], usage: string): string {
  const [name, extra] = positionals;
  if (!name || extra !== undefined) throw new AppError('BAD_USAGE', `Expected exactly one name.\nUsage: ${usage}`);
  return name;
}
