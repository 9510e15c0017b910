// Lists sent compressed: a gzip file, or a zip archive of one CSV or spreadsheet, are read as the file inside; what
// is no list, or more than one, is refused naming what it holds; nothing taken out is left behind.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { wholeReadHeapMb } from '../../src/imports/reading/index.js';
import { createFixtureFolder, expectAppError, readWhole, valuesOf } from './support/reading-fixtures.js';
import { craftXlsx, inlineCell, zipStrings } from './support/workbook-builders.js';

describe('compressed lists', () => {
  const folder = createFixtureFolder();
  const scratchDir = mkdtempSync(join(tmpdir(), 'intake-scratch-'));
  after(() => {
    folder.remove();
    rmSync(scratchDir, { recursive: true, force: true });
  });
  const leftBehind = () => readdirSync(scratchDir);

  test('reads a gzip file as the file inside, its encoding and delimiter detected there, and leaves nothing behind', async () => {
    const csv = iconv.encode('Nom;Téléphone;Ville\r\nAnaïs Lefèvre;06 12 34 56 78;Besançon\r\nBenoît Ça;06 12 34 56 79;Orléans\r\n', 'windows-1252');
    const result = await readWhole(folder.write('clients.csv.gz', gzipSync(csv)), { country: 'FR', scratchDir });
    assert.deepEqual([result.format, result.encoding, result.delimiter], ['csv', 'windows-1252', ';']);
    assert.deepEqual([result.headers, ...valuesOf(result)], [['Nom', 'Téléphone', 'Ville'], ['Anaïs Lefèvre', '06 12 34 56 78', 'Besançon'], ['Benoît Ça', '06 12 34 56 79', 'Orléans']]);
    assert.deepEqual(leftBehind(), []);
  });

  test("reads a zip archive of one list (beside macOS's __MACOSX folder and .DS_Store), a CSV or a workbook", async () => {
    const csv = zipStrings({ 'export/leads.csv': 'Name,Phone\nAnn Lee,415-555-0134\n', '__MACOSX/export/._leads.csv': 'junk', 'export/.DS_Store': 'x', 'export/': '' });
    assert.deepEqual(valuesOf(await readWhole(folder.write('leads.zip', csv), { scratchDir })), [['Ann Lee', '415-555-0134']]);
    const workbook = craftXlsx({ sheets: [{ name: 'Leads', rowsXml: `<row r="1">${inlineCell('A1', 'Name')}${inlineCell('B1', 'Phone')}</row><row r="2">${inlineCell('A2', 'Bo Chen')}${inlineCell('B2', '415-555-0135')}</row>` }] });
    const zipped = await readWhole(folder.write('leads-xlsx.zip', zipStrings({ 'Leads.xlsx': workbook })), { scratchDir });
    assert.deepEqual([zipped.format, zipped.sheet, ...valuesOf(zipped)], ['xlsx', 'Leads', ['Bo Chen', '415-555-0135']]);
    // An XLSX is a zip itself, and stays one workbook.
    assert.equal((await readWhole(folder.write('plain.xlsx', workbook), { scratchDir })).sheet, 'Leads');
    assert.deepEqual(leftBehind(), []);
  });

  test('refuses an archive of several files or none, an archive in an archive, a tar, naming what they hold', async () => {
    await expectAppError(readWhole(folder.write('two.zip', zipStrings({ 'a.csv': 'Name\nA\n', 'b.csv': 'Name\nB\n' })), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED',
      /^'two\.zip' is a zip archive of 2 files \('a\.csv', 'b\.csv'\)\. Upload the list itself: a zip archive may hold one CSV or spreadsheet\.$/);
    await expectAppError(readWhole(folder.write('folders.zip', zipStrings({ 'docs/': '', '__MACOSX/._x': 'y' })), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED', /is a zip archive of no file/);
    const inner = zipStrings({ 'leads.csv': 'Name\nA\n' });
    await expectAppError(readWhole(folder.write('nested.zip', zipStrings({ 'leads.zip': inner })), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED',
      /^'leads\.zip \(in nested\.zip\)' is an archive inside the archive 'nested\.zip'/);
    await expectAppError(readWhole(folder.write('nested.csv.gz', gzipSync(gzipSync('Name\nA\n'))), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED', /is an archive inside the archive 'nested\.csv\.gz'/);
    // Gnumeric's own workbook is gzipped XML: what it is, and how to save it as a workbook we read.
    const gnumeric = '<?xml version="1.0" encoding="UTF-8"?>\n<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets/></gnm:Workbook>\n';
    await expectAppError(readWhole(folder.write('leads.gnumeric', gzipSync(gnumeric)), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED', /is a Gnumeric workbook\. Open it in Gnumeric, save it as XLSX or ODS/);
    const tar = Buffer.alloc(1024);
    tar.write('leads.csv', 0);
    tar.write('ustar', 257);
    await expectAppError(readWhole(folder.write('leads.tar', tar), { scratchDir }), 'FILE_FORMAT_UNSUPPORTED', /is a tar archive/);
    assert.deepEqual(leftBehind(), []);
  });

  test('refuses a gzip bomb and a damaged gzip file before filling the disk, and leaves nothing behind', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('Name,Phone\n'), Buffer.alloc(64 * 1024 ** 2, 0x41)]));
    await expectAppError(readWhole(folder.write('bomb.csv.gz', bomb), { scratchDir }), 'ZIP_BOMB', /^'bomb\.csv\.gz' was refused as unsafe: it inflates more than 200 times/);
    const damaged = gzipSync(`Name,Note\n${Array.from({ length: 2000 }, () => `Ann,${randomBytes(24).toString('hex')}`).join('\n')}\n`).subarray(0, 4000);
    await expectAppError(readWhole(folder.write('cut.csv.gz', damaged), { scratchDir }), 'FILE_UNREADABLE', /^'cut\.csv\.gz' is a damaged gzip file/);
    assert.deepEqual(leftBehind(), []);
  });

  test("gives the reading thread the heap an XLS inside an archive needs, told by its name and size", async () => {
    const xls = randomBytes(2 * 1024 ** 2); // as little compressible as a real XLS's numbers and strings
    assert.equal(await wholeReadHeapMb(folder.write('book.xls.gz', gzipSync(xls))), Math.ceil(2 * 40) + 64);
    assert.equal(await wholeReadHeapMb(folder.write('book-xls.zip', zipStrings({ 'Book.xls': xls }))), Math.ceil(2 * 40) + 64);
    assert.equal(await wholeReadHeapMb(folder.write('leads.csv.gz', gzipSync('Name\nA\n'))), 0);
  });
});
