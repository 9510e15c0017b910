// What a revert does with each row a job touched (pure): which values an update gets back and on which condition,
// why a row is kept, and the revert's progress as stored on the job.
import type { ImportJob } from '../db/schema.js';
import { CUSTOMER_COLUMNS, LIST_COLUMNS, type CellValue, type TargetTable } from '../imports/engine/row-layout.js';

/** A revert runs in phases, each in bounded transactions: updates undone (newest first), inserted rows removed, dial entries removed. */
export const REVERT_PHASES = ['updates', 'inserts', 'dial', 'done'] as const;
export type RevertPhase = (typeof REVERT_PHASES)[number];

export type RevertCounts = {
  /** Rows the job inserted, removed. */
  removed: number;
  /** Rows the job updated, given their previous values back. */
  restored: number;
  /** Rows left as they are because they changed since (each listed with its reason). */
  kept: number;
  /** Entries the job put in the predictive dialer's list for customers it did not insert, removed before being dialed. */
  dialRemoved: number;
};

/**
 * `after`: the last id the phase has dealt with (updates: the last change, going down); `until`: the last id of the
 * job's rows in the phase's table (inserts, dial entries), found when the phase starts.
 */
export type RevertState = RevertCounts & { phase: RevertPhase; after: number | null; until: number | null };

export const INITIAL_REVERT_STATE: RevertState = { phase: 'updates', after: null, until: null, removed: 0, restored: 0, kept: 0, dialRemoved: 0 };

export function parseRevertState(text: string | null): RevertState | null {
  if (text === null) return null;
  const parsed = JSON.parse(text) as Partial<RevertState>;
  return { ...INITIAL_REVERT_STATE, ...parsed };
}

/** The revert as a job's view shows it; null when it was never reverted. */
export type RevertSummary = RevertCounts & { status: 'reverting' | 'reverted'; revertedAt: number | null };

export function revertSummary(job: ImportJob): RevertSummary | null {
  const state = parseRevertState(job.revert_state);
  if (!state) return null;
  return { status: job.reverted_at === null ? 'reverting' : 'reverted', revertedAt: job.reverted_at, removed: state.removed, restored: state.restored, kept: state.kept, dialRemoved: state.dialRemoved };
}

/** The columns of a table that an import may change, and so a revert may set back: nothing else is ever written. */
const REVERTIBLE_COLUMNS: Readonly<Record<TargetTable, ReadonlySet<string>>> = {
  customers: new Set([...CUSTOMER_COLUMNS, 'custom', 'originals', 'area', 'timezone', 'status', 'agent_id']),
  number_lists: new Set(LIST_COLUMNS.number_lists),
  area_codes: new Set(LIST_COLUMNS.area_codes),
  dids: new Set(LIST_COLUMNS.dids),
};

export function isTargetTable(name: string): name is TargetTable {
  return name in REVERTIBLE_COLUMNS;
}

/**
 * How to undo one recorded update: set `set` on the row, but only where each column still holds what the update put
 * there (`expect`); otherwise the row changed since and is kept. A change recorded without its values (before
 * reverts could check) or naming a column no import writes is kept as it is.
 */
export type Restore = { kind: 'restore'; set: Record<string, CellValue>; expect: Record<string, CellValue> } | { kind: 'keep'; reason: string };

export function planRestore(table: TargetTable, previousJson: string | null, appliedJson: string | null): Restore {
  if (appliedJson === null || previousJson === null) return { kind: 'keep', reason: 'updated before reverts could tell a later change apart; left as it is' };
  const previous = JSON.parse(previousJson) as Record<string, unknown>;
  const applied = JSON.parse(appliedJson) as Record<string, unknown>;
  const allowed = REVERTIBLE_COLUMNS[table];
  const set: Record<string, CellValue> = {};
  const expect: Record<string, CellValue> = {};
  for (const [column, value] of Object.entries(applied)) {
    if (!allowed.has(column) || !(column in previous)) return { kind: 'keep', reason: `the change of ${column} cannot be undone; left as it is` };
    expect[column] = asCell(value);
    set[column] = asCell(previous[column]);
  }
  return { kind: 'restore', set, expect };
}

/** The columns whose current value is no longer the one the update set. */
export function changedColumns(current: Record<string, unknown>, expect: Record<string, CellValue>): string[] {
  return Object.keys(expect).filter((column) => !isSameValue(current[column], expect[column] ?? null));
}

export function changedSinceReason(current: Record<string, unknown> | undefined, expect: Record<string, CellValue>): string {
  if (!current) return 'removed since';
  const columns = changedColumns(current, expect);
  return columns.length === 0 ? 'changed since' : `changed since: ${columns.join(', ')}`;
}

/** What a customer or list row the job inserted has been through since; null when nothing, so it can be removed. */
export type InsertedRowHistory = {
  status?: string;
  agentId?: number | null;
  /** Another job that updated the row (a later import with --duplicate update or a reset). */
  updatedByJob?: number;
  /** A dial entry that is not this job's pending one: dialed already, or queued by another job. */
  dialEntry?: { jobId: number | null; status: string };
};

export function keptInsertReason(history: InsertedRowHistory, jobId: number): string | null {
  if (history.status !== undefined && history.status !== 'new') return `status is ${history.status} since`;
  if (history.agentId !== undefined && history.agentId !== null) return 'assigned to an agent since';
  if (history.updatedByJob !== undefined) return `updated by job ${history.updatedByJob} since`;
  if (history.dialEntry) {
    const { jobId: dialJob, status } = history.dialEntry;
    if (dialJob === jobId) return `its dial entry is ${status}`;
    return dialJob === null ? 'in the dial list since' : `in the dial list of job ${dialJob} since`;
  }
  return null;
}

function asCell(value: unknown): CellValue {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function isSameValue(current: unknown, expected: CellValue): boolean {
  if (current === undefined || current === null) return expected === null;
  if (expected === null) return false;
  // PostgreSQL returns bigint columns as numbers (our parser) and text as text; a number may have been stored as text.
  return String(current) === String(expected);
}
