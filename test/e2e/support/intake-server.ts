// Starts a real `intake serve` for a browser test: its own port, data directory and SQLite database, seeded with the CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const INTAKE_BIN = join(REPO_ROOT, 'bin', 'intake');

export type IntakeServer = {
  url: string;
  dataDir: string;
  /** Runs `intake …` against the same data directory and database, and returns its parsed `--json` output. */
  cli: <T = unknown>(...args: string[]) => T;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startIntake(seed: (cli: IntakeServer['cli']) => void, extraEnv: Record<string, string> = {}): Promise<IntakeServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'intake-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INTAKE_DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'intake.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    INTAKE_LOG_LEVEL: 'warn',
    INTAKE_POLL_MS: '100',
    ...extraEnv,
  };
  const cli = <T,>(...args: string[]): T => {
    const result = spawnSync(process.execPath, [INTAKE_BIN, ...args, '--json'], { env, cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`intake ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout) as T;
  };
  seed(cli);

  const child: ChildProcess = spawn(process.execPath, [INTAKE_BIN, 'serve'], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`intake serve exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`intake serve did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, cli, stop };
}
