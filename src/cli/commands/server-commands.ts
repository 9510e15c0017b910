// `intake start`, `intake serve`, `intake migrate`: running the service.
import type { AppContext } from '../../app/app-context.js';
import { seedDemo } from '../../app/demo-seed.js';
import { migrateDownAll, migrateToLatest } from '../../db/migrator.js';
import { buildServer } from '../../server/http-server.js';
import { parseCommand, printJson, type CliIo } from '../cli-args.js';

export async function runMigrateCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(args, { down: { type: 'boolean' } }, 'intake migrate [--down] [--json]');
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
  io.out(`Intake is listening on http://localhost:${context.config.port} (${context.database.dialect})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
