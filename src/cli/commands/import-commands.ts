// `intake preview …` and `intake import …`: the import of DESIGN.md from the command line.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppContext } from '../../app/app-context.js';
import type { ImportJob } from '../../db/schema.js';
import { DEDUPE_SCOPES, DIAL_DUPLICATE_MODES, DUPLICATE_MODES, BLACKLIST_MODES } from '../../imports/import-options.js';
import { createImport, previewForTarget, type CreateImportInput } from '../../imports/import-service.js';
import { importServiceDependencies, storeUpload, summariseJob } from '../../imports/import-workflow.js';
import { FIELD_TYPES, TARGETS, isTarget, type FieldType, type Target } from '../../imports/targets.js';
import { resolveTargetFields } from '../../imports/target-fields.js';
import { isJobEnded, waitForJob } from '../../jobs/job-service.js';
import { createWorker } from '../../jobs/worker.js';
import { runnerDependencies } from '../../imports/import-workflow.js';
import { AppError, exitCodeOf } from '../../shared/app-error.js';
import { parseIsoTime } from '../../shared/iso-time.js';
import { loadConfig, scratchDirOf } from '../../config/config.js';
import { requireTeamByName } from '../../teams/team-service.js';
import { parseCommand, parseInteger, printJson, requireOption, type CliIo } from '../cli-args.js';
import type { ColumnMatch } from '../../imports/mapping/header-matching.js';
import { STANDARD_INPUT, requirePipedInput, withStandardInputFile } from '../standard-input.js';

export const PREVIEW_USAGE = `intake preview FILE [--encoding E] [--sheet NAME] [--skip-top N] [--delimiter D] [--target T] [--team NAME] [--campaign NAME]
  [--file-name NAME] [--json]   (FILE - reads standard input; --file-name names it)`;
export const IMPORT_USAGE = `intake import FILE --team NAME --target T [--campaign NAME] [--mapping 'Header=field,…'] [--encoding E] [--sheet NAME]
  [--delimiter D] [--skip-top N] [--at ISO-TIME] [--duplicate skip|update] [--reset-status] [--reset-agent]
  [--dial-phone FIELD] [--dial-priority N] [--dial-at ISO-TIME] [--dial-duplicates ignore|all|ignore-success]
  [--dedupe-key FIELDS] [--dedupe-scope file|table|team] [--blacklist reject|allow] [--field-type 'Header=type,…']
  [--new-field 'Header[=type],…'] [--dry-run] [--yes] [--wait] [--file-name NAME] [--json]
  (FILE - reads standard input; --file-name names it, as the campaign's package name is checked against it)`;

/** Only `--target campaign` with a team needs the database; a plain preview reads the file alone. */
export async function runPreviewCommand(context: AppContext | null, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'skip-top': { type: 'string' },
      delimiter: { type: 'string' },
      target: { type: 'string' },
      team: { type: 'string' },
      campaign: { type: 'string' },
      'file-name': { type: 'string' },
    },
    PREVIEW_USAGE,
  );
  const file = requireFile(positionals, PREVIEW_USAGE);
  if (file !== STANDARD_INPUT) return previewFile(context, file, values['file-name'] ?? basename(file), values, io);
  const limits = context ? context.config.limits : loadConfig().limits;
  return withStandardInputFile(limits.uploadMaxBytes, context ? scratchDirOf(context.config) : undefined, (path) => previewFile(context, path, values['file-name'] ?? 'stdin', values, io));
}

type PreviewValues = { encoding?: string; sheet?: string; 'skip-top'?: string; delimiter?: string; target?: string; team?: string; campaign?: string; json?: boolean };

