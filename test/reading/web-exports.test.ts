// The "Excel" files web applications export: a web page of HTML tables, or an Excel 2003 XML spreadsheet, saved as
// .xls. Excel opens both (after a warning), so a supervisor expects them to import.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { previewSource } from '../../src/imports/reading/index.js';
import { createFixtureFolder, expectAppError, readWhole, valuesOf } from './support/reading-fixtures.js';

const page = (head: string, rows: string[][]): string =>
  `<html><head>${head}</head><body><table>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}</table></body></html>`;

const CHINESE_NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄丽', '周杰', '吴刚', '徐明', '孙燕'];

describe('web exports saved as .xls (or .xml, .htm, .html)', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  test('reads an HTML table as a sheet: cells as the page shows them, character references decoded', async () => {
    const html = page('<meta charset="utf-8">', [
      ['Name', 'Phone', 'Zip', 'Note'],
      ['Jos&eacute; Mar&#237;a', '0049 30 1234567', '02134', 'R&amp;D &lt;lab&gt;'],
      ['Zo&euml; &#x4E2D;', '1,234.50', '2024-01-02', 'line one<br>line two'],
    ]);
    const result = await readWhole(folder.write('export.xls', html));
    assert.equal(result.format, 'xls');
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(result.headers, ['Name', 'Phone', 'Zip', 'Note']);
    assert.deepEqual(result.records, [
      { line: 2, values: ['José María', '0049 30 1234567', '02134', 'R&D <lab>'] },
      { line: 3, values: ['Zoë 中', '1,234.50', '2024-01-02', 'line one\nline two'] },
    ]);
  });

  test('decodes the page in the encoding it declares, or the one its text is in', async () => {
    const declared = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', [['Nom', 'Ville'], ['Zoé Lefèvre', 'Orléans']]);
    const latin = await readWhole(folder.write('latin.xls', iconv.encode(declared, 'windows-1252')));
    assert.equal(latin.encoding, 'windows-1252');
    assert.deepEqual(valuesOf(latin), [['Zoé Lefèvre', 'Orléans']]);

    const rows = [['姓名', '手机', '地址'], ...CHINESE_NAMES.map((name, i) => [name, `1380013${String(i).padStart(4, '0')}`, `北京市朝阳区幸福路${i}号`])];
    const chinese = await readWhole(folder.write('gbk.xls', iconv.encode(page('', rows), 'gbk')));
    assert.match(chinese.encoding ?? '', /^(gbk|gb18030|gb2312)$/);
    assert.deepEqual([chinese.headers, ...valuesOf(chinese)], rows);

    const wide = await readWhole(folder.write('utf16.xls', iconv.encode(`\uFEFF${page('', [['Name'], ['Zoë']])}`, 'utf-16le')));
    assert.equal(wide.encoding, 'utf-16le');
    assert.deepEqual(valuesOf(wide), [['Zoë']]);

    const chosen = await readWhole(folder.write('chosen.xls', iconv.encode(page('', [['Name'], ['Zoë']]), 'windows-1252')), { encoding: 'windows-1252' });
    assert.deepEqual(valuesOf(chosen), [['Zoë']]);
  });

  test('each table of a page is a sheet to choose', async () => {
    const html = `<html><body><table><tr><td>Summary</td></tr></table><table><tr><td>name</td><td>phone</td></tr><tr><td>Ann</td><td>555</td></tr></table></body></html>`;
    const path = folder.write('two-tables.xls', html);
    const preview = await previewSource(path);
    assert.deepEqual(preview.sheets, ['Sheet1', 'Sheet2']);
    const second = await readWhole(path, { sheet: 'Sheet2' });
    assert.deepEqual([second.headers, ...valuesOf(second)], [['name', 'phone'], ['Ann', '555']]);
  });

  test('reads an Excel 2003 XML spreadsheet: its sheets, text as typed, numbers and dates as Excel shows them', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>
 <Worksheet ss:Name="Customers"><Table>
  <Row><Cell><Data ss:Type="String">name</Data></Cell><Cell><Data ss:Type="String">birthday</Data></Cell><Cell><Data ss:Type="String">score</Data></Cell><Cell><Data ss:Type="String">zip</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">Ann &amp; Bo</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-01-02T00:00:00.000</Data></Cell><Cell><Data ss:Type="Number">0.30000000000000004</Data></Cell><Cell><Data ss:Type="String">02134</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="Leads"><Table><Row><Cell><Data ss:Type="String">lead</Data></Cell></Row></Table></Worksheet>
</Workbook>`;
    const path = folder.write('spreadsheet-2003.xls', xml);
    const result = await readWhole(path);
    assert.deepEqual(result.sheets, ['Customers', 'Leads']);
    assert.deepEqual([result.headers, ...valuesOf(result)], [['name', 'birthday', 'score', 'zip'], ['Ann & Bo', '2024-01-02', '0.3', '02134']]);
    assert.deepEqual((await readWhole(path, { sheet: 'Leads' })).headers, ['lead']);
  });

  test('reads a page as a browser shows it: spans, line breaks, layout tables, no scripts; long cells and rows fail', async () => {
    const html = `<!DOCTYPE html><html><head><style>td { color: red }</style><script>var x = "<table><tr><td>no</td></tr></table>";</script></head>
<body><TABLE>
  <THEAD><TR><TH>Name</TH><TH colspan="2">Phones</TH><TH>Note</TH></TR></THEAD>
  <tbody>
  <tr><td>  Ann
        Lee </td><td>555-0101</td><td>555-0102</td><td>first line<br/>second   line</td></tr>
  <tr><td>Bo</td><td colspan=2>555-0103</td><td><table><tr><td>nested</td><td>text</td></tr></table></td></tr>
  <tr><td>Cy<td>555-0104<td><td>no closing tags
  <tr><td>${'x'.repeat(60)}</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
</tbody></TABLE></body></html>`;
    const result = await readWhole(folder.write('browser.xls', html), { limits: { maxCellLength: 50, maxColumns: 5 } });
    assert.deepEqual(result.headers, ['Name', 'Phones', 'Column 3', 'Note']);
    assert.deepEqual(result.records.slice(0, 3), [
      { line: 2, values: ['Ann Lee', '555-0101', '555-0102', 'first line\nsecond line'] },
      { line: 3, values: ['Bo', '555-0103', '', 'nested text'] },
      { line: 4, values: ['Cy', '555-0104', '', 'no closing tags'] },
    ]);
    assert.match(result.records[3]?.error ?? '', /Row 5 has 6 cells, beyond the limit of 5 columns\. Row 5, column 1: the value is 60 characters long, more than the limit of 50\./);
  });

  test('reads them under the names Excel, browsers and exporters give them: .xml, .htm, .html, even .csv', async () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Leads"><Table><Row><Cell><Data ss:Type="String">name</Data></Cell></Row><Row><Cell><Data ss:Type="String">Ann</Data></Cell></Row></Table></Worksheet></Workbook>';
    const saved = await readWhole(folder.write('Book1.xml', xml));
    assert.deepEqual([saved.sheets, saved.headers, ...valuesOf(saved)], [['Leads'], ['name'], ['Ann']]);
    for (const name of ['export.htm', 'export.html', 'export.csv']) {
      const result = await readWhole(folder.write(name, page('<meta charset="utf-8">', [['name', 'phone'], ['Zoë', '4155550134']])));
      assert.deepEqual([result.headers, ...valuesOf(result)], [['name', 'phone'], ['Zoë', '4155550134']], name);
    }
  });

  test('refuses an XML spreadsheet that declares entities or is too big to read whole, and a page nested too deep', async () => {
    const entities = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&b;</Data></Cell></Row></Table></Worksheet></Workbook>';
    await expectAppError(readWhole(folder.write('entities.xls', entities)), 'FILE_FORMAT_UNSUPPORTED', /declares XML entities/);
    const row = '<Row><Cell><Data ss:Type="String">Customer</Data></Cell><Cell><Data ss:Type="String">4155550134</Data></Cell></Row>\n';
    const big = `<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A"><Table>${row.repeat(45_000)}</Table></Worksheet></Workbook>`;
    await expectAppError(readWhole(folder.write('big-2003.xls', big)), 'FILE_TOO_LARGE', /is an Excel 2003 XML spreadsheet of \d+(\.\d)? MiB; such a file is read whole, and only up to 4 MiB/);
    // Nested deeper than any export (htmlparser2 would take half a minute over 2 MB of it): refused at once.
    const deep = `<table><tr><td>name</td></tr><tr><td>${'<div>'.repeat(200_000)}Ann${'</div>'.repeat(200_000)}</td></tr></table>`;
    await expectAppError(readWhole(folder.write('deep.xls', deep)), 'FILE_UNREADABLE', /elements are nested more than 1,000 deep/);
    await expectAppError(readWhole(folder.write('no-table.xls', '<html><body><p>Session expired. Please log in.</p></body></html>')), 'FILE_EMPTY', /is a web page with no table in it/);
  });
});
