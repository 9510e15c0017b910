// Team isolation in a real browser: a manager of one team sees neither another team's jobs in the list nor their pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findUnnamedControls, launchBrowser, logIn, openPage, saveScreenshot, type TestPage } from './support/browser.js';
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
    });
    const acmeFile = join(server.dataDir, 'acme-leads.csv');
    const globexFile = join(server.dataDir, 'globex-secret-leads.csv');
    writeFileSync(acmeFile, 'Name,Phone\nAda,+1 212 200 0001\n');
    writeFileSync(globexFile, 'Name,Phone\nGeorge,+44 20 7946 0001\n');
    acmeJob = server.cli<{ id: number }>('import', acmeFile, '--team', 'Acme', '--target', 'individual', '--wait').id;
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
});
