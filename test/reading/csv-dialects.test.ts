import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSource } from '../../src/imports/reading/index.js';
import { matchHeaders } from '../../src/imports/mapping/header-matching.js';
import { STANDARD_FIELDS } from '../../src/imports/targets.js';
import { Worker } from 'node:worker_threads';
import { createFixtureFolder, readWhole, valuesOf } from './support/reading-fixtures.js';
import type { PreviewOutcome } from './support/preview-worker.js';

describe('CSV dialects', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  const ROWS = [['name', 'phone', 'city'], ['Ann Lee', '415-555-0134', 'San Francisco'], ['Bo Chen', '+86 138 0013 8000', 'Beijing'], ['Cleo Diaz', '(212) 555-0199', 'New York']];

  test('reads a list exported without a header: its first row is a record, its columns "Column 1" …', async () => {
    const customers = await readWhole(folder.write('no-header.csv', 'Ann Lee,415-555-0134,ann@example.com\nBo Chen,212-555-0199,bo@example.com\n'));
    assert.deepEqual(customers.headers, ['Column 1', 'Column 2', 'Column 3']);
    assert.deepEqual(customers.records, [{ line: 1, values: ['Ann Lee', '415-555-0134', 'ann@example.com'] }, { line: 2, values: ['Bo Chen', '212-555-0199', 'bo@example.com'] }]);
    // A blacklist of bare numbers, one a line: every number is one, the first too.
    const numbers = await readWhole(folder.write('numbers.txt', '4155550134\n+1 212 555 0199\n'));
    assert.deepEqual([numbers.headers, ...valuesOf(numbers)], [['Column 1'], ['4155550134'], ['+1 212 555 0199']]);
    // Column names, even with digits in them, are a header.
    const named = await readWhole(folder.write('named.csv', 'Name,Phone 1,2024\nAnn,4155550134,7\n'));
    assert.deepEqual(named.headers, ['Name', 'Phone 1', '2024']);
  });

  test("reads FileMaker's exports: a vertical tab is a line break in a field, a group separator one between a repeating field's values", async () => {
    // Every record has them (an address on two lines, two phones): the file was refused as binary data.
    const rows = Array.from({ length: 40 }, (_, i) => `"Person ${i}","415-555-${String(1000 + i)}\x1d415-555-${String(2000 + i)}","${i} Main St\vApt ${i}"`);
    const csv = await readWhole(folder.write('filemaker.csv', `"Name","Phone","Address"\r${rows.join('\r')}\r`));
    assert.equal(csv.records.length, 40);
    assert.deepEqual(csv.records[1], { line: 3, values: ['Person 1', '415-555-1001\n415-555-2001', '1 Main St\nApt 1'] });
    const tab = await readWhole(folder.write('filemaker.tab', 'Name\tAddress\rAnn Lee\t12 Main St\vApt 4\rBo Chen\tx\r'));
    assert.deepEqual([tab.headers, ...valuesOf(tab)], [['Name', 'Address'], ['Ann Lee', '12 Main St\nApt 4'], ['Bo Chen', 'x']]);
  });

  test('reads a fixed-width report (columns padded with spaces, no delimiter) as its columns; a list of names stays one column', async () => {
    const lines = ['CUSTOMER NAME        PHONE NUMBER    CITY', 'Ann Lee              415-555-0134    San Francisco', 'Cleo Diaz, Jr.       415 555 0136    New York'];
    for (let i = 0; i < 300; i++) lines.push(`${`Lead ${i}`.padEnd(21)}${`415-555-${String(1000 + i)}`.padEnd(16)}Boston`);
    const report = await readWhole(folder.write('report.txt', `${lines.join('\n')}\n`));
    assert.equal(report.delimiter, null);
    assert.deepEqual(report.headers, ['CUSTOMER NAME', 'PHONE NUMBER', 'CITY']);
    assert.deepEqual(report.records.slice(0, 2), [{ line: 2, values: ['Ann Lee', '415-555-0134', 'San Francisco'] }, { line: 3, values: ['Cleo Diaz, Jr.', '415 555 0136', 'New York'] }]);
    assert.deepEqual(report.records.at(-1), { line: 303, values: ['Lead 299', '415-555-1299', 'Boston'] });
    const names = await readWhole(folder.write('names.txt', 'Name\nAnn Lee\nBob Ray\nCyd Dee\n'));
    assert.deepEqual([names.delimiter, names.headers, ...valuesOf(names)], [',', ['Name'], ['Ann Lee'], ['Bob Ray'], ['Cyd Dee']]);
  });

  for (const [delimiter, label, extension] of [[',', 'comma', 'csv'], [';', 'semicolon', 'csv'], ['\t', 'tab', 'txt'], ['|', 'pipe', 'txt']] as const) {
    test(`sniffs the ${label} delimiter and splits on it`, async () => {
      const path = folder.write(`sniff-${label}.${extension}`, `${ROWS.map((row) => row.join(delimiter)).join('\n')}\n`);
      const result = await readWhole(path);
      assert.equal(result.delimiter, delimiter);
      assert.deepEqual([result.headers, ...valuesOf(result)], ROWS);
    });
  }

  test('previews a list followed by a million empty rows (Excel saves its formatted empty rows as ",,,") in a small heap', async () => {
    const path = folder.write('empty-tail.csv', `Name,Phone,Email,City\nAnn Lee,415-555-0134,ann@example.com,SF\n${',,,\n'.repeat(1_000_000)}`);
    // The empty rows were kept while the reader looked for the header's records below it: a job ran out of memory.
    const worker = new Worker(new URL('./support/preview-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 48 } });
    try {
      const outcome = await new Promise<PreviewOutcome>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(path);
      });
      assert.equal(outcome.kind, 'read', JSON.stringify(outcome).slice(0, 300));
      if (outcome.kind === 'read') assert.deepEqual(outcome.rows, [['Ann Lee', '415-555-0134', 'ann@example.com', 'SF']]);
    } finally {
      await worker.terminate();
    }
    const whole = await readWhole(path);
    assert.deepEqual(whole.records.length, 1);
    assert.equal(whole.emptyRowsSkipped, 1_000_000);
  });

  test("fails the lines of a report's footer under the records as no records; lone names with records after them are records", async () => {
    const report = await readWhole(folder.write('salesforce.csv', [
      '"Full Name","Title","Account Name","Phone"', '"Ann Lee","CEO","Acme","415-555-0134"', '"Bo Chen","CTO","Beta","212-555-0199"', '',
      '"Grand Totals (2 records)"', '', '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
      '"Generated By:  Ann Admin  11/28/2026 10:00 AM"', '"Acme Corp"', '',
    ].join('\r\n')));
    assert.deepEqual(report.records.map((record) => record.error?.replace(/ \(.*/, '') ?? record.values[0]), [
      'Ann Lee', 'Bo Chen', "Line 5 is a line of a report's footer", "Line 7 is a line of a report's footer", "Line 8 is a line of a report's footer",
      "Line 9 is a line of a report's footer", "Line 10 is a line of a report's footer",
    ]);
    const totalled = await readWhole(folder.write('totalled.csv', 'Name,Phone,Calls\nAnn,415-555-0134,3\nTotal,,3\n\nPrinted on 28/11/2026\n'));
    assert.deepEqual(totalled.records.map((record) => record.error?.replace(/ \(.*/, '') ?? record.values[0]), [
      'Ann', 'Line 3 is a totals line', "Line 5 is a line of a report's footer",
    ]);
    const names = await readWhole(folder.write('lone-names.csv', 'Name,Phone,City\nAnn,415-555-0134,SF\n\nBo\nCy\n\nDi,415-555-0135,LA\nEd\n'));
    assert.deepEqual(names.records.map((record) => record.error ?? record.values[0]), ['Ann', 'Bo', 'Cy', 'Di', 'Ed']);
  });

  test('sniffs the delimiter past commas inside values', async () => {
    const text = 'name;note;amount\n"Lee, Ann";"call back, after 5";"1,50"\n"Chen, Bo";"VIP";"2,75"\n';
    const result = await readWhole(folder.write('semicolon-with-commas.csv', text));
    assert.equal(result.delimiter, ';');
    assert.deepEqual(valuesOf(result), [['Lee, Ann', 'call back, after 5', '1,50'], ['Chen, Bo', 'VIP', '2,75']]);
  });

  test('uses the delimiter the user chose over the sniffed one', async () => {
    const result = await readWhole(folder.write('override-delimiter.csv', 'a;b,c\n1;2,3\n'), { delimiter: ';' });
    assert.equal(result.delimiter, ';');
    assert.deepEqual(result.headers, ['a', 'b,c']);
  });

  test('reads quoted values holding delimiters, quotes and line breaks, with the line each record starts on', async () => {
    const text = 'name,note,phone\r\n"Lee, Ann","said ""call me""\r\nafter 5pm",415-555-0134\r\nBo,"two\nline\nnote",555\r\nCleo,plain,556\r\n';
    const result = await readWhole(folder.write('quoted.csv', text));
    assert.deepEqual(result.records, [
      { line: 2, values: ['Lee, Ann', 'said "call me"\r\nafter 5pm', '415-555-0134'] },
      { line: 4, values: ['Bo', 'two\nline\nnote', '555'] },
      { line: 7, values: ['Cleo', 'plain', '556'] },
    ]);
  });

  test('passes over a report title above the header, keeping the lines of the records; skip top still counts from the top', async () => {
    const text = 'Customer list 2026\n\nExported 2026-11-01,,\nname,phone,city\nAnn Lee,415-555-0134,Boston\nBo Chen,212-555-0199,\n';
    const result = await readWhole(folder.write('titled.csv', text));
    assert.deepEqual(result.headers, ['name', 'phone', 'city']);
    assert.deepEqual(result.records, [
      { line: 5, values: ['Ann Lee', '415-555-0134', 'Boston'] },
      { line: 6, values: ['Bo Chen', '212-555-0199', ''] },
    ]);
    const skipped = await readWhole(folder.write('titled-skip.csv', text), { skipTop: 1 });
    assert.deepEqual([skipped.headers, ...valuesOf(skipped)], [['name', 'phone', 'city'], ['Ann Lee', '415-555-0134', 'Boston'], ['Bo Chen', '212-555-0199', '']]);
    const preview = await previewSource(folder.write('titled-preview.csv', text));
    assert.deepEqual(preview.headers, ['name', 'phone', 'city']);
    assert.deepEqual(preview.rows[0], ['Ann Lee', '415-555-0134', 'Boston']);
    // A list of one column keeps its first line as its header.
    const list = await readWhole(folder.write('one-column.csv', 'Do not call\n415-555-0134\n212-555-0199\n'));
    assert.deepEqual([list.headers, ...valuesOf(list)], [['Do not call'], ['415-555-0134'], ['212-555-0199']]);
  });

  test('splits lines an exporter quoted whole ("Ann Lee,415-555-0134,…") into their columns, quotes inside kept', async () => {
    const wrapped = await readWhole(folder.write('wrapped.csv', '"name,phone,city"\r\n"Ann Lee,415-555-0134,San Francisco"\r\n"Lee, Bo"\r\n"""Chen, Bo"",212-555-0199,New York"\r\n'));
    assert.equal(wrapped.delimiter, ',');
    assert.deepEqual(wrapped.headers, ['name', 'phone', 'city']);
    // A line of other columns is split all the same (and fails as a record would).
    assert.deepEqual(wrapped.records, [
      { line: 2, values: ['Ann Lee', '415-555-0134', 'San Francisco'] },
      { line: 3, values: ['Lee', ' Bo'] },
      { line: 4, values: ['Chen, Bo', '212-555-0199', 'New York'] },
    ]);
    const semicolons = await readWhole(folder.write('wrapped-semicolons.csv', '"Name;Address;Phone"\n"Ann Lee;""12 Main St; Apt 4"";415-555-0134"\n"Bo Chen;5 Elm St;415-555-0135"\n'));
    assert.equal(semicolons.delimiter, ';');
    assert.deepEqual(valuesOf(semicolons), [['Ann Lee', '12 Main St; Apt 4', '415-555-0134'], ['Bo Chen', '5 Elm St', '415-555-0135']]);
    // Every value quoted is an ordinary CSV; so is a list of one column whose quoted values hold commas.
    const quoted = await readWhole(folder.write('all-quoted.csv', '"name","phone"\n"Ann Lee","415-555-0134"\n'));
    assert.deepEqual([quoted.headers, ...valuesOf(quoted)], [['name', 'phone'], ['Ann Lee', '415-555-0134']]);
    const addresses = await readWhole(folder.write('one-column.csv', '"address"\n"12 Main St, Boston"\n"5 Elm St, Austin"\n'));
    assert.deepEqual([addresses.headers, ...valuesOf(addresses)], [['address'], ['12 Main St, Boston'], ['5 Elm St, Austin']]);
  });

  test("takes the delimiter from Excel's sep= first line, which is no record: the header is the line after it", async () => {
    // Commas in every value would win the sniffing; the sep= line says semicolon.
    const text = '\uFEFFsep=;\r\nname;note;phone\r\nLee, Ann;a, b, c;415-555-0134\r\nChen, Bo;x, y;555\r\n';
    const result = await readWhole(folder.write('excel-sep.csv', text));
    assert.equal(result.delimiter, ';');
    assert.deepEqual(result.headers, ['name', 'note', 'phone']);
    assert.deepEqual(result.records, [
      { line: 3, values: ['Lee, Ann', 'a, b, c', '415-555-0134'] },
      { line: 4, values: ['Chen, Bo', 'x, y', '555'] },
    ]);
    const skipped = await readWhole(folder.write('excel-sep-skip.csv', 'sep=,\nExport of 2026-11-29\nname,phone\nAnn,1\n'), { skipTop: 1 });
    assert.deepEqual([skipped.headers, ...valuesOf(skipped)], [['name', 'phone'], ['Ann', '1']]);
    const chosen = await readWhole(folder.write('excel-sep-chosen.csv', 'sep=;\nname|phone\nAnn|1\n'), { delimiter: '|' });
    assert.deepEqual([chosen.headers, ...valuesOf(chosen)], [['name', 'phone'], ['Ann', '1']]);
  });

  for (const [label, eol] of [['CRLF', '\r\n'], ['LF', '\n'], ['CR', '\r']] as const) {
    test(`reads ${label} line ends`, async () => {
      const result = await readWhole(folder.write(`eol-${label}.csv`, ROWS.map((row) => row.join(',')).join(eol) + eol));
      assert.deepEqual([result.headers, ...valuesOf(result)], ROWS);
      assert.deepEqual(result.records.map((record) => record.line), [2, 3, 4]);
    });
  }

  test('reads mixed line ends in one file, each counted as one line', async () => {
    const result = await readWhole(folder.write('eol-mixed.csv', 'name,phone\r\nAnn,1\nBo,2\rCleo,3\r\n\rDan,4'));
    assert.deepEqual(valuesOf(result), [['Ann', '1'], ['Bo', '2'], ['Cleo', '3'], ['Dan', '4']]);
    assert.deepEqual(result.records.map((record) => record.line), [2, 3, 4, 6]);
    assert.equal(result.emptyRowsSkipped, 1);
  });

  test('reads a text formula as its text: ="02134", as exports write values whose leading zeros Excel must keep', async () => {
    const result = await readWhole(folder.write('text-formulas.csv', 'name,zip,note\r\nAnn,="02134","=""He said """"hi"""""""\r\nBo,"=""00501""",=SUM(A1:A2)\r\nCy,="",= "x"\r\n'));
    assert.deepEqual(valuesOf(result), [['Ann', '02134', 'He said "hi"'], ['Bo', '00501', '=SUM(A1:A2)'], ['Cy', '', '= "x"']]);
  });

  test('drops the byte order mark from the first header, and those of files joined after it from their records', async () => {
    const result = await readWhole(folder.write('bom.csv', '\uFEFFname,phone\nAnn,1\n'));
    assert.deepEqual(result.headers, ['name', 'phone']);
    const joined = await readWhole(folder.write('joined.csv', '\uFEFFname,phone\r\nAnn,1\r\n\uFEFFBo,2\r\n\uFEFFname,phone\r\nCy,3\r\n'));
    assert.deepEqual(valuesOf(joined), [['Ann', '1'], ['Bo', '2'], ['name', 'phone'], ['Cy', '3']]);
  });

  test('skips the top N records, then takes the first non-empty row as the header', async () => {
    const text = 'Customer export\nGenerated 2024-05-01\n\n,,\nname,phone\nAnn,1\n\nBo,2\n';
    const result = await readWhole(folder.write('skip-top.csv', text), { skipTop: 2 });
    assert.deepEqual(result.headers, ['name', 'phone']);
    assert.deepEqual(result.records, [{ line: 6, values: ['Ann', '1'] }, { line: 8, values: ['Bo', '2'] }]);
    assert.equal(result.emptyRowsSkipped, 1);
    const preview = await previewSource(folder.write('skip-top-preview.csv', text), { skipTop: 2 });
    assert.deepEqual(preview.rows, [['Ann', '1'], ['Bo', '2']]);
  });

  test('makes blank and repeated header names unique', async () => {
    const result = await readWhole(folder.write('header-names.csv', 'phone,,Phone, phone ,name,\n1,2,3,4,5,6\n'));
    assert.deepEqual(result.headers, ['phone', 'Column 2', 'Phone (2)', 'phone (3)', 'name', 'Column 6']);
  });

  test("fails a line with a value right of the header's columns (a comma not quoted moved it right), not its trailing empty cells", async () => {
    const result = await readWhole(folder.write('ragged.csv', 'Name,Phone,Address\nAnn Lee,415-555-0134,12 Main St,\nBo Chen,212-555-0199,9 Elm St, Apt 4\nCleo Diaz,212-555-0100\nDi Poe,212-555-0101,1 Oak Rd,,,\n'));
    assert.deepEqual(result.headers, ['Name', 'Phone', 'Address']);
    assert.deepEqual(result.records.map((record) => record.error?.replace(/: no column takes it.*$/s, '') ?? record.values[0]), [
      'Ann Lee', `Line 3 has a value in column 4 ("Apt 4"), right of the header's last column (3, "Address")`, 'Cleo Diaz', 'Di Poe',
    ]);
    assert.match(result.records[1]?.error ?? '', /quote it\. If the column holds values of its own, give it a name in the header row\.$/);
    // Values in a column without a name in two or more of the first records: a column, named "Column 4".
    const unnamed = await readWhole(folder.write('unnamed.csv', 'Name,Phone,City\nAnn Lee,415-555-0134,Boston,VIP\nBo Chen,212-555-0199,Austin\nCleo Diaz,212-555-0100,Dallas,call after 5\n'));
    assert.deepEqual(unnamed.headers, ['Name', 'Phone', 'City', 'Column 4']);
    assert.ok(unnamed.records.every((record) => record.error === undefined));
  });

  test('skips and counts empty rows, including rows of empty cells', async () => {
    const result = await readWhole(folder.write('empty-rows.csv', 'name,phone\n\nAnn,1\n,\n  ,  \nBo,2\n\n'));
    assert.deepEqual(valuesOf(result), [['Ann', '1'], ['Bo', '2']]);
    assert.equal(result.emptyRowsSkipped, 4);
  });

  test('reads a header with no records as headers and no rows', async () => {
    const result = await readWhole(folder.write('header-only.csv', 'name,phone,email\r\n'));
    assert.deepEqual(result.headers, ['name', 'phone', 'email']);
    assert.deepEqual(result.records, []);
  });

  test('takes __proto__ and constructor as plain header names, matching them to nothing and polluting nothing', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await readWhole(folder.write('proto.csv', '__proto__,constructor,phone,toString\n{"polluted":1},x,415-555-0134,y\n'));
    assert.deepEqual(result.headers, ['__proto__', 'constructor', 'phone', 'toString']);
    assert.deepEqual(valuesOf(result), [['{"polluted":1}', 'x', '415-555-0134', 'y']]);
    const matches = matchHeaders({ headers: result.headers, samples: valuesOf(result), fields: STANDARD_FIELDS.individual });
    assert.deepEqual(matches.map((match) => match?.field ?? null), [null, null, 'phone', null]);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
