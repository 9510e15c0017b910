// Configuration, read from the environment once, validated with zod. Nothing else reads process.env.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/app-error.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  INTAKE_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^(postgres|postgresql):\/\//.test(value) || /^(sqlite:|file:)/.test(value) || !value.includes('://'), {
      message: 'must be postgres://… , sqlite:PATH, or a path to an SQLite file',
    })
    .optional(),
  PORT: integer(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  INTAKE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  INTAKE_UPLOAD_MAX_BYTES: integer(1024 ** 3, 1),
  INTAKE_MAX_COLUMNS: integer(1000, 1, 100_000),
  INTAKE_MAX_CELL_LENGTH: integer(32_767, 1, 10_000_000),
  INTAKE_STORAGE: z.enum(['directory', 'postgres']).default('directory'),
  INTAKE_BATCH_SIZE: integer(2000, 1, 100_000),
  INTAKE_SQLITE_CACHE_MB: integer(16, 2, 65_536),
  INTAKE_LEASE_SECONDS: integer(30, 2, 3600),
  INTAKE_POLL_MS: integer(500, 10, 60_000),
  INTAKE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  INTAKE_UPLOAD_TTL_HOURS: integer(24, 1, 24 * 365),
  INTAKE_SWEEP_SECONDS: integer(600, 1, 24 * 3600),
  INTAKE_SESSION_HOURS: integer(12, 1, 24 * 90),
  INTAKE_SECURE_COOKIES: flag(false),
  INTAKE_TRUST_PROXY: flag(false),
  INTAKE_LOGIN_ATTEMPTS_PER_LOGIN: integer(5, 1, 10_000),
  INTAKE_LOGIN_ATTEMPTS_PER_IP: integer(50, 1, 100_000),
  INTAKE_LOGIN_WINDOW_SECONDS: integer(900, 1, 24 * 3600),
});

export type DatabaseDialect = 'sqlite' | 'postgres';

export type Config = {
  dataDir: string;
  database: { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  limits: { uploadMaxBytes: number; maxColumns: number; maxCellLength: number };
  storage: 'directory' | 'postgres';
  batchSize: number;
  /** SQLite's page cache (MiB) of an import's connection: more keeps a big table's index pages in memory. */
  sqliteCacheMb: number;
  leaseSeconds: number;
  pollMs: number;
  adminPassword: string | undefined;
  uploadTtlHours: number;
  /** How often the server removes expired uploads, sessions and old sign-in failures. */
  sweepSeconds: number;
  http: {
    sessionHours: number;
    /** Marks the session cookie Secure even on plain-http requests (TLS ends at a proxy that does not say so). */
    isSecureCookieForced: boolean;
    /** Believe X-Forwarded-* headers (client IP for the login limit, https for the cookie) from a reverse proxy. */
    isProxyTrusted: boolean;
    /** Failed logins allowed per login, and per client IP, within the window; then 429 until the oldest ages out. */
    loginAttemptsPerLogin: number;
    loginAttemptsPerIp: number;
    loginWindowSeconds: number;
  };
};

export function loadConfig(environment: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.INTAKE_DATA_DIR);
  const config: Config = {
    dataDir,
    database: databaseFromUrl(env.DATABASE_URL, dataDir),
    port: env.PORT,
    host: env.HOST,
    logLevel: env.INTAKE_LOG_LEVEL,
    limits: {
      uploadMaxBytes: env.INTAKE_UPLOAD_MAX_BYTES,
      maxColumns: env.INTAKE_MAX_COLUMNS,
      maxCellLength: env.INTAKE_MAX_CELL_LENGTH,
    },
    storage: env.INTAKE_STORAGE,
    batchSize: env.INTAKE_BATCH_SIZE,
    sqliteCacheMb: env.INTAKE_SQLITE_CACHE_MB,
    leaseSeconds: env.INTAKE_LEASE_SECONDS,
    pollMs: env.INTAKE_POLL_MS,
    adminPassword: env.INTAKE_ADMIN_PASSWORD,
    uploadTtlHours: env.INTAKE_UPLOAD_TTL_HOURS,
    sweepSeconds: env.INTAKE_SWEEP_SECONDS,
    http: {
      sessionHours: env.INTAKE_SESSION_HOURS,
      isSecureCookieForced: env.INTAKE_SECURE_COOKIES,
      isProxyTrusted: env.INTAKE_TRUST_PROXY,
      loginAttemptsPerLogin: env.INTAKE_LOGIN_ATTEMPTS_PER_LOGIN,
      loginAttemptsPerIp: env.INTAKE_LOGIN_ATTEMPTS_PER_IP,
      loginWindowSeconds: env.INTAKE_LOGIN_WINDOW_SECONDS,
    },
  };
  if (config.storage === 'postgres' && config.database.dialect !== 'postgres') {
    throw new AppError('CONFIG_INVALID', 'Invalid configuration:\n  INTAKE_STORAGE: "postgres" needs DATABASE_URL=postgres://…');
  }
  return config;
}

function databaseFromUrl(url: string | undefined, dataDir: string): Config['database'] {
  if (!url) return { dialect: 'sqlite', path: resolve(dataDir, 'intake.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (path === ':memory:') throw new AppError('CONFIG_INVALID', 'Invalid configuration:\n  DATABASE_URL: an in-memory SQLite database cannot be shared by the server and its workers; give a file path.');
  return { dialect: 'sqlite', path: resolve(path) };
}

/** Where files are written while they are worked on (local copies of stored files, files taken out of archives). */
export function scratchDirOf(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'tmp');
}
