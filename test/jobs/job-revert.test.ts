import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv, type Harness } from '../support/import-harness.js';
import { createCampaign } from '../../src/campaigns/campaign-service.js';
import { revertJob, revertReport } from '../../src/jobs/job-revert.js';
import { revertDeps } from '../../src/jobs/job-monitoring.js';
import { describeJob } from '../../src/jobs/job-service.js';
import { INITIAL_REVERT_STATE } from '../../src/jobs/revert-plan.js';
import { AppError } from '../../src/shared/app-error.js';

const EVERY_TEAM = { teamId: null };
const SETTINGS = { leaseMs: 30_000, batchSize: 3 };

function revert(harness: Harness, id: number) {
  return revertJob(revertDeps(harness.context), EVERY_TEAM, id, SETTINGS);
}

async function namesAndCities(harness: Harness, teamId: number): Promise<string[][]> {
  return (await harness.rows(teamId, 'individual')).map((row) => [row['name'] ?? '', row['phone'] ?? '', row['city'] ?? '', row['status'] ?? '']);
}

describeOnBothDatabases('reverting a job', (suite) => {
  const harness = createHarness(suite);

  it('removes the rows the job inserted, and only those, and says so on the job', async () => {
    const teamId = await harness.createTeam('revert-inserts');
    await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]) });
    const rows = [['name', 'phone', 'city']];
    for (let n = 0; n < 10; n++) rows.push([`New ${n}`, `312-555-01${String(10 + n)}`, 'Chicago']);
    rows.push(['Ann again', '415-555-0101', 'Austin']);
    const job = await harness.runImport({ teamId, target: 'individual', content: csv(rows) });
    assert.deepEqual([job.success, job.duplicated], [10, 1]);

    const report = await revert(harness, job.id);
    assert.deepEqual([report.status, report.removed, report.restored, report.kept, report.keptRows], ['reverted', 10, 0, 0, []]);
    assert.deepEqual(await namesAndCities(harness, teamId), [['Ann', '+14155550101', '', 'new']]);

    const view = describeJob((await harness.context.repositories.jobs.findById(job.id))!);
    assert.equal(view.status, 'close', 'the job keeps its status; the revert is shown beside it');
    assert.equal(view.revert?.status, 'reverted');
    assert.equal(view.revert?.removed, 10);
    await assert.rejects(revert(harness, job.id), (error: unknown) => error instanceof AppError && error.code === 'JOB_NOT_REVERTIBLE' && /reverted already/.test(error.message));
  });

  it("finds the job's rows across long gaps in their ids", async () => {
    const teamId = await harness.createTeam('revert-gaps');
    const rows = [['name', 'phone']];
    for (let n = 0; n < 40; n++) rows.push([`Row ${n}`, `312-555-02${String(10 + n)}`]);
    const job = await harness.runImport({ teamId, target: 'individual', content: csv(rows) });
    const ids = (await harness.context.repositories.customers.page(teamId, 'individual', 0, 100)).map((row) => row.id);
    // Rows removed by hand leave a stretch of ids wider than the revert reads at once (4 transactions of 3).
    await suite.app.db.deleteFrom('customers').where('id', 'in', ids.slice(2, 36)).execute();
    const report = await revert(harness, job.id);
    assert.equal(report.removed, 6);
    assert.deepEqual(await harness.rows(teamId, 'individual'), []);
  });

  it('gives updated rows their previous values back, but keeps and lists those changed since', async () => {
    const teamId = await harness.createTeam('revert-updates');
    const { repositories } = harness.context;
    await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([['name', 'phone', 'city'], ['Ann', '415-555-0101', 'Austin'], ['Bob', '415-555-0102', 'Boston'], ['Cat', '415-555-0103', 'Chicago']]),
    });
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      options: { duplicate: 'update' },
      content: csv([
        ['name', 'phone', 'city'],
        ['Ann B', '415-555-0101', 'Dallas'],
        ['Bob B', '415-555-0102', 'Denver'],
        ['Dan', '415-555-0104', 'Detroit'],
        ['Eve', '415-555-0105', 'El Paso'],
        ['Fay', '415-555-0106', 'Fresno'],
        // Ann again, in a later transaction (batches of 3): the revert must bring back her values before the first.
        ['Ann C', '415-555-0101', 'Eugene'],
      ]),
    });
    assert.deepEqual([job.success, job.duplicated], [3, 3]);
    // Since: a later import changes Bob's city, an agent works on Dan, Eve is assigned an agent.
    await harness.runImport({ teamId, target: 'individual', options: { duplicate: 'update' }, content: csv([['phone', 'city'], ['415-555-0102', 'Berlin']]) });
    const stored = new Map((await repositories.customers.page(teamId, 'individual', 0, 100)).map((row) => [row.name, row.id]));
    await repositories.customers.setStatus([stored.get('Dan')!], 'callback');
    const agent = await repositories.users.insert({ login: 'agent.revert', passwordHash: 'x', role: 'agent', teamId });
    await repositories.customers.assignAgent([stored.get('Eve')!], agent.id);

    const report = await revert(harness, job.id);
    assert.deepEqual([report.removed, report.restored, report.kept], [1, 2, 3]);
    assert.deepEqual(await namesAndCities(harness, teamId), [
      ['Ann', '+14155550101', 'Austin', 'new'],
      ['Bob B', '+14155550102', 'Berlin', 'new'],
      ['Cat', '+14155550103', 'Chicago', 'new'],
      ['Dan', '+14155550104', 'Detroit', 'callback'],
      ['Eve', '+14155550105', 'El Paso', 'new'],
    ]);
    const kept = report.keptRows.map((row) => [row.change, row.key, row.line, row.reason]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    assert.deepEqual(kept, [
      ['update', '+14155550102', null, 'changed since: city'],
      ['insert', '+14155550104', 4, 'status is callback since'],
      ['insert', '+14155550105', 5, 'assigned to an agent since'],
    ]);
    assert.deepEqual((await revertReport(revertDeps(harness.context), EVERY_TEAM, job.id)).keptRows, report.keptRows);
  });

  it('keeps a row whose update was recorded before the values set were (an import made before migration 0004)', async () => {
    const teamId = await harness.createTeam('revert-old-changes');
    await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]) });
    const job = await harness.runImport({ teamId, target: 'individual', options: { duplicate: 'update' }, content: csv([['name', 'phone'], ['Ann B', '415-555-0101'], ['Bob', '415-555-0102']]) });
    await suite.app.db.updateTable('job_changes').set({ applied: null }).where('job_id', '=', job.id).execute();
    const report = await revert(harness, job.id);
    assert.deepEqual([report.removed, report.restored, report.kept], [1, 0, 1]);
    assert.match(report.keptRows[0]?.reason ?? '', /before reverts could tell/);
    assert.deepEqual((await namesAndCities(harness, teamId)).map((row) => row[0]), ['Ann B']);
  });

  it("removes a campaign's dial entries with the customers, and the entries it queued for customers it did not insert", async () => {
    const teamId = await harness.createTeam('revert-dial');
    const { repositories } = harness.context;
    const campaign = await createCampaign(repositories, { teamId, name: 'spring', hasDialer: true });
    const dial = { phoneField: 'phone', priority: 1, dialAt: null, duplicates: 'all' as const };
    const header = ['name', 'phone'];
    await harness.runImport({ teamId, target: 'campaign', campaign: 'spring', fileName: 'spring.csv', content: csv([header, ['Ann', '415-555-0101'], ['Bob', '415-555-0102']]), options: { dial } });
    const second = await harness.runImport({
      teamId,
      target: 'campaign',
      campaign: 'spring',
      fileName: 'spring.csv',
      content: csv([header, ['Ann', '415-555-0101'], ['Cat', '415-555-0103'], ['Dan', '415-555-0104'], ['Bob', '415-555-0102']]),
      options: { dial },
    });
    assert.deepEqual([second.success, second.duplicated], [2, 2]);
    const dialPhones = async () =>
      (await suite.app.db.selectFrom('dial_list').select('phone').where('campaign_id', '=', campaign.id).orderBy('id').execute()).map((entry) => entry.phone);
    assert.equal((await dialPhones()).length, 6);

    const report = await revert(harness, second.id);
    assert.deepEqual([report.removed, report.dialRemoved, report.kept], [2, 2, 0]);
    assert.deepEqual(await dialPhones(), ['+14155550101', '+14155550102']);
    assert.deepEqual((await harness.rows(teamId, 'campaign', campaign.id)).map((row) => row['name']), ['Ann', 'Bob']);
  });

  it('removes the numbers a list import added', async () => {
    const teamId = await harness.createTeam('revert-list');
    await harness.runImport({ teamId, target: 'blacklist', content: csv([['number'], ['415-555-0100']]) });
    const job = await harness.runImport({ teamId, target: 'blacklist', content: csv([['number', 'note'], ['415-555-0101', 'a'], ['415-555-0102', 'b'], ['415-555-0103', 'c'], ['415-555-0104', 'd']]) });
    const report = await revert(harness, job.id);
    assert.equal(report.removed, 4);
    assert.deepEqual((await harness.rows(teamId, 'blacklist')).map((row) => row['number']), ['+14155550100']);
  });

  it('refuses a job that has not ended and a dry run, changing nothing', async () => {
    const teamId = await harness.createTeam('revert-refused');
    const pending = await harness.createJob({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]), at: Date.now() + 3_600_000 });
    await assert.rejects(revert(harness, pending.id), (error: unknown) => error instanceof AppError && error.code === 'JOB_NOT_REVERTIBLE' && /pending/.test(error.message));
    const dry = await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]), options: { dryRun: true } });
    await assert.rejects(revert(harness, dry.id), (error: unknown) => error instanceof AppError && error.code === 'JOB_NOT_REVERTIBLE' && /dry run/.test(error.message));
    assert.equal((await harness.context.repositories.jobs.findById(dry.id))?.revert_state, null);
  });

  it('resumes a revert whose process stopped, neither undoing nor counting a row twice', async () => {
    const teamId = await harness.createTeam('revert-resume');
    const { reverts } = harness.context.repositories;
    await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]) });
    const rows = [['name', 'phone']];
    for (let n = 0; n < 8; n++) rows.push([`New ${n}`, `312-555-01${String(10 + n)}`]);
    rows.push(['Ann B', '415-555-0101']);
    const job = await harness.runImport({ teamId, target: 'individual', options: { duplicate: 'update' }, content: csv(rows) });
    // A process takes the revert, undoes the update and removes one batch of rows, then dies holding it.
    const dead = { jobId: job.id, teamId, table: 'customers' as const, owner: 'dead', leaseMs: 300, batchSize: 3 };
    assert.ok(await reverts.claim(job.id, 'dead', 300, INITIAL_REVERT_STATE));
    let state = await reverts.undoUpdates(dead, INITIAL_REVERT_STATE);
    state = await reverts.undoUpdates(dead, state);
    state = await reverts.removeInserts(dead, state);
    assert.deepEqual([state.phase, state.restored, state.removed], ['inserts', 1, 3]);
    await assert.rejects(revert(harness, job.id), (error: unknown) => error instanceof AppError && /being reverted already/.test(error.message));
    await sleep(400);

    const report = await revert(harness, job.id);
    assert.deepEqual([report.removed, report.restored, report.kept], [8, 1, 0]);
    assert.deepEqual(await namesAndCities(harness, teamId), [['Ann', '+14155550101', '', 'new']]);
    await assert.rejects(reverts.removeInserts(dead, state), (error: unknown) => error instanceof AppError && error.code === 'LEASE_LOST');
  });
});

describeOnBothDatabases('reverting a job: team isolation', (suite) => {
  const harness = createHarness(suite);
  let ours: number;
  before(async () => {
    ours = await harness.createTeam('revert-ours');
  });

  it("is refused for another team's job as if it did not exist", async () => {
    const theirs = await harness.createTeam('revert-theirs');
    const job = await harness.runImport({ teamId: theirs, target: 'individual', content: csv([['name', 'phone'], ['Ann', '415-555-0101']]) });
    await assert.rejects(revertJob(revertDeps(harness.context), { teamId: ours }, job.id, SETTINGS), (error: unknown) => error instanceof AppError && error.code === 'NOT_FOUND');
    assert.equal((await harness.rows(theirs, 'individual')).length, 1);
  });
});
