// Revert in a real browser: from the job page, confirmed, then what it did is shown and the table is as before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findUnnamedControls, launchBrowser, logIn, openPage, saveScreenshot, type TestPage } from './support/browser.js';
import { startIntake, type IntakeServer } from './support/intake-server.js';

describe('reverting a job (browser)', () => {
  let server: IntakeServer;
  let browser: Browser;
  let tab: TestPage;
  let job: number;

  before(async () => {
    server = await startIntake((cli) => {
      cli('teams', 'create', 'Acme', '--country', 'US');
      cli('users', 'create', 'boss', '--team', 'Acme', '--role', 'manager', '--password', 'boss-password-1');
    });
    const first = join(server.dataDir, 'leads.csv');
    const second = join(server.dataDir, 'leads-fix.csv');
    writeFileSync(first, 'Name,Phone\nAda,+1 212 200 0001\nBen,+1 212 200 0002\n');
    writeFileSync(second, 'Name,Phone\nAda Lovelace,+1 212 200 0001\nCyd,+1 212 200 0003\n');
    server.cli('import', first, '--team', 'Acme', '--target', 'individual', '--wait');
    job = server.cli<{ id: number }>('import', second, '--team', 'Acme', '--target', 'individual', '--duplicate', 'update', '--wait').id;
    browser = await launchBrowser();
    tab = await openPage(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks first, then removes the rows the job inserted and restores those it updated', async () => {
    const { page } = tab;
    await logIn(page, 'boss', 'boss-password-1');
    await page.goto(`/jobs/${job}`);
    await page.getByTestId('revert-job').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Cancelling changes nothing.
    await dialog.locator('button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('revert-outcome').count(), 0);

    await page.getByTestId('revert-job').click();
    await page.getByTestId('revert-confirm-ok').click();
    await page.locator('[data-testid=revert-outcome][data-status=reverted]').waitFor();
    assert.match(await page.getByTestId('revert-counts').innerText(), /1 removed, 1 restored to their previous values, 0 kept/);
    assert.equal(await page.getByTestId('revert-job').count(), 0, 'a reverted job offers no second revert');
    assert.deepEqual(await findUnnamedControls(page), []);
    await saveScreenshot(page, 'job-reverted');

    const rows = server.cli<Array<Record<string, string>>>('customers', 'export', '--team', 'Acme', '--target', 'individual');
    assert.deepEqual(rows.map((row) => row['name']), ['Ada', 'Ben']);

    await page.getByRole('link', { name: 'Shell Jobs' }).click();
    await page.locator(`[data-testid=job-row][data-job-id="${job}"] [data-testid=job-reverted]`).waitFor();
    assert.deepEqual(tab.consoleErrors, []);
  });
});
