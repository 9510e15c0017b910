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
// Besides A and B: A′, the database's own loader putting B's stored rows (exported after B's first run) into a fresh
// copy of Intake's own table, with its index and no checks: what the database needs for our rows. And the CPU time of
// each run: the loader's or intake's process (all its threads) and, on PostgreSQL, the server's processes.
//
// Data: bench/data/customers-<rows>.csv from ../shared/bench/gen-customers.mjs (seed 42), made once and reused, and a
// second file (seed 43) for the second million imported into the now full table. PostgreSQL: the server of
// INTAKE_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); databases intake_bench_* are
// created and dropped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  const stored = join(mkdtempSync(join(tmpdir(), 'bench-stored-')), 'customers.csv');
  const b = await median(runs, () => withDataDir(async (dir) => {
    const run = await intakeImport({ INTAKE_DATA_DIR: dir }, first);
    if (!existsSync(stored)) command('sqlite3', ['-csv', join(dir, 'intake.db'), `.output ${stored}`, 'select * from customers']);
    return run;
  }), 'B intake import');
  // sqlite3 runs A with its defaults (a rollback journal); the same for A′ (Intake's database file is in WAL mode).
  const floor = await median(runs, () => withDataDir(async (dir) => {
    createBenchTeam({ ...process.env, INTAKE_DATA_DIR: dir, INTAKE_LOG_LEVEL: 'warn' });
    return timed('sqlite3', [join(dir, 'intake.db'), 'pragma journal_mode = delete', `.import --csv ${stored} customers`]);
  }), "A′ sqlite3 .import of B's rows into Intake's table");
  rmSync(dirname(stored), { recursive: true, force: true });
  const growth = await median(runs, () => withDataDir(async (dir) => {
    const firstMillion = await intakeImport({ INTAKE_DATA_DIR: dir }, first);
    const secondMillion = await intakeImport({ INTAKE_DATA_DIR: dir }, second, true);
    return { ...secondMillion, firstSeconds: firstMillion.seconds };
  }), 'B second million');
  return summary(a, b, growth, floor);
}

async function benchPostgres(first, second) {
  log(`\n## PostgreSQL — ${rows.toLocaleString('en-US')} rows, median of ${runs}`);
  const a = await median(runs, async () => withDatabase(async (url) => {
    const ddl = `create table customers(id bigserial primary key, ${COLUMNS.join(' text, ')} text); create index customers_phone on customers(phone);`;
    command('psql', [url, '-qc', ddl]);
    return timed('psql', [url, '-qc', `\\copy customers(${COLUMNS.join(', ')}) from '${first}' with (format csv, header true)`], process.env, true);
  }), 'A psql \\copy');
  const stored = join(mkdtempSync(join(tmpdir(), 'bench-stored-')), 'customers.csv');
  const b = await median(runs, async () => withDatabase((url) => withDataDir(async (dir) => {
    const run = await intakeImport({ DATABASE_URL: url, INTAKE_DATA_DIR: dir }, first);
    if (!existsSync(stored)) command('psql', [url, '-qc', `\\copy (select * from customers order by id) to '${stored}' with (format csv)`]);
    return run;
  })), 'B intake import');
  const floor = await median(runs, async () => withDatabase(async (url) => {
    createBenchTeam({ ...process.env, DATABASE_URL: url, INTAKE_LOG_LEVEL: 'warn' });
    return timed('psql', [url, '-qc', `\\copy customers from '${stored}' with (format csv)`], process.env, true);
  }), "A′ psql \\copy of B's rows into Intake's table");
  rmSync(dirname(stored), { recursive: true, force: true });
  const growth = await median(runs, async () => withDatabase((url) => withDataDir(async (dir) => {
    const environment = { DATABASE_URL: url, INTAKE_DATA_DIR: dir };
    const firstMillion = await intakeImport(environment, first);
    const secondMillion = await intakeImport(environment, second, true);
    return { ...secondMillion, firstSeconds: firstMillion.seconds };
  })), 'B second million');
  return summary(a, b, growth, floor);
}

function summary(a, b, growth, floor) {
  return {
    referenceSeconds: a.seconds,
    intakeSeconds: b.seconds,
    ratio: round(b.seconds / a.seconds, 2),
    floorSeconds: floor.seconds,
    floorRatio: round(floor.seconds / a.seconds, 2),
    referenceCpuSeconds: a.cpuSeconds,
    referenceServerCpuSeconds: a.serverCpuSeconds,
    intakeCpuSeconds: b.cpuSeconds,
    intakeServerCpuSeconds: b.serverCpuSeconds,
    intakePeakRssMiB: b.peakRssMiB,
    recordsPerSecond: Math.round(rows / b.seconds),
    counts: b.counts,
    secondMillionSeconds: growth.seconds,
    secondMillionRatio: round(growth.seconds / growth.firstSeconds, 2),
    secondMillionPeakRssMiB: growth.peakRssMiB,
    // Its duplicates are mostly keys of the first million: the cost of finding stored keys.
    secondMillionCounts: growth.counts,
  };
}

