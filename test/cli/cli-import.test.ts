// The command line as scripts use it: exact JSON documents, exit codes, and downloads that add up.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { describeOnBothDatabases } from '../support/databases.js';
import { csv } from '../support/import-harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

describeOnBothDatabases('the intake command line', (suite) => {
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/intake'), ...args], {
      env: { ...process.env, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir, INTAKE_LOG_LEVEL: 'silent', INTAKE_BATCH_SIZE: '2' },
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  /** The command with `input` piped to its standard input. */
  const runWithInput = (input: Buffer | string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/intake'), ...args], {
      env: { ...process.env, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir, INTAKE_LOG_LEVEL: 'silent', INTAKE_BATCH_SIZE: '2' },
      encoding: 'utf8',
      input,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const dir = mkdtempSync(join(tmpdir(), 'intake-cli-'));
  const file = join(dir, 'leads.csv');
  writeFileSync(
    file,
    csv([
      ['Full Name', 'Mobile', 'E-mail', 'Remarks'],
      ['Ann Lee', '(415) 555-0134', 'ann@example.com', 'first'],
      ['Bad Mail', '415-555-0135', 'nope', ''],
      ['Ann Twice', '4155550134', '', 'again'],
      ['Bo Chen', '+86 138 0013 8000', '', ''],
      ['', '', '', 'nothing'],
    ]),
  );

  it('previews a file as DESIGN.md defines the document', () => {
    const result = run('preview', file, '--json');
    assert.equal(result.status, 0, result.stderr);
    const preview = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(preview), ['format', 'encoding', 'delimiter', 'sheets', 'headers', 'rows', 'mapping']);
    assert.deepEqual([preview['format'], preview['encoding'], preview['delimiter'], preview['sheets']], ['csv', 'utf-8', ',', []]);
    assert.deepEqual(preview['headers'], ['Full Name', 'Mobile', 'E-mail', 'Remarks']);
    assert.deepEqual((preview['rows'] as string[][])[0], ['Ann Lee', '(415) 555-0134', 'ann@example.com', 'first']);
    const mapping = preview['mapping'] as Record<string, { field: string; confidence: number } | null>;
    assert.equal(mapping['Full Name']?.field, 'name');
    assert.equal(mapping['Mobile']?.field, 'mobile');
    assert.equal(mapping['E-mail']?.field, 'email');
    assert.equal(mapping['Remarks']?.field, 'note');
    assert.ok(Object.values(mapping).every((match) => match === null || (match.confidence > 0 && match.confidence <= 1)));
  });

  it("previews as text an Excel export with a sep= line: its delimiter, the header after it, 'First record'", () => {
    const excel = join(dir, 'excel.csv');
    writeFileSync(excel, 'sep=;\r\nName;Phone;Note\r\nLee, Ann;415-555-0134;a, b\r\n');
    const result = run('preview', excel);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /delimiter ";"/);
    assert.match(result.stdout, /Phone → phone/);
    assert.match(result.stdout, /First record:\n {2}Lee, Ann \| 415-555-0134 \| a, b\n$/);
  });

  it('previews a file too wide for the import with the same limit the import has (INTAKE_MAX_COLUMNS), with or without --team', () => {
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `${Array.from({ length: 1_500 }, (_, i) => `C${i}`).join(',')}\n${'x,'.repeat(1_499)}x\n`);
    for (const args of [[], ['--team', 'cli-team-wide']]) {
      if (args.length > 0) assert.equal(run('teams', 'create', 'cli-team-wide').status, 0);
      const result = run('preview', wide, ...args, '--json');
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stdout, /Line 1 has 1500 columns, more than the limit of 1000\./);
    }
  });

  it('previews as text a record that cannot be imported with its line and why, under what was read of it', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Name,Phone\r\nAnn,415-555-0134\r\n"Bo,415-555-0135\r\n');
    const result = run('preview', broken);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /First 2 records:\n {2}Ann \| 415-555-0134\n(?: {2}.*\n)? {4}✗ line 3 cannot be imported: .*quote/);
  });

  it('imports with --wait --json, and the four downloads add up to the input', () => {
    assert.equal(run('teams', 'create', 'cli-team', '--country', 'US').status, 0);
    const result = run('import', file, '--team', 'cli-team', '--target', 'individual', '--wait', '--json');
    assert.equal(result.status, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(summary), ['id', 'status', 'total', 'success', 'error', 'duplicated']);
    assert.deepEqual({ ...summary, id: 0 }, { id: 0, status: 'close', total: 5, success: 2, error: 2, duplicated: 1 });
    const id = String(summary['id']);
    const records: Record<string, number> = {};
    for (const kind of ['success', 'error', 'duplicated']) {
      const download = run('jobs', 'download', id, '--kind', kind);
      assert.equal(download.status, 0, download.stderr);
      const parsed = Papa.parse<Record<string, string>>(download.stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      records[kind] = parsed.data.length;
      if (kind !== 'success') assert.deepEqual(parsed.meta.fields, ['Full Name', 'Mobile', 'E-mail', 'Remarks', 'line', 'reason']);
    }
    assert.deepEqual(records, { success: 2, error: 2, duplicated: 1 });
    const output = join(dir, 'original.csv');
    assert.equal(run('jobs', 'download', id, '--kind', 'original', '--output', output).status, 0);
    assert.deepEqual(readFileSync(output), readFileSync(file));

    const shown = JSON.parse(run('jobs', 'show', id, '--json').stdout) as { status: string; files: Array<{ kind: string }> };
    assert.equal(shown.status, 'close');
    assert.deepEqual(shown.files.map((f) => f.kind).sort(), ['duplicated', 'error', 'original', 'success']);
    const listed = JSON.parse(run('jobs', 'list', '--json').stdout) as Array<{ id: number }>;
    assert.ok(listed.some((job) => String(job.id) === id));
  });

  it('says on stderr which column went to which field and which were left out', () => {
    assert.equal(run('teams', 'create', 'cli-columns', '--country', 'US').status, 0);
    const owners = join(dir, 'owners.csv');
    writeFileSync(owners, csv([['Full Name', 'Mobile', 'Home Phone', 'Owner'], ['Ann Lee', '(415) 555-0134', '', 'Jo']]));
    const result = run('import', owners, '--team', 'cli-columns', '--target', 'individual', '--mapping', 'Home Phone=-', '--wait');
    assert.equal(result.status, 0, result.stderr);
    // Owner: a field of its own, the team's table being empty (its unmatched columns become custom fields).
    assert.match(result.stderr, /^Columns: Full Name → name, Mobile → mobile, Owner → owner\.$/m);
    assert.match(result.stderr, /^Left out \(no field; --mapping 'Header=field' gives one\): Home Phone\.$/m);
  });

  it('imports a gzip file of a list as the list inside, and leaves nothing of it in the data directory', () => {
    assert.equal(run('teams', 'create', 'cli-gzip', '--country', 'US').status, 0);
    const gzipped = join(dir, 'nightly-leads.csv.gz');
    writeFileSync(gzipped, gzipSync(csv([['Name', 'Phone'], ['Ann Lee', '415-555-0134'], ['Bo Chen', '555-01']])));
    const preview = run('preview', gzipped);
    assert.match(preview.stdout, /^nightly-leads\.csv\.gz: CSV, utf-8, delimiter ","/);
    const result = run('import', gzipped, '--team', 'cli-gzip', '--target', 'individual', '--wait', '--json');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { id: (JSON.parse(result.stdout) as { id: number }).id, status: 'close', total: 2, success: 1, error: 1, duplicated: 0 });
    assert.deepEqual(readdirSync(join(suite.test.dataDir, 'tmp')).filter((name) => name.startsWith('copy~')), []);
  });

  it("reads the list from standard input for FILE '-', named by --file-name (the campaign's package name is checked against it)", () => {
    assert.equal(run('teams', 'create', 'cli-stdin', '--country', 'US').status, 0);
    const list = csv([['Name', 'Phone'], ['Ann Lee', '415-555-0134'], ['Bo Chen', '555-01']]);
    const preview = runWithInput(list, 'preview', '-', '--json');
    assert.equal(preview.status, 0, preview.stderr);
    assert.deepEqual((JSON.parse(preview.stdout) as { headers: string[] }).headers, ['Name', 'Phone']);
    assert.equal(run('campaigns', 'create', 'Night Leads', '--team', 'cli-stdin').status, 0);
    const imported = runWithInput(list, 'import', '-', '--file-name', 'night-leads.csv', '--team', 'cli-stdin', '--target', 'campaign', '--campaign', 'Night Leads', '--wait', '--json');
    assert.equal(imported.status, 0, imported.stderr);
    const summary = JSON.parse(imported.stdout) as { id: number; success: number; error: number };
    assert.deepEqual([summary.success, summary.error], [1, 1]);
    assert.equal((JSON.parse(run('jobs', 'show', String(summary.id), '--json').stdout) as { fileName: string }).fileName, 'night-leads.csv');
    // Without --file-name the upload is "stdin", which is no package's name: "Import Not Match".
    const unnamed = runWithInput(list, 'import', '-', '--team', 'cli-stdin', '--target', 'campaign', '--campaign', 'Night Leads', '--json');
    assert.equal(unnamed.status, 2);
    assert.match(unnamed.stdout, /"code":"NAME_MISMATCH".*the file \\"stdin\\"/);
    const empty = runWithInput('', 'import', '-', '--team', 'cli-stdin', '--target', 'individual', '--json');
    assert.equal(empty.status, 2);
    assert.match(empty.stdout, /'stdin' is empty \(0 bytes\)/);
  });

  it('maps a header with a comma in it, quoted as in a CSV file, and a header typed in another letter case', () => {
    assert.equal(run('teams', 'create', 'cli-quoted', '--country', 'US').status, 0);
    const homes = join(dir, 'homes.csv');
    writeFileSync(homes, csv([['Name', 'Phone, Home', 'Phone, Work'], ['Ann Lee', '(415) 555-0134', '415-555-0199']]));
    const result = run('import', homes, '--team', 'cli-quoted', '--target', 'individual', '--mapping', '"Phone, Home"=phone,"phone,  work"=phone2', '--wait');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^Columns: Name → name, Phone, Home → phone, Phone, Work → phone2\.$/m);
    const rows = JSON.parse(run('customers', 'export', '--team', 'cli-quoted', '--target', 'individual', '--json').stdout) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => [row['phone'], row['phone2']]), [['+14155550134', '+14155550199']]);
    const wrong = run('import', homes, '--team', 'cli-quoted', '--target', 'individual', '--mapping', 'Fax, Home=fax', '--json');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stdout, /names a column \\"Fax, Home\\" that the file does not have\. Its columns: \\"Name\\", \\"Phone, Home\\", \\"Phone, Work\\"\./);
  });

  it('adds columns the campaign has no field for as new fields (--new-field), typed as asked or from their values, and uses them again', () => {
    assert.equal(run('teams', 'create', 'cli-fields', '--country', 'US').status, 0);
    assert.equal(run('campaigns', 'create', 'Collections', '--team', 'cli-fields').status, 0);
    const list = join(dir, 'collections-nov.csv');
    writeFileSync(list, csv([['Name', 'Phone', 'Balance Due', 'Plan'], ['Ann Lee', '(415) 555-0134', '1,234.50', 'Gold'], ['Bo Chen', '415-555-0135', '99', 'Silver']]));
    const plain = run('import', list, '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections', '--wait');
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stderr, /Left out \(no field; .*\): Balance Due, Plan\./);
    const again = join(dir, 'collections-dec.csv');
    writeFileSync(again, csv([['Name', 'Phone', 'Balance Due', 'Plan'], ['Cy Dee', '415-555-0136', '12', 'Gold']]));
    // A dry run checks the values against the new fields and makes none (nor imports a row).
    const dry = run('import', again, '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections', '--new-field', 'Plan=number', '--dry-run', '--wait', '--json');
    assert.deepEqual((({ success, error }) => [success, error])(JSON.parse(dry.stdout) as Record<string, number>), [0, 1]);
    assert.ok(!run('fields', 'list', '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections').stdout.includes('plan'));
    const added = run('import', again, '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections', '--new-field', 'Balance Due,Plan=text', '--wait');
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stderr, /^New fields: Balance Due → balance_due \(number\), Plan → plan \(text\)\.$/m);
    const rows = () => JSON.parse(run('customers', 'export', '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections', '--json').stdout) as Array<Record<string, string>>;
    assert.deepEqual(rows().map((row) => [row['name'], row['balance_due'] ?? '', row['plan'] ?? '']), [['Ann Lee', '', ''], ['Bo Chen', '', ''], ['Cy Dee', '12', 'Gold']]);
    // The next list with those columns maps them to the fields made for them, without another field.
    const updated = run('import', list, '--team', 'cli-fields', '--target', 'campaign', '--campaign', 'Collections', '--duplicate', 'update', '--wait', '--yes');
    assert.equal(updated.status, 0, updated.stderr);
    assert.match(updated.stderr, /^Columns: Name → name, Phone → phone, Balance Due → balance_due, Plan → plan\.$/m);
    assert.deepEqual(rows().map((row) => row['plan']), ['Gold', 'Silver', 'Gold']);
    // Fixed targets take no new field; a column the file lacks, or one mapped as well, is refused.
    for (const [args, message] of [
      [['--target', 'blacklist', '--new-field', 'Plan'], /the fields of the blacklist target are fixed/],
      [['--target', 'individual', '--new-field', 'Region'], /names a column \\"Region\\" that the file does not have/],
      [['--target', 'individual', '--new-field', 'Plan', '--mapping', 'Plan=note'], /both mapped and asked for as a new field/],
    ] as const) {
      const refused = run('import', list, '--team', 'cli-fields', ...args, '--json');
      assert.equal(refused.status, 2, refused.stdout);
      assert.match(refused.stdout, message);
    }
  });

  it('Import & Start on a dry run checks the records against the fields a new campaign would have, and makes neither', () => {
    assert.equal(run('teams', 'create', 'cli-start-dry', '--country', 'US').status, 0);
    const list = join(dir, 'spring-promo.csv');
    writeFileSync(list, csv([['Customer', 'Cell', 'Signed Up'], ['Ann Lee', '(415) 555-0134', '2024-03-05'], ['Bo Chen', '415-555-01', '2024-03-06'], ['Cy Dee', '415-555-0136', 'soon']]));
    const dry = run('import', list, '--team', 'cli-start-dry', '--target', 'campaign', '--campaign', 'Spring Promo', '--dry-run', '--wait', '--json');
    assert.equal(dry.status, 0, dry.stderr);
    // The records are checked against the proposed fields: Bo Chen's number is none.
    assert.deepEqual((({ status, success, error }) => [status, success, error])(JSON.parse(dry.stdout) as Record<string, unknown>), ['close', 2, 1]);
    assert.deepEqual(JSON.parse(run('campaigns', 'list', '--team', 'cli-start-dry', '--json').stdout), []);
    assert.match(run('jobs', 'show', String((JSON.parse(dry.stdout) as { id: number }).id)).stdout, /^ {2}target {4}campaign — a dry run: nothing written$/m);
    const told = run('import', list, '--team', 'cli-start-dry', '--target', 'campaign', '--campaign', 'Spring Promo', '--dry-run');
    assert.match(told.stderr, /^Import & Start, a dry run: campaign "Spring Promo" is not created; its 3 fields are checked, not added: Customer → name \(text\), Cell → mobile \(phone\), Signed Up → signed_up \(text\)\.$/m);
    // Then for real: the campaign is made with those fields.
    const real = run('import', list, '--team', 'cli-start-dry', '--target', 'campaign', '--campaign', 'Spring Promo', '--wait', '--json');
    assert.deepEqual((({ success, error }) => [success, error])(JSON.parse(real.stdout) as Record<string, number>), [2, 1]);
    assert.deepEqual((JSON.parse(run('campaigns', 'list', '--team', 'cli-start-dry', '--json').stdout) as Array<{ name: string }>).map((campaign) => campaign.name), ['Spring Promo']);
  });

  it("sets a campaign's agents and its agent view (order, labels, types, shown, editable) as the Campaigns page does", () => {
    assert.equal(run('teams', 'create', 'cli-view').status, 0);
    for (const login of ['ann-agent', 'bo-agent']) assert.equal(run('users', 'create', login, '--team', 'cli-view', '--role', 'agent').status, 0);
    assert.equal(run('campaigns', 'create', 'Renewals', '--team', 'cli-view', '--agent', 'ann-agent').status, 0);
    const agents = run('campaigns', 'agents', 'renewals', '--team', 'cli-view', '--agent', 'bo-agent', '--agent', 'ann-agent', '--json');
    assert.equal(agents.status, 0, agents.stderr);
    assert.deepEqual((JSON.parse(agents.stdout) as { agents: string[] }).agents.sort(), ['ann-agent', 'bo-agent']);
    assert.equal(JSON.parse(run('campaigns', 'agents', 'Renewals', '--team', 'cli-view', '--none', '--json').stdout).agents.length, 0);
    assert.equal(run('campaigns', 'agents', 'Renewals', '--team', 'cli-view').status, 2);

    const view = ['--team', 'cli-view', '--target', 'campaign', '--campaign', 'Renewals'];
    type Field = { key: string; label: string; type: string; position: number; isVisible: boolean; isEditable: boolean };
    const set = run('fields', 'set', ...view, '--order', 'mobile,name', '--label', 'mobile=Cell', '--type', 'note=address', '--hide', 'fax', '--editable', 'note', '--json');
    assert.equal(set.status, 0, set.stderr);
    const fields = JSON.parse(run('fields', 'list', ...view, '--json').stdout) as Field[];
    assert.deepEqual(fields.slice(0, 3).map((field) => [field.key, field.label, field.position]), [['mobile', 'Cell', 0], ['name', 'Name', 1], ['phone', 'Phone', 2]]);
    const byKey = new Map(fields.map((field) => [field.key, field]));
    assert.deepEqual([byKey.get('fax')?.isVisible, byKey.get('note')?.isEditable, byKey.get('note')?.type, byKey.get('email')?.isVisible], [false, true, 'address', true]);
    // Nothing changed for a key the campaign does not have, a field both hidden and shown, or a list's fixed fields.
    for (const args of [['--hide', 'nope'], ['--hide', 'fax', '--show', 'fax']]) assert.equal(run('fields', 'set', ...view, ...args).status, 2);
    assert.equal(run('fields', 'set', '--team', 'cli-view', '--target', 'blacklist', '--hide', 'note').status, 2);
    assert.deepEqual(JSON.parse(run('fields', 'list', ...view, '--json').stdout), fields);
  });

  it('keeps out the customers a "Do Not Call" column of the list marks, as blacklisted numbers (unless --blacklist allow)', () => {
    assert.equal(run('teams', 'create', 'cli-dnc').status, 0);
    const list = join(dir, 'crm-contacts.csv');
    writeFileSync(list, csv([['Name', 'Phone', 'Do Not Call'], ['Ann Lee', '415-555-0134', 'false'], ['Bo Chen', '415-555-0135', 'TRUE'], ['Cy Dee', '415-555-0136', '']]));
    const kept = JSON.parse(run('import', list, '--team', 'cli-dnc', '--target', 'individual', '--wait', '--json').stdout) as Record<string, number>;
    assert.deepEqual([kept['success'], kept['error']], [2, 1]);
    const errors = run('jobs', 'download', String(kept['id']), '--kind', 'error').stdout;
    assert.match(errors, /Bo Chen,415-555-0135,TRUE,3,"column ""Do Not Call"": ""TRUE"": the list marks this customer Do Not Call/);
    const allowed = JSON.parse(run('import', list, '--team', 'cli-dnc', '--target', 'individual', '--blacklist', 'allow', '--wait', '--json').stdout) as Record<string, number>;
    assert.deepEqual([allowed['success'], allowed['error'], allowed['duplicated']], [1, 0, 2]);
    // A Do Not Call list put on the team's blacklist is read as the numbers it holds.
    const listed = JSON.parse(run('import', list, '--team', 'cli-dnc', '--target', 'blacklist', '--mapping', 'Phone=number', '--wait', '--json').stdout) as Record<string, number>;
    assert.equal(listed['success'], 3);
    // Vicidial's lead status DNC marks a customer the same way, and the import says which column before it runs.
    const vicidial = join(dir, 'vicidial-list.csv');
    writeFileSync(vicidial, csv([['phone_number', 'first_name', 'status'], ['6175550134', 'Ann', 'NEW'], ['6175550135', 'Bo', 'DNC']]));
    const dialer = run('import', vicidial, '--team', 'cli-dnc', '--target', 'individual', '--wait');
    assert.match(dialer.stderr, /^Do Not Call: the customers column "status" marks are kept out as blacklisted numbers/m);
    assert.match(dialer.stdout, /1 imported, 1 errors/);
  });

  it("previews and imports a short list in its team country's code page (Windows-1254 for a Turkish team)", () => {
    const turkish = join(dir, 'musteriler.csv');
    writeFileSync(turkish, iconv.encode('Ad Soyad,Telefon,Şehir\r\nAyşe Yılmaz,+90 212 123 45 67,İstanbul\r\n', 'windows-1254'));
    assert.equal(run('teams', 'create', 'cli-team-tr', '--country', 'TR').status, 0);
    const preview = JSON.parse(run('preview', turkish, '--team', 'cli-team-tr', '--json').stdout) as { headers: string[]; rows: string[][] };
    assert.deepEqual([preview.headers, ...preview.rows], [['Ad Soyad', 'Telefon', 'Şehir'], ['Ayşe Yılmaz', '+90 212 123 45 67', 'İstanbul']]);
    assert.equal(run('import', turkish, '--team', 'cli-team-tr', '--target', 'individual', '--wait').status, 0);
    const rows = JSON.parse(run('customers', 'export', '--team', 'cli-team-tr', '--target', 'individual', '--json').stdout) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => [row['name'], row['city']]), [['Ayşe Yılmaz', 'İstanbul']]);
  });

  it('exports the table as CSV and JSON, with status and agent', () => {
    const json = run('customers', 'export', '--team', 'cli-team', '--target', 'individual', '--json');
    assert.equal(json.status, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((row) => [row['name'], row['mobile'], row['email'], row['note'], row['status'], row['agent']]), [
      ['Ann Lee', '+14155550134', 'ann@example.com', 'first', 'new', ''],
      ['Bo Chen', '+8613800138000', '', '', 'new', ''],
    ]);
    const text = run('customers', 'export', '--team', 'cli-team', '--target', 'individual');
    assert.match(text.stdout.split('\r\n')[0] ?? '', /^name,phone,mobile,.*,status,agent$/);
  });

  it('reverts a job: its rows are removed, the job shows it, and a second revert is refused with status 1', () => {
    const second = join(dir, 'more.csv');
    writeFileSync(second, csv([['Full Name', 'Mobile'], ['Cy Diaz', '415-555-0136'], ['Ann Lee', '(415) 555-0134']]));
    const imported = JSON.parse(run('import', second, '--team', 'cli-team', '--target', 'individual', '--wait', '--json').stdout) as { id: number; success: number };
    assert.equal(imported.success, 1);
    const result = run('jobs', 'revert', String(imported.id), '--json');
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(report, { id: imported.id, status: 'reverted', revertedAt: report['revertedAt'], removed: 1, restored: 0, kept: 0, dialRemoved: 0, keptRows: [] });
    const names = (JSON.parse(run('customers', 'export', '--team', 'cli-team', '--target', 'individual', '--json').stdout) as Array<Record<string, string>>).map((row) => row['name']);
    assert.deepEqual(names, ['Ann Lee', 'Bo Chen']);
    assert.match(run('jobs', 'show', String(imported.id)).stdout, /revert {4}reverted .*: 1 removed, 0 restored, 0 kept/);
    assert.match(run('jobs', 'list').stdout, new RegExp(`^${imported.id}\tclose \\(reverted\\)\tindividual\t`, 'm'));
    const again = run('jobs', 'revert', String(imported.id), '--json');
    assert.equal(again.status, 1);
    assert.equal((JSON.parse(again.stdout) as { error: { code: string } }).error.code, 'JOB_NOT_REVERTIBLE');
  });

  it('answers bad usage and bad input with exit status 2 and one JSON error document', () => {
    const unknown = run('import', file, '--team', 'cli-team', '--target', 'people', '--json');
    assert.equal(unknown.status, 2);
    assert.equal((JSON.parse(unknown.stdout) as { error: { code: string } }).error.code, 'BAD_USAGE');
    const missing = run('preview', join(dir, 'nope.csv'), '--json');
    assert.equal(missing.status, 2);
    assert.match((JSON.parse(missing.stdout) as { error: { message: string } }).error.message, /nope\.csv/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const refused = run('import', empty, '--team', 'cli-team', '--target', 'individual', '--wait', '--json');
    assert.equal(refused.status, 2);
    assert.equal((JSON.parse(refused.stdout) as { error: { code: string } }).error.code, 'FILE_EMPTY');
    assert.equal(run('jobs', 'show', '999999', '--json').status, 2);
    assert.equal(run('frobnicate').status, 2);
    // A day the month does not have is refused, not rolled over into March (the job would run on another day).
    const misdated = run('import', file, '--team', 'cli-team', '--target', 'individual', '--at', '2027-02-30T20:00', '--json');
    assert.equal(misdated.status, 2);
    assert.match((JSON.parse(misdated.stdout) as { error: { message: string } }).error.message, /--at must be an ISO time .*a day the calendar has \(got "2027-02-30T20:00"\)/);
    // The dial list's options belong to a campaign's customers: a blacklist import that names them is told so.
    const dialing = run('import', file, '--team', 'cli-team', '--target', 'blacklist', '--mapping', 'Mobile=number', '--dial-phone', 'phone', '--json');
    assert.equal(dialing.status, 2);
    assert.match((JSON.parse(dialing.stdout) as { error: { message: string } }).error.message, /for a campaign's customers \(target campaign\); the blacklist target has no dial list/);
    // A file of which no column is mapped to a name or a phone would fail every record: refused, no job made.
    const unmapped = join(dir, 'unmapped.csv');
    writeFileSync(unmapped, csv([['Foo', 'Bar'], ['x', 'y']]));
    const jobsBefore = run('jobs', 'list', '--json').stdout;
    const nothing = run('import', unmapped, '--team', 'cli-team', '--target', 'individual', '--wait', '--json');
    assert.equal(nothing.status, 2);
    const error = (JSON.parse(nothing.stdout) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'BAD_INPUT');
    assert.match(error.message, /No column of "unmapped\.csv" is mapped to name or phone.*Its columns: Foo, Bar\. .*--mapping 'Foo=name'/);
    assert.equal(run('jobs', 'list', '--json').stdout, jobsBefore);
    // A report whose title lines are more than can be told from a header: the answer says to skip them.
    const report = join(dir, 'report.csv');
    writeFileSync(report, `${['Lead Report', 'Range: November', 'By: admin', 'Filter: open', 'Sort: name', 'Region: West', 'Page 1'].join('\n')}\n${csv([['Name', 'Phone'], ['Ann Lee', '415-555-0134']])}`);
    const titled = run('import', report, '--team', 'cli-team', '--target', 'individual', '--json');
    assert.equal(titled.status, 2);
    assert.match((JSON.parse(titled.stdout) as { error: { message: string } }).error.message, /Its columns: Lead Report, Column 2\. .*skip those lines \(--skip-top N/);
    assert.equal(run('import', report, '--team', 'cli-team', '--target', 'individual', '--skip-top', '7', '--wait', '--json').status, 0);
    assert.equal(run('import', unmapped, '--team', 'cli-team', '--target', 'individual', '--mapping', 'Foo=name', '--wait', '--json').status, 0);
  });

  it("prints a command's usage for --help and the version for --version, with status 0", () => {
    const help = run('import', '--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: intake import FILE --team NAME --target T/);
    assert.match(run('jobs', 'download', '-h').stdout, /intake jobs download ID --kind success\|error\|duplicated\|original/);
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^intake \d+\.\d+\.\d+\n$/);
  });

  it('ends quietly, status 0, when the reader of its output stops reading (| head)', () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, `Name,Phone\n${'Ann Lee,415-555-0134\n'.repeat(100_000)}`);
    // Scheduled far ahead, so that nothing imports it: only its original file is downloaded.
    const scheduled = run('import', big, '--team', 'cli-team', '--target', 'individual', '--at', '2999-01-01T00:00:00Z', '--json');
    assert.equal(scheduled.status, 0, scheduled.stderr);
    const id = String((JSON.parse(scheduled.stdout) as { id: number }).id);
    try {
      const piped = spawnSync('bash', ['-c', '"$0" "$1" jobs download "$2" --kind original | head -c 5; echo; echo "status ${PIPESTATUS[0]}"', process.execPath, join(ROOT, 'bin/intake'), id], {
        env: { ...process.env, DATABASE_URL: suite.test.url, INTAKE_DATA_DIR: suite.test.dataDir, INTAKE_LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      assert.equal(piped.stdout, 'Name,\nstatus 0\n');
      assert.equal(piped.stderr, '');
    } finally {
      assert.equal(run('jobs', 'cancel', id).status, 0);
    }
  });
});
