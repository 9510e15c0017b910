// Import & Start in a real browser: a new campaign from an XLSX with its special fields typed, then the agent sees a
// customer exactly as in the file, with the actions of each typed field.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser } from 'playwright-core';
import { describeViolations, findUnnamedControls, launchBrowser, logIn, logOut, openPage, saveScreenshot, type TestPage } from './support/browser.js';
import { startIntake, type IntakeServer } from './support/intake-server.js';

// Numbers as people write them: stored normalised (E.164, DESIGN.md step 6), shown to the agent as in the file.
const HEADER = ['Customer', 'E-mail', 'Mobile Phone', 'Fax', 'Office Address', 'Notes'];
const ROWS = [
  ['Zhang Wei 张伟', 'zhang.wei@example.cn', '(415) 555-2671', '415.555.2672', '1 Market St, San Francisco, CA 94105', 'Prefers calls after 6pm, "VIP"'],
  ['Maria García', 'maria@example.es', '+1 212-200-0042', '+12122000043', '350 Fifth Avenue, New York, NY 10118', 'Spanish speaker'],
  ['Omar Haddad', 'omar@example.com', '+16462010077', '', '11 Wall Street, New York, NY 10005', ''],
];
const EXPECTED_TYPES: Record<string, string> = { 'E-mail': 'email', 'Mobile Phone': 'phone', Fax: 'fax', 'Office Address': 'address' };

