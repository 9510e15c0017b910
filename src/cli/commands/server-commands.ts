// `intake start`, `intake serve`, `intake migrate`: running the service.
import type { AppContext } from '../../app/app-context.js';
import { seedDemo } from '../../app/demo-seed.js';
import { migrateDownAll, migrateToLatest } from '../../db/migrator.js';
import { buildServer } from '../../server/http-server.js';
import { parseCommand, printJson, type CliIo } from '../cli-args.js';
import { createWorker } from '../../jobs/worker.js';
import { runnerDependencies } from '../../imports/import-workflow.js';

export const MIGRATE_USAGE = 'intake migrate [--down] [--json]';

export async function runMigrateCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, { down: { type: 'boolean' } }, MIGRATE_USAGE);
  const steps = values.down ? await migrateDownAll(context.database) : await migrateToLatest(context.database);
  if (values.json) printJson(io, { dialect: context.database.dialect, steps });
  else io.out(steps.length ? `${steps.join('\n')}\n` : `The ${context.database.dialect} database is up to date.\n`);
  return 0;
}

/** `serve` runs the HTTP server (with its embedded worker); `start` also seeds the demo team and admin first. */
export async function runServeCommand(context: AppContext, args: string[], io: CliIo, options: { seed: boolean }): Promise<number> {
  parseCommand(args, {}, options.seed ? 'intake start' : 'intake serve');
  if (options.seed) {
    const seeded = await seedDemo(context.repositories, context.config.adminPassword);
    if (seeded.generatedPassword) {
      io.out(`Created the administrator "admin" with the password: ${seeded.generatedPassword}\n(shown once; set INTAKE_ADMIN_PASSWORD to choose it)\n`);
    }
  }
  const server = await buildServer(context);
  await server.listen({ port: context.config.port, host: context.config.host });
  // The embedded worker: the server also runs import jobs (more workers may run with `intake worker`).
  const worker = createWorker(runnerDependencies(context), (message, detail) => server.log.info(detail ?? {}, message));
  const working = worker.start();
  io.out(`Intake is listening on http://localhost:${context.config.port} (${context.database.dialect})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.stop();
  await working;
  await server.close();
  return 0;
}

/** `intake worker`: runs import jobs until SIGINT/SIGTERM; the job it holds resumes from its checkpoint elsewhere. */
export async function runWorkerCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  parseCommand(args, {}, 'intake worker');
  const worker = createWorker(runnerDependencies(context), workerLog(io));
  io.err(`Intake worker ${worker.id} is waiting for import jobs (${context.database.dialect}).\n`);
  const stop = () => void worker.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await worker.start();
  return 0;
}

function workerLog(io: CliIo) {
  return (message: string, detail?: Record<string, unknown>) => io.err(`${new Date().toISOString()} ${message}${detail ? ` ${JSON.stringify(detail)}` : ''}\n`);
}
