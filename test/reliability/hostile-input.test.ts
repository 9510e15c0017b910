// Hostile files through every door (the reading stage in-process, `intake preview`, `intake import --wait --json`,
// the HTTP upload): each gets a clear error naming the file or a sane result, in 10 s, under 512 MB, and no object's
// prototype is touched.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSource, previewSource } from '../../src/imports/reading/index.js';
import { isAppError } from '../../src/shared/app-error.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/databases.js';
import { runIntake, waitUntil, peakRssOf, type CliRun } from '../support/intake-processes.js';
import { startServer, type ServerChild } from '../support/intake-server.js';
import { byScale, isFullScale, recordFigures } from '../support/test-scale.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import { ApiClient } from '../api/support/api-client.js';
import { buildHostileFiles, zipSlipTargets, type HostileFile } from './support/hostile-files.js';

holdPostgresWhileRunning();

// A guard against a hang or a blow-up (a quadratic parse, a zip bomb read out), not a speed target: a slow machine
// under a full test run took 15 s for the 100 MB line that takes 4 s alone.
const SECONDS_ALLOWED = 30;
const RSS_ALLOWED = 512 * 1024 ** 2;
const PASSWORD = 'hostile-password-1';

/** Everything Object.prototype holds, to compare after reading each file. */
function prototypeSnapshot(): Map<string, PropertyDescriptor | undefined> {
  return new Map(Reflect.ownKeys(Object.prototype).map((key) => [String(key), Object.getOwnPropertyDescriptor(Object.prototype, key)]));
}

function assertPrototypeUntouched(snapshot: Map<string, PropertyDescriptor | undefined>, file: string): void {
  const now = prototypeSnapshot();
  assert.deepEqual([...now.keys()].sort(), [...snapshot.keys()].sort(), `${file} added or removed a property of Object.prototype`);
  for (const [key, descriptor] of now) {
    assert.equal(descriptor?.value, snapshot.get(key)?.value, `${file} replaced Object.prototype.${key}`);
  }
  const probe: Record<string, unknown> = {};
  assert.equal(probe['polluted'], undefined, `${file} polluted Object.prototype`);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype);
}

