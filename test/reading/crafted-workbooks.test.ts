import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { previewSource } from '../../src/imports/reading/index.js';
import { createFixtureFolder, expectAppError, readWhole, valuesOf } from './support/reading-fixtures.js';
import { craftFlatOds, craftOds, craftXlsx, inlineCell } from './support/workbook-builders.js';

describe('XLSX written by hand', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  test('reads numbers as Excel shows them: no exponent, no float noise, format zeros kept', async () => {
    const path = folder.write('numbers.xlsx', craftXlsx({
      numberFormats: '<numFmt numFmtId="164" formatCode="00000"/><numFmt numFmtId="165" formatCode="0.00%"/>',
      cellFormats: [0, 164, 165, 49],
      sheets: [{
        name: 'Data',
        rowsXml: `<row r="1">${inlineCell('A1', 'phone')}${inlineCell('B1', 'big')}${inlineCell('C1', 'noise')}${inlineCell('D1', 'zip')}${inlineCell('E1', 'rate')}${inlineCell('F1', 'text zip')}</row>`
          + '<row r="2"><c r="A2"><v>4155550134</v></c><c r="B2"><v>1.2345678901234567E+16</v></c><c r="C2"><v>0.30000000000000004</v></c><c r="D2" s="1"><v>501</v></c><c r="E2" s="2"><v>0.125</v></c><c r="F2" s="3" t="s"><v>0</v></c></row>'
          + '<row r="3"><c r="A3"><v>1E+21</v></c><c r="B3"><v>-1.5E-7</v></c><c r="C3"><v>100</v></c></row>',
      }],
      sharedStringItems: ['<si><t>02134</t></si>'],
    }));
    const result = await readWhole(path);
    assert.deepEqual(valuesOf(result), [
      ['4155550134', '12345678901234600', '0.3', '00501', '12.50%', '02134'],
      ['1000000000000000000000', '-0.00000015', '100'],
    ]);
  });

  test('reads dates in the 1900 system, with its 29 February 1900, and date-times', async () => {
    const path = folder.write('dates-1900.xlsx', craftXlsx({
      cellFormats: [0, 14, 22],
      sheets: [{ name: 'D', rowsXml: `<row r="1">${inlineCell('A1', 'a')}${inlineCell('B1', 'b')}${inlineCell('C1', 'c')}${inlineCell('D1', 'd')}</row><row r="2"><c r="A2" s="1"><v>45293</v></c><c r="B2" s="1"><v>60</v></c><c r="C2" s="1"><v>61</v></c><c r="D2" s="2"><v>45293.5</v></c></row>` }],
    }));
    assert.deepEqual(valuesOf(await readWhole(path)), [['2024-01-02', '1900-02-29', '1900-03-01', '2024-01-02T12:00:00']]);
  });

  test('reads dates in the 1904 system', async () => {
    const path = folder.write('dates-1904.xlsx', craftXlsx({
      isDate1904: true,
      cellFormats: [0, 14, 22],
      sheets: [{ name: 'D', rowsXml: `<row r="1">${inlineCell('A1', 'a')}${inlineCell('B1', 'b')}${inlineCell('C1', 'c')}</row><row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="1"><v>43831</v></c><c r="C2" s="2"><v>43831.25</v></c></row>` }],
    }));
    assert.deepEqual(valuesOf(await readWhole(path)), [['1904-01-01', '2024-01-02', '2024-01-02T06:00:00']]);
  });

  test('gives formulas their cached value, never computing one, and error cells their code', async () => {
    const path = folder.write('formulas.xlsx', craftXlsx({
      sheets: [{ name: 'F', rowsXml: `<row r="1">${inlineCell('A1', 'a')}${inlineCell('B1', 'b')}${inlineCell('C1', 'c')}${inlineCell('D1', 'd')}</row>`
        + '<row r="2"><c r="A2"><f>1+1</f><v>5</v></c><c r="B2" t="str"><f>"x"&amp;"y"</f><v>cached</v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' }],
    }));
    assert.deepEqual(valuesOf(await readWhole(path)), [['5', 'cached', '', '#DIV/0!']]);
  });

  test('marks the cell of a formula whose result the file does not hold (written by a program, never calculated)', async () => {
    const path = folder.write('uncalculated.xlsx', craftXlsx({
      sheets: [{ name: 'F', rowsXml: `<row r="1">${inlineCell('A1', 'first')}${inlineCell('B1', 'name')}</row>`
        + `<row r="2">${inlineCell('A2', 'Ann')}<c r="B2"><f>A2&amp;" "&amp;"Lee"</f><v></v></c></row>`
        + `<row r="3">${inlineCell('A3', 'Bo')}<c r="B3"><f t="shared" si="0"/></c></row>`
        + `<row r="4">${inlineCell('A4', 'Cy')}<c r="B4" t="str"><f>A4</f><v>Cy</v></c></row>` }],
    }));
    const result = await readWhole(path);
    // The record fails only when that column is imported (the import's tests); the cell reads as nothing meanwhile.
    assert.deepEqual(result.records.map((record) => [record.line, record.values[1] ?? '', record.cellErrors?.map((cell) => [cell.column, cell.reason]) ?? null]), [
      [2, '', [[1, 'Row 2, cell B2: the cell holds a formula (=A2&" "&"Lee") whose result the file does not hold (the program that wrote it did not calculate it). Open the file in Excel or LibreOffice, save it, and upload it again.']]],
      [3, '', [[1, 'Row 3, cell B3: the cell holds a formula whose result the file does not hold (the program that wrote it did not calculate it). Open the file in Excel or LibreOffice, save it, and upload it again.']]],
      [4, 'Cy', null],
    ]);
    // The preview names the lost cells' columns: the row fails only if one of them is imported.
    assert.deepEqual((await previewSource(path)).problems.map((problem) => [problem.row, problem.line, problem.columns]), [[0, 2, [1]], [1, 3, [1]]]);
  });

  test('reads shared strings with rich-text runs, leaves out phonetic runs, and decodes _xHHHH_ escapes', async () => {
    const path = folder.write('strings.xlsx', craftXlsx({
      sharedStringItems: [
        '<si><t>name</t></si>',
        '<si><r><rPr><b/></rPr><t>Ann </t></r><r><t>Lee</t></r></si>',
        '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>',
        '<si><t>line one_x000D_\nline two</t></si>',
        '<si/>',
      ],
      sheets: [{ name: 'S', rowsXml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row><row r="4"><c r="A4" t="s"><v>3</v></c></row>' }],
    }));
    assert.deepEqual(valuesOf(await readWhole(path)), [['Ann Lee'], ['山田'], ['line one\r\nline two']]);
  });

  test('marks the cell that refers to a shared string the workbook does not hold, and reads the others', async () => {
    const path = folder.write('dangling-strings.xlsx', craftXlsx({
      sharedStringItems: ['<si><t>name</t></si>', '<si><t>Ann Lee</t></si>'],
      sheets: [{ name: 'S', rowsXml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>7</v></c></row><row r="4"><c r="A4" t="s"><v>1</v></c></row>' }],
    }));
    const result = await readWhole(path);
    assert.deepEqual(result.records.map((record) => [record.line, record.cellErrors?.map((cell) => [cell.column, cell.reason]) ?? null]), [
      [2, null],
      [3, [[0, "Row 3, cell A3: the cell refers to text number 7 of the workbook's 2, which it does not hold; the file is damaged."]]],
      [4, null],
    ]);
  });

  test('places cells by their references, or in order when a writer leaves references out', async () => {
    const path = folder.write('positions.xlsx', craftXlsx({
      sheets: [{ name: 'P', rowsXml: `<row r="1">${inlineCell('A1', 'a')}${inlineCell('B1', 'b')}${inlineCell('C1', 'c')}${inlineCell('D1', 'd')}</row>`
        + '<row r="3"><c r="D3"><v>4</v></c><c r="B3"><v>2</v></c></row><row><c><v>1</v></c><c><v>2</v></c><c r="D4"><v>4</v></c></row>' }],
    }));
    const result = await readWhole(path);
    assert.deepEqual(result.records, [{ line: 3, values: ['', '2', '', '4'] }, { line: 4, values: ['1', '2', '', '4'] }]);
  });

  test('skips hidden and very hidden sheets by default and lists them all', async () => {
    const path = folder.write('hidden.xlsx', craftXlsx({
      sheets: [
        { name: 'Setup', state: 'veryHidden', rowsXml: `<row r="1">${inlineCell('A1', 'setup')}</row>` },
        { name: 'Lists', state: 'hidden', rowsXml: `<row r="1">${inlineCell('A1', 'lists')}</row>` },
        { name: 'Customers', rowsXml: `<row r="1">${inlineCell('A1', 'name')}</row><row r="2">${inlineCell('A2', 'Ann')}</row>` },
      ],
    }));
    const preview = await previewSource(path);
    assert.deepEqual(preview.sheets, ['Setup', 'Lists', 'Customers']);
    assert.deepEqual([preview.headers, ...preview.rows], [['name'], ['Ann']]);
  });

  test('does not size anything from a sheet\'s declared dimension', async () => {
    const path = folder.write('dimension.xlsx', craftXlsx({
      sheets: [{ name: 'D', rowsXml: `<row r="1">${inlineCell('A1', 'a')}</row><row r="1048576">${inlineCell('A1048576', 'last')}</row>` }],
      parts: {},
    }));
    const result = await readWhole(path);
    assert.deepEqual(result.records, [{ line: 1_048_576, values: ['last'] }]);
  });
});

describe('ODS written by hand', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  const header = (...names: string[]): string => `<table:table-row>${names.map((name) => `<table:table-cell office:value-type="string"><text:p>${name}</text:p></table:table-cell>`).join('')}</table:table-row>`;

  test('reads stored values, not the shown text written in the author\'s locale', async () => {
    const path = folder.write('values.ods', craftOds([{
      name: 'Kunden',
      rowsXml: header('phone', 'noise', 'big', 'zip', 'rate', 'amount', 'active', 'born', 'seen', 'at', 'total')
        + '<table:table-row>'
        + '<table:table-cell office:value-type="float" office:value="4155550134"><text:p>4,16E+009</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="float" office:value="0.30000000000000004"><text:p>0,3</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="float" office:value="1e+21"><text:p>1E+021</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="float" office:value="501"><text:p>00501</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12,50 %</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="currency" office:currency="EUR" office:value="-10000"><text:p>-10.000,00 €</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>WAHR</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="date" office:date-value="1990-05-17"><text:p>17.05.90</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="date" office:date-value="2024-01-02T13:45:30"><text:p>02.01.24 13:45</text:p></table:table-cell>'
        + '<table:table-cell office:value-type="time" office:time-value="PT09H05M00S"><text:p>09:05</text:p></table:table-cell>'
        + '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>'
        + '</table:table-row>',
    }]));
    const result = await readWhole(path);
    assert.deepEqual(valuesOf(result), [['4155550134', '0.3', '1000000000000000000000', '00501', '12.5%', '-10000', 'TRUE', '1990-05-17', '2024-01-02T13:45:30', '09:05:00', '7']]);
  });

  test('marks the cell of a formula a program wrote without its result (odfpy), not LibreOffice\'s empty result', async () => {
    const rows = header('name', 'phone', 'score')
      + '<table:table-row><table:table-cell office:value-type="string"><text:p>Ann</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>4155550134</text:p></table:table-cell>'
      + '<table:table-cell table:formula="of:=SUM([.D2:.E2])"/></table:table-row>'
      + '<table:table-row table:number-rows-repeated="2"><table:table-cell table:formula="of:=[.A2]"/><table:table-cell office:value-type="string"><text:p>4155550135</text:p></table:table-cell>'
      + '<table:table-cell table:formula="of:=&quot;&quot;" office:value-type="string" office:string-value=""><text:p/></table:table-cell></table:table-row>';
    const result = await readWhole(folder.write('uncalculated.ods', craftOds([{ name: 'S', rowsXml: rows }])));
    assert.deepEqual(result.records.map((record) => [record.line, record.values, record.cellErrors?.map((cell) => [cell.column, cell.reason]) ?? null]), [
      [2, ['Ann', '4155550134'], [[2, 'Row 2, column 3: the cell holds a formula (=SUM(D2:E2)) whose result the file does not hold (the program that wrote it did not calculate it). Open the file in LibreOffice or Excel, save it, and upload it again.']]],
      [3, ['', '4155550135'], [[0, 'Row 3, column 1: the cell holds a formula (=A2) whose result the file does not hold (the program that wrote it did not calculate it). Open the file in LibreOffice or Excel, save it, and upload it again.']]],
      [4, ['', '4155550135'], [[0, 'Row 4, column 1: the cell holds a formula (=A2) whose result the file does not hold (the program that wrote it did not calculate it). Open the file in LibreOffice or Excel, save it, and upload it again.']]],
    ]);
  });

  test('reads numbers in a date style as dates from the file\'s null date', async () => {
    const styles = '<number:date-style style:name="N1"><number:year/><number:text>-</number:text><number:month/></number:date-style>'
      + '<number:date-style style:name="N2"><number:day/><number:hours/><number:minutes/></number:date-style>'
      + '<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="ceStamp" style:family="table-cell" style:data-style-name="N2"/>';
    const rows = header('day', 'stamp') + '<table:table-row><table:table-cell table:style-name="ceDate" office:value-type="float" office:value="45293"/><table:table-cell table:style-name="ceStamp" office:value-type="float" office:value="45293.25"/></table:table-row>';
    assert.deepEqual(valuesOf(await readWhole(folder.write('serials.ods', craftOds([{ name: 'S', rowsXml: rows }], styles)))), [['2024-01-02', '2024-01-02T06:00:00']]);
    // The same numbers under a 1904 null date.
    const ods1904 = craftOds([{ name: 'S', rowsXml: rows }], styles, '<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>');
    assert.deepEqual(valuesOf(await readWhole(folder.write('serials-1904.ods', ods1904))), [['2028-01-03', '2028-01-03T06:00:00']]);
  });

  test('expands repeated cells and rows that hold values, keeps covered cells as positions, and ignores a million trailing empty rows', async () => {
    const rows = header('a', 'b', 'c', 'd')
      + '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
      + '<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
      + '<table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="string"><text:p>late</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>'
      + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    const started = performance.now();
    const result = await readWhole(folder.write('repeats.ods', craftOds([{ name: 'R', rowsXml: rows }])));
    assert.ok(performance.now() - started < 2_000);
    assert.deepEqual(result.records, [{ line: 2, values: ['x', 'x', '', '1'] }, { line: 3, values: ['x', 'x', '', '1'] }, { line: 7, values: ['', '', '', 'late'] }]);
    assert.equal(result.emptyRowsSkipped, 3);
  });

  test('refuses a row with values repeated beyond reason instead of expanding it', async () => {
    const rows = header('a') + '<table:table-row table:number-rows-repeated="100000000"><table:table-cell office:value-type="string"><text:p>bomb</text:p></table:table-cell></table:table-row>';
    const result = await readWhole(folder.write('row-bomb.ods', craftOds([{ name: 'B', rowsXml: rows }])));
    assert.equal(result.records.length, 1);
    assert.match(result.records[0]?.error ?? '', /^Row 2 is repeated 100,000,000 times/);
  });

  test('joins paragraphs with line breaks, keeps spaces and tabs, and leaves out comments', async () => {
    const rows = header('note') + '<table:table-row><table:table-cell office:value-type="string"><office:annotation><dc:creator>Bo</dc:creator><text:p>a comment</text:p></office:annotation><text:p>Ann<text:s text:c="2"/>Lee<text:tab/>VIP</text:p><text:p>call <text:span>after</text:span> 5<text:line-break/>pm</text:p></table:table-cell></table:table-row>';
    assert.deepEqual(valuesOf(await readWhole(folder.write('text.ods', craftOds([{ name: 'T', rowsXml: rows }])))), [['Ann  Lee\tVIP\ncall after 5\npm']]);
  });

  test('lists every sheet, skips hidden ones by default, and reads a chosen one', async () => {
    const path = folder.write('sheets.ods', craftOds([
      { name: 'Lookup', isHidden: true, rowsXml: header('secret') },
      { name: 'Customers', rowsXml: header('name') + '<table:table-row><table:table-cell office:value-type="string"><text:p>Ann</text:p></table:table-cell></table:table-row>' },
      { name: 'Archive', rowsXml: header('old') },
    ]));
    const preview = await previewSource(path);
    assert.deepEqual(preview.sheets, ['Lookup', 'Customers', 'Archive']);
    assert.deepEqual([preview.headers, ...preview.rows], [['name'], ['Ann']]);
    assert.deepEqual((await readWhole(path, { sheet: 'Lookup' })).headers, ['secret']);
  });

  test('reads a flat ODS (.fods, one XML file) the same way; refuses a flat text document and XML of another kind', async () => {
    const styles = '<number:date-style style:name="N1"><number:year/><number:text>-</number:text><number:month/><number:text>-</number:text><number:day/></number:date-style>'
      + '<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="N1"/>';
    const tables = [
      { name: 'Lookup', isHidden: true, rowsXml: header('secret') },
      { name: 'Kunden', rowsXml: header('name', 'born') + `<table:table-row><table:table-cell office:value-type="string"><text:p>Zoë</text:p></table:table-cell><table:table-cell table:style-name="ceDate" office:value-type="float" office:value="45293"/></table:table-row>`.repeat(3) },
    ];
    const path = folder.write('kunden.fods', craftFlatOds(tables, styles));
    const result = await readWhole(path);
    assert.equal(result.format, 'ods');
    assert.deepEqual(result.sheets, ['Lookup', 'Kunden']);
    assert.deepEqual([result.headers, ...valuesOf(result)], [['name', 'born'], ['Zoë', '2024-01-02'], ['Zoë', '2024-01-02'], ['Zoë', '2024-01-02']]);
    // Named anything: what it is decides, not its name.
    assert.deepEqual((await readWhole(folder.write('kunden.xml', craftFlatOds(tables, styles)), { sheet: 'Lookup' })).headers, ['secret']);
    await expectAppError(readWhole(folder.write('letter.fodt', craftFlatOds(tables, '', 'application/vnd.oasis.opendocument.text'))), 'FILE_FORMAT_UNSUPPORTED', /is an OpenDocument file but not a spreadsheet \(application\/vnd\.oasis\.opendocument\.text\)/);
    await expectAppError(readWhole(folder.write('feed.xml', '<?xml version="1.0"?><customers><customer name="Ann"/></customers>')), 'FILE_FORMAT_UNSUPPORTED', /'feed\.xml' is an XML file, but neither an Excel 2003 XML spreadsheet nor a flat OpenDocument spreadsheet/);
  });
});
