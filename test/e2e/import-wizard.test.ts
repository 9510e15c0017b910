// The import wizard in a real browser: a CSV into individual customers with one column remapped by hand, one made a new
// field of the table, and duplicates set to update; the job's live progress up to `close`; the error file downloaded.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { describeViolations, findUnnamedControls, launchBrowser, logIn, logOut, openPage, saveScreenshot, type TestPage } from './support/browser.js';
import { startIntake, type IntakeServer } from './support/intake-server.js';

const RECORDS = 20_000;
const BAD_EMAIL_LINES = [5, 777];

/** Line 1 is the header; record n is on line n + 1. Phones are unique valid US numbers; 1 and 2 are already stored. */
function leadsCsv(): string {
  const lines = ['Customer Name,Tel,Email,City,Source,Plan'];
  for (let n = 1; n <= RECORDS; n += 1) {
    const digits = String(2_000_000 + n);
    const phone = `+1 212 ${digits.slice(0, 3)} ${digits.slice(3)}`;
    const email = BAD_EMAIL_LINES.includes(n + 1) ? 'not-an-email' : `lead${n}@example.com`;
    lines.push(`Lead ${n},${phone},${email},New York,Trade fair ${n},${n % 2 === 0 ? 'Gold' : 'Silver'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A `<input type="datetime-local">` value, in this machine's time zone (the browser's too). */
function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

describe('import wizard (browser)', () => {
  let server: IntakeServer;
  let browser: Browser;
  let tab: TestPage;
  let csvPath: string;

  before(async () => {
    server = await startIntake((cli) => {
      cli('teams', 'create', 'Acme', '--country', 'US');
      cli('users', 'create', 'boss', '--team', 'Acme', '--role', 'manager', '--password', 'boss-password-1');
    }, { INTAKE_BATCH_SIZE: '100', INTAKE_POLL_MS: '50' }); // Small batches, frequent events: progress often enough to be watched.
    // Customers already in the table: the file's rows with the same phone update them.
    const existing = join(server.dataDir, 'existing.csv');
    writeFileSync(existing, 'Name,Phone\nOld Name One,+1 212 200 0001\nOld Name Two,+1 212 200 0002\n');
    server.cli('import', existing, '--team', 'Acme', '--target', 'individual', '--wait');
    csvPath = join(server.dataDir, 'spring-leads.csv');
    writeFileSync(csvPath, leadsCsv());
    browser = await launchBrowser();
    tab = await openPage(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in, imports a CSV with a column remapped by hand and duplicates updated, follows the job to close, downloads the error file', async () => {
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.deepEqual(await findUnnamedControls(page), []);
    await saveScreenshot(page, 'login');
    await logIn(page, 'boss', 'boss-password-1');

    // File: upload, then the file panel and the first 10 records.
    await page.getByRole('button', { name: 'Click to Upload' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('file-panel').waitFor();
    assert.equal(await page.getByTestId('file-name').textContent(), 'spring-leads.csv');
    await page.getByTestId('preview-table').waitFor();
    assert.equal(await page.getByTestId('preview-table').locator('tbody tr').count(), 10);
    assert.match((await page.getByTestId('preview-table').locator('tbody tr').first().textContent()) ?? '', /Lead 1/);
    const violations = await findUnnamedControls(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await saveScreenshot(page, 'import-file');

    // Target & columns: individual customers; "Source" mapped to the note field by hand.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('mapping-table').waitFor();
    const source = page.getByRole('combobox', { name: 'Field for column "Source"' });
    assert.notEqual(await source.inputValue(), 'Note (note)', 'the suggestion is not already the note');
    await source.click();
    await source.fill('note');
    await page.getByRole('option', { name: 'Note (note)' }).click();
    assert.equal(await source.inputValue(), 'Note (note)');
    await page.locator('[data-testid=mapping-row][data-header=Source]').getByText('chosen by hand').waitFor();
    // Neither the name nor the phone mapped: the step says every customer needs one, and goes no further.
    const chooseFor = async (header: string, search: string, option: string) => {
      const box = page.getByRole('combobox', { name: `Field for column "${header}"` });
      await box.click();
      await box.fill(search);
      await page.getByRole('option', { name: option }).click();
    };
    await chooseFor('Tel', 'Ignore', '— Ignore this column —');
    await chooseFor('Customer Name', 'Ignore', '— Ignore this column —');
    await page.getByTestId('missing-one-of').waitFor();
    assert.match((await page.getByTestId('missing-one-of').textContent()) ?? '', /Map a column to Name or Phone/);
    assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
    await chooseFor('Tel', 'phone', 'Phone (phone)');
    await chooseFor('Customer Name', 'name', 'Name (name)');
    await page.getByTestId('missing-one-of').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('combobox', { name: 'Field for column "Tel"' }).inputValue(), 'Phone (phone)');
    // "Plan", which the table has no field for, becomes a new field of its own.
    assert.equal(await page.getByRole('combobox', { name: 'Field for column "Plan"' }).inputValue(), '— Ignore this column —');
    await chooseFor('Plan', 'New', '+ New field "Plan"');
    assert.match((await page.getByTestId('new-fields').textContent()) ?? '', /New fields for this list: Plan\./);
    assert.deepEqual(await findUnnamedControls(page), [], 'mapping step');
    await saveScreenshot(page, 'import-mapping');

    // Options: duplicates update.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('options-step').waitFor();
    await page.getByLabel(/^Update: update customer information/).check();
    // Start a few seconds from now, so that the job page is open before the job runs and shows all of it live.
    await page.getByLabel('At a time').check();
    await page.getByLabel('Start at').fill(localDateTime(new Date(Date.now() + 6_000)));
    assert.deepEqual(await findUnnamedControls(page), [], 'options step');
    await saveScreenshot(page, 'import-options', true);
    await page.getByTestId('submit-import').click();

    const created = page.getByTestId('created-job-id');
    await created.waitFor();
    const jobId = Number(await created.getAttribute('data-job-id'));
    assert.ok(jobId > 0);
    await saveScreenshot(page, 'import-created');

    // The job page follows the job live until it closes.
    await page.getByRole('link', { name: `Open job #${jobId}` }).click();
    const progress = page.getByTestId('job-progress');
    await progress.waitFor();
    const seen: { status: string; read: number }[] = [];
    let hasRunningShot = false;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const status = (await progress.getAttribute('data-status')) ?? '';
      const read = Number(await progress.getAttribute('data-records-read'));
      const last = seen.at(-1);
      if (!last || last.status !== status || last.read !== read) seen.push({ status, read });
      if (status === 'running' && read > 0 && read < RECORDS && !hasRunningShot) {
        await saveScreenshot(page, 'job-running');
        hasRunningShot = true;
      }
      if (status === 'close' || status === 'failed' || status === 'cancelled') break;
      assert.ok(Date.now() < deadline, `job ${jobId} did not end: ${JSON.stringify(seen)}`);
      await page.waitForTimeout(40);
    }
    // The page, opened while the job was pending (or, on a slow machine, already running), followed it over Server-Sent
    // Events without a reload: running with its count growing, then closed with every record read.
    const statuses = seen.map((s) => s.status).filter((status, index, all) => status !== all[index - 1]);
    assert.deepEqual(statuses.slice(-2), ['running', 'close'], JSON.stringify(seen));
    assert.ok(seen.some((s) => s.status === 'running' && s.read > 0 && s.read < RECORDS), `no live count while running: ${JSON.stringify(seen)}`);
    assert.ok(statuses.length === 2 || statuses[0] === 'pending', JSON.stringify(seen));
    assert.equal(seen.at(-1)?.read, RECORDS, JSON.stringify(seen));
    assert.ok(hasRunningShot, JSON.stringify(seen));
    assert.equal(await page.getByTestId('count-error').textContent(), String(BAD_EMAIL_LINES.length));
    assert.ok(Number((await page.getByTestId('count-duplicated').textContent())?.replace(/,/g, '')) >= 2);
    assert.deepEqual(await findUnnamedControls(page), [], 'job page');
    await saveScreenshot(page, 'job-closed', true);

    // The error file: the file's own columns plus line and reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-error').click()]);
    const errorFile = await download.path();
    const text = readFileSync(errorFile, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    assert.match(header ?? '', /Customer Name.*Tel.*Email.*line.*reason/i);
    assert.equal(rows.length, BAD_EMAIL_LINES.length);
    assert.match(rows[0] ?? '', /not-an-email/);
    assert.match(rows[0] ?? '', /,5,|"5"/);

    // The rows are in the table: duplicates updated, Source stored as the note, Plan in the table's new field.
    const customers = server.cli<{ name: string; phone: string; note: string; plan: string }[]>('customers', 'export', '--team', 'Acme', '--target', 'individual');
    const first = customers.find((c) => c.phone === '+12122000001');
    assert.equal(first?.name, 'Lead 1');
    assert.equal(first?.note, 'Trade fair 1');
    assert.deepEqual([first?.plan, customers.find((c) => c.phone === '+12122000002')?.plan], ['Silver', 'Gold']);

    // Shell jobs lists it as close.
    await page.getByRole('link', { name: 'Shell Jobs' }).click();
    await page.locator(`[data-testid=job-row][data-job-id="${jobId}"][data-status=close]`).waitFor();
    assert.deepEqual(await findUnnamedControls(page), [], 'jobs page');
    await saveScreenshot(page, 'shell-jobs');

    assert.deepEqual(tab.consoleErrors, []);
  });

  it("shows a record that cannot be imported in the preview; says that a name split over columns is joined, and that the list's Do Not Call column keeps customers out", async () => {
    const { page } = tab;
    const split = join(server.dataDir, 'crm-export.csv');
    writeFileSync(split, 'Last Name,First Name,Phone,Do Not Call\nOkafor,Ngozi,617-555-0142,No\n"Broken,Quote,617-555-0143,Yes\n');
    await page.goto('/import');
    await page.getByRole('button', { name: 'Click to Upload' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(split);
    await page.getByTestId('preview-table').waitFor();
    // A record that cannot be imported says so under what was read of it, before anything is imported.
    assert.match((await page.getByTestId('preview-problem').textContent()) ?? '', /Line 3 cannot be imported: .*never closed/);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('mapping-table').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Field for column "Last Name"' }).inputValue(), 'Name (name)');
    assert.equal(await page.getByRole('combobox', { name: 'Field for column "First Name"' }).inputValue(), 'Name (name)');
    await page.getByText('Field "name" joins the values of Last Name + First Name').waitFor();
    assert.equal(await page.getByText(/is mapped from more than one column/).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Next' }).isEnabled(), true);
    // The options say what becomes of the customers the list itself marks Do Not Call.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('options-step').waitFor();
    assert.equal(await page.getByTestId('do-not-call').textContent(), 'The column "Do Not Call" marks customers Do Not Call: they are treated as blacklisted numbers.');
    // A dry run first: what it finds shows on the spot, and the same import then runs for real from there.
    await page.getByLabel('Dry run: check every row without writing anything').check();
    await page.getByTestId('submit-import').click();
    await page.locator('[data-testid=dry-run-outcome][data-status=close]').waitFor({ timeout: 60_000 });
    await page.getByText('The dry run: 1 would be imported, 1 would fail, 0 duplicated.').waitFor();
    const dryJobId = Number(await page.getByTestId('created-job-id').getAttribute('data-job-id'));
    await page.getByTestId('import-for-real').click();
    await page.locator(`[data-testid=created-job-id]:not([data-job-id="${dryJobId}"])`).waitFor();
    assert.equal(await page.getByTestId('dry-run-outcome').count(), 0);
    assert.equal(await page.getByTestId('import-for-real').count(), 0);
    assert.deepEqual(tab.consoleErrors, []);
  });

  it('shows the list sheet of a workbook made from a template, not the instructions sheet before it', async () => {
    const { page } = tab;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['How to fill in this template'], ['One customer per row on the Customers sheet.']]), 'Read me');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Customer', 'Mobile'], ['Ann Lee', '+1 212 555 0150']]), 'Customers');
    const template = join(server.dataDir, 'template.xlsx');
    writeFileSync(template, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await page.goto('/import');
    await page.getByRole('button', { name: 'Click to Upload' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(template);
    await page.getByTestId('preview-table').waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Sheet' }).inputValue(), 'Customers');
    assert.match((await page.getByTestId('preview-table').locator('tbody tr').first().textContent()) ?? '', /Ann Lee/);
    assert.deepEqual(tab.consoleErrors, []);
  });

  it("has an administrator's only team chosen, so that a file can be uploaded at once", async () => {
    const { page } = tab;
    server.cli('users', 'create', 'root', '--team', 'Acme', '--role', 'admin', '--password', 'root-password-1');
    await logOut(page);
    await logIn(page, 'root', 'root-password-1');
    await page.goto('/import');
    const team = page.getByRole('combobox', { name: 'Team' });
    const deadline = Date.now() + 10_000;
    while ((await team.inputValue()) === '' && Date.now() < deadline) await page.waitForTimeout(50);
    assert.equal(await team.inputValue(), 'Acme (US)');
    await page.locator('input[type=file]').setInputFiles(csvPath);
    await page.getByTestId('preview-table').waitFor();
    assert.match((await page.getByTestId('preview-table').locator('tbody tr').first().textContent()) ?? '', /Lead 1/);
    assert.deepEqual(tab.consoleErrors, []);
  });
});
