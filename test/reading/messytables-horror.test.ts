import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { corpusFolder } from './support/reading-fixtures.js';
import type { PreviewOutcome } from './support/preview-worker.js';

const folder = corpusFolder('messytables-horror');
const files = readdirSync(folder).sort();
const LIMIT_MS = 10_000;
const REFUSAL_CODES = new Set(['FILE_EMPTY', 'FILE_ENCRYPTED', 'FILE_FORMAT_UNSUPPORTED', 'FILE_UNREADABLE', 'FILE_TOO_LARGE', 'ZIP_BOMB', 'TOO_MANY_COLUMNS', 'BAD_INPUT']);

/**
 * Previews files one after another in a worker thread (loaded once), each stopped after
 * LIMIT_MS: a preview that hangs fails its test and the worker is replaced for the next file.
 */
function createPreviewer(): { preview(path: string): Promise<PreviewOutcome | 'timeout'>; stop(): Promise<void> } {
  let worker: Worker | null = null;
  const start = (): Worker => new Worker(new URL('./support/preview-worker.js', import.meta.url));
  return {
    preview(path) {
      const current = worker ?? start();
      worker = current;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          current.removeAllListeners();
          void current.terminate();
          worker = null;
          resolve('timeout');
        }, LIMIT_MS);
        current.once('message', (outcome: PreviewOutcome) => {
          clearTimeout(timer);
          current.removeAllListeners('error');
          resolve(outcome);
        });
        current.once('error', (error) => {
          clearTimeout(timer);
          worker = null;
          reject(error);
        });
        current.postMessage(path);
      });
    },
    async stop() {
      await worker?.terminate();
    },
  };
}

const previewer = createPreviewer();
const outcomes = new Map<string, PreviewOutcome>();

describe('messytables horror files', () => {
  after(() => previewer.stop());

  test('the folder holds the messy files', () => {
    assert.ok(files.length >= 35, `only ${files.length} files in ${folder}`);
  });

  for (const name of files) {
    test(`${name} is read or refused with a clear error, within 10 s`, async () => {
      const outcome = await previewer.preview(join(folder, name));
      assert.notEqual(outcome, 'timeout', `${name}: the preview took more than ${LIMIT_MS / 1000} s`);
      if (outcome === 'timeout') return;
      outcomes.set(name, outcome);
      if (outcome.kind === 'crashed') assert.fail(`${name} crashed the reader: ${outcome.message}`);
      if (outcome.kind === 'refused') {
        assert.ok(REFUSAL_CODES.has(outcome.code), `${name}: unexpected error code ${outcome.code}`);
        assert.ok(outcome.message.includes(name), `${name}: the message does not name the file: ${outcome.message}`);
        return;
      }
      assert.ok(outcome.headers.length > 0, `${name}: no headers`);
      assert.ok(outcome.headers.every((header) => header.trim() !== ''), `${name}: a blank header`);
      assert.equal(new Set(outcome.headers.map((header) => header.toLowerCase())).size, outcome.headers.length, `${name}: repeated headers`);
      assert.ok(outcome.rows.length <= 10, `${name}: more than 10 preview rows`);
    });
  }

  test('reads the plain files the way a person sees them', () => {
    const read = (name: string): Extract<PreviewOutcome, { kind: 'read' }> => {
      const outcome = outcomes.get(name);
      assert.equal(outcome?.kind, 'read', `${name}: ${JSON.stringify(outcome)}`);
      return outcome as Extract<PreviewOutcome, { kind: 'read' }>;
    };
    for (const name of ['simple.csv', 'simple.ssv', 'simple.xls', 'simple.xlsx']) {
      assert.deepEqual(read(name).headers, ['date', 'temperature', 'place'], name);
      assert.deepEqual(read(name).rows[0], ['2011-01-01', '1', 'Galway'], name);
    }
    for (const name of ['simple.ods', 'blank_line.ods', 'loffice-4.4.1.2.ods']) {
      assert.deepEqual(read(name).headers, ['Name', 'Age', 'When'], name);
      assert.deepEqual(read(name).rows.slice(0, 2), [['Bob', '20', '2010-10-10'], ['Jane', '23', '2012-01-01']], name);
    }
    assert.equal(read('simple.ssv').delimiter, ';');
    assert.equal(read('simple.psv').delimiter, '|');
    assert.equal(read('example.tsv').delimiter, '\t');
    assert.equal(read('utf-16le_encoded.csv').encoding, 'utf-16le');
    assert.equal(read('utf-16le_encoded.csv').headers[0], 'Organisation_code');
    assert.deepEqual(read('utf8bom.csv').headers, ['kitten', 'win']);
    assert.equal(read('spanish_chars.csv').headers[7], 'Descripción');
    assert.equal(read('characters.csv').headers[1], '景點編號');
    assert.deepEqual(read('unicode_sheet_name.xls').sheets, ['mês']);
    assert.deepEqual(read('large.xlsx').sheets, ['Report', 'data', 'criteria']);
  });

  test('refuses the encrypted and empty files with the reason; reads a zip archive of one CSV as that CSV', () => {
    assert.deepEqual(outcomes.get('encrypted_no_password.xls'), {
      kind: 'refused', code: 'FILE_ENCRYPTED',
      message: "'encrypted_no_password.xls' is password-protected: password-protected files are not supported. Remove the password in your spreadsheet program, save, and upload it again.",
    });
    assert.equal((outcomes.get('simple.unknown') as { code?: string } | undefined)?.code, 'FILE_EMPTY');
    // messytables reads it as the table inside too.
    const zipped = outcomes.get('simple.zip');
    const plain = outcomes.get('simple.csv');
    assert.equal(zipped?.kind, 'read', JSON.stringify(zipped));
    assert.deepEqual(zipped?.kind === 'read' && plain?.kind === 'read' ? [zipped.headers, zipped.rows] : null, plain?.kind === 'read' ? [plain.headers, plain.rows] : 'simple.csv unread');
    assert.equal((outcomes.get('libreoffice.xlsx') as { code?: string } | undefined)?.code, 'FILE_EMPTY');
  });
});
