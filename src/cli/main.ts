// The `intake` command line (DESIGN.md, "Command line"): exit 0 on success, 2 on bad usage or bad input, 1 otherwise.
import { createAppContext, type AppContext } from '../app/app-context.js';
import { loadConfig } from '../config/config.js';
import { AppError, exitCodeOf, isAppError } from '../shared/app-error.js';
import type { CliIo } from './cli-args.js';
import { runCampaignsCommand, runTeamsCommand, runUsersCommand } from './commands/admin-commands.js';
import { runMigrateCommand, runServeCommand } from './commands/server-commands.js';

const USAGE = `Usage: intake <command> [options]

Commands:
  start                                  migrate, seed the demo team and admin, serve (npm start)
  serve                                  HTTP server, web UI and an embedded worker
  migrate [--down]                       bring the database schema up to date (or remove it)
  teams create NAME [--country CC]       create a team (default country for phone numbers: US)
  users create LOGIN --team NAME --role admin|manager|agent [--password P]
  campaigns create NAME --team NAME [--table individual|organization] [--package NAME] [--dialer]

Add --json to print one JSON document. Configuration comes from the environment (see README).`;

type CommandRunner = (context: AppContext, args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: CommandRunner; migrate?: boolean }> = {
  start: { run: (context, args, io) => runServeCommand(context, args, io, { seed: true }) },
  serve: { run: (context, args, io) => runServeCommand(context, args, io, { seed: false }) },
  migrate: { run: runMigrateCommand, migrate: false },
  teams: { run: runTeamsCommand },
  users: { run: runUsersCommand },
  campaigns: { run: runCampaignsCommand },
};

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...args] = argv;
  const isJson = args.includes('--json');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return report(io, new AppError('BAD_USAGE', `Unknown command "${name}".\n${USAGE}`), isJson);
  let context: AppContext | undefined;
  try {
    context = await createAppContext(loadConfig(), { migrate: command.migrate ?? true });
    return await command.run(context, args, io);
  } catch (error) {
    return report(io, error, isJson);
  } finally {
    await context?.close();
  }
}

function report(io: CliIo, error: unknown, isJson: boolean): number {
  const appError = isAppError(error)
    ? error
    : new AppError('INTERNAL', error instanceof Error ? error.message : String(error), {}, { cause: error });
  if (isJson) io.out(`${JSON.stringify({ error: { code: appError.code, message: appError.message, ...appError.details } })}\n`);
  io.err(`intake: ${appError.message}\n`);
  if (appError.code === 'INTERNAL' && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return exitCodeOf(appError.code);
}
