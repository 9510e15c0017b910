// The options a job was run with, as the supervisor chose them in the wizard: its words, not the request's keys.
import type { MessageKey } from '../i18n/en.js';
import { describeDelimiter } from './format.js';

export type OptionRow = { label: string; value: string };

type Words = (key: MessageKey) => string;

/** Options the page shows elsewhere (the target and campaign in its title, the mapping in a table of its own). */
const SHOWN_ELSEWHERE = new Set(['target', 'campaignId', 'mapping']);

/**
 * The rows of a job's options: each with the label the wizard gives it and its value in words (`skip` is "Skip",
 * `table` "the target table", a dial time a local time); an option this page does not know by its key, as it is.
 */
export function describeJobOptions(options: Record<string, unknown>, t: Words, formatTime: (epochMs: number) => string): OptionRow[] {
  const rows: OptionRow[] = [];
  const words = { yes: t('app.yes'), no: t('app.no') };
  const add = (label: MessageKey, value: string) => rows.push({ label: t(label), value });
  const yesNo = (value: unknown) => describeOptionValue(value === true, words);
  const known = new Set<string>(SHOWN_ELSEWHERE);
  const take = (key: string): unknown => {
    known.add(key);
    return options[key];
  };

  for (const [key, label] of [['encoding', 'file.encoding'], ['delimiter', 'file.delimiter'], ['sheet', 'file.sheet']] as const) {
    const value = take(key);
    if (typeof value === 'string' && value !== '') add(label, key === 'delimiter' ? describeDelimiter(value) : value);
  }
  add('file.skipTop', String(take('skipTop') ?? 0));
  add('options.duplicate', t(take('duplicate') === 'update' ? 'jobOptions.duplicate.update' : 'jobOptions.duplicate.skip'));
  add('jobOptions.resetStatus', yesNo(take('resetStatus')));
  add('jobOptions.resetAgent', yesNo(take('resetAgent')));
  const dedupeKey = take('dedupeKey');
  add('options.dedupeKey', typeof dedupeKey === 'string' && dedupeKey !== '' ? dedupeKey : t('jobOptions.defaultKey'));
  add('options.dedupeScope', t(oneOf(take('dedupeScope'), ['file', 'table', 'team'], 'table', (scope) => `options.scope.${scope}` as const)));
  add('options.blacklist', t(oneOf(take('blacklist'), ['reject', 'allow'], 'reject', (mode) => `options.blacklist.${mode}` as const)));
  const dial = take('dial');
  if (dial !== null && typeof dial === 'object') {
    const { phoneField, priority, dialAt, duplicates } = dial as Record<string, unknown>;
    add('options.dialPhone', describeOptionValue(phoneField, words));
    add('options.dialPriority', describeOptionValue(priority, words));
    add('options.dialAt', typeof dialAt === 'number' ? formatTime(dialAt) : t('jobOptions.dialNow'));
    add('options.dialDuplicates', t(oneOf(duplicates, ['ignore', 'all', 'ignore-success'], 'ignore', (mode) => `options.dial.${mode}` as const)));
  } else {
    add('options.dialer', t('app.no'));
  }
  add('jobOptions.dryRun', yesNo(take('dryRun')));
  for (const [key, value] of Object.entries(options)) {
    if (!known.has(key)) rows.push({ label: key, value: describeOptionValue(value, words) });
  }
  return rows;
}

function oneOf<T extends string, K>(value: unknown, choices: readonly T[], fallback: T, key: (choice: T) => K): K {
  return key(choices.includes(value as T) ? (value as T) : fallback);
}

export function describeOptionValue(value: unknown, words: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${describeOptionValue(inner, words)}`)
      .join(', ');
  }
  return String(value);
}
