import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';
import { createCampaign } from '../../src/campaigns/campaign-service.js';
import { AppError } from '../../src/shared/app-error.js';

describeOnBothDatabases('every target', (suite) => {
  const harness = createHarness(suite);
  let teamId: number;
  before(async () => {
    teamId = await harness.createTeam('targets', 'US');
  });

  it('imports organization customers with their own fields', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'organization',
      content: csv([['Company Name', 'Contact Person', 'Phone', 'Website', 'Industry'], ['Globex', 'Hank Scorpio', '617-555-0142', 'globex.example', 'Energy']]),
    });
    assert.equal(job.success, 1);
    const [row] = await harness.rows(teamId, 'organization');
    assert.deepEqual([row?.['name'], row?.['contact'], row?.['phone'], row?.['website'], row?.['industry']], ['Globex', 'Hank Scorpio', '+16175550142', 'globex.example', 'Energy']);
  });

  it('imports mass-target recipients keyed by phone or, without one, by email', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'mass-target',
      content: csv([
        ['name', 'phone', 'email'],
        ['Only Mail', '', 'only@example.com'],
        ['Only Phone', '312-555-0150', ''],
        ['Mail Again', '', 'ONLY@example.com'],
        ['Neither', '', ''],
      ]),
    });
    assert.deepEqual([job.success, job.duplicated, job.error], [2, 1, 1]);
    assert.equal((await harness.rows(teamId, 'mass-target')).length, 2);
  });

  it('imports blacklist, whitelist and campaign blacklist numbers, each list on its own', async () => {
    const campaign = await createCampaign(harness.context.repositories, { teamId, name: 'Winter' });
    const numbers = csv([['Number', 'Note'], ['415-555-0160', 'asked not to be called'], ['(415) 555-0160', 'again'], ['nope', '']]);
    const black = await harness.runImport({ teamId, target: 'blacklist', content: numbers });
    const white = await harness.runImport({ teamId, target: 'whitelist', content: numbers });
    const campaignBlack = await harness.runImport({ teamId, target: 'campaign-blacklist', campaign: 'Winter', content: numbers });
    for (const job of [black, white, campaignBlack]) assert.deepEqual([job.success, job.duplicated, job.error], [1, 1, 1]);
    assert.deepEqual(await harness.rows(teamId, 'blacklist'), [{ number: '+14155550160', note: 'asked not to be called' }]);
    assert.equal((await harness.rows(teamId, 'whitelist')).length, 1);
    assert.equal((await harness.rows(teamId, 'campaign-blacklist', campaign.id)).length, 1);
  });

  it('rejects a customer whose number is blacklisted, unless the import allows it', async () => {
    const content = csv([['name', 'phone'], ['Blocked', '+1 415 555 0160'], ['Free', '415-555-0161']]);
    const rejected = await harness.runImport({ teamId, target: 'individual', content });
    assert.deepEqual([rejected.success, rejected.error], [1, 1]);
    assert.match((await harness.resultFile(rejected.id, 'error')).records[0]?.['reason'] ?? '', /\+14155550160 is on the blacklist/);
    const allowed = await harness.runImport({ teamId, target: 'individual', content, options: { blacklist: 'allow' } });
    assert.deepEqual([allowed.success, allowed.duplicated], [1, 1]);
  });

  it('checks a campaign import against the campaign blacklist too', async () => {
    await harness.runImport({ teamId, target: 'campaign-blacklist', campaign: 'Winter', content: csv([['number'], ['312-555-0170']]) });
    const job = await harness.runImport({ teamId, target: 'campaign', campaign: 'Winter', fileName: 'winter.csv', content: csv([['name', 'phone'], ['Cold Caller', '312-555-0170']]) });
    assert.equal(job.error, 1);
    assert.match((await harness.resultFile(job.id, 'error')).records[0]?.['reason'] ?? '', /campaign's blacklist/);
  });

  it('imports area codes and fills area and timezone of customers by the longest prefix', async () => {
    const codes = await harness.runImport({
      teamId,
      target: 'area-code',
      content: csv([
        ['Prefix', 'Area', 'City', 'Province', 'Country', 'Timezone', 'Carrier'],
        ['1415', 'Bay Area', 'San Francisco', 'CA', 'US', 'America/Los_Angeles', ''],
        ['1415555', 'Downtown SF', 'San Francisco', 'CA', 'US', 'America/Los_Angeles', 'Acme Tel'],
        ['1212', 'Manhattan', 'New York', 'NY', 'US', 'America/New_York', ''],
        ['86138', 'China Mobile', '', '', 'CN', 'Asia/Shanghai', 'China Mobile'],
      ]),
    });
    assert.equal(codes.success, 4);
    await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([['name', 'phone'], ['West', '(415) 555-0199'], ['Bay', '415-666-0100'], ['East', '212-555-0100'], ['Far', '+86 138 0013 8001'], ['Nowhere', '617-555-0100']]),
    });
    const rows = await harness.rows(teamId, 'individual');
    const zone = (name: string) => {
      const row = rows.find((r) => r['name'] === name);
      return [row?.['area'], row?.['timezone']];
    };
    assert.deepEqual(zone('West'), ['Downtown SF', 'America/Los_Angeles']);
    assert.deepEqual(zone('Bay'), ['Bay Area', 'America/Los_Angeles']);
    assert.deepEqual(zone('East'), ['Manhattan', 'America/New_York']);
    assert.deepEqual(zone('Far'), ['China Mobile', 'Asia/Shanghai']);
    assert.deepEqual(zone('Nowhere'), ['', '']);
  });

  it("stores an area code's time zone as the dialer reads it, and fails a row whose time zone is none", async () => {
    const codes = await harness.runImport({
      teamId,
      target: 'area-code',
      content: csv([
        ['Prefix', 'Region', 'Time Zone'],
        ['1303', 'Colorado', 'Mountain'],
        ['1808', 'Hawaii', 'HST'],
        ['1905', 'Ontario', '(UTC-05:00) Eastern Time (US & Canada)'],
        ['91', 'India', 'India Standard Time'],
        ['1684', 'American Samoa', 'UTC-11'],
        ['1340', 'Virgin Islands', 'soon'],
        ['972', 'Israel', 'IST'],
      ]),
    });
    assert.deepEqual([codes.success, codes.error], [5, 2]);
    const zones = new Map((await harness.rows(teamId, 'area-code')).map((row) => [row['prefix'], row['timezone']]));
    assert.deepEqual(['1303', '1808', '1905', '91', '1684'].map((prefix) => zones.get(prefix)), ['America/Denver', 'Pacific/Honolulu', 'America/New_York', 'Asia/Kolkata', 'UTC-11:00']);
    assert.equal(zones.has('1340'), false);
    const reasons = (await harness.resultFile(codes.id, 'error')).records.map((record) => [record['line'], record['reason']]);
    assert.deepEqual(reasons.map(([line]) => line), ['7', '8']);
    assert.match(reasons[0]?.[1] ?? '', /"soon" is not a time zone: write its name, such as America\/Chicago, or an offset such as UTC-06:00/);
    assert.match(reasons[1]?.[1] ?? '', /"IST" names time zones of several countries: write the one it is \(Asia\/Kolkata, Asia\/Jerusalem or Europe\/Dublin\)/);
  });

  it('imports DIDs keyed by number', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'did',
      content: csv([['DID', 'Description', 'Campaign'], ['+1 800 555 0100', 'Main line', 'Winter'], ['18005550100', 'dup', ''], ['800-555-0101', 'Sales', '']]),
    });
    assert.deepEqual([job.success, job.duplicated], [2, 1]);
    assert.deepEqual((await harness.rows(teamId, 'did')).map((row) => row['number']), ['+18005550100', '+18005550101']);
  });

  it("routes a DID only to a campaign the team has, named as the campaign is, and fails a row naming another", async () => {
    const job = await harness.runImport({
      teamId,
      target: 'did',
      content: csv([['DID', 'Description', 'Campaign'], ['+1 800 555 0110', 'Winter line', 'WINTER '], ['+1 800 555 0111', 'Old line', 'Summer 2019'], ['+1 800 555 0112', 'Spare', '']]),
    });
    assert.deepEqual([job.success, job.error], [2, 1]);
    const rows = new Map((await harness.rows(teamId, 'did')).map((row) => [row['number'], row['campaign']]));
    assert.equal(rows.get('+18005550110'), 'Winter');
    assert.equal(rows.has('+18005550111'), false);
    assert.equal(rows.get('+18005550112') ?? '', '');
    const [failed] = (await harness.resultFile(job.id, 'error')).records;
    assert.match(failed?.['reason'] ?? '', /"Summer 2019" names no campaign of the team \(its campaigns: .*Winter.*\): write one of them, or leave the cell empty/);
  });

  it('refuses a campaign import whose file name does not match the package, until confirmed (Import Not Match)', async () => {
    await createCampaign(harness.context.repositories, { teamId, name: 'Summer Sale', packageName: 'summer-2026' });
    const content = csv([['name', 'phone'], ['Sunny', '312-555-0180']]);
    await assert.rejects(
      harness.createJob({ teamId, target: 'campaign', campaign: 'Summer Sale', fileName: 'winter leads.csv', content }),
      (error: unknown) => error instanceof AppError && error.code === 'NAME_MISMATCH' && /Import Not Match/.test(error.message),
    );
    const matching = await harness.runImport({ teamId, target: 'campaign', campaign: 'Summer Sale', fileName: 'Summer_2026 leads.xlsx.csv', content });
    assert.equal(matching.success, 1);
    const confirmed = await harness.runImport({ teamId, target: 'campaign', campaign: 'Summer Sale', fileName: 'winter leads.csv', isNameMismatchConfirmed: true, content });
    assert.equal(confirmed.duplicated, 1);
  });

  /** The fields of a campaign an Import & Start made, and its first row. */
  const campaignMade = async (name: string) => {
    const campaign = await harness.context.repositories.campaigns.findByName(teamId, name);
    assert.ok(campaign);
    const fields = await harness.context.repositories.fields.list(teamId, `campaign:${campaign.id}`);
    const [row] = await harness.rows(teamId, 'campaign', campaign.id);
    return { fields, row };
  };

  it('Import & Start creates a new campaign with typed fields from the header, in the file order', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'campaign',
      campaign: 'Fresh Start',
      fileName: 'fresh start.csv',
      content: csv([
        ['Customer Name', 'Mobile Phone', 'Email Address', 'Fax', 'Home Address', 'Signup Date', 'Score', 'Favourite Colour'],
        ['Eve Ng', '617-555-0190', 'eve@example.com', '617-555-0191', '1 Main St, Boston MA', '2024-03-05', '42', 'teal'],
      ]),
    });
    assert.equal(job.success, 1);
    const { fields, row } = await campaignMade('Fresh Start');
    assert.deepEqual(fields.map((field) => [field.label, field.type]), [
      ['Customer Name', 'text'],
      ['Mobile Phone', 'phone'],
      ['Email Address', 'email'],
      ['Fax', 'fax'],
      ['Home Address', 'address'],
      ['Signup Date', 'date'],
      ['Score', 'number'],
      ['Favourite Colour', 'text'],
    ]);
    assert.deepEqual(Object.values(row ?? {}).slice(0, 8), ['Eve Ng', '+16175550190', 'eve@example.com', '+16175550191', '1 Main St, Boston MA', '2024-03-05', '42', 'teal']);
  });

  it('Import & Start gives a column left out, or a nameless empty one, no field of the campaign', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'campaign',
      campaign: 'Left Out',
      fileName: 'left out.csv',
      mapping: [['Internal Id', null]],
      content: csv([
        ['', 'Customer Name', 'Mobile Phone', 'Internal Id', 'Lead Source'],
        ['', 'Fay Wu', '617-555-0192', '77', 'web'],
      ]),
    });
    assert.equal(job.success, 1);
    const { fields, row } = await campaignMade('Left Out');
    assert.deepEqual(fields.map((field) => field.label), ['Customer Name', 'Mobile Phone', 'Lead Source']);
    assert.ok(!JSON.stringify(row).includes('77'), 'the column left out is not stored');
  });

  it('deduplicates on a chosen key (email) and across the team when asked', async () => {
    const first = await harness.runImport({ teamId, target: 'individual', options: { dedupeKey: 'email' }, content: csv([['name', 'email'], ['Key One', 'key@example.com'], ['Key Two', 'KEY@example.com']]) });
    assert.deepEqual([first.success, first.duplicated], [1, 1]);
    const teamWide = await harness.runImport({ teamId, target: 'mass-target', options: { dedupeScope: 'team' }, content: csv([['name', 'phone'], ['Across', '617-555-0142']]) });
    assert.equal(teamWide.duplicated, 1, 'the organization imported earlier holds that phone');
    assert.match((await harness.resultFile(teamWide.id, 'duplicated')).records[0]?.['reason'] ?? '', /organization/);
  });
});
