import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8 } from 'fflate';
import { corpusFolder, createFixtureFolder, expectAppError, readWhole } from './support/reading-fixtures.js';
import { craftOds, craftXlsx, inlineCell, zipStrings } from './support/workbook-builders.js';

const ENCRYPTED = /password-protected files are not supported/;

/** A worksheet of `rows` rows of varied numbers (compresses only a few times). */
function variedRows(rows: number): string {
  let xml = '';
  let seed = 12_345;
  for (let r = 1; r <= rows; r++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    xml += `<row r="${r}"><c r="A${r}"><v>${seed}</v></c><c r="B${r}"><v>${seed % 9_973}</v></c></row>`;
  }
  return xml;
}

/** Rewrites the uncompressed size a zip declares for `name`, in its local header and its central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Buffer {
  const bytes = Buffer.from(zip);
  const encodedName = Buffer.from(name);
  let patched = 0;
  for (let at = 0; at + 46 <= bytes.length; at++) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50 && bytes.subarray(at + 30, at + 30 + encodedName.length).equals(encodedName) && bytes.readUInt16LE(at + 26) === encodedName.length) {
      bytes.writeUInt32LE(size, at + 22);
      patched++;
    } else if (signature === 0x02014b50 && bytes.subarray(at + 46, at + 46 + encodedName.length).equals(encodedName) && bytes.readUInt16LE(at + 28) === encodedName.length) {
      bytes.writeUInt32LE(size, at + 24);
      patched++;
    }
  }
  assert.equal(patched, 2, `the zip has no entry ${name} to patch`);
  return bytes;
}

describe('refusals', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  describe('zip bombs', () => {
    test('refuses an entry whose declared sizes inflate too many times, before inflating it', async () => {
      const sheet = `<row r="1">${inlineCell('A1', 'a')}</row>${'<row/>'.repeat(1_500_000)}`;
      const path = folder.write('ratio-bomb.xlsx', craftXlsx({ sheets: [{ name: 'S', rowsXml: sheet }] }));
      await expectAppError(readWhole(path), 'ZIP_BOMB', /^'ratio-bomb\.xlsx' was refused as unsafe: its entry 'xl\/worksheets\/sheet1\.xml' inflates \d+ times \(the limit is 200\)/);
    });

    test('refuses a zip whose entries declare more than the inflation limit in all', async () => {
      const path = folder.write('declared-total.xlsx', craftXlsx({ sheets: [{ name: 'S', rowsXml: variedRows(5_000) }] }));
      await expectAppError(readWhole(path, { limits: { maxInflatedBytes: 64 * 1024 } }), 'ZIP_BOMB', /it declares [\d.]+ (KiB|MiB) once inflated \(the limit is 64 KiB\)/);
    });

    test('catches an entry that inflates past the size it declares, while inflating', async () => {
      const honest = craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${inlineCell('A1', 'n')}</row>${variedRows(20_000)}` }] });
      const path = folder.write('lying-size.xlsx', declareSize(honest, 'xl/worksheets/sheet1.xml', 2_000));
      await expectAppError(readWhole(path), 'ZIP_BOMB', /its entry 'xl\/worksheets\/sheet1\.xml' inflates to more than it declares/);
    });

    test('caps the inflated total while inflating, whatever the entries declare', async () => {
      const honest = craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${inlineCell('A1', 'n')}</row>${variedRows(20_000)}` }] });
      const path = folder.write('lying-total.xlsx', declareSize(honest, 'xl/worksheets/sheet1.xml', 0));
      const error = await expectAppError(readWhole(path, { limits: { maxInflatedBytes: 256 * 1024 } }), 'ZIP_BOMB', /refused as unsafe/);
      assert.match(error.message, /inflates to more than (256 KiB|it declares)/);
    });

    test('refuses a zip with more entries than a spreadsheet has', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 10_001; i++) files[`xl/media/${i}.bin`] = '';
      const path = folder.write('many-entries.xlsx', zipStrings(files));
      await expectAppError(readWhole(path), 'ZIP_BOMB', /holds 10,001 entries, more than the 10,000 a spreadsheet needs/);
    });
  });

  describe('unsafe zips', () => {
    for (const name of ['../../evil.xml', 'xl/../../evil.xml', '/etc/cron.d/evil', 'C:\\Windows\\evil.xml']) {
      test(`refuses an entry named ${JSON.stringify(name)}`, async () => {
        const book = craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${inlineCell('A1', 'a')}</row>` }] });
        const files: Record<string, Uint8Array> = {};
        // Rebuild the same package with one more, unsafe entry.
        const unzipped = (await import('fflate')).unzipSync(book);
        Object.assign(files, unzipped, { [name]: strToU8('x') });
        const path = folder.write(`slip-${name.replace(/[^a-z]/gi, '_')}.xlsx`, zipStrings(files));
        await expectAppError(readWhole(path), 'FILE_UNREADABLE', /contains an entry with an unsafe name/);
      });
    }
  });

  describe('XML entities', () => {
    let server: Server;
    let requests = 0;
    let origin = '';
    before(async () => {
      server = createServer((_request, response) => {
        requests++;
        response.end('<!ENTITY leak "fetched">');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const LAUGHS = '<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';

    test('refuses entity expansion in the shared strings without expanding it', async () => {
      const path = folder.write('laughs.xlsx', craftXlsx({
        sharedStrings: `<?xml version="1.0"?>${LAUGHS}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol4;</t></si></sst>`,
        sheets: [{ name: 'S', rowsXml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      }));
      await expectAppError(readWhole(path), 'FILE_UNREADABLE', /its part 'xl\/sharedStrings\.xml' declares a DTD, which is refused for safety/);
    });

    test('refuses external entities in the shared strings and the sheet without fetching them', async () => {
      const external = `<!DOCTYPE sst SYSTEM "${origin}/dtd" [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "${origin}/entity">]>`;
      const inStrings = folder.write('xxe-strings.xlsx', craftXlsx({
        sharedStrings: `<?xml version="1.0"?>${external}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;&web;</t></si></sst>`,
        sheets: [{ name: 'S', rowsXml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      }));
      await expectAppError(readWhole(inStrings), 'FILE_UNREADABLE', /declares a DTD, which is refused for safety/);
      const inSheet = folder.write('xxe-sheet.xlsx', craftXlsx({
        sheets: [{ name: 'S', rowsXml: '' }],
        parts: { 'xl/worksheets/sheet1.xml': `<?xml version="1.0"?>${external.replace('sst', 'worksheet')}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>` },
      }));
      await expectAppError(readWhole(inSheet), 'FILE_UNREADABLE', /its part 'xl\/worksheets\/sheet1\.xml' declares a DTD/);
      const inOds = folder.write('xxe.ods', zipStrings({
        mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': `<?xml version="1.0"?>${external.replace('sst', 'office:document-content')}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`,
      }));
      await expectAppError(readWhole(inOds), 'FILE_UNREADABLE', /its part 'content\.xml' declares a DTD/);
      assert.equal(requests, 0, 'an external entity or DTD was fetched');
    });
  });

  describe('encrypted files', () => {
    test('refuses an encrypted XLSX (an OLE container with EncryptionInfo)', async () => {
      const container = XLSX.CFB.utils.cfb_new();
      XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
      XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
      const path = folder.write('secret.xlsx', XLSX.CFB.write(container, { type: 'buffer' }) as Buffer);
      await expectAppError(readWhole(path), 'FILE_ENCRYPTED', /^'secret\.xlsx' is password-protected: password-protected files are not supported\./);
    });

    test('refuses an encrypted XLS', async () => {
      await expectAppError(readWhole(join(corpusFolder('messytables-horror'), 'encrypted_no_password.xls')), 'FILE_ENCRYPTED', ENCRYPTED);
    });

    test('refuses an encrypted ODS', async () => {
      const ods = Buffer.from(craftOds([{ name: 'S', rowsXml: '' }]));
      const files = (await import('fflate')).unzipSync(ods);
      files['META-INF/manifest.xml'] = strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>');
      await expectAppError(readWhole(folder.write('secret.ods', zipStrings(files))), 'FILE_ENCRYPTED', ENCRYPTED);
    });
  });

  describe('files that are not what they say', () => {
    test('refuses a .xlsx that is not a zip', async () => {
      await expectAppError(readWhole(folder.write('renamed.xlsx', 'name,phone\nAnn,1\n')), 'FILE_FORMAT_UNSUPPORTED', /^'renamed\.xlsx' is named \.xlsx but is not an XLSX file \(it is not a zip archive\)/);
    });

    test('refuses binary junk named .csv', async () => {
      const junk = Buffer.alloc(4096);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 37 + (i >> 3)) & 0xff;
      await expectAppError(readWhole(folder.write('junk.csv', junk)), 'FILE_FORMAT_UNSUPPORTED', /^'junk\.csv' does not look like a text \(CSV\) file: it holds binary data/);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
      await expectAppError(readWhole(folder.write('photo.csv', png)), 'FILE_FORMAT_UNSUPPORTED', /^'photo\.csv' is a PNG image, not a spreadsheet/);
    });

    test('says how to export an Apple Numbers document or a Google Sheets shortcut instead of reading them', async () => {
      const numbers = zipStrings({ 'Index/Document.iwa': 'x', 'Metadata/Properties.plist': 'y' });
      await expectAppError(readWhole(folder.write('leads.numbers', numbers)), 'FILE_FORMAT_UNSUPPORTED', /^'leads\.numbers' is an Apple Numbers document\. In Numbers, choose File → Export To → Excel/);
      const shortcut = '{"url": "https://docs.google.com/spreadsheets/d/abc/edit?usp=drivesdk", "doc_id": "abc", "email": "ann@example.com"}';
      await expectAppError(readWhole(folder.write('leads.gsheet', shortcut)), 'FILE_FORMAT_UNSUPPORTED', /^'leads\.gsheet' is a Google Sheets shortcut, not the sheet's data/);
    });

    test('says what a vCard, a calendar, a JSON or an RTF file is instead of reading it as a CSV of garbage', async () => {
      const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nTEL;TYPE=CELL:+1 415 555 0134\r\nEND:VCARD\r\n';
      await expectAppError(readWhole(folder.write('contacts.vcf', card)), 'FILE_FORMAT_UNSUPPORTED', /^'contacts\.vcf' is a vCard file \(address-book contacts\), not a list\. Export the contacts as CSV/);
      await expectAppError(readWhole(folder.write('contacts.csv', `\uFEFF${card.toLowerCase()}`)), 'FILE_FORMAT_UNSUPPORTED', /is a vCard file/);
      await expectAppError(readWhole(folder.write('calls.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')), 'FILE_FORMAT_UNSUPPORTED', /^'calls\.ics' is a calendar \(iCalendar\) file/);
      await expectAppError(readWhole(folder.write('leads.txt', '[{"name": "Ann Lee", "phone": "+14155550134"}]')), 'FILE_FORMAT_UNSUPPORTED', /^'leads\.txt' is a JSON file, not a spreadsheet/);
      await expectAppError(readWhole(folder.write('leads.json', '\n  []')), 'FILE_FORMAT_UNSUPPORTED', /^'leads\.json' is a JSON file/);
      await expectAppError(readWhole(folder.write('table.csv', '{\\rtf1\\ansi\\trowd\\cellx1\\pard\\intbl Name\\cell\\row}')), 'FILE_FORMAT_UNSUPPORTED', /^'table\.csv' is an RTF document \(a word processor's\), not a list\. Copy its table into a spreadsheet/);
      // A CSV whose first header merely starts with a brace is still a CSV.
      const result = await readWhole(folder.write('braces.csv', '{id},Name\r\n1,Ann\r\n'));
      assert.deepEqual(result.headers, ['{id}', 'Name']);
    });

    test('refuses a 0-byte file', async () => {
      await expectAppError(readWhole(folder.write('empty.csv', '')), 'FILE_EMPTY', /^'empty\.csv' is empty \(0 bytes\)/);
    });

    test('refuses a file with nothing but empty lines', async () => {
      await expectAppError(readWhole(folder.write('blank.csv', '\r\n,,\r\n\r\n')), 'FILE_EMPTY', /^'blank\.csv' has no rows/);
    });

    test('reads a workbook with a header and no records as headers and no rows', async () => {
      const result = await readWhole(folder.write('header-only.xlsx', craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${inlineCell('A1', 'name')}${inlineCell('B1', 'phone')}</row>` }] })));
      assert.deepEqual([result.headers, result.records], [['name', 'phone'], []]);
    });
  });

  describe('size limits', () => {
    const wideHeader = Array.from({ length: 20_000 }, (_, i) => `c${i + 1}`).join(',');

    test('refuses a header of 20,000 columns, naming the limit', async () => {
      await expectAppError(readWhole(folder.write('wide.csv', `${wideHeader}\n1,2\n`)), 'BAD_INPUT', /^'wide\.csv': the header row could not be read\. Line 1 has 20000 columns, more than the limit of 2000\./);
      const cells = Array.from({ length: 20_000 }, (_, i) => `<c><v>${i}</v></c>`).join('');
      await expectAppError(readWhole(folder.write('wide.xlsx', craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${cells}</row>` }] }))), 'BAD_INPUT', /Row 1 has a value in column 2001, beyond the limit of 2000 columns/);
    });

    test('fails a record of 20,000 columns and reads the others', async () => {
      const result = await readWhole(folder.write('wide-record.csv', `a,b\n1,2\n${wideHeader}\n3,4\n`));
      assert.deepEqual(result.records.map((record) => [record.line, record.values.length, record.error ?? null]), [
        [2, 2, null], [3, 2_000, 'Line 3 has 20000 columns, more than the limit of 2000.'], [4, 2, null],
      ]);
    });

    test('fails a record with a 50,000-character cell, keeping the cell cut at the limit', async () => {
      const long = 'x'.repeat(50_000);
      const csv = await readWhole(folder.write('long-cell.csv', `a,b\n1,${long}\n2,ok\n`));
      assert.equal(csv.records[0]?.error, 'Line 2, column 2: the value is 50000 characters long, more than the limit of 32767.');
      assert.equal(csv.records[0]?.values[1]?.length, 32_767);
      assert.equal(csv.records[1]?.error, undefined);
      const xlsx = await readWhole(folder.write('long-cell.xlsx', craftXlsx({ sheets: [{ name: 'S', rowsXml: `<row r="1">${inlineCell('A1', 'a')}${inlineCell('B1', 'b')}</row><row r="2">${inlineCell('A2', '1')}${inlineCell('B2', long)}</row>` }] })));
      assert.equal(xlsx.records[0]?.error, 'Row 2, column 2: the value is 50000 characters long, more than the limit of 32767.');
      await expectAppError(readWhole(folder.write('long-header.csv', `a,${long}\n1,2\n`)), 'BAD_INPUT', /the header row could not be read\. Line 1, column 2: the value is 50000 characters long/);
    });
  });
});