/** One `intake import --wait --json` in a child process: wall time, peak RSS, counts. */
async function intakeImport(environment, file, isSecond = false) {
  const env = { ...process.env, INTAKE_LOG_LEVEL: 'warn', ...environment };
  if (!isSecond) createBenchTeam(env);
  const run = await timed(process.execPath, [intake, 'import', file, '--team', 'bench', '--target', 'individual', '--wait', '--json'], env, environment.DATABASE_URL !== undefined);
  const counts = JSON.parse(run.stdout);
  if (counts.status !== 'close' || counts.total !== rows) fail(`the import did not close with ${rows} records: ${run.stdout}`);
  return { ...run, counts: { success: counts.success, error: counts.error, duplicated: counts.duplicated } };
}

/**
 * Runs a command, measuring its wall time and (on Linux, from /proc) its peak resident memory, its CPU time (all its
 * threads) and, with `isServerTracked`, the CPU time PostgreSQL's processes spent meanwhile (this machine's server).
 */
function timed(command, commandArgs, env = process.env, isServerTracked = false) {
  return new Promise((done, reject) => {
    const serverBefore = isServerTracked ? serverTicks() : null;
    const serverLatest = new Map(serverBefore);
    const serverSampler = isServerTracked ? setInterval(() => { for (const [pid, ticks] of serverTicks()) serverLatest.set(pid, ticks); }, 100) : null;
    let cpuTicks = 0;
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
        cpuTicks = Math.max(cpuTicks, processTicks(child.pid) ?? 0);
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
      let serverCpuSeconds = null;
      if (serverSampler) {
        clearInterval(serverSampler);
        for (const [pid, ticks] of serverTicks()) serverLatest.set(pid, ticks);
        let spent = 0;
        for (const [pid, ticks] of serverLatest) spent += ticks - (serverBefore.get(pid) ?? 0);
        serverCpuSeconds = round(spent / TICKS_PER_SECOND, 2);
      }
      const cpuSeconds = round(cpuTicks / TICKS_PER_SECOND, 2);
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ').slice(0, 200)} exited with ${code}: ${stderr.slice(0, 2000)}`));
      else done({ seconds, peakRssMiB: Math.round(peakKiB / 1024), cpuSeconds, serverCpuSeconds, stdout });
    });
  });
}

/** Linux's clock ticks per second (USER_HZ): 100 on every kernel Node runs on. */
const TICKS_PER_SECOND = 100;

/** A process's user + system CPU ticks, its threads included (/proc/<pid>/stat fields 14 and 15). */
function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** CPU ticks of every PostgreSQL process on this machine, by pid. */
function serverTicks() {
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const spent = processTicks(entry);
    if (spent !== null) ticks.set(entry, spent);
  }
  return ticks;
}

/** The team the imports go to; creating it also creates and migrates the database. */
function createBenchTeam(env) {
  command(process.execPath, [intake, 'teams', 'create', 'bench'], env);
}

/** Runs a command to its end; fails the bench when it fails. */
function command(name, commandArgs, env = process.env) {
  const result = spawnSync(name, commandArgs, { env, encoding: 'utf8' });
  if (result.status !== 0) fail(`${name} ${commandArgs.join(' ').slice(0, 200)} failed: ${result.stderr}`);
  return result.stdout;
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
    const cpu = result.cpuSeconds === undefined ? '' : `, CPU ${result.cpuSeconds} s${result.serverCpuSeconds === null ? '' : ` + server ${result.serverCpuSeconds} s`}`;
    const counts = result.counts ? ` (${result.counts.success} imported, ${result.counts.error} rejected, ${result.counts.duplicated} duplicates)` : '';
    log(`  ${label}: ${result.seconds} s${result.peakRssMiB ? `, peak RSS ${result.peakRssMiB} MiB` : ''}${cpu}${counts}`);
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
  const cpuLines = ['', "| | A′: the loader, B's rows into Intake's table | A′/A | CPU of A (loader + server) | CPU of B (intake + server) | least wall time of B on 2 cores (CPU / 2) |", '|---|---|---|---|---|---|'];
  for (const [name, key] of [['SQLite', 'sqlite'], ['PostgreSQL', 'postgres']]) {
    const r = results[key];
    if (!r) continue;
    const cpu = (own, server) => (server === null ? `${own} s` : `${round(own + server, 2)} s (${own} + ${server})`);
    cpuLines.push(`| ${name} | ${r.floorSeconds} s | ${r.floorRatio} | ${cpu(r.referenceCpuSeconds, r.referenceServerCpuSeconds)} | ${cpu(r.intakeCpuSeconds, r.intakeServerCpuSeconds)} | ≥ ${round((r.intakeCpuSeconds + (r.intakeServerCpuSeconds ?? 0)) / 2, 2)} s |`);
  }
  if (cpuLines.length > 3) lines.push(...cpuLines);
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
