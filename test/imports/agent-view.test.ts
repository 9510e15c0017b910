// Agents see a customer exactly as the file had it, while actions use the normalised numbers.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';
import { getCustomerCard } from '../../src/customers/customer-browsing.js';
import type { Actor } from '../../src/auth/actor.js';

describeOnBothDatabases('the agent view of imported customers', (suite) => {
  const harness = createHarness(suite);
  let teamId: number;
  let admin: Actor;
  before(async () => {
    teamId = await harness.createTeam('view');
    admin = { userId: 0, login: 'root', role: 'admin', teamId, teamName: 'view', scopeTeamId: null, via: 'session' };
  });

  it('shows each value as the file had it, and dials the E.164 number', async () => {
    await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([['Name', 'Phone', 'Email', 'Birthday'], ['Ann Lee', '(415) 555-0134', 'Ann@Example.COM', '3/5/1990']]),
    });
    const [row] = await harness.rows(teamId, 'individual');
    assert.deepEqual([row?.['phone'], row?.['email'], row?.['birthday']], ['+14155550134', 'Ann@example.com', '1990-03-05'], 'stored normalised');
    const { customers } = harness.context.repositories;
    const [stored] = await customers.page(teamId, 'individual', 0, 1);
    const card = await getCustomerCard(harness.context.repositories, admin, stored!.id);
    const field = (key: string) => card.fields.find((f) => f.key === key);
    assert.equal(field('phone')?.value, '(415) 555-0134');
    assert.deepEqual(field('phone')?.actions.map((action) => action.href), ['tel:+14155550134', 'sms:+14155550134']);
    assert.equal(field('email')?.value, 'Ann@Example.COM');
    assert.equal(field('birthday')?.value, '3/5/1990');
    assert.equal(field('name')?.value, 'Ann Lee');
  });

  it('shows the second of two numbers in one phone cell as phone2, dialling it, as written', async () => {
    await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([['Name', 'Phone'], ['Bo Chen', '(415) 555-0171 / 415.555.0172']]),
    });
    const [row] = (await harness.rows(teamId, 'individual')).filter((stored) => stored['name'] === 'Bo Chen');
    assert.deepEqual([row?.['phone'], row?.['phone2']], ['+14155550171', '+14155550172'], 'stored normalised');
    const { customers } = harness.context.repositories;
    const stored = (await customers.page(teamId, 'individual', 0, 10)).find((customer) => customer.name === 'Bo Chen');
    const card = await getCustomerCard(harness.context.repositories, admin, stored!.id);
    const field = (key: string) => card.fields.find((f) => f.key === key);
    assert.equal(field('phone')?.value, '(415) 555-0171');
    assert.equal(field('phone2')?.value, '415.555.0172');
    assert.deepEqual(field('phone2')?.actions.map((action) => action.href), ['tel:+14155550172', 'sms:+14155550172']);
  });

  it('shows the text of the later file whose update changed a value', async () => {
    await harness.runImport({ teamId, target: 'individual', options: { duplicate: 'update' }, content: csv([['Name', 'Phone'], ['Ann Lee', '+1 415 555 0134']]) });
    const [stored] = await harness.context.repositories.customers.page(teamId, 'individual', 0, 1);
    const card = await getCustomerCard(harness.context.repositories, admin, stored!.id);
    assert.equal(card.fields.find((f) => f.key === 'phone')?.value, '+1 415 555 0134');
    assert.equal(card.fields.find((f) => f.key === 'email')?.value, 'Ann@Example.COM');
  });
});