async function previewFile(context: AppContext | null, path: string, name: string, values: PreviewValues, io: CliIo): Promise<number> {
  const target = parseTarget(values.target ?? 'individual');
  const readOptions: Parameters<typeof previewForTarget>[1] = {
    target,
    encoding: values.encoding,
    sheet: values.sheet,
    delimiter: values.delimiter,
    skipTop: parseInteger(values['skip-top'], 'skip-top'),
    displayName: name,
    // Without a database (no --team), the limits still come from the environment, as for the import that follows.
    limits: context ? context.config.limits : loadConfig().limits,
    scratchDir: context ? scratchDirOf(context.config) : undefined,
  };
  let known: Parameters<typeof previewForTarget>[2];
  if (context && values.team) {
    const team = await requireTeamByName(context.repositories.teams, values.team);
    readOptions.country = team.default_country;
    const campaign = values.campaign ? await context.repositories.campaigns.findByName(team.id, values.campaign) : undefined;
    known = { fields: await resolveTargetFields(context.repositories.fields, team.id, target, campaign?.id ?? null) };
  }
  const preview = await previewForTarget(path, readOptions, known);
  const document = {
    format: preview.format,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    sheets: preview.sheets,
    headers: preview.headers,
    rows: preview.rows,
    mapping: mappingByHeader(preview.mapping),
  };
  if (values.json) {
    printJson(io, document);
    return 0;
  }
  const described = [preview.format.toUpperCase(), preview.encoding, preview.delimiter === null ? (preview.format === 'csv' ? 'fixed-width columns' : null) : `delimiter ${JSON.stringify(preview.delimiter)}`];
  if (preview.sheets.length > 0) described.push(`sheet ${JSON.stringify(preview.sheet)} (sheets: ${preview.sheets.join(', ')})`);
  io.out(`${name}: ${described.filter(Boolean).join(', ')}\n\nColumns → ${target} fields:\n`);
  for (const match of preview.mapping) {
    io.out(`  ${match.header} → ${match.field === null ? '(ignored)' : `${match.field} (${Math.round(match.confidence * 100)}%)`}\n`);
  }
  io.out(preview.rows.length === 0 ? '\nNo records under the header.\n' : `\nFirst ${preview.rows.length === 1 ? 'record' : `${preview.rows.length} records`}:\n`);
  preview.rows.forEach((row, index) => {
    const problem = preview.problems.find((entry) => entry.row === index);
    if (row.length > 0 || !problem) io.out(`  ${row.join(' | ')}\n`);
    if (problem) io.out(`    ✗ line ${problem.line} cannot be imported: ${problem.reason}\n`);
  });
  return 0;
}

/** DESIGN.md: `mapping` maps each header to `{field, confidence}` or null. Headers are unique (the reader makes them so). */
function mappingByHeader(mapping: ColumnMatch[]): Record<string, { field: string; confidence: number } | null> {
  // Object.fromEntries defines own properties, so a header such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    mapping.map((match) => [match.header, match.field === null ? null : { field: match.field, confidence: Math.round(match.confidence * 100) / 100 }]),
  );
}

