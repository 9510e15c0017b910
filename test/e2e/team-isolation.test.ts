// Team isolation in a real browser: a manager of one team sees neither another team's jobs in the list nor their pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findUnnamedControls, launchBrowser, logIn, logOut, openPage, saveScreenshot, type TestPage } from './support/browser.js';
import { startIntake, type IntakeServer } from './support/intake-server.js';

describe('team isolation (browser)', () => {
  let server: IntakeServer;
  let browser: Browser;
  let tab: TestPage;
  let acmeJob: number;
  let globexJob: number;

  before(async () => {
    server = await startIntake((cli) => {
      cli('teams', 'create', 'Acme', '--country', 'US');
      cli('teams', 'create', 'Globex', '--country', 'GB');
      cli('users', 'create', 'boss', '--team', 'Acme', '--role', 'manager', '--password', 'boss-password-1');
      cli('users', 'create', 'gina', '--team', 'Globex', '--role', 'manager', '--password', 'gina-password-1');
      cli('users', 'create', 'root', '--team', 'Acme', '--role', 'admin', '--password', 'root-password-1');
    });
    const acmeFile = join(server.dataDir, 'acme-leads.csv');
    const globexFile = join(server.dataDir, 'globex-secret-leads.csv');
    writeFileSync(acmeFile, 'Name,Phone\nAda,+1 212 200 0001\n');
    writeFileSync(globexFile, 'Name,Phone\nGeorge,+44 20 7946 0001\n');
    acmeJob = server.cli<{ id: number }>('import', acmeFile, '--team', 'Acme', '--target', 'individual', '--wait').id;
    const acmeCodes = join(server.dataDir, 'acme-codes.csv');
    const globexCodes = join(server.dataDir, 'globex-codes.csv');
    writeFileSync(acmeCodes, 'Prefix,Area\n1212,Manhattan\n');
    writeFileSync(globexCodes, 'Prefix,Area\n4420,London\n');
    server.cli('import', acmeCodes, '--team', 'Acme', '--target', 'area-code', '--wait');
    server.cli('import', globexCodes, '--team', 'Globex', '--target', 'area-code', '--wait');
    globexJob = server.cli<{ id: number }>('import', globexFile, '--team', 'Globex', '--target', 'individual', '--wait').id;
    browser = await launchBrowser();
    tab = await openPage(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists only the manager's own team's jobs and refuses another team's job page", async () => {
    const { page } = tab;
    await logIn(page, 'boss', 'boss-password-1');
    await page.getByRole('link', { name: 'Shell Jobs' }).click();
    await page.locator(`[data-testid=job-row][data-job-id="${acmeJob}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid=job-row][data-job-id="${globexJob}"]`).count(), 0);
    assert.equal(await page.getByText('globex-secret-leads.csv').count(), 0);
    assert.deepEqual(await findUnnamedControls(page), []);
    await saveScreenshot(page, 'team-isolation-jobs');

    // Another team's job by its address: refused, and nothing of it shown.
    tab.expectFailure({ path: `/api/jobs/${globexJob}`, status: 404 });
    tab.expectFailure({ path: `/api/jobs/${globexJob}`, status: 403 });
    await page.goto(`/jobs/${globexJob}`);
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByTestId('job-page').count(), 0);
    assert.equal(await page.getByText('globex-secret-leads.csv').count(), 0);
    await saveScreenshot(page, 'team-isolation-refused');
    assert.deepEqual(tab.consoleErrors, []);
  });

  it("lets an administrator browse each team's lists and create a campaign in the team chosen, their own first", async () => {
    const { page } = tab;
    await logOut(page);
    await logIn(page, 'root', 'root-password-1');
    await page.goto('/lists/area-code');
    const team = page.getByRole('combobox', { name: 'Team' });
    const table = page.getByTestId('list-table');
    await table.getByText('Manhattan').waitFor();
    await page.getByRole('combobox', { name: 'Team' }).and(page.locator('[value="Acme (US)"]')).waitFor();
    assert.equal(await table.getByText('London').count(), 0);
    await team.click();
    await page.getByRole('option', { name: 'Globex (GB)' }).click();
    await table.getByText('London').waitFor();
    assert.equal(await table.getByText('Manhattan').count(), 0);

    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Globex (GB)' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Globex Autumn');
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByTestId('campaigns-table').getByRole('link', { name: 'Globex Autumn' }).waitFor();
    const globex = server.cli<{ name: string }[]>('campaigns', 'list', '--team', 'Globex');
    assert.deepEqual(globex.map((campaign) => campaign.name), ['Globex Autumn']);
    assert.deepEqual(await findUnnamedControls(page), []);
    assert.deepEqual(tab.consoleErrors, []);
  });
});
