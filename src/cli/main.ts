// The `intake` command line (DESIGN.md, "Command line"): exit 0 on success, 2 on bad usage or bad input, 1 otherwise.
import type { AppContext } from '../app/app-context.js';
import { loadConfig } from '../config/config.js';
import { AppError, exitCodeOf, isAppError } from '../shared/app-error.js';
import type { CliIo } from './cli-args.js';

// Each command's module is loaded when it runs: `intake preview` need not load the HTTP server or the database.
const adminCommands = () => import('./commands/admin-commands.js');
const importCommands = () => import('./commands/import-commands.js');
const serverCommands = () => import('./commands/server-commands.js');
const jobCommands = () => import('./commands/job-commands.js');
const customerCommands = () => import('./commands/customer-commands.js');
const fieldCommands = () => import('./commands/field-commands.js');

const USAGE = `Usage: intake <command> [options]

Commands:
  start                                  migrate, seed the demo team and admin, serve (npm start)
  serve                                  HTTP server, web UI and an embedded worker
  migrate [--down]                       bring the database schema up to date (or remove it)
  teams create NAME [--country CC]       create a team (default country for phone numbers: US)
  users create LOGIN --team NAME --role admin|manager|agent [--password P]
  campaigns create NAME --team NAME [--table individual|organization] [--package NAME] [--dialer] [--agent LOGIN]
  campaigns agents NAME --team NAME (--agent LOGIN … | --none)   the agents who work the campaign
  fields list|set --team NAME --target T [--campaign NAME] …      the agent view: order, labels, types, shown, editable
  worker                                 run import jobs (any number may share one PostgreSQL)
  preview FILE [--encoding E] [--sheet NAME] [--skip-top N] [--target T] [--json]
  import FILE --team NAME --target T [--campaign NAME] [--mapping 'Header=field,…'] [options] [--wait] [--json]
  jobs list|show ID|cancel ID [--json]   the shell jobs
  jobs revert ID [--json]                remove the rows a job inserted, restore those it updated
  jobs download ID --kind success|error|duplicated|original [--output FILE]
  customers export --team NAME --target T [--campaign NAME] [--json]

Add --json to print one JSON document. Configuration comes from the environment (see README).`;

type CommandRunner = (context: AppContext, args: string[], io: CliIo) => Promise<number>;

type Command = {
  run: CommandRunner;
  /** What `intake NAME --help` prints after "Usage: ". */
  usage: () => Promise<string>;
  /** Migrate before running (default true). */
  migrate?: boolean;
  /** A command that can work on a file alone opens no database unless its arguments need one. */
  needsDatabase?(args: string[]): boolean;
  runWithoutDatabase?(args: string[], io: CliIo): Promise<number>;
};

const COMMANDS: Record<string, Command> = {
  start: {
    run: async (context, args, io) => (await serverCommands()).runServeCommand(context, args, io, { seed: true }),
    usage: async () => 'intake start (migrate, seed the demo team and admin, serve; PORT, DATABASE_URL, INTAKE_DATA_DIR from the environment)',
  },
  serve: {
    run: async (context, args, io) => (await serverCommands()).runServeCommand(context, args, io, { seed: false }),
    usage: async () => 'intake serve (HTTP server, web UI and an embedded worker; PORT, DATABASE_URL, INTAKE_DATA_DIR from the environment)',
  },
  migrate: { run: async (context, args, io) => (await serverCommands()).runMigrateCommand(context, args, io), usage: async () => (await serverCommands()).MIGRATE_USAGE, migrate: false },
  teams: { run: async (context, args, io) => (await adminCommands()).runTeamsCommand(context, args, io), usage: async () => (await adminCommands()).TEAMS_USAGE },
  users: { run: async (context, args, io) => (await adminCommands()).runUsersCommand(context, args, io), usage: async () => (await adminCommands()).USERS_USAGE },
  campaigns: {
    run: async (context, args, io) => (await adminCommands()).runCampaignsCommand(context, args, io),
    usage: async () => (await adminCommands()).CAMPAIGNS_USAGE,
  },
  worker: {
    run: async (context, args, io) => (await serverCommands()).runWorkerCommand(context, args, io),
    usage: async () => 'intake worker (runs import jobs; any number may share one PostgreSQL)',
  },
  preview: {
    run: async (context, args, io) => (await importCommands()).runPreviewCommand(context, args, io),
    usage: async () => (await importCommands()).PREVIEW_USAGE,
    needsDatabase: (args) => args.some((arg) => arg === '--team' || arg.startsWith('--team=')),
    runWithoutDatabase: async (args, io) => (await importCommands()).runPreviewCommand(null, args, io),
  },
  import: { run: async (context, args, io) => (await importCommands()).runImportCommand(context, args, io), usage: async () => (await importCommands()).IMPORT_USAGE },
  jobs: { run: async (context, args, io) => (await jobCommands()).runJobsCommand(context, args, io), usage: async () => (await jobCommands()).JOBS_USAGE },
  fields: { run: async (context, args, io) => (await fieldCommands()).runFieldsCommand(context, args, io), usage: async () => (await fieldCommands()).FIELDS_USAGE },
  customers: {
    run: async (context, args, io) => (await customerCommands()).runCustomersCommand(context, args, io),
    usage: async () => (await customerCommands()).CUSTOMERS_USAGE,
  },
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
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`intake ${await packageVersion()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return report(io, new AppError('BAD_USAGE', `Unknown command "${name}".\n${USAGE}`), isJson);
  // Asking for help is no mistake: the command's usage on stdout, exit 0, nothing opened.
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${await command.usage()}\n`);
    return 0;
  }
  let context: AppContext | undefined;
  try {
    if (command.runWithoutDatabase && !command.needsDatabase?.(args)) return await command.runWithoutDatabase(args, io);
    const { createAppContext } = await import('../app/app-context.js');
    context = await createAppContext(loadConfig(), { migrate: command.migrate ?? true });
    return await command.run(context, args, io);
  } catch (error) {
    return report(io, error, isJson);
  } finally {
    await context?.close();
  }
}

async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
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