export async function runImportCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      team: { type: 'string' },
      target: { type: 'string' },
      campaign: { type: 'string' },
      mapping: { type: 'string', multiple: true },
      'field-type': { type: 'string', multiple: true },
      'new-field': { type: 'string', multiple: true },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      delimiter: { type: 'string' },
      'skip-top': { type: 'string' },
      at: { type: 'string' },
      duplicate: { type: 'string' },
      'reset-status': { type: 'boolean' },
      'reset-agent': { type: 'boolean' },
      'dial-phone': { type: 'string' },
      'dial-priority': { type: 'string' },
      'dial-at': { type: 'string' },
      'dial-duplicates': { type: 'string' },
      'dedupe-key': { type: 'string' },
      'dedupe-scope': { type: 'string' },
      blacklist: { type: 'string' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean' },
      wait: { type: 'boolean' },
      'file-name': { type: 'string' },
    },
    IMPORT_USAGE,
  );
  const path = requireFile(positionals, IMPORT_USAGE);
  const target = parseTarget(requireOption(values.target, 'target', IMPORT_USAGE));
  const team = await requireTeamByName(context.repositories.teams, requireOption(values.team, 'team', IMPORT_USAGE));
  const isStandardInput = path === STANDARD_INPUT;
  if (isStandardInput) requirePipedInput();
  else await requireReadableFile(path);

  const isDialed = ['dial-phone', 'dial-priority', 'dial-at', 'dial-duplicates'].some((flag) => values[flag as keyof typeof values] !== undefined);
  const input: Omit<CreateImportInput, 'upload'> = {
    teamId: team.id,
    country: team.default_country,
    userId: null,
    target,
    campaign: values.campaign,
    mapping: parsePairs(values.mapping, 'mapping').map(([header, field]) => [header, field === '' || field === '-' ? null : field]),
    fieldTypes: parsePairs(values['field-type'], 'field-type').map(([header, type]) => [header, parseFieldType(type)]),
    newFields: parseNewFields(values['new-field']),
    encoding: values.encoding,
    sheet: values.sheet,
    delimiter: values.delimiter,
    skipTop: parseInteger(values['skip-top'], 'skip-top'),
    at: values.at === undefined ? null : parseTime(values.at, 'at'),
    isNameMismatchConfirmed: values.yes ?? false,
    options: {
      duplicate: parseChoice(values.duplicate, 'duplicate', DUPLICATE_MODES),
      resetStatus: values['reset-status'] ?? false,
      resetAgent: values['reset-agent'] ?? false,
      dial: isDialed
        ? {
            phoneField: values['dial-phone'],
            priority: parseInteger(values['dial-priority'], 'dial-priority'),
            dialAt: values['dial-at'] === undefined ? null : parseTime(values['dial-at'], 'dial-at'),
            duplicates: parseChoice(values['dial-duplicates'], 'dial-duplicates', DIAL_DUPLICATE_MODES),
          }
        : undefined,
      dedupeKey: values['dedupe-key'],
      dedupeScope: parseChoice(values['dedupe-scope'], 'dedupe-scope', DEDUPE_SCOPES),
      blacklist: parseChoice(values.blacklist, 'blacklist', BLACKLIST_MODES),
      dryRun: values['dry-run'] ?? false,
    },
  };

  // Standard input is stored as an upload is (at most INTAKE_UPLOAD_MAX_BYTES), named by --file-name.
  const originalName = values['file-name'] ?? (isStandardInput ? 'stdin' : basename(path));
  const store = (localPath: string) => storeUpload(context, { teamId: team.id, userId: null, originalName, source: { localPath } });
  const upload = isStandardInput ? await withStandardInputFile(context.config.limits.uploadMaxBytes, scratchDirOf(context.config), store) : await store(path);
  let created;
  try {
    const stored = await context.storage.localCopy(upload.storage_key);
    try {
      created = await createImport(importServiceDependencies(context), { ...input, upload: { id: upload.id, path: stored.path, originalName: upload.original_name } });
    } finally {
      await stored.release();
    }
  } catch (error) {
    // Nothing was created: the stored copy of the file goes too.
    await context.storage.remove(upload.storage_key).catch(() => undefined);
    await context.repositories.uploads.remove(upload.id).catch(() => undefined);
    throw error;
  }
  const { job } = created;
  if (!values.json) {
    io.err(`Job ${job.id} created (${job.status}${job.due_at > Date.now() + 1000 ? `, runs at ${new Date(job.due_at).toISOString()}` : ''}).\n`);
    if (created.isCampaignCreated) io.err(`Import & Start: created campaign "${created.campaign?.name}" with ${created.createdFields.length} fields.\n`);
    else if (created.createdFields.length > 0) io.err(`New fields: ${describeFields(created.createdFields)}.\n`);
    if (created.draftFields.length > 0 && created.campaign === null && input.target === 'campaign') {
      io.err(`Import & Start, a dry run: campaign "${input.campaign}" is not created; its ${created.draftFields.length} fields are checked, not added: ${describeFields(created.draftFields)}.\n`);
    } else if (created.draftFields.length > 0) io.err(`New fields, checked but not added (a dry run): ${describeFields(created.draftFields)}.\n`);
    io.err(describeMapping(created.mapping));
    if (created.doNotCallColumn !== null) io.err(`Do Not Call: the customers column "${created.doNotCallColumn}" marks are kept out as blacklisted numbers (--blacklist allow imports them).\n`);
  }
  if (!values.wait) {
    if (values.json) printJson(io, summariseJob(job));
    else io.out(`${job.id}\n`);
    return 0;
  }
  const ended = await runUntilEnded(context, job, values.json ? undefined : io);
  if (values.json) printJson(io, summariseJob(ended));
  else io.out(describeEnd(ended));
  return exitStatusOf(ended);
}

