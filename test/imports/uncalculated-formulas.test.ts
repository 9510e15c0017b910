// A workbook a program wrote (openpyxl, exceljs, a report generator) holds its formulas without their results until
// Excel or LibreOffice calculates them. Such a cell fails its record only when the import takes a value from it.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { craftXlsx, inlineCell } from '../reading/support/workbook-builders.js';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';

/** A list whose "Score" column is a formula never calculated, and whose "Name" is one on the second row. */
function uncalculatedWorkbook(): Buffer {
  return Buffer.from(craftXlsx({
    sheets: [{
      name: 'Leads',
      rowsXml: `<row r="1">${inlineCell('A1', 'Name')}${inlineCell('B1', 'Phone')}${inlineCell('C1', 'Score')}</row>`
        + `<row r="2">${inlineCell('A2', 'Ann Lee')}${inlineCell('B2', '(415) 555-0134')}<c r="C2"><f>1+2</f></c></row>`
        + `<row r="3"><c r="A3"><f>"Bo"&amp;" Chen"</f></c>${inlineCell('B3', '(415) 555-0135')}<c r="C3"><f>2+2</f></c></row>`,
    }],
  }));
}

describeOnBothDatabases('a workbook whose formulas were never calculated', (suite) => {
  const harness = createHarness(suite);
  let teamId: number;
  before(async () => {
    teamId = await harness.createTeam('formulas', 'US');
  });

  it('imports the records whose lost values are in a column left out, and fails the one whose name is lost', async () => {
    const job = await harness.runImport({ teamId, target: 'individual', fileName: 'leads.xlsx', content: uncalculatedWorkbook(), mapping: [['Score', null]] });
    assert.deepEqual([job.status, job.success, job.error], ['close', 1, 1]);
    const rows = await harness.rows(teamId, 'individual');
    assert.deepEqual(rows.map((row) => [row['name'], row['phone']]), [['Ann Lee', '+14155550134']]);
    const errors = await harness.resultFile(job.id, 'error');
    assert.deepEqual(errors.records.map((record) => [record['line'], record['reason']]), [
      ['3', 'Row 3, cell A3: the cell holds a formula (="Bo"&" Chen") whose result the file does not hold (the program that wrote it did not calculate it). Open the file in Excel or LibreOffice, save it, and upload it again.'],
    ]);
  });

  it('fails every record when the lost column is imported, naming each cell', async () => {
    const job = await harness.runImport({ teamId, target: 'individual', fileName: 'leads.xlsx', content: uncalculatedWorkbook(), mapping: [['Score', 'note']] });
    assert.deepEqual([job.status, job.success, job.error, job.duplicated], ['close', 0, 2, 0]);
    const errors = await harness.resultFile(job.id, 'error');
    assert.match(errors.records[0]?.['reason'] ?? '', /^Row 2, cell C2: the cell holds a formula \(=1\+2\)/);
    assert.match(errors.records[1]?.['reason'] ?? '', /^Row 3, cell A3: .*Row 3, cell C3: /);
  });
});
