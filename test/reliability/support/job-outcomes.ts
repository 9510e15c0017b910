// What an interrupted import must end as: exactly the outcome of the same import run without interruption.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { csv, type Harness } from '../../support/import-harness.js';
import { GENERATOR, sha256 } from '../../support/intake-processes.js';
import type { ImportJob } from '../../../src/db/schema.js';

export const RESULT_KINDS = ['success', 'error', 'duplicated'] as const;

/**
 * A generated customer list (duplicates, bad rows, quoted line breaks) with a `ref` column naming each record, so
 * every source record can be found in the result files. `ref` is left unmapped.
 */
export function generateCustomers(records: number, seed: number): { content: string; refs: string[] } {
  const generated = spawnSync(process.execPath, [GENERATOR, String(records), '-', '--seed', String(seed)], { maxBuffer: 256 * 1024 * 1024 });
  assert.equal(generated.status, 0, String(generated.stderr));
  const parsed = Papa.parse<string[]>(generated.stdout.toString('utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  assert.ok(header);
  const refs = rows.map((_, index) => `r${index + 1}`);
  return { content: csv([[...header, 'ref'], ...rows.map((row, index) => [...row, refs[index]!])]), refs };
}

export const REF_UNMAPPED: Array<[string, string | null]> = [['ref', null]];

/** A hash of the table's rows, sorted (ids left out: they depend on the order batches were committed in). */
export async function tableHash(harness: Harness, teamId: number): Promise<string> {
  const rows = (await harness.rows(teamId, 'individual')).map((row) => JSON.stringify(row)).sort();
  return sha256(rows.join('\n'));
}

/** The two teams' tables hold the same rows; if not, the message names the first rows found in only one of them. */
async function assertSameTable(harness: Harness, jobId: number, teams: { job: number; reference: number }): Promise<void> {
  const [got, expected] = await Promise.all([teams.job, teams.reference].map(async (teamId) => (await harness.rows(teamId, 'individual')).map((row) => JSON.stringify(row)).sort()));
  const [gotSet, expectedSet] = [new Set(got), new Set(expected)];
  const onlyGot = got!.filter((row) => !expectedSet.has(row));
  const onlyExpected = expected!.filter((row) => !gotSet.has(row));
  assert.ok(
    got!.join('\n') === expected!.join('\n'),
    `job ${jobId}: the table differs from the uninterrupted import's (${got!.length} rows against ${expected!.length}); ` +
      `only after the interrupted one: ${onlyGot.slice(0, 5).join(' ')}; only after the uninterrupted one: ${onlyExpected.slice(0, 5).join(' ')}`,
  );
}

/** Counts, table, result files byte for byte, and every source record in exactly one result file. */
export async function assertSameOutcome(harness: Harness, job: ImportJob, reference: ImportJob, teams: { job: number; reference: number }, refs: readonly string[]): Promise<void> {
  assert.equal(job.status, 'close', `job ${job.id} ended ${job.status}: ${job.failure_reason}`);
  assert.deepEqual(
    { total: job.total, success: job.success, error: job.error, duplicated: job.duplicated },
    { total: reference.total, success: reference.success, error: reference.error, duplicated: reference.duplicated },
    `job ${job.id}: counts differ from the uninterrupted import`,
  );
  assert.equal(job.success + job.error + job.duplicated, refs.length);
  await assertSameTable(harness, job.id, teams);
  const seen = new Map<string, string>();
  for (const kind of RESULT_KINDS) {
    const [got, expected] = [await harness.resultFile(job.id, kind), await harness.resultFile(reference.id, kind)];
    assert.equal(got.records.length, job[kind], `job ${job.id}: ${kind} file records`);
    assert.equal(sha256(got.bytes), sha256(expected.bytes), `job ${job.id}: the ${kind} file differs from the uninterrupted import's`);
    for (const record of got.records) {
      const ref = record['ref'] ?? '';
      assert.equal(seen.get(ref), undefined, `job ${job.id}: record ${ref} is in the ${seen.get(ref)} file and in the ${kind} file`);
      seen.set(ref, kind);
    }
  }
  const missing = refs.filter((ref) => !seen.has(ref));
  assert.deepEqual(missing.slice(0, 10), [], `job ${job.id}: ${missing.length} source records are in no result file`);
  assert.equal(seen.size, refs.length);
}

/** Files under the job's folder of a directory storage (relative paths). */
export function jobFiles(dataDir: string, jobId: number): string[] {
  const root = join(dataDir, 'files', 'jobs', String(jobId));
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/** After an import ended, its folder holds the three files of its last attempt and nothing else. */
export function assertOnlyFinalAttempt(dataDir: string, job: ImportJob): void {
  assert.deepEqual(jobFiles(dataDir, job.id), RESULT_KINDS.map((kind) => `attempt-${job.attempts}/${kind}.csv`).sort(), `job ${job.id}: files left beside its last attempt's`);
}
