// A workbook made from a template: its first sheet tells how to fill it in, a sheet of drop-down values follows, the
// list comes last. The import reads the list, as the preview showed it, and remembers which sheet that was.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness } from '../support/import-harness.js';

function templateWorkbook(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['How to fill in this template'], ['One customer per row on the Customers sheet.']]), 'Read me');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Country'], ['United States'], ['Canada']]), 'Drop-downs');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Customer', 'Mobile', 'Country'], ['Ann Lee', '+1 212 555 0150', 'Canada'], ['Bo Chen', '+1 212 555 0151', 'United States']]), 'Customers');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describeOnBothDatabases('a workbook made from a template', (suite) => {
  const harness = createHarness(suite);

  it('imports the list sheet, not the instructions before it, and the job names the sheet it read', async () => {
    const teamId = await harness.createTeam('template');
    const job = await harness.runImport({ teamId, target: 'individual', fileName: 'leads.xlsx', content: templateWorkbook() });
    assert.deepEqual([job.status, job.success, job.error], ['close', 2, 0]);
    const rows = await harness.rows(teamId, 'individual');
    assert.deepEqual(rows.map((row) => [row['name'], row['mobile'], row['country']]), [['Ann Lee', '+12125550150', 'Canada'], ['Bo Chen', '+12125550151', 'United States']]);
    const stored = await harness.context.repositories.jobs.findById(job.id);
    assert.equal(JSON.parse(String(stored?.options))['sheet'], 'Customers');
  });

  it('reads the sheet named, even the instructions (whose column is no field: refused before a job is made)', async () => {
    const teamId = await harness.createTeam('template-named');
    await assert.rejects(
      harness.runImport({ teamId, target: 'individual', fileName: 'leads.xlsx', sheet: 'Read me', content: templateWorkbook() }),
      /No column of "leads\.xlsx" is mapped to name or phone.*Its columns: How to fill in this template\./,
    );
  });
});
