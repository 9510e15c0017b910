import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { sweepUploads } from '../../src/uploads/upload-service.js';
import { describeApi, describeApiOnPostgres } from './support/api-harness.js';
import { assertError, type ApiClient } from './support/api-client.js';

const LIMIT = 4096;

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function countUploads(api: { database: { app: { db: import('kysely').Kysely<import('../../src/db/schema.js').Database> } } }): Promise<number> {
  const { rows } = await sql<{ count: number | string }>`select count(*) as count from uploads`.execute(api.database.app.db);
  return Number(rows[0]?.count);
}

/** An XLSX whose one sheet inflates a thousandfold: what a zip bomb looks like to the reader. */
function zipBomb(): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync({
    '[Content_Types].xml': encoder.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': encoder.encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': new Uint8Array(2 * 1024 * 1024).fill(32),
  }, { level: 9 });
}

describeApi(
  'uploads',
  (api) => {
    let manager: ApiClient;
    const uploadsDir = () => join(api.database.test.dataDir, 'files', 'uploads');

    it('refuses an upload over INTAKE_UPLOAD_MAX_BYTES with 413 and leaves nothing on disk or in the database', async () => {
      manager = await api.signedIn('managerNorth');
      const before = await countUploads(api);
      // Just over the limit: refused while streaming, after part of it was written.
      const streamed = await manager.upload('big.csv', `a,b\n${'x'.repeat(LIMIT)}\n`);
      assertError(streamed, 413, 'UPLOAD_TOO_LARGE');
      // Far over it: refused from its declared length before a byte is read.
      const declared = await manager.upload('huge.csv', `a,b\n${'x'.repeat(LIMIT * 64)}\n`);
      assertError(declared, 413, 'UPLOAD_TOO_LARGE');
      assert.deepEqual(filesUnder(uploadsDir()), []);
      assert.equal(await countUploads(api), before);
      // The server still works after refusing mid-stream.
      assert.equal((await manager.upload('ok.csv', 'a,b\n1,2\n')).status, 201);
    });

    it('refuses a file the readers cannot read with their message (400) and keeps nothing of it', async () => {
      const before = await countUploads(api);
      const filesBefore = filesUnder(uploadsDir()).length;
      const broken = await manager.upload('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
      assertError(broken, 400);
      assert.match((broken.body as { message: string }).message, /broken\.xlsx/);
      const empty = await manager.upload('empty.csv', '');
      assertError(empty, 400, 'FILE_EMPTY');
      const bomb = await manager.upload('bomb.xlsx', zipBomb());
      assertError(bomb, 400, 'ZIP_BOMB');
      assert.equal(await countUploads(api), before);
      assert.equal(filesUnder(uploadsDir()).length, filesBefore);
    });

    it('takes one file per request in the field "file"', async () => {
      const before = await countUploads(api);
      const twoFiles = new FormData();
      twoFiles.append('file', new Blob(['a,b\n1,2\n']), 'one.csv');
      twoFiles.append('file', new Blob(['a,b\n3,4\n']), 'two.csv');
      assertError(await manager.call('POST', '/api/uploads', { form: twoFiles }), 400, 'BAD_INPUT');
      const wrongField = new FormData();
      wrongField.append('upload', new Blob(['a,b\n1,2\n']), 'one.csv');
      assertError(await manager.call('POST', '/api/uploads', { form: wrongField }), 400, 'BAD_INPUT');
      assertError(await manager.post('/api/uploads', { file: 'a,b' }), 400, 'BAD_INPUT');
      assert.equal(await countUploads(api), before);
    });

    it('keeps the original name for display only, cleaned of paths and control characters', async () => {
      const response = await manager.upload<{ id: number; name: string }>('..\\..\\etc/pass\u202ewd.csv', 'a,b\n1,2\n');
      assert.equal(response.status, 201, response.text);
      assert.equal(response.body.name, 'passwd.csv');
      const row = await api.context.repositories.uploads.findById(response.body.id);
      assert.match(row?.storage_key ?? '', /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    });

    it('describes a workbook with its sheets, deletes an upload, and sweeps expired ones (not those a job keeps)', async () => {
      const encoder = new TextEncoder();
      const workbook = zipSync({
        '[Content_Types].xml': encoder.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        'xl/workbook.xml': encoder.encode(
          '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>',
        ),
        'xl/worksheets/sheet1.xml': encoder.encode(
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Phone</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c><c r="B2" t="inlineStr"><is><t>4155550111</t></is></c></row></sheetData></worksheet>',
        ),
        'xl/worksheets/sheet2.xml': encoder.encode(
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Note</t></is></c></row></sheetData></worksheet>',
        ),
      });
      const uploaded = await manager.upload<{ id: number; format: string; sheets: string[]; sheet: string | null }>('leads.xlsx', workbook);
      assert.equal(uploaded.status, 201, uploaded.text);
      assert.equal(uploaded.body.format, 'xlsx');
      assert.deepEqual(uploaded.body.sheets, ['Leads', 'Notes']);
      assert.equal(uploaded.body.sheet, 'Leads');
      const notes = await manager.get<{ sheet: string; headers: string[] }>(`/api/uploads/${uploaded.body.id}/preview?target=individual&sheet=Notes`);
      assert.equal(notes.status, 200, notes.text);
      assert.equal(notes.body.sheet, 'Notes');
      assert.deepEqual(notes.body.headers, ['Note']);
      assertError(await manager.get(`/api/uploads/${uploaded.body.id}/preview?target=individual&sheet=Nope`), 400, 'SHEET_NOT_FOUND');

      assert.equal((await manager.delete(`/api/uploads/${uploaded.body.id}`)).status, 204);
      assertError(await manager.get(`/api/uploads/${uploaded.body.id}`), 404, 'NOT_FOUND');

      const expiring = await manager.upload<{ id: number }>('old.csv', 'Name,Phone\nAnn,4155550111\n');
      const used = await manager.upload<{ id: number }>('used.csv', 'Name,Phone\nAnn,4155550111\n');
      const job = await manager.post('/api/imports', { uploadId: used.body.id, target: 'individual', at: '2099-01-01T00:00:00Z' });
      assert.equal(job.status, 201, job.text);
      const key = (await api.context.repositories.uploads.findById(expiring.body.id))?.storage_key ?? '';
      const swept = await sweepUploads(api.context, Date.now() + 25 * 3600_000);
      assert.ok(swept.uploads >= 1);
      assertError(await manager.get(`/api/uploads/${expiring.body.id}`), 404, 'NOT_FOUND');
      assert.equal(await api.context.storage.size(key), null);
      assert.equal((await manager.get(`/api/uploads/${used.body.id}`)).status, 200);
    });

    it('refuses uploads to another team, and without a session or the role', async () => {
      assertError(await manager.upload('x.csv', 'a,b\n1,2\n', `?teamId=${api.fixtures.south.id}`), 404, 'NOT_FOUND');
      assertError(await api.client().upload('x.csv', 'a,b\n1,2\n'), 401, 'UNAUTHENTICATED');
      assertError(await (await api.signedIn('agentNorth')).upload('x.csv', 'a,b\n1,2\n'), 403, 'FORBIDDEN');
    });
  },
  { environment: { INTAKE_UPLOAD_MAX_BYTES: String(LIMIT) } },
);

describeApiOnPostgres(
  'uploads kept in the database',
  (api) => {
    it('refuses an upload over the limit with 413 and leaves no chunk or file row behind', async () => {
      const manager = await api.signedIn('managerNorth');
      assertError(await manager.upload('big.csv', `a,b\n${'x'.repeat(LIMIT)}\n`), 413, 'UPLOAD_TOO_LARGE');
      const { rows } = await sql<{ files: number | string; chunks: number | string }>`
        select (select count(*) from stored_files) as files, (select count(*) from stored_file_chunks) as chunks`.execute(api.database.app.db);
      assert.deepEqual([Number(rows[0]?.files), Number(rows[0]?.chunks)], [0, 0]);
      assert.equal(await countUploads(api), 0);
      const stored = await manager.upload<{ id: number; size: number }>('ok.csv', 'a,b\n1,2\n');
      assert.equal(stored.status, 201, stored.text);
      assert.equal((await manager.get<{ size: number }>(`/api/uploads/${stored.body.id}`)).body.size, 8);
    });
  },
  { environment: { INTAKE_UPLOAD_MAX_BYTES: String(LIMIT), INTAKE_STORAGE: 'postgres' } },
);
