// Child processes of the real `bin/intake` for the reliability tests: workers to kill, CLI runs with their peak
// memory, and polling until a condition holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const INTAKE = join(ROOT, 'bin/intake');
export const GENERATOR = join(ROOT, '../shared/bench/gen-customers.mjs');

export type IntakeChild = ChildProcess & { log: string; output: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Starts `intake ARGS…` with the database and data directory of a test, logging its stderr (and stdout) to `log`/`output`. */
export function startIntake(args: readonly string[], environment: Record<string, string>): IntakeChild {
  const child = spawn(process.execPath, [INTAKE, ...args], {
    env: { ...process.env, INTAKE_LOG_LEVEL: 'silent', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as IntakeChild;
  child.log = '';
  child.output = '';
  child.stderr?.on('data', (chunk: Buffer) => (child.log += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (child.output += chunk.toString()));
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** SIGTERM (or the signal given) and wait for the exit; nothing when it has already exited. */
export async function stopChild(child: ChildProcess & { exited?: Promise<unknown> }, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (child.exited) await child.exited;
  else await new Promise((resolve) => child.once('exit', resolve));
}

/**
 * SIGSTOP, and wait until every thread of the process is stopped: kill() only queues the signal, and on a busy machine
 * a thread may run on (and take a lock) for a moment after it returned.
 */
export async function stopProcess(child: ChildProcess): Promise<void> {
  child.kill('SIGSTOP');
  for (let waited = 0; ; waited++) {
    const states = readdirSync(`/proc/${child.pid}/task`).map((task) => {
      const stat = readFileSync(`/proc/${child.pid}/task/${task}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    });
    if (states.every((state) => state === 'T' || state === 't')) return;
    if (waited > 5_000) throw new Error(`process ${child.pid} did not stop: ${states.join('')}`);
    await sleep(1);
  }
}

/** Peak resident memory (VmHWM) of a live process in bytes; null once it is gone. */
export function peakRssOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Follows a child's peak memory until it exits (sampled every few milliseconds: VmHWM only grows). */
export function watchPeakRss(child: ChildProcess): { readonly peak: number; stop(): void } {
  let peak = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = peakRssOf(child.pid);
    if (rss !== null && rss > peak) peak = rss;
  };
  const timer = setInterval(sample, 5);
  child.once('exit', () => clearInterval(timer));
  sample();
  return {
    get peak() {
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number; peakRss: number };

/** Runs `intake ARGS…` to its end, with its duration and peak memory; killed after `timeoutMs`. */
export async function runIntake(args: readonly string[], environment: Record<string, string>, timeoutMs = 60_000): Promise<CliRun> {
  const started = performance.now();
  const child = startIntake(args, environment);
  const rss = watchPeakRss(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  rss.stop();
  return { code, signal, stdout: child.output, stderr: child.log, ms: performance.now() - started, peakRss: rss.peak };
}

/** Polls until `check` returns a value other than undefined/false, or fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000, pollMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      // A database that is restarting, a file not written yet: try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await sleep(pollMs);
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}


/** The seed of a randomised test: INTAKE_TEST_SEED to replay one, else a fresh one (printed by the test). */
export function testSeed(): number {
  const given = Number(process.env.INTAKE_TEST_SEED);
  return Number.isSafeInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}
