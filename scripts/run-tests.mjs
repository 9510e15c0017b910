#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with Node's own test runner.
// Pass a substring to run only matching files: `node scripts/run-tests.mjs reading`.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

// The long files first (the reliability and command-line tests run for minutes), the many short unit tests last, so
// that the two at a time end together instead of one long file running alone at the end.
const FIRST = ['dist/test/cli/', 'dist/test/reliability/', 'dist/test/jobs/', 'dist/test/e2e/', 'dist/test/'];
const rank = (file) => {
  const at = FIRST.findIndex((prefix) => file.startsWith(prefix));
  return at < 0 ? FIRST.length : at;
};
const files = findTests(join(root, 'dist'))
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (files.length === 0) {
  console.error('No test files found under dist/. Run `npm run build` first.');
  process.exit(1);
}
// Files run INTAKE_TEST_CONCURRENCY at a time (default 2, one per core: a third made the whole run slower on 2 cores,
// 17 against 15.6 minutes on a slow machine). The timeout is per file, a guard against a hang: 10 minutes, for a slow
// machine runs the file of both databases' command-line tests in 6.
const concurrency = Number(process.env.INTAKE_TEST_CONCURRENCY ?? 2);
const result = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, `--test-timeout=${process.env.INTAKE_TEST_SCALE === 'full' ? 900_000 : 600_000}`, ...files],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
