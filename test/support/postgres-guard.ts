// The machine has one PostgreSQL. A test that restarts it must not do so under another test file's feet: each
// reliability test file marks its use of it, and a restart waits for those marks to go (and holds new ones back).
import { after, before } from 'node:test';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const DIR = join(tmpdir(), 'intake-postgres-guard');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Marks of live processes other than this one, of one kind. */
function liveMarks(kind: 'use' | 'restart'): string[] {
  mkdirSync(DIR, { recursive: true });
  return readdirSync(DIR).filter((name) => {
    const [markKind, pid] = name.split('-');
    if (markKind !== kind) return false;
    if (Number(pid) === process.pid) return false;
    if (isAlive(Number(pid))) return true;
    rmSync(join(DIR, name), { force: true });
    return false;
  });
}

/** For a whole test file that uses PostgreSQL: no restart runs while it does. */
export function holdPostgresWhileRunning(): void {
  const mark = join(DIR, `use-${process.pid}-${Math.random().toString(36).slice(2)}`);
  before(async () => {
    while (liveMarks('restart').length > 0) await sleep(200);
    writeFileSync(mark, '');
  });
  after(() => rmSync(mark, { force: true }));
}

/** Runs `work` (which restarts PostgreSQL) once no other test file uses it; new users wait until it is back. */
export async function withPostgresToItself<T>(work: () => Promise<T>, timeoutMs = 30 * 60_000): Promise<T> {
  const mark = join(DIR, `restart-${process.pid}`);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(mark, '');
  try {
    const deadline = Date.now() + timeoutMs;
    while (liveMarks('use').length > 0) {
      if (Date.now() > deadline) throw new Error('other test files kept using PostgreSQL');
      await sleep(200);
    }
    return await work();
  } finally {
    rmSync(mark, { force: true });
  }
}

/** The cluster's version (`ls /etc/postgresql`), as pg_ctlcluster wants it. */
export function postgresVersion(): string {
  const versions = readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`expected one PostgreSQL cluster version, found ${versions.join(', ')}`);
  return versions[0]!;
}

export function isPostgresReady(): boolean {
  return spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;
}

/** `pg_ctlcluster … restart` (or start), then waits until it accepts connections again. */
export async function restartPostgres(action: 'restart' | 'start' = 'restart'): Promise<void> {
  const done = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', postgresVersion(), 'main', action], { encoding: 'utf8' });
  if (done.status !== 0 && action === 'restart') throw new Error(`pg_ctlcluster restart failed: ${done.stderr}`);
  for (let waited = 0; !isPostgresReady(); waited += 250) {
    if (waited > 120_000) throw new Error('PostgreSQL did not come back within 2 minutes');
    await sleep(250);
  }
}
