// A real `intake serve` child process on its own port, data directory and database, for tests that kill it or
// measure its memory.
import { createServer } from 'node:net';
import { startIntake, stopChild, waitUntil, type IntakeChild } from './intake-processes.js';

export type ServerChild = { child: IntakeChild; baseUrl: string; port: number; stop(signal?: NodeJS.Signals): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `intake serve` and waits until /health answers. */
export async function startServer(environment: Record<string, string>, port?: number): Promise<ServerChild> {
  const chosen = port ?? (await freePort());
  const child = startIntake(['serve'], { HOST: '127.0.0.1', PORT: String(chosen), ...environment });
  const baseUrl = `http://127.0.0.1:${chosen}`;
  await waitUntil(`intake serve on port ${chosen}`, async () => {
    if (child.exitCode !== null) throw new Error(`intake serve exited with ${child.exitCode}: ${child.log}`);
    const response = await fetch(`${baseUrl}/health`).catch(() => null);
    return response?.ok ? true : undefined;
  }, 30_000, 50);
  return { child, baseUrl, port: chosen, stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}
