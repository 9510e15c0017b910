// Argument parsing for the CLI commands: node:util parseArgs, with its errors turned into BAD_USAGE.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../shared/app-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export type CliIo = {
  out(text: string): void;
  err(text: string): void;
};

export function parseCommand<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('BAD_USAGE', `${(error as Error).message}\nUsage: ${usage}`);
  }
}

export function requireOption(value: string | undefined, name: string, usage: string): string {
  if (value === undefined || value === '') throw new AppError('BAD_USAGE', `Missing --${name}.\nUsage: ${usage}`);
  return value;
}

export function parseInteger(value: string | undefined, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new AppError('BAD_USAGE', `--${name} must be a whole number ≥ ${min}, not "${value}".`);
  return Number(value);
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
