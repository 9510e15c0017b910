// What a process that cannot reach its database or data directory says: where, why and what to check, instead of a
// socket error and a stack trace (`connect ECONNREFUSED 127.0.0.1:5432`).
import { dirname } from 'node:path';
import type { Config } from '../config/config.js';
import { AppError } from '../shared/app-error.js';

/** Node's codes for a server that cannot be reached, in words. */
const CONNECTION_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (no server listens there)',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ECONNRESET: 'the connection was closed',
  '57P01': 'the server was shut down',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'the server has too many connections',
};

/** PostgreSQL's codes for a login it refuses, in words (its own message follows: which role, which database). */
const LOGIN_PROBLEMS: Readonly<Record<string, string>> = {
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
};

/** Whether an error is a database server that cannot be reached or is going away (a request may be tried again). */
export function isConnectionProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && Object.hasOwn(CONNECTION_PROBLEMS, code);
}

/** Node's codes for a directory that cannot be used, in words. */
const DIRECTORY_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_FULL: 'no space is left on the device',
};

/**
 * The error to report when `error` says the database (or, for SQLite, the data directory) cannot be used: an AppError
 * of code UNAVAILABLE naming it (never a password); null for any other error.
 */
export function unavailableError(error: unknown, database: Config['database']): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (database.dialect === 'postgres') {
    const url = new URL(database.url);
    const where = `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}${url.username ? ` as ${decodeURIComponent(url.username)}` : ''}`;
    const unreachable = CONNECTION_PROBLEMS[code];
    if (unreachable !== undefined) {
      return new AppError('UNAVAILABLE', `Cannot use ${where} (DATABASE_URL): ${unreachable}. Check that the server is running and that DATABASE_URL is right.`, {}, { cause: error });
    }
    const refused = LOGIN_PROBLEMS[code];
    if (refused === undefined) return null;
    const said = error instanceof Error ? ` (${error.message})` : '';
    return new AppError('UNAVAILABLE', `Cannot use ${where} (DATABASE_URL): ${refused}${said}. Check the user and password in DATABASE_URL.`, {}, { cause: error });
  }
  const problem = DIRECTORY_PROBLEMS[code];
  if (problem === undefined) return null;
  return new AppError('UNAVAILABLE', `Cannot use the SQLite database ${database.path} in ${dirname(database.path)} (INTAKE_DATA_DIR, DATABASE_URL): ${problem}.`, {}, { cause: error });
}