/**
 * Which column went to which field, and which were left out (a left-out Home Phone is a number the agents never see):
 * what the wizard's mapping step shows, for a supervisor at the command line.
 */
function describeMapping(mapping: ReadonlyArray<{ header: string; field: string | null }>): string {
  const taken = mapping.filter((column) => column.field !== null).map((column) => `${column.header} → ${column.field}`);
  const left = mapping.filter((column) => column.field === null).map((column) => column.header);
  return `Columns: ${taken.join(', ') || 'none'}.\n${left.length === 0 ? '' : `Left out (no field; --mapping 'Header=field' gives one): ${left.join(', ')}.\n`}`;
}

/**
 * `--wait`: this process works the job itself (an embedded worker that takes only this job), so a nightly script
 * needs no server; if a server's worker took it first, it follows the job until it ends.
 */
async function runUntilEnded(context: AppContext, job: ImportJob, io: CliIo | undefined): Promise<ImportJob> {
  const worker = createWorker(runnerDependencies(context));
  const stop = () => void worker.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (;;) {
      await worker.runOnce(job.id);
      const timeout = AbortSignal.timeout(context.config.pollMs * 4);
      const current = await waitForJob(context.repositories.jobs, job.id, {
        pollMs: context.config.pollMs,
        signal: timeout,
        onProgress: (progress) => io?.err(`Job ${progress.id} ${progress.status}: ${progress.records_read} records read\n`),
      }).catch((error: unknown) => {
        // Another worker has the job and it has not ended yet: the wait timed out (a sleep cut short by the timeout
        // rejects with an AbortError, not the TimeoutError); try to take it, or wait again.
        if (timeout.aborted) return null;
        throw error;
      });
      if (current && isJobEnded(current.status)) return current;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await worker.stop();
  }
}

function describeEnd(job: ImportJob): string {
  if (job.status === 'failed') return `Job ${job.id} failed: ${job.failure_reason ?? 'see the server log'}\n`;
  return `Job ${job.id} ${job.status}: ${job.success} imported, ${job.error} errors, ${job.duplicated} duplicated of ${job.total ?? job.records_read} records.\n`;
}

function exitStatusOf(job: ImportJob): number {
  if (job.status === 'close') return 0;
  if (job.status === 'failed' && job.failure_code) return exitCodeOf(job.failure_code);
  return 1;
}

function requireFile(positionals: string[], usage: string): string {
  const [path, extra] = positionals;
  if (!path || extra !== undefined) throw new AppError('BAD_USAGE', `Expected exactly one FILE.\nUsage: ${usage}`);
  return path;
}

async function requireReadableFile(path: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new AppError('FILE_UNREADABLE', `'${path}' is not a file.`, { file: basename(path) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `'${path}' was not found.`, { file: basename(path) });
  }
}

function parseTarget(value: string): Target {
  if (!isTarget(value)) throw new AppError('BAD_USAGE', `--target must be one of ${TARGETS.join(', ')} (got "${value}").`);
  return value;
}

/**
 * `--new-field 'Balance Due=number,Plan'`: a header with its type, or alone (auto: its type told from the file); a
 * header with a comma in double quotes.
 */
function parseNewFields(values: string[] | undefined): Array<[string, FieldType | null]> {
  // Each item without a type of its own is given `=auto`, so that an item never joins the next as in --mapping.
  const typed = (values ?? []).map((value) =>
    splitOutsideQuotes(value, ',')
      .filter((item) => item.trim() !== '')
      .map((item) => (splitOutsideQuotes(item, '=').length > 1 ? item : `${item}=auto`))
      .join(','),
  );
  return parsePairs(typed, 'new-field').map(([header, type]) => [header, type === '' || type.toLowerCase() === 'auto' ? null : parseFieldType(type, 'new-field')]);
}

