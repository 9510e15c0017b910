import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createRepositories } from '../../src/app/app-context.js';
import { createTeam } from '../../src/teams/team-service.js';
import { createUser } from '../../src/users/user-service.js';
import { createCampaign, campaignOwner } from '../../src/campaigns/campaign-service.js';
import { verifyPassword } from '../../src/auth/password.js';
import { seedDemo } from '../../src/app/demo-seed.js';
import { AppError } from '../../src/shared/app-error.js';

describeOnBothDatabases('teams, users and campaigns', (suite) => {
  it('creates a team with its default country and the standard fields of its main tables', async () => {
    const repositories = createRepositories(suite.app);
    const team = await createTeam(repositories, { name: 'north', country: 'cn' });
    assert.equal(team.default_country, 'CN');
    const fields = await repositories.fields.list(team.id, 'individual');
    assert.equal(fields[0]?.key, 'name');
    assert.equal(fields.find((f) => f.key === 'email')?.type, 'email');
    assert.equal((await repositories.fields.list(team.id, 'organization')).length, 14);
  });

  it('refuses a second team with the same name and an unknown country', async () => {
    const repositories = createRepositories(suite.app);
    await assert.rejects(createTeam(repositories, { name: 'north' }), (e: unknown) => e instanceof AppError && e.code === 'CONFLICT');
    await assert.rejects(createTeam(repositories, { name: 'south', country: 'XX' }), /not a country code/);
  });

  it('stores users with a scrypt hash, never the password', async () => {
    const repositories = createRepositories(suite.app);
    const team = await repositories.teams.findByName('north');
    assert.ok(team);
    const user = await createUser(repositories.users, { login: 'li.wei', password: 'secret-pass', role: 'manager', teamId: team.id });
    assert.notEqual(user.password_hash, 'secret-pass');
    assert.equal(await verifyPassword('secret-pass', user.password_hash), true);
    await assert.rejects(createUser(repositories.users, { login: 'li.wei', password: 'another-pass', role: 'agent', teamId: team.id }), /already exists/);
  });

  it('creates a campaign whose package starts with its main table fields and a unique name per team', async () => {
    const repositories = createRepositories(suite.app);
    const team = await repositories.teams.findByName('north');
    assert.ok(team);
    const campaign = await createCampaign(repositories, { teamId: team.id, name: 'Spring Leads', mainTable: 'organization', hasDialer: true });
    assert.equal(campaign.package_name, 'Spring Leads');
    assert.equal(campaign.has_dialer, 1);
    const fields = await repositories.fields.list(team.id, campaignOwner(campaign.id));
    assert.deepEqual(fields.map((f) => f.key).slice(0, 3), ['name', 'contact', 'phone']);
    await assert.rejects(createCampaign(repositories, { teamId: team.id, name: 'Spring Leads' }), /already has a campaign/);
    // A name typed in other letter case or spacing is that campaign, not room for a second one beside it.
    await assert.rejects(createCampaign(repositories, { teamId: team.id, name: 'spring  leads' }), /already has a campaign named "Spring Leads"/);
    assert.equal((await repositories.campaigns.findByName(team.id, ' SPRING LEADS '))?.id, campaign.id);
    // Two campaigns that differ only in case (made before names were compared so) are told apart by exact name only.
    const twin = await repositories.campaigns.insert({ teamId: team.id, name: 'spring leads', mainTable: 'individual', packageName: 'spring leads', hasDialer: false });
    assert.equal((await repositories.campaigns.findByName(team.id, 'spring leads'))?.id, twin.id);
    assert.equal(await repositories.campaigns.findByName(team.id, 'SPRING LEADS'), undefined);
  });

  it('seeds the demo team and admin once, with the given password', async () => {
    const repositories = createRepositories(suite.app);
    const first = await seedDemo(repositories, 'demo-password');
    assert.deepEqual(first, { createdTeam: true, createdAdmin: true, generatedPassword: null });
    const again = await seedDemo(repositories, undefined);
    assert.equal(again.createdAdmin, false);
    const admin = await repositories.users.findByLogin('admin');
    assert.equal(admin?.role, 'admin');
    assert.equal(await verifyPassword('demo-password', admin?.password_hash ?? ''), true);
  });
});
