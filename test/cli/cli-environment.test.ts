// The command line where its database cannot be used: one clear line naming what and why, exit status 1, no stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../../', import.meta.url).pathname;

function intake(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/intake'), ...args], { env: { ...process.env, INTAKE_LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A local port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('PostgreSQL that does not answer: where and why, not a socket error and a stack trace; the password never shown', async () => {
  const port = await closedPort();
  const dir = mkdtempSync(join(tmpdir(), 'intake-env-'));
  try {
    const result = intake({ DATABASE_URL: `postgres://intake:s3cret@127.0.0.1:${port}/crm`, INTAKE_DATA_DIR: dir }, 'jobs', 'list', '--json');
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      error: {
        code: 'UNAVAILABLE',
        message: `Cannot use PostgreSQL at 127.0.0.1:${port}/crm as intake (DATABASE_URL): the connection was refused (no server listens there). Check that the server is running and that DATABASE_URL is right.`,
      },
    });
    assert.equal(result.stderr, `intake: ${JSON.parse(result.stdout).error.message}\n`);
    assert.doesNotMatch(result.stdout + result.stderr, /s3cret/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an SQLite data directory that cannot be made: which and why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-env-'));
  try {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const result = intake({ INTAKE_DATA_DIR: join(file, 'data') }, 'migrate');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, `intake: Cannot use the SQLite database ${join(file, 'data', 'intake.db')} in ${join(file, 'data')} (INTAKE_DATA_DIR, DATABASE_URL): a part of the path is a file, not a directory.\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
