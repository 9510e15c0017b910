// Debian's Chromium driven by playwright-core: console errors are collected, form controls checked with axe-core,
// screenshots saved for the README.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './intake-server.js';

const CHROMIUM = '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * Where screenshots go: the README's `docs/screenshots/` with INTAKE_UPDATE_SCREENSHOTS=1, else `dist/screenshots/`
 * (every run takes them; only a deliberate update rewrites the committed pictures).
 */
export const SCREENSHOT_DIR = process.env.INTAKE_UPDATE_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : join(REPO_ROOT, 'dist', 'screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** The axe rules about names: every form control, button and link must have an accessible name. */
const NAME_RULES = [
  'label',
  'select-name',
  'button-name',
  'input-button-name',
  'link-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-command-name',
  'image-alt',
  'label-title-only',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** A response the test expects to fail (e.g. 401 on GET /api/session while logged out); the browser logs those. */
export type ExpectedFailure = { path: string; status: number };

export type TestPage = {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, less the expected failed requests. */
  consoleErrors: string[];
  expectFailure: (failure: ExpectedFailure) => void;
};

export async function openPage(browser: Browser, baseURL: string): Promise<TestPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const expected: ExpectedFailure[] = [{ path: '/api/session', status: 401 }];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const status = /status of (\d{3})/.exec(text)?.[1];
    const location = message.location().url;
    const isExpected = status !== undefined && expected.some((e) => String(e.status) === status && location.includes(e.path));
    if (!isExpected) consoleErrors.push(`${text} (${location})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
  return { context, page, consoleErrors, expectFailure: (failure) => expected.push(failure) };
}

export type AxeViolation = { id: string; help: string; nodes: { target: string[]; html: string }[] };

/** Violations of the naming rules on the page as it is now. */
export async function findUnnamedControls(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate('typeof window.axe !== "undefined"');
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(`window.axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(NAME_RULES)} } })
    .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) })))`)) as AxeViolation[];
  return result;
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.html}`).join('\n')}`).join('\n');
}

/** A 1280×800 screenshot for the README; `isFullPage` takes the whole scrolled page. */
export async function saveScreenshot(page: Page, name: string, isFullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: isFullPage, animations: 'disabled', caret: 'hide' });
}

export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
}