export function parseFieldType(value: string, option = 'field-type'): FieldType {
  const type = value.trim().toLowerCase();
  if (!(FIELD_TYPES as readonly string[]).includes(type)) {
    throw new AppError('BAD_USAGE', `--${option}: "${value}" is not one of ${FIELD_TYPES.join(', ')}${option === 'new-field' ? ', auto' : ''}.`);
  }
  return type as FieldType;
}

function parseChoice<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new AppError('BAD_USAGE', `--${name} must be one of ${choices.join(', ')} (got "${value}").`);
  return value as T;
}

/** An ISO time (`2026-12-01T20:00`, `2026-12-01T20:00:00Z`); without an offset it is this machine's local time. */
function parseTime(value: string, name: string): number {
  const time = parseIsoTime(value);
  if (time === null) throw new AppError('BAD_USAGE', `--${name} must be an ISO time such as 2026-12-01T20:00 or 2026-12-01T20:00:00Z, a day the calendar has (got "${value}").`);
  return time;
}

/**
 * `Header=field,Other Header=field2` (repeatable). A header may be quoted as in a CSV file (`"Phone, Home"=mobile`,
 * `""` for a quote inside); unquoted, a comma whose text up to the next comma holds no `=` belongs to the header
 * (`Name, full=name,Tel=phone`), and the last `=` splits, since field keys hold neither.
 */
function describeFields(fields: ReadonlyArray<{ key: string; label: string; type: string }>): string {
  return fields.map((field) => `${field.label} → ${field.key} (${field.type})`).join(', ');
}

export function parsePairs(values: string[] | undefined, name: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const value of values ?? []) {
    for (const item of mappingItems(value)) {
      const pair = item.quoted ? quotedPair(item.text) : plainPair(item.text);
      if (pair === null || pair[0] === '') throw new AppError('BAD_USAGE', `--${name} expects Header=value pairs separated by commas, a header with a comma or quote in double quotes ("Phone, Home"=mobile) (got "${item.text.trim()}").`);
      pairs.push(pair);
    }
  }
  return pairs;
}

/** The comma-separated items of one option, commas inside double quotes kept; an item without `=` joins the next. */
function mappingItems(value: string): Array<{ text: string; quoted: boolean }> {
  const parts = splitOutsideQuotes(value, ',');
  const items: Array<{ text: string; quoted: boolean }> = [];
  let pending = '';
  for (const [index, part] of parts.entries()) {
    const text = pending === '' ? part : `${pending},${part}`;
    const isQuoted = text.trimStart().startsWith('"');
    if (!isQuoted && !text.includes('=') && index < parts.length - 1) {
      pending = text;
      continue;
    }
    pending = '';
    if (text.trim() !== '' || parts.length === 1) items.push({ text, quoted: isQuoted });
  }
  return items;
}

/** The parts of a text between the separators that are not inside double quotes. */
function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let index = 0; index < value.length; index += 1) {
    if (value[index] === '"') quoted = !quoted;
    else if (value[index] === separator && !quoted) {
      parts.push(value.slice(from, index));
      from = index + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

function plainPair(text: string): [string, string] | null {
  const at = text.lastIndexOf('=');
  return at < 0 ? null : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** `"He said ""hi"""=note`: the header between the quotes, then `=` and the value. */
function quotedPair(text: string): [string, string] | null {
  const body = text.trimStart();
  let header = '';
  let index = 1;
  for (; index < body.length; index += 1) {
    if (body[index] !== '"') header += body[index];
    else if (body[index + 1] === '"') {
      header += '"';
      index += 1;
    } else break;
  }
  const rest = body.slice(index + 1).trimStart();
  if (index >= body.length || !rest.startsWith('=')) return null;
  return [header, rest.slice(1).trim()];
}