function writeWorkbook(path: string): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADER, ...ROWS]), 'Leads');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('Import & Start and the agent view (browser)', () => {
  let server: IntakeServer;
  let browser: Browser;
  let tab: TestPage;
  let xlsxPath: string;

  before(async () => {
    server = await startIntake((cli) => {
      cli('teams', 'create', 'Acme', '--country', 'US');
      cli('users', 'create', 'boss', '--team', 'Acme', '--role', 'manager', '--password', 'boss-password-1');
      cli('users', 'create', 'alice', '--team', 'Acme', '--role', 'agent', '--password', 'alice-password-1');
    });
    xlsxPath = join(server.dataDir, 'autumn-campaign.xlsx');
    writeWorkbook(xlsxPath);
    browser = await launchBrowser();
    tab = await openPage(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a campaign from an XLSX with email, phone, fax and address fields typed', async () => {
    const { page } = tab;
    await logIn(page, 'boss', 'boss-password-1');
    await page.getByRole('link', { name: 'Import & Start' }).click();
    await page.getByRole('heading', { name: 'Import & Start' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(xlsxPath);
    await page.getByTestId('proposed-fields').waitFor();
    for (const [header, type] of Object.entries(EXPECTED_TYPES)) {
      assert.equal(await page.locator(`[data-testid=proposed-field][data-header="${header}"]`).getAttribute('data-type'), type, header);
    }
    assert.equal(await page.getByTestId('campaign-name').inputValue(), 'autumn-campaign');
    await page.getByTestId('campaign-name').fill('Autumn Campaign');
    const violations = await findUnnamedControls(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await saveScreenshot(page, 'import-and-start', true);

    // A dry run first: the records are checked against the fields proposed, and neither they nor the campaign are made.
    await page.getByLabel('Dry run: check every row without writing anything').check();
    await page.getByTestId('import-and-start').click();
    await page.getByTestId('draft-fields').waitFor();
    assert.match(await page.getByTestId('draft-fields').textContent() ?? '', /^Checked against 6 new fields, not created \(a dry run\): Customer, E-mail, Mobile Phone, Fax, Office Address, Notes$/);
    assert.equal(await page.getByText('Created campaign').count(), 0);
    // What it found, live, with its result files.
    await page.locator('[data-testid=dry-run-outcome][data-status=close]').waitFor({ timeout: 60_000 });
    await page.getByText('The dry run: 3 would be imported, 0 would fail, 0 duplicated.').waitFor();
    assert.equal(await page.getByTestId('download-error').isVisible(), true);
    const dryJobId = Number(await page.getByTestId('created-job-id').getAttribute('data-job-id'));
    // Then for real, from the dry run's result: the same file, fields and name.
    await page.getByTestId('import-for-real').click();
    await page.locator(`[data-testid=created-job-id]:not([data-job-id="${dryJobId}"])`).waitFor();
    await page.getByText('Created campaign "Autumn Campaign"').waitFor();
    assert.equal(await page.getByTestId('import-for-real').count(), 0);
    const mismatch = page.getByRole('dialog', { name: /Import Not Match/ });
    const created = page.getByTestId('created-job-id');
    await Promise.race([created.waitFor(), mismatch.waitFor()]);
    if (await mismatch.isVisible()) {
      await saveScreenshot(page, 'import-not-match');
      await mismatch.getByRole('button', { name: 'OK' }).click();
    }
    await created.waitFor();
    const jobId = Number(await created.getAttribute('data-job-id'));
    await page.getByRole('link', { name: `Open job #${jobId}` }).click();
    await page.locator('[data-testid=job-page][data-status=close]').waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('count-success').textContent(), String(ROWS.length));

    // The campaign's agent view, and alice assigned to it.
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'Autumn Campaign' }).click();
    await page.getByTestId('agent-view-fields').waitFor();
    const agents = page.getByRole('combobox', { name: 'Agents who work this campaign' });
    await agents.click();
    await page.getByRole('option', { name: 'alice' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByText('Saved').waitFor();
    assert.deepEqual(await findUnnamedControls(page), [], 'campaign page');
    await saveScreenshot(page, 'campaign-agent-view');
    await logOut(page);
  });

  it('shows the agent a customer exactly as in the file, with mailto, call, SMS, fax and map actions', async () => {
    const { page } = tab;
    await logIn(page, 'alice', 'alice-password-1');
    await page.getByRole('link', { name: 'Open Autumn Campaign' }).click();
    await page.getByTestId('customer-row').first().waitFor();
    assert.equal(await page.getByTestId('customer-row').count(), ROWS.length);
    await page.getByTestId('customer-row').filter({ hasText: 'Zhang Wei' }).getByRole('link').click();
    await page.getByTestId('customer-fields').waitFor();

    const first = ROWS[0] ?? [];
    const values: string[] = [];
    for (const row of await page.getByTestId('customer-field').all()) values.push((await row.getByTestId('customer-value').textContent()) ?? '');
    assert.deepEqual(values, first, 'every field as imported, in file order');
    const hrefs: [string, string][] = [];
    for (const link of await page.locator('[data-action]').all()) hrefs.push([(await link.getAttribute('data-action')) ?? '', (await link.getAttribute('href')) ?? '']);
    const byKind = (kind: string) => hrefs.filter(([k]) => k === kind).map(([, href]) => href ?? '');
    assert.deepEqual(byKind('mailto'), ['mailto:zhang.wei@example.cn']);
    assert.ok(byKind('tel').includes('tel:+14155552671'), JSON.stringify(hrefs));
    assert.ok(byKind('sms').includes('sms:+14155552671'), JSON.stringify(hrefs));
    assert.equal(byKind('fax').length, 1, JSON.stringify(hrefs));
    assert.equal(byKind('map').length, 1, JSON.stringify(hrefs));
    assert.match(byKind('map')[0] ?? '', /1(%20|\+| )Market/);
    const violations = await findUnnamedControls(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await saveScreenshot(page, 'agent-customer');
    assert.deepEqual(tab.consoleErrors, []);
    await logOut(page);
  });

  it('maps the next file of the campaign by itself and asks "Import Not Match" when its name is not the package name', async () => {
    const { page } = tab;
    const csvPath = join(server.dataDir, 'march-leads.csv');
    writeFileSync(csvPath, `${HEADER.join(',')}\nLi Na,li.na@example.cn,+14155550199,,"2 Market St, San Francisco",\n`);
    tab.expectFailure({ path: '/api/imports', status: 409 });
    await logIn(page, 'boss', 'boss-password-1');
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    await page.locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('preview-table').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('combobox', { name: 'Import to' }).click();
    await page.getByRole('option', { name: 'Campaign customers' }).click();
    await page.getByRole('combobox', { name: 'Campaign', exact: true }).click();
    await page.getByRole('option', { name: 'Autumn Campaign' }).click();
    await page.locator('[data-testid=mapping-row][data-header="Mobile Phone"]').getByText(/saved/i).waitFor();
    for (const header of HEADER) {
      const row = page.locator(`[data-testid=mapping-row][data-header="${header}"]`);
      assert.match((await row.textContent()) ?? '', /saved/i, `${header} mapped by the saved mapping`);
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('submit-import').click();
    const mismatch = page.getByRole('dialog', { name: 'Import Not Match' });
    await mismatch.waitFor();
    assert.deepEqual(await findUnnamedControls(page), [], 'Import Not Match dialog');
    await saveScreenshot(page, 'import-not-match');
    await mismatch.getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('created-job-id').waitFor();

    // The same page in Simplified Chinese.
    await page.locator('header').getByText('中文', { exact: true }).click();
    await page.getByRole('link', { name: '后台任务', exact: true }).click();
    await page.getByTestId('job-row').first().waitFor();
    assert.deepEqual(await findUnnamedControls(page), [], 'jobs page in Chinese');
    await saveScreenshot(page, 'shell-jobs-zh');
    assert.deepEqual(tab.consoleErrors, []);
  });
});
