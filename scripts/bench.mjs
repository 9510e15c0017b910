#!/usr/bin/env node
// `npm run bench`: Intake's import beside the databases' own bulk loaders, on the same generated file, in one run.
//
//   npm run bench                 everything (medians of 3 runs), writes bench/results/latest.json
//   npm run bench -- sqlite       only SQLite (A: sqlite3 .import, B: intake import)
//   npm run bench -- postgres     only PostgreSQL (A: psql \copy, B: intake import with DATABASE_URL)
//   npm run bench -- preview      only the preview of a 1 GB file
//   npm run bench -- phones       phone normalisation: the library against the fast path
//   options: --runs N (default 3), --rows N (default 1,000,000)
//
// Data: bench/data/customers-<rows>.csv from ../shared/bench/gen-customers.mjs (seed 42), made once and reused, and a
// second file (seed 43) for the second million imported into the now full table. PostgreSQL: the server of
// INTAKE_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); databases intake_bench_* are
// created and dropped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', 'data');
const resultsDir = join(root, 'bench', 'results');
const generator = resolve(root, '..', 'shared', 'bench', 'gen-customers.mjs');
const intake = join(root, 'bin', 'intake');
const postgresAdminUrl = process.env.INTAKE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option('--runs', 3);
const rows = option('--rows', 1_000_000);
const parts = args.filter((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
const wants = (part) => parts.length === 0 || parts.includes(part);

const COLUMNS = ['name', 'phone', 'mobile', 'email', 'company', 'address', 'city', 'note', 'priority', 'birthday'];

async function main() {
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) fail('The code is not built: run `npm run build` first.');
  const results = { date: new Date().toISOString(), machine: machine(), rows, runs };
  if (wants('phones')) {
    log('\n## phone normalisation');
    const phones = spawnSync(process.execPath, [join(root, 'bench', 'phones.mjs'), '200000'], { encoding: 'utf8' });
    process.stdout.write(phones.stdout);
    if (phones.status !== 0) fail(`bench/phones.mjs failed:\n${phones.stderr}`);
    results.phones = phones.stdout.trim();
  }
  const needsFiles = wants('sqlite') || wants('postgres');
  const first = needsFiles ? ensureData(rows, 42) : null;
  const second = needsFiles ? ensureData(rows, 43) : null;
  if (wants('sqlite')) results.sqlite = await benchSqlite(first, second);
  if (wants('postgres')) results.postgres = await benchPostgres(first, second);
  if (wants('preview')) {
    log('\n## preview of a 1 GB CSV');
    const { runPreviewBench } = await import(join(root, 'bench', 'preview.mjs'));
    results.preview = await runPreviewBench({ runs: 7, log });
  }
  mkdirSync(resultsDir, { recursive: true });
  const isFull = parts.length === 0;
  const file = join(resultsDir, isFull ? 'latest.json' : `latest-${parts.join('-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n${table(results)}\nWritten to ${file}`);
}

async function benchSqlite(first, second) {
  log(`\n## SQLite — ${rows.toLocaleString('en-US')} rows, median of ${runs}`);
  if (spawnSync('sqlite3', ['-version']).status !== 0) fail('sqlite3 is not installed (apt-get install sqlite3): it is the reference A.');
  const a = await median(runs, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-sqlite3-'));
    try {
      const script = `create table customers(${COLUMNS.join(' text, ')} text); create index customers_phone on customers(phone);`;
      return await timed('sqlite3', [join(dir, 'a.db'), script, `.import --csv --skip 1 ${first} customers`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 'A sqlite3 .import');
  const b = await median(runs, () => withDataDir((dir) => intakeImport({ INTAKE_DATA_DIR: dir }, first)), 'B intake import');
  const growth = await median(runs, () => withDataDir(async (dir) => {
    const firstMillion = await intakeImport({ INTAKE_DATA_DIR: dir }, first);
    const secondMillion = await intakeImport({ INTAKE_DATA_DIR: dir }, second, true);
    return { ...secondMillion, firstSeconds: firstMillion.seconds };
  }), 'B second million');
  return summary(a, b, growth);
}

async function benchPostgres(first, second) {
  log(`\n## PostgreSQL — ${rows.toLocaleString('en-US')} rows, median of ${runs}`);
  const a = await median(runs, async () => withDatabase(async (url) => {
    const ddl = `create table customers(id bigserial primary key, ${COLUMNS.join(' text, ')} text); create index customers_phone on customers(phone);`;
    const created = spawnSync('psql', [url, '-qc', ddl], { encoding: 'utf8' });
    if (created.status !== 0) fail(`psql could not create the table: ${created.stderr}`);
    return timed('psql', [url, '-qc', `\\copy customers(${COLUMNS.join(', ')}) from '${first}' with (format csv, header true)`]);
  }), 'A psql \\copy');
  const b = await median(runs, async () => withDatabase((url) => withDataDir((dir) => intakeImport({ DATABASE_URL: url, INTAKE_DATA_DIR: dir }, first))), 'B intake import');
  const growth = await median(runs, async () => withDatabase((url) => withDataDir(async (dir) => {
    const environment = { DATABASE_URL: url, INTAKE_DATA_DIR: dir };
    const firstMillion = await intakeImport(environment, first);
    const secondMillion = await intakeImport(environment, second, true);
    return { ...secondMillion, firstSeconds: firstMillion.seconds };
  })), 'B second million');
  return summary(a, b, growth);
}

function summary(a, b, growth) {
  return {
    referenceSeconds: a.seconds,
    intakeSeconds: b.seconds,
    ratio: round(b.seconds / a.seconds, 2),
    intakePeakRssMiB: b.peakRssMiB,
    recordsPerSecond: Math.round(rows / b.seconds),
    counts: b.counts,
    secondMillionSeconds: growth.seconds,
    secondMillionRatio: round(growth.seconds / growth.firstSeconds, 2),
    secondMillionPeakRssMiB: growth.peakRssMiB,
  };
}

/** One `intake import --wait --json` in a child process: wall time, peak RSS, counts. */
async function intakeImport(environment, file, isSecond = false) {
  const env = { ...process.env, INTAKE_LOG_LEVEL: 'warn', ...environment };
  if (!isSecond) {
    const team = spawnSync(process.execPath, [intake, 'teams', 'create', 'bench'], { env, encoding: 'utf8' });
    if (team.status !== 0) fail(`intake teams create failed: ${team.stderr}`);
  }
  const run = await timed(process.execPath, [intake, 'import', file, '--team', 'bench', '--target', 'individual', '--wait', '--json'], env);
  const counts = JSON.parse(run.stdout);
  if (counts.status !== 'close' || counts.total !== rows) fail(`the import did not close with ${rows} records: ${run.stdout}`);
  return { ...run, counts: { success: counts.success, error: counts.error, duplicated: counts.duplicated } };
}

/** Runs a command, measuring its wall time and (on Linux) its peak resident memory from /proc. */
function timed(command, commandArgs, env = process.env) {
  return new Promise((done, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKiB = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const high = /VmHWM:\s+(\d+) kB/.exec(status);
        if (high) peakKiB = Math.max(peakKiB, Number(high[1]));
      } catch {
        // The process has ended.
      }
    };
    const sampler = setInterval(sample, 20);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = round((performance.now() - started) / 1000, 2);
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ').slice(0, 200)} exited with ${code}: ${stderr.slice(0, 2000)}`));
      else done({ seconds, peakRssMiB: Math.round(peakKiB / 1024), stdout });
    });
  });
}

