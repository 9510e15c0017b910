import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';
import { createCampaign } from '../../src/campaigns/campaign-service.js';
import { createUser } from '../../src/users/user-service.js';
import { DIAL_DUPLICATE_MODES, DUPLICATE_MODES } from '../../src/imports/import-options.js';
import { describeJob } from '../../src/jobs/job-service.js';

const FIRST = csv([
  ['name', 'phone', 'city'],
  ['Ann', '415-555-0101', 'Austin'],
  ['Bob', '415-555-0102', 'Boston'],
  ['Cat', '415-555-0103', 'Chicago'],
]);
const SECOND = csv([
  ['name', 'phone', 'city'],
  ['Ann Updated', '+1 415 555 0101', ''],
  ['Bob Updated', '(415) 555-0102', 'Berlin'],
  ['Dan', '415-555-0104', 'Denver'],
]);

describeOnBothDatabases('duplicate options: skip/update × reset status × reset agent × dial-list duplicates', (suite) => {
  const harness = createHarness(suite);
  let teamId: number;
  let agentId: number;
  before(async () => {
    teamId = await harness.createTeam('matrix', 'US');
    agentId = (await createUser(harness.context.repositories.users, { login: 'agent.smith', password: 'agent-pass-1', role: 'agent', teamId })).id;
  });

  for (const duplicate of DUPLICATE_MODES) {
    for (const resetStatus of [false, true]) {
      for (const resetAgent of [false, true]) {
        for (const dialDuplicates of DIAL_DUPLICATE_MODES) {
          const name = `m-${duplicate}-${resetStatus ? 'rs' : 'ks'}-${resetAgent ? 'ra' : 'ka'}-${dialDuplicates}`;
          it(`${duplicate}, ${resetStatus ? 'reset' : 'keep'} status, ${resetAgent ? 'reset' : 'keep'} agent, dial ${dialDuplicates}`, async () => {
            const { repositories } = harness.context;
            const campaign = await createCampaign(repositories, { teamId, name, hasDialer: true });
            const dial = { phoneField: 'phone', priority: 3, dialAt: null, duplicates: dialDuplicates };
            const first = await harness.runImport({ teamId, target: 'campaign', campaign: name, fileName: `${name}.csv`, content: FIRST, options: { dial } });
            assert.deepEqual([first.success, first.error, first.duplicated], [3, 0, 0]);
            const scope = `campaign:${campaign.id}`;
            const stored = await repositories.customers.page(teamId, scope, 0, 10);
            const byName = new Map(stored.map((row) => [row.name, row.id]));
            await repositories.customers.setStatus([byName.get('Ann')!], 'success');
            await repositories.customers.setStatus([byName.get('Bob')!], 'failed');
            await repositories.customers.assignAgent([...byName.values()], agentId);

            const second = await harness.runImport({
              teamId,
              target: 'campaign',
              campaign: name,
              fileName: `${name}.csv`,
              content: SECOND,
              options: { duplicate, resetStatus, resetAgent, dial },
            });
            assert.deepEqual([second.status, second.success, second.error, second.duplicated], ['close', 1, 0, 2]);

            const isUpdate = duplicate === 'update';
            const agent = resetAgent ? '' : 'agent.smith';
            const rows = (await harness.rows(teamId, 'campaign', campaign.id)).map((row) => [row['name'], row['phone'], row['city'], row['status'], row['agent']]);
            assert.deepEqual(rows, [
              // An empty cell never blanks a stored value: update writes only what the file fills.
              [isUpdate ? 'Ann Updated' : 'Ann', '+14155550101', 'Austin', resetStatus ? 'new' : 'success', agent],
              [isUpdate ? 'Bob Updated' : 'Bob', '+14155550102', isUpdate ? 'Berlin' : 'Boston', resetStatus ? 'new' : 'failed', agent],
              ['Cat', '+14155550103', 'Chicago', 'new', 'agent.smith'],
              ['Dan', '+14155550104', 'Denver', 'new', ''],
            ]);

            const dialed = await dialList(repositories, campaign.id);
            const phones = dialed.map((entry) => String(entry['phone'])).sort();
            const expectedAgain = dialDuplicates === 'all' ? ['+14155550101', '+14155550102'] : dialDuplicates === 'ignore-success' ? ['+14155550102'] : [];
            assert.deepEqual(phones, ['+14155550101', '+14155550102', '+14155550103', '+14155550104', ...expectedAgain].sort());
            // Each job says how many entries it put on the dial list.
            assert.deepEqual([describeJob(first).dialQueued, describeJob(second).dialQueued], [3, 1 + expectedAgain.length]);
            assert.ok(dialed.every((entry) => Number(entry['priority']) === 3));

            const reasons = (await harness.resultFile(second.id, 'duplicated')).records.map((record) => record['reason']);
            assert.equal(reasons.length, 2);
            for (const reason of reasons) assert.match(reason ?? '', isUpdate ? /duplicate of customer #\d+ in the campaign: updated it/ : /duplicate of customer #\d+ in the campaign: skipped/);
          });
        }
      }
    }
  }
});

describeOnBothDatabases('updates within one transaction', (suite) => {
  // Transactions of thousands of records: the two duplicates below land in different batches of the same one.
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '5000' });

  it('applies a row\'s duplicates in file order, the last one winning, even when the first changed it in the same transaction', async () => {
    const teamId = await harness.createTeam('order');
    await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone', 'city'], ['Kim', '617-555-0100', 'Austin']]) });
    const rows = [['name', 'phone', 'city'], ['Kim', '617-555-0100', 'Boston']];
    for (let n = 0; n < 1200; n++) rows.push([`Filler ${n}`, `+1 312 555 ${String(1000 + n)}`, '']);
    rows.push(['Kim', '(617) 555-0100', 'Austin']);
    const job = await harness.runImport({ teamId, target: 'individual', options: { duplicate: 'update' }, content: csv(rows) });
    assert.deepEqual([job.success, job.duplicated, job.error], [1200, 2, 0]);
    const kim = (await harness.rows(teamId, 'individual')).find((row) => row['name'] === 'Kim');
    assert.equal(kim?.['city'], 'Austin');
  });

  it('applies the last of a row\'s duplicates when they change different columns and another row\'s update came first', async () => {
    const teamId = await harness.createTeam('order-columns');
    await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone', 'city'], ['Ann', '415-555-0101', 'Austin'], ['Bob', '415-555-0102', 'Boston']]) });
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      options: { duplicate: 'update' },
      // Ann's update and Bob's last one set the city alone, Bob's first one his name too.
      content: csv([['name', 'phone', 'city'], ['Ann', '415-555-0101', 'Dallas'], ['Robert', '415-555-0102', 'Denver'], ['Robert', '415-555-0102', 'El Paso']]),
    });
    assert.deepEqual([job.success, job.duplicated, job.error], [0, 3, 0]);
    const rows = (await harness.rows(teamId, 'individual')).map((row) => [row['name'], row['city']]).sort();
    assert.deepEqual(rows, [['Ann', 'Dallas'], ['Robert', 'El Paso']]);
  });
});

