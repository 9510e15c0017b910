// The older sheet formats Excel still opens and saves: SYLK (.slk), DIF (.dif) and dBASE tables (.dbf). Read whole
// by SheetJS; a CSV that merely starts as one of them stays a CSV.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { createFixtureFolder, readWhole, valuesOf } from './support/reading-fixtures.js';

const ROWS = [['Name', 'Phone', 'Zip'], ['José Müller', '(415) 555-0401', '02134'], ['Ann Lee', '415-555-0402', '94105']];

function bookOf(rows: string[][]): XLSX.WorkBook {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Leads');
  return book;
}

/** A DIF file as Excel writes it: Windows-1252, a header of TABLE, VECTORS, TUPLES and DATA, a BOT per row. */
function excelDif(rows: string[][]): Buffer {
  let text = `TABLE\r\n0,1\r\n"EXCEL"\r\nVECTORS\r\n0,${rows[0]!.length}\r\n""\r\nTUPLES\r\n0,${rows.length}\r\n""\r\nDATA\r\n0,0\r\n""\r\n`;
  for (const row of rows) text += `-1,0\r\nBOT\r\n${row.map((cell) => `1,0\r\n"${cell}"\r\n`).join('')}`;
  return iconv.encode(`${text}-1,0\r\nEOD\r\n`, 'windows-1252');
}

describe('SYLK, DIF and dBASE files', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  test('reads a SYLK file in UTF-8 or in the Windows code page Excel writes it in', async () => {
    const sylk = XLSX.write(bookOf(ROWS), { type: 'string', bookType: 'sylk' }) as string;
    for (const [name, bytes] of [['leads.slk', Buffer.from(sylk, 'utf8')], ['leads-1252.slk', iconv.encode(sylk, 'windows-1252')]] as const) {
      const result = await readWhole(folder.write(name, bytes));
      assert.equal(result.format, 'xls');
      assert.deepEqual([result.headers, ...valuesOf(result)], ROWS, name);
    }
  });

  test("reads a DIF file as Excel writes it, and a dBASE table", async () => {
    const dif = await readWhole(folder.write('leads.dif', excelDif(ROWS)));
    assert.deepEqual([dif.headers, ...valuesOf(dif)], ROWS);
    const ascii = ROWS.map((row) => row.map((cell) => cell.replace('é', 'e').replace('ü', 'u')));
    const dbf = await readWhole(folder.write('leads.dbf', XLSX.write(bookOf(ascii), { type: 'buffer', bookType: 'dbf' }) as Buffer));
    assert.deepEqual([dbf.headers, ...valuesOf(dbf)], ascii);
  });

  test('a semicolon CSV whose first column is "ID" is a CSV, not a SYLK file; a .dbf of text is a CSV', async () => {
    const csv = await readWhole(folder.write('ids.csv', 'ID;Phone;Name\r\n1;415-555-0401;Ann\r\n2;415-555-0402;Bo\r\n'));
    assert.deepEqual([csv.format, csv.headers], ['csv', ['ID', 'Phone', 'Name']]);
    const text = await readWhole(folder.write('export.dbf', 'Name,Phone\r\nAnn,415-555-0401\r\n'));
    assert.deepEqual([text.format, text.headers], ['csv', ['Name', 'Phone']]);
  });
});
