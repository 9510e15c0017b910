// How big the reliability tests run: `short` (the default, inside `npm test`) or `full` (`npm run test:soak`).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type TestScale = 'short' | 'full';

export const TEST_SCALE: TestScale = process.env.INTAKE_TEST_SCALE === 'full' ? 'full' : 'short';

export const isFullScale = TEST_SCALE === 'full';

/** The value for the scale the tests run at. */
export function byScale<T>(short: T, full: T): T {
  return isFullScale ? full : short;
}

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Where each test's figures (kills, durations, peak RSS …) are collected; the README's Reliability section quotes them. */
export const FIGURES_FILE = join(ROOT, 'dist', `reliability-figures-${TEST_SCALE}.jsonl`);

/** Prints a test's figures and appends them, one JSON line, to FIGURES_FILE. */
export function recordFigures(test: string, figures: Record<string, unknown>): void {
  const line = JSON.stringify({ test, scale: TEST_SCALE, at: new Date().toISOString(), ...figures });
  console.log(`# figures ${line}`);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  appendFileSync(FIGURES_FILE, `${line}\n`);
}