describeOnBothDatabases('dial-list duplicates of a row the same import inserts', (suite) => {
  // Transactions of thousands of records: one duplicate below is in the batch of the row it repeats, the other in a
  // later batch (batches are of 500 records), both in the same transaction on PostgreSQL.
  const harness = createHarness(suite, { INTAKE_BATCH_SIZE: '5000' });
  let teamId: number;
  before(async () => {
    teamId = await harness.createTeam('dial-own');
  });

  for (const [dialDuplicates, expected] of [['ignore', 1], ['all', 3], ['ignore-success', 3]] as const) {
    it(`${dialDuplicates}: the row is new, so its duplicates are dialled by one rule wherever they are in the file (${expected} entries)`, async () => {
      const { repositories } = harness.context;
      const name = `own-${dialDuplicates}`;
      const campaign = await createCampaign(repositories, { teamId, name, hasDialer: true });
      const rows = [['name', 'phone'], ['Ann', '415-555-0101'], ['Ann again', '(415) 555-0101']];
      for (let n = 0; n < 600; n++) rows.push([`Filler ${n}`, `+1 312 555 ${String(1000 + n)}`]);
      rows.push(['Ann once more', '+1 415 555 0101']);
      const dial = { phoneField: 'phone', priority: 1, dialAt: null, duplicates: dialDuplicates };
      const job = await harness.runImport({ teamId, target: 'campaign', campaign: name, fileName: `${name}.csv`, content: csv(rows), options: { dial } });
      assert.deepEqual([job.success, job.duplicated, job.error], [601, 2, 0]);
      const dialed = await dialList(repositories, campaign.id);
      assert.equal(dialed.filter((entry) => entry['phone'] === '+14155550101').length, expected);
      assert.equal(describeJob(job).dialQueued, dialed.length);
    });
  }
});

/** A campaign's whole dial list, page by page. */
async function dialList(repositories: ReturnType<typeof createHarness>['context']['repositories'], campaignId: number): Promise<Array<Record<string, unknown>>> {
  const dialed: Array<Record<string, unknown>> = [];
  for (let after = 0; ; ) {
    const page = await repositories.referenceRows.dialListPage(campaignId, after, 100);
    if (page.length === 0) break;
    dialed.push(...page);
    after = Number(page[page.length - 1]!.id);
  }
  return dialed;
}
