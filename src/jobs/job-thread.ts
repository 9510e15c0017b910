// Runs one claimed import job in a thread of its own, with its own database connections: the process that claimed
// it (a server with its HTTP API, or a worker) stays responsive however big the file.
import { parentPort, workerData } from 'node:worker_threads';
import { createAppContext } from '../app/app-context.js';
import type { Config } from '../config/config.js';
import type { ImportJob } from '../db/schema.js';
import { runnerDependencies } from '../imports/import-workflow.js';
import { isAppError } from '../shared/app-error.js';
import { runImportJob } from './import-job-runner.js';
import type { JobThreadMessage } from './job-thread-messages.js';

type JobThreadData = { config: Config; job: ImportJob; workerId: string };

async function run({ config, job, workerId }: JobThreadData): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('job-thread must run as a worker thread');
  const stopping = new AbortController();
  port.on('message', (message: { kind: 'stop' }) => {
    if (message.kind === 'stop') stopping.abort();
  });
  const reply = (message: JobThreadMessage) => port.postMessage(message);
  const context = await createAppContext(config, { migrate: false, poolSize: 3 });
  try {
    const deps = { ...runnerDependencies(context), onProgress: () => reply({ kind: 'progress' }) };
    reply({ kind: 'ended', outcome: await runImportJob(deps, job, workerId, stopping.signal) });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code: isAppError(error) ? error.code : null });
  } finally {
    await context.close();
    port.close();
  }
}

void run(workerData as JobThreadData);