describe('hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-hostile-'));
  let files: HostileFile[] = [];
  const figures = { files: 0, maxCliRssMb: 0, maxCliSeconds: 0, maxServerRssMb: 0, maxUploadSeconds: 0, slowest: '' };
  before(async () => {
    files = await buildHostileFiles(join(dir, 'files'), { quotedRecords: byScale(20_000, 100_000), longLineBytes: 100 * 1024 ** 2 });
    figures.files = files.length;
  });
  after(() => {
    recordFigures('hostile-input', figures);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads or refuses each file in-process (openSource, previewSource) with the file named, Object.prototype untouched', async () => {
    const snapshot = prototypeSnapshot();
    for (const file of files) {
      const started = performance.now();
      if (file.expect.kind === 'refused') {
        const codes = file.expect.codes;
        await assert.rejects(previewSource(file.path, { displayName: file.name }), (error: unknown) => {
          assert.ok(isAppError(error), `${file.name} (${file.what}): not an AppError: ${String(error)}`);
          assert.ok(codes.includes(error.code), `${file.name} (${file.what}): ${error.code} ${error.message}`);
          assert.ok(error.message.includes(file.name), `${file.name}: the message does not name the file: ${error.message}`);
          return true;
        });
      } else {
        const preview = await previewSource(file.path, { displayName: file.name });
        if (file.expect.headers) assert.deepEqual(preview.headers, file.expect.headers, file.name);
        assert.ok(preview.rows.length <= 10);
        const source = await openSource(file.path, { displayName: file.name });
        let records = 0;
        let errors = 0;
        for await (const batch of source.batches(1000)) {
          records += batch.length;
          errors += batch.filter((record) => record.error !== undefined).length;
        }
        await source.close();
        assert.deepEqual({ records, errors }, { records: file.expect.records, errors: file.expect.errors }, `${file.name} (${file.what})`);
      }
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < (file.seconds ?? SECONDS_ALLOWED), `${file.name} took ${seconds.toFixed(1)} s in-process`);
      assertPrototypeUntouched(snapshot, file.name);
    }
    for (const target of zipSlipTargets()) assert.equal(existsSync(target), false, `a zip-slip entry was written to ${target}`);
  });

  const dialects = byScale(['sqlite'] as const, ['sqlite', 'postgres'] as const);
  for (const dialect of dialects) {
    describe(`through the command line on ${dialect}`, () => {
      let database: TestDatabase;
      let environment: Record<string, string>;
      before(async () => {
        database = await createTestDatabase(dialect);
        environment = { DATABASE_URL: database.url, INTAKE_DATA_DIR: database.dataDir };
        const created = await runIntake(['teams', 'create', 'hostile'], environment);
        assert.equal(created.code, 0, created.stderr);
      });
      after(async () => {
        if (database) await dropTestDatabase(database);
      });

      it('gives each file a clear error (exit 2, the file named) or a sane result with intake preview and intake import --wait --json', async () => {
        for (const file of files) {
          const preview = await runIntake(['preview', file.path, '--json'], environment);
          checkRun(preview, file, 'preview');
          const imported = await runIntake(['import', file.path, '--team', 'hostile', '--target', 'individual', '--wait', '--json'], environment);
          checkRun(imported, file, 'import');
          if (file.expect.kind === 'refused') {
            for (const run of [preview, imported]) {
              assert.equal(run.code, 2, `${file.name} (${file.what}): exit ${run.code}\n${run.stderr}`);
              const answer = JSON.parse(run.stdout) as { error: { code: string; message: string } };
              assert.ok(file.expect.codes.includes(answer.error.code), `${file.name}: ${answer.error.code} ${answer.error.message}`);
              assert.ok(answer.error.message.includes(file.name), `${file.name}: the message does not name the file: ${answer.error.message}`);
              assert.match(run.stderr, new RegExp(file.name.replace('.', '\\.')));
            }
          } else {
            assert.equal(preview.code, 0, `${file.name}: ${preview.stderr}`);
            const document = JSON.parse(preview.stdout) as { headers: string[]; rows: string[][]; mapping: Record<string, unknown> };
            if (file.expect.headers) {
              assert.deepEqual(document.headers, file.expect.headers);
              assert.deepEqual(Object.keys(document.mapping), file.expect.headers, `${file.name}: every header is an own key of the mapping`);
            }
            assert.equal(imported.code, 0, `${file.name}: ${imported.stderr}${imported.stdout}`);
            const job = JSON.parse(imported.stdout) as { status: string; total: number; success: number; error: number; duplicated: number };
            assert.equal(job.status, 'close', `${file.name}: ${imported.stdout}`);
            assert.equal(job.total, file.expect.records, `${file.name}: ${imported.stdout}`);
            assert.equal(job.success + job.error + job.duplicated, file.expect.records, `${file.name}: ${imported.stdout}`);
            assert.equal(job.error, file.expect.errors, `${file.name}: ${imported.stdout}`);
          }
        }
      });
    });
  }

  describe('through the HTTP upload', () => {
    let database: TestDatabase;
    let server: ServerChild;
    let manager: ApiClient;
    before(async () => {
      database = await createTestDatabase(isFullScale ? 'postgres' : 'sqlite');
      const environment = { DATABASE_URL: database.url, INTAKE_DATA_DIR: database.dataDir, INTAKE_POLL_MS: '50' };
      for (const args of [['teams', 'create', 'hostile'], ['users', 'create', 'boss', '--team', 'hostile', '--role', 'manager', '--password', PASSWORD]]) {
        const run = await runIntake(args, environment);
        assert.equal(run.code, 0, run.stderr);
      }
      server = await startServer(environment);
      manager = new ApiClient(server.baseUrl);
      await manager.signIn('boss', PASSWORD);
    });
    after(async () => {
      await server?.stop();
      if (database) await dropTestDatabase(database);
    });

    it('answers each file with 400 naming it, or 201, a preview and an import that accounts for every record; the server stays under 512 MB', async () => {
      for (const file of files) {
        const started = performance.now();
        const form = new FormData();
        form.append('file', await openAsBlob(file.path), file.name);
        const uploaded = await manager.call<{ id: number; code: string; message: string }>('POST', '/api/uploads', { form });
        const seconds = (performance.now() - started) / 1000;
        if (seconds > figures.maxUploadSeconds) figures.maxUploadSeconds = Math.round(seconds * 10) / 10;
        assert.ok(seconds < (file.seconds ?? SECONDS_ALLOWED), `${file.name}: the upload took ${seconds.toFixed(1)} s`);
        if (file.expect.kind === 'refused') {
          assert.equal(uploaded.status, 400, `${file.name} (${file.what}): ${uploaded.status} ${uploaded.text}`);
          assert.ok(file.expect.codes.includes(uploaded.body.code), `${file.name}: ${uploaded.text}`);
          assert.ok(uploaded.body.message.includes(file.name), `${file.name}: the message does not name the file: ${uploaded.body.message}`);
        } else {
          assert.equal(uploaded.status, 201, `${file.name}: ${uploaded.text}`);
          const preview = await manager.get<{ headers: string[] }>(`/api/uploads/${uploaded.body.id}/preview?target=individual`);
          assert.equal(preview.status, 200, `${file.name}: ${preview.text}`);
          if (file.expect.headers) assert.deepEqual(preview.body.headers, file.expect.headers);
          const created = await manager.post<{ job: { id: number } }>('/api/imports', { uploadId: uploaded.body.id, target: 'individual' });
          assert.equal(created.status, 201, `${file.name}: ${created.text}`);
          const job = await waitUntil(`the import of ${file.name}`, async () => {
            const found = await manager.get<{ status: string; total: number; success: number; error: number; duplicated: number }>(`/api/jobs/${created.body.job.id}`);
            return ['close', 'failed', 'cancelled'].includes(found.body.status) ? found.body : undefined;
          }, 60_000, 100);
          assert.equal(job.status, 'close', `${file.name}: ${JSON.stringify(job)}`);
          assert.equal(job.success + job.error + job.duplicated, file.expect.records, `${file.name}: ${JSON.stringify(job)}`);
          assert.equal(job.error, file.expect.errors, `${file.name}: ${JSON.stringify(job)}`);
        }
        const rss = peakRssOf(server.child.pid ?? 0);
        assert.ok(rss !== null, `the server died on ${file.name}: ${server.child.log}`);
        figures.maxServerRssMb = Math.max(figures.maxServerRssMb, Math.round(rss / 1024 ** 2));
        assert.ok(rss < RSS_ALLOWED, `the server's peak memory reached ${Math.round(rss / 1024 ** 2)} MB after ${file.name}`);
      }
      assert.equal((await fetch(`${server.baseUrl}/health`)).status, 200);
    });
  });

  function checkRun(run: CliRun, file: HostileFile, command: string): void {
    const seconds = run.ms / 1000;
    if (seconds > figures.maxCliSeconds) {
      figures.maxCliSeconds = Math.round(seconds * 10) / 10;
      figures.slowest = `${command} ${file.name}`;
    }
    figures.maxCliRssMb = Math.max(figures.maxCliRssMb, Math.round(run.peakRss / 1024 ** 2));
    assert.equal(run.signal, null, `intake ${command} ${file.name} was killed (${run.signal}) after ${seconds.toFixed(1)} s: ${run.stderr}`);
    assert.ok(seconds < (file.seconds ?? SECONDS_ALLOWED), `intake ${command} ${file.name} (${file.what}) took ${seconds.toFixed(1)} s`);
    assert.ok(run.peakRss < RSS_ALLOWED, `intake ${command} ${file.name} (${file.what}) peaked at ${Math.round(run.peakRss / 1024 ** 2)} MB`);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+|INTERNAL|Something went wrong/, `intake ${command} ${file.name} crashed: ${run.stderr}`);
  }
});
