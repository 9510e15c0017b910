// Uploads that never finish: the client gives up half-way, or the server is killed in the middle of one and started
// again. Neither leaves a file (or a stored chunk) behind for long, and expired uploads are swept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import Database from 'better-sqlite3';
import { ApiClient } from '../api/support/api-client.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/databases.js';
import { runIntake, waitUntil } from '../support/intake-processes.js';
import { startServer, type ServerChild } from '../support/intake-server.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';
import { byScale, recordFigures } from '../support/test-scale.js';

holdPostgresWhileRunning();

const PASSWORD = 'uploads-password-1';
const FILE_BYTES = 16 * 1024 * 1024;
const SETUPS = byScale(
  [{ dialect: 'sqlite', storage: 'directory' }, { dialect: 'postgres', storage: 'postgres' }] as const,
  [{ dialect: 'sqlite', storage: 'directory' }, { dialect: 'postgres', storage: 'directory' }, { dialect: 'postgres', storage: 'postgres' }] as const,
);

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

for (const setup of SETUPS) {
  describe(`uploads cut short (${setup.dialect}, files in ${setup.storage === 'postgres' ? 'the database' : 'a directory'})`, () => {
    let database: TestDatabase;
    let environment: Record<string, string>;
    let server: ServerChild;
    let manager: ApiClient;
    const figures = { setup: `${setup.dialect}/${setup.storage}`, abortedUploads: 0, serverKills: 0, leftoversAfterKill: 0, sweptAfterRestart: 0 };

    before(async () => {
      database = await createTestDatabase(setup.dialect);
      environment = { DATABASE_URL: database.url, INTAKE_DATA_DIR: database.dataDir, INTAKE_STORAGE: setup.storage, INTAKE_SWEEP_SECONDS: '1' };
      for (const args of [['teams', 'create', 'uploaders'], ['users', 'create', 'boss', '--team', 'uploaders', '--role', 'manager', '--password', PASSWORD]]) {
        const run = await runIntake(args, environment);
        assert.equal(run.code, 0, run.stderr);
      }
      server = await startServer(environment);
      manager = new ApiClient(server.baseUrl);
      await manager.signIn('boss', PASSWORD);
    });
    after(async () => {
      recordFigures('upload-interruptions', figures);
      await server?.stop();
      if (database) await dropTestDatabase(database);
    });

    /** What uploads left in storage and in the uploads table. */
    async function leftovers(): Promise<{ files: string[]; rows: number }> {
      if (setup.dialect === 'sqlite') {
        const db = new Database(join(database.dataDir, 'intake.db'), { readonly: true });
        try {
          const rows = Number((db.prepare('select count(*) as n from uploads').get() as { n: number }).n);
          return { files: filesUnder(join(database.dataDir, 'files', 'uploads')), rows };
        } finally {
          db.close();
        }
      }
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const rows = Number((await client.query<{ n: string }>('select count(*) as n from uploads')).rows[0]?.n);
        const stored = setup.storage === 'postgres'
          ? (await client.query<{ key: string }>("select key from stored_files where key like 'uploads/%' union select distinct key from stored_file_chunks where key like 'uploads/%'")).rows.map((row) => row.key)
          : filesUnder(join(database.dataDir, 'files', 'uploads'));
        return { files: stored, rows };
      } finally {
        await client.end();
      }
    }

    /** Makes what is stored under uploads/ two days old, as if the upload lifetime (24 h) had passed. */
    async function ageLeftovers(): Promise<void> {
      const past = new Date(Date.now() - 2 * 86_400_000);
      if (setup.storage === 'directory') {
        for (const file of filesUnder(join(database.dataDir, 'files', 'uploads'))) utimesSync(file, past, past);
        return;
      }
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query("update stored_files set created_at = $1 where key like 'uploads/%'", [past.getTime()]);
      await client.end();
    }

    /**
     * Sends the multipart head and `sendBytes` of a FILE_BYTES file, then waits for `onSent`, which ends the upload
     * (the client going away, the server being killed).
     */
    function partialUpload(sendBytes: number, onSent: () => Promise<void>): Promise<void> {
      const boundary = '----intake-cut-short';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\nContent-Type: text/csv\r\n\r\nname,phone\r\n`);
      const total = head.length + FILE_BYTES + `\r\n--${boundary}--\r\n`.length;
      return new Promise((resolve) => {
        const outgoing = request(new URL('/api/uploads', server.baseUrl), {
          method: 'POST',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': total, cookie: manager.sessionCookie!, 'x-csrf-token': manager.csrfToken! },
        });
        outgoing.on('error', () => resolve());
        outgoing.on('response', (response) => {
          response.resume();
          resolve();
        });
        outgoing.write(head);
        const row = Buffer.from('Someone,+1 312 555 0101\r\n'.padEnd(64, ' '));
        const chunk = Buffer.concat(Array.from({ length: 4096 }, () => row));
        let sent = 0;
        const pump = () => {
          while (sent < sendBytes) {
            const piece = chunk.subarray(0, Math.min(chunk.length, sendBytes - sent));
            sent += piece.length;
            if (!outgoing.write(piece)) {
              outgoing.once('drain', pump);
              return;
            }
          }
          void onSent().then(() => {
            outgoing.destroy();
            resolve();
          });
        };
        pump();
      });
    }

    it('leaves nothing behind when the client aborts the upload part-way', async () => {
      const before = await leftovers();
      for (const fraction of [0, 0.01, 0.5, 0.99]) {
        await partialUpload(Math.floor(FILE_BYTES * fraction), () => sleep(300));
        figures.abortedUploads += 1;
        await waitUntil(`nothing left of an upload aborted at ${fraction * 100}%`, async () => {
          const now = await leftovers();
          return now.files.length === before.files.length && now.rows === before.rows ? true : undefined;
        }, 10_000, 100).catch(async (error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(await leftovers())}`);
        });
      }
      assert.equal((await fetch(`${server.baseUrl}/health`)).status, 200);
      const fine = await manager.upload<{ id: number }>('fine.csv', 'name,phone\r\nAnn,+1 312 555 0102\r\n');
      assert.equal(fine.status, 201, fine.text);
      assert.equal((await manager.delete(`/api/uploads/${fine.body.id}`)).status, 204);
    });

    it('leaves nothing behind for long when the server is killed mid-upload and started again: the sweep takes it', async () => {
      for (let kill = 0; kill < byScale(1, 3); kill++) {
        await partialUpload(Math.floor(FILE_BYTES * (0.3 + 0.2 * kill)), async () => {
          // Wait until the bytes sent have reached storage, then kill the server outright.
          await waitUntil('the partial upload to reach storage', async () => ((await leftovers()).files.length > 0 ? true : undefined), 10_000, 20);
          await server.stop('SIGKILL');
        });
        figures.serverKills += 1;
        figures.leftoversAfterKill += (await leftovers()).files.length;
        server = await startServer(environment, server.port);
        await manager.signIn('boss', PASSWORD);
        await ageLeftovers();
        const swept = await waitUntil('the sweep to remove what the killed upload left', async () => {
          const now = await leftovers();
          return now.files.length === 0 && now.rows === 0 ? now : undefined;
        }, 15_000, 100).catch(async (error: unknown) => {
          throw new Error(`${String(error)}: ${JSON.stringify(await leftovers())}`);
        });
        assert.deepEqual(swept, { files: [], rows: 0 });
        figures.sweptAfterRestart += 1;
      }
    });

    it('sweeps an upload that expired unused (its row and its file), not one an import job keeps', async () => {
      const unused = await manager.upload<{ id: number }>('unused.csv', 'name,phone\r\nBob,+1 312 555 0103\r\n');
      const used = await manager.upload<{ id: number }>('used.csv', 'name,phone\r\nCy,+1 312 555 0104\r\n');
      assert.equal(unused.status, 201, unused.text);
      const created = await manager.post<{ job: { id: number } }>('/api/imports', { uploadId: used.body.id, target: 'individual' });
      assert.equal(created.status, 201, created.text);
      const expire = `update uploads set expires_at = 1 where id = ${unused.body.id}`;
      if (setup.dialect === 'sqlite') {
        const db = new Database(join(database.dataDir, 'intake.db'));
        db.pragma('busy_timeout = 10000');
        db.exec(expire);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        await client.query(expire);
        await client.end();
      }
      await waitUntil('the sweep to remove the expired upload', async () => ((await manager.get(`/api/uploads/${unused.body.id}`)).status === 404 ? true : undefined), 15_000, 100);
      assert.equal((await manager.get(`/api/uploads/${used.body.id}`)).status, 200, 'the upload an import job keeps was swept');
      assert.equal((await leftovers()).files.length, 1, 'only the kept upload\'s file is left');
    });
  });
}
