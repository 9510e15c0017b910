import { isSupportedCountry } from 'libphonenumber-js';
import type { Team } from '../db/schema.js';
import { STANDARD_FIELDS } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import type { TeamsRepository } from './teams.repository.js';
import type { FieldDefinitionsRepository } from '../campaigns/field-definitions.repository.js';

/** The main tables every team has, each with its standard field definitions (its agent view). */
const MAIN_TABLE_OWNERS = ['individual', 'organization', 'mass-target'] as const;

export async function createTeam(
  repositories: { teams: TeamsRepository; fields: FieldDefinitionsRepository },
  input: { name: string; country?: string },
): Promise<Team> {
  const name = input.name.trim();
  if (!name) throw new AppError('BAD_INPUT', 'A team needs a name.');
  const country = (input.country ?? 'US').toUpperCase();
  if (!isSupportedCountry(country)) {
    throw new AppError('BAD_INPUT', `"${input.country}" is not a country code phone numbers know; use ISO 3166 alpha-2 such as US, CN, GB.`);
  }
  if (await repositories.teams.findByName(name)) throw new AppError('CONFLICT', `A team named "${name}" already exists.`);
  const team = await repositories.teams.insert({ name, defaultCountry: country });
  for (const owner of MAIN_TABLE_OWNERS) {
    await repositories.fields.insertMany(
      STANDARD_FIELDS[owner].map((field, position) => ({
        team_id: team.id,
        owner,
        key: field.key,
        label: field.label,
        type: field.type,
        position,
        is_custom: 0,
        is_visible: 1,
        is_editable: field.key === 'note' ? 1 : 0,
      })),
    );
  }
  return team;
}

export async function requireTeamByName(teams: TeamsRepository, name: string): Promise<Team> {
  const team = await teams.findByName(name);
  if (!team) throw new AppError('NOT_FOUND', `No team named "${name}". Create it with: intake teams create "${name}"`);
  return team;
}