async function withDataDir(work) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withDatabase(work) {
  const name = `intake_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = (sql) => {
    const result = spawnSync('psql', [postgresAdminUrl, '-qc', sql], { encoding: 'utf8' });
    if (result.status !== 0) fail(`psql failed (${sql}): ${result.stderr}. Is PostgreSQL listening at ${postgresAdminUrl}?`);
  };
  admin(`create database ${name}`);
  try {
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    admin(`drop database if exists ${name} with (force)`);
  }
}

async function median(count, run, label) {
  const results = [];
  for (let index = 0; index < count; index++) {
    const result = await run();
    results.push(result);
    log(`  ${label}: ${result.seconds} s${result.peakRssMiB ? `, peak RSS ${result.peakRssMiB} MiB` : ''}`);
  }
  results.sort((x, y) => x.seconds - y.seconds);
  return results[Math.floor(results.length / 2)];
}

function ensureData(count, seed) {
  const file = join(dataDir, seed === 42 ? `customers-${label(count)}.csv` : `customers-${label(count)}-seed${seed}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  if (!existsSync(generator)) fail(`${generator} is missing: it generates the benchmark data.`);
  mkdirSync(dataDir, { recursive: true });
  log(`making ${file} …`);
  const made = spawnSync(process.execPath, [generator, String(count), file, '--seed', String(seed)], { stdio: 'inherit' });
  if (made.status !== 0) fail('the data generator failed');
  return file;
}

function label(count) {
  return count % 1_000_000 === 0 ? `${count / 1_000_000}m` : count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

function table(results) {
  const lines = ['| | reference A | intake B | B/A | intake peak RSS | records/s | second million | 2nd/1st |', '|---|---|---|---|---|---|---|---|'];
  for (const [name, reference] of [['SQLite', 'sqlite3 .import'], ['PostgreSQL', 'psql \\copy']]) {
    const r = results[name === 'SQLite' ? 'sqlite' : 'postgres'];
    if (!r) continue;
    lines.push(`| ${name} | ${reference} ${r.referenceSeconds} s | ${r.intakeSeconds} s | ${r.ratio} | ${r.intakePeakRssMiB} MiB | ${r.recordsPerSecond.toLocaleString('en-US')} | ${r.secondMillionSeconds} s | ${r.secondMillionRatio} |`);
  }
  if (results.preview) lines.push('', `Preview of a ${(results.preview.fileBytes / 1024 ** 3).toFixed(2)} GiB CSV: ${results.preview.previewMs} ms (median).`);
  return lines.join('\n');
}

function machine() {
  const cpus = spawnSync('nproc', [], { encoding: 'utf8' }).stdout.trim();
  return `${process.platform} ${process.arch}, ${cpus} cores, Node ${process.version}`;
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}

function log(text) {
  process.stdout.write(`${text}\n`);
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

await main();
