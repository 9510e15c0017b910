import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../support/databases.js';
import { createHarness, csv } from '../support/import-harness.js';

describeOnBothDatabases('importing individual customers', (suite) => {
  const harness = createHarness(suite);
  let teamId: number;
  before(async () => {
    teamId = await harness.createTeam('acme', 'US');
  });

  it('imports every valid record with its phone in E.164 and accounts for each line', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([
        ['Name', 'Tel', 'E-mail', 'City', 'Note'],
        ['Ann Lee', '(415) 555-0134', 'Ann@Example.COM', 'San Francisco', 'VIP, "gold"\nsecond line'],
        ['Bo Chen', '+86 138 0013 8000', 'bo@example.cn', 'Shanghai', ''],
        ['Cy Díaz', '212-555-0199', 'not-an-email', 'New York', ''],
        ['', '', 'nobody@example.com', 'Nowhere', ''],
        ['Ann Again', '415.555.0134', '', '', ''],
      ]),
    });
    assert.equal(job.status, 'close');
    assert.deepEqual({ total: job.total, success: job.success, error: job.error, duplicated: job.duplicated }, { total: 5, success: 2, error: 2, duplicated: 1 });
    const rows = await harness.rows(teamId, 'individual');
    assert.deepEqual(
      rows.map((row) => [row['name'], row['phone'], row['email'], row['city'], row['note'], row['status']]),
      [
        ['Ann Lee', '+14155550134', 'Ann@example.com', 'San Francisco', 'VIP, "gold"\nsecond line', 'new'],
        ['Bo Chen', '+8613800138000', 'bo@example.cn', 'Shanghai', '', 'new'],
      ],
    );
    const errors = await harness.resultFile(job.id, 'error');
    // `line` is the physical line where the record starts: Ann Lee's note spans two lines.
    assert.deepEqual(errors.records.map((record) => [record['line'], record['Name']]), [['5', 'Cy Díaz'], ['6', '']]);
    assert.match(errors.records[0]?.['reason'] ?? '', /column "E-mail": "not-an-email" is not a valid email address/);
    assert.match(errors.records[1]?.['reason'] ?? '', /needs a name or a phone/);
    const duplicated = await harness.resultFile(job.id, 'duplicated');
    assert.equal(duplicated.records.length, 1);
    assert.equal(duplicated.records[0]?.['line'], '7');
    assert.match(duplicated.records[0]?.['reason'] ?? '', /duplicate of line 2.*skipped/);
    const success = await harness.resultFile(job.id, 'success');
    assert.deepEqual(success.records.map((record) => record['Name']), ['Ann Lee', 'Bo Chen']);
  });

  it("joins a name split over columns (a CRM export's Last Name, First Name), given name first", async () => {
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([
        ['Last Name', 'First Name', 'Mobile Phone', 'Mailing Country'],
        ['Okafor', 'Ngozi', '(617) 555-0142', 'USA'],
        ['Nakamura', '', '617-555-0143', 'USA'],
      ]),
    });
    assert.deepEqual({ success: job.success, error: job.error }, { success: 2, error: 0 });
    const rows = await harness.rows(teamId, 'individual');
    const names = rows.filter((row) => ['+16175550142', '+16175550143'].includes(String(row['mobile']))).map((row) => row['name']);
    assert.deepEqual(names, ['Ngozi Okafor', 'Nakamura']);
  });

  it('reads a European list day first for a US team when its dates show it, and gives lost ZIP zeros back', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([
        ['Name', 'Phone', 'Birthday', 'Zip'],
        ['Ines Roth', '(617) 555-0171', '05/03/1985', '2134'],
        ['Jon Berg', '(617) 555-0172', '25/12/1990', '02139'],
      ]),
    });
    assert.deepEqual({ success: job.success, error: job.error }, { success: 2, error: 0 });
    const rows = (await harness.rows(teamId, 'individual')).filter((row) => ['Ines Roth', 'Jon Berg'].includes(String(row['name'])));
    assert.deepEqual(rows.map((row) => [row['name'], row['birthday'], row['zip']]), [['Ines Roth', '1985-03-05', '02134'], ['Jon Berg', '1990-12-25', '02139']]);
  });

  it('writes result files in UTF-8 with a BOM, the file own columns, then line and reason', async () => {
    const job = await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Zed', 'abc'], ['Yan', '617-555-0101']]) });
    const errors = await harness.resultFile(job.id, 'error');
    assert.equal(errors.bytes.subarray(0, 3).toString('hex'), 'efbbbf');
    assert.equal(errors.text.split('\r\n')[0], '\uFEFFname,phone,line,reason');
    const original = await harness.resultFile(job.id, 'original');
    assert.equal(original.text, csv([['name', 'phone'], ['Zed', 'abc'], ['Yan', '617-555-0101']]));
  });

  it('neutralises formulas in every download but keeps +1… phone numbers readable', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      content: csv([
        ['name', 'phone', 'note'],
        ['=HYPERLINK("http://evil","x")', '+1 646 555 0100', '@SUM(A1)'],
        ['=cmd|\' /C calc\'!A0', 'bad', '-2+3'],
      ]),
    });
    const success = await harness.resultFile(job.id, 'success');
    assert.match(success.text, /'=HYPERLINK/);
    assert.match(success.text, /,\+1 646 555 0100,/);
    assert.match(success.text, /'@SUM\(A1\)/);
    const errors = await harness.resultFile(job.id, 'error');
    assert.match(errors.text, /'=cmd/);
    assert.match(errors.text, /'-2\+3/);
    const [stored] = (await harness.rows(teamId, 'individual')).filter((row) => row['phone'] === '+16465550100');
    assert.equal(stored?.['name'], '=HYPERLINK("http://evil","x")', 'the table keeps the value exactly; only downloads are neutralised');
  });

  it('skips a duplicate of a row already in the table and says which row it matched', async () => {
    const before = await harness.rows(teamId, 'individual');
    const ann = before.find((row) => row['phone'] === '+14155550134');
    assert.ok(ann);
    const job = await harness.runImport({ teamId, target: 'individual', content: csv([['name', 'phone'], ['Ann Other', '+1 415 555 0134']]) });
    assert.deepEqual([job.success, job.duplicated], [0, 1]);
    const duplicated = await harness.resultFile(job.id, 'duplicated');
    assert.match(duplicated.records[0]?.['reason'] ?? '', /duplicate of customer #\d+.*skipped/);
    assert.equal((await harness.rows(teamId, 'individual')).find((row) => row['phone'] === '+14155550134')?.['name'], 'Ann Lee');
  });


  it('finds every stored duplicate and every repeat of its own rows wherever they fall in a long file of new keys', async () => {
    // Transactions of one prepared batch (500 records, as the harness's INTAKE_BATCH_SIZE is smaller): stored keys
    // fall alone, in a run, in the first and the last transaction, after transactions with none; repeats of the
    // file's own rows come many transactions after the row.
    const storedPhone = (index: number) => `+1 646 555 ${String(1000 + index)}`;
    const seeded = await harness.runImport({ teamId, target: 'organization', content: csv([['name', 'phone'], ...Array.from({ length: 8 }, (_, index) => [`Stored ${index}`, storedPhone(index)])]) });
    assert.equal(seeded.success, 8);
    const rows: string[][] = [['name', 'phone']];
    const expected = { success: 0, duplicated: 0 };
    const reasons: string[] = [];
    for (let index = 0; index < 6000; index++) {
      const storedIndex = index === 0 ? 0 : index === 5999 ? 1 : index >= 1200 && index < 1204 ? index - 1198 : index % 1400 === 7 ? 6 : -1;
      if (storedIndex >= 0) {
        rows.push([`Again ${index}`, storedPhone(storedIndex)]);
        expected.duplicated += 1;
        reasons.push(`line ${index + 2}: stored`);
      } else if (index % 900 === 11 && index > 900) {
        rows.push([`Repeat ${index}`, `+1 212 555 ${String(2000 + 10)}`]);
        expected.duplicated += 1;
        reasons.push(`line ${index + 2}: duplicate of line 12`);
      } else {
        rows.push([`New ${index}`, `+1 212 555 ${String(2000 + index)}`]);
        expected.success += 1;
      }
    }
    const job = await harness.runImport({ teamId, target: 'organization', content: csv(rows) });
    assert.deepEqual([job.status, job.success, job.error, job.duplicated], ['close', expected.success, 0, expected.duplicated]);
    const duplicated = await harness.resultFile(job.id, 'duplicated');
    assert.deepEqual(
      duplicated.records.map((record) => `line ${record['line']}: ${/duplicate of customer #\d+/.test(record['reason'] ?? '') ? 'stored' : (record['reason'] ?? '').replace(/: skipped$/, '')}`),
      reasons,
    );
    const stored = await harness.rows(teamId, 'organization');
    assert.equal(stored.length, 8 + expected.success);
    assert.equal(new Set(stored.map((row) => row['phone'])).size, stored.length, 'no key stored twice');
    assert.equal(stored.filter((row) => (row['name'] ?? '').startsWith('Stored')).length, 8, 'stored rows left as they were');
  });
  it('dry run validates and accounts for every row but writes nothing', async () => {
    const countBefore = (await harness.rows(teamId, 'individual')).length;
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      options: { dryRun: true },
      content: csv([['name', 'phone'], ['New One', '312-555-0111'], ['New One Again', '312 555 0111'], ['Bad', '12'], ['Ann Lee', '4155550134']]),
    });
    assert.deepEqual([job.status, job.success, job.error, job.duplicated], ['close', 1, 1, 2]);
    assert.equal((await harness.rows(teamId, 'individual')).length, countBefore);
    const duplicated = await harness.resultFile(job.id, 'duplicated');
    assert.match(duplicated.records[0]?.['reason'] ?? '', /duplicate of line 2/);
    assert.match(duplicated.records[1]?.['reason'] ?? '', /duplicate of customer #/);
  });

  it('uses a mapping given by hand and ignores a column mapped to nothing', async () => {
    const job = await harness.runImport({
      teamId,
      target: 'individual',
      mapping: [['Column A', 'name'], ['Column B', 'mobile'], ['Secret', null]],
      content: csv([['Column A', 'Column B', 'Secret'], ['Mapped Person', '617 555 0123', 'hidden']]),
    });
    assert.equal(job.success, 1);
    const row = (await harness.rows(teamId, 'individual')).find((r) => r['name'] === 'Mapped Person');
    assert.equal(row?.['mobile'], '+16175550123');
    assert.ok(!JSON.stringify(row).includes('hidden'));
  });

  it('joins a name split over columns again when a list with the same header comes back, and when the mapping joins them by hand', async () => {
    const header = ['Vorname', 'Nachname', 'Handy', 'Straße', 'Adresszusatz'];
    for (const [given, family, mobile] of [['Uta', 'Kranz', '(617) 555-0181'], ['Veit', 'Lohr', '(617) 555-0182']]) {
      const job = await harness.runImport({ teamId, target: 'individual', content: csv([header, [given!, family!, mobile!, 'Elm St 4', 'Hinterhaus']]) });
      assert.equal(job.success, 1);
    }
    const byHand = await harness.runImport({
      teamId,
      target: 'individual',
      mapping: [['Given', 'name'], ['Surname', 'name']],
      content: csv([['Given', 'Surname', 'Phone'], ['Wim', 'Mertens', '(617) 555-0183']]),
    });
    assert.equal(byHand.success, 1);
    const rows = (await harness.rows(teamId, 'individual')).filter((row) => ['+16175550181', '+16175550182', '+16175550183'].includes(String(row['mobile'] || row['phone'])));
    assert.deepEqual(rows.map((row) => [row['name'], row['address'] || null]), [['Uta Kranz', 'Elm St 4, Hinterhaus'], ['Veit Lohr', 'Elm St 4, Hinterhaus'], ['Wim Mertens', null]]);
  });

  it('fails the job with a clear reason when the file cannot be read at all', async () => {
    await assert.rejects(harness.createJob({ teamId, target: 'individual', content: Buffer.alloc(0) }), /empty/);
  });
});
