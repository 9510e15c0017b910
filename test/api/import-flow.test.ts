import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApi } from './support/api-harness.js';
import { assertError, readEventStream, type ApiClient } from './support/api-client.js';

type Upload = { id: number; teamId: number; name: string; size: number; format: string; encoding: string | null; delimiter: string | null; sheets: string[]; sheet: string | null; createdAt: number; expiresAt: number | null };
type Job = { id: number; teamId: number; status: string; target: string; total: number | null; success: number; error: number; duplicated: number; campaignId: number | null };
type Created = {
  job: Job;
  campaign: { id: number; name: string; packageName: string } | null;
  campaignCreated: boolean;
  createdFields: Array<{ key: string; label: string; type: string }>;
  draftFields: Array<{ key: string; label: string; type: string }>;
};

const LEADS = [
  'Name,Phone,Email,Lead Source',
  'Alice Smith,(415) 555-0101,alice@example.com,web',
  'Bob Jones,415-555-0102,bob@example.com,fair',
  'Alice Again,415.555.0101,alice2@example.com,web',
  ',,,nobody',
  '',
].join('\r\n');

async function uploadLeads(client: ApiClient, name = 'spring-leads.csv', query = ''): Promise<Upload> {
  const response = await client.upload<Upload>(name, LEADS, query);
  assert.equal(response.status, 201, response.text);
  return response.body;
}

describeApi(
  'the import over HTTP',
  (api) => {
    let manager: ApiClient;
    let upload: Upload;
    let job: Job;

    it('uploads a file: stored under a generated name, described with its format, encoding and delimiter', async () => {
      manager = await api.signedIn('managerNorth');
      upload = await uploadLeads(manager);
      assert.equal(upload.teamId, api.fixtures.north.id);
      assert.equal(upload.name, 'spring-leads.csv');
      assert.equal(upload.size, Buffer.byteLength(LEADS));
      assert.equal(upload.format, 'csv');
      assert.equal(upload.delimiter, ',');
      assert.ok(upload.encoding);
      assert.ok(upload.expiresAt && upload.expiresAt > Date.now());
      const row = await api.context.repositories.uploads.findById(upload.id);
      assert.ok(row && !row.storage_key.includes('spring-leads'), 'the stored name is generated, not the user\'s');
      const again = await manager.get<Upload>(`/api/uploads/${upload.id}`);
      assert.deepEqual(again.body, upload);
    });

    it('keeps a quote in the file name, which the browser sends as %22', async () => {
      const quoted = await uploadLeads(manager, 'Spring "VIP" leads.csv');
      assert.equal(quoted.name, 'Spring "VIP" leads.csv');
      assert.equal((await manager.delete(`/api/uploads/${quoted.id}`)).status, 204);
    });

    it('previews it with the suggested mapping and, for an empty main table, the fields Import & Start would add', async () => {
      const preview = await manager.get<{
        headers: string[];
        rows: string[][];
        mapping: Array<{ header: string; field: string | null; confidence: number; source: string | null }>;
        fields: Array<{ key: string; isRequired: boolean }>;
        proposedFields: Array<{ header: string; key: string; type: string }> | null;
        requiredOneOf: string[];
        sheet: string | null;
        doNotCallColumn: string | null;
      }>(`/api/uploads/${upload.id}/preview?target=individual`);
      assert.equal(preview.status, 200, preview.text);
      assert.deepEqual(preview.body.headers, ['Name', 'Phone', 'Email', 'Lead Source']);
      assert.equal(preview.body.rows.length, 4);
      assert.deepEqual(preview.body.rows[0], ['Alice Smith', '(415) 555-0101', 'alice@example.com', 'web']);
      assert.deepEqual(preview.body.mapping.map((m) => m.field), ['name', 'phone', 'email', null]);
      assert.ok(preview.body.fields.some((field) => field.key === 'birthday'));
      assert.deepEqual(preview.body.proposedFields?.map((field) => field.key), ['lead_source']);
      assert.deepEqual(preview.body.requiredOneOf, ['name', 'phone'], 'a customer needs a name or a phone');
      assert.equal(preview.body.sheet, null);
      assert.equal(preview.body.doNotCallColumn, null);

      // Skipping the header row leaves rows that start with a customer: no header, so Alice is a record, not lost.
      const skipped = await manager.get<{ headers: string[]; rows: string[][] }>(`/api/uploads/${upload.id}/preview?target=blacklist&skipTop=1`);
      assert.equal(skipped.status, 200, skipped.text);
      assert.deepEqual(skipped.body.headers, ['Column 1', 'Column 2', 'Column 3', 'Column 4']);
      assert.equal(skipped.body.rows[0]?.[0], 'Alice Smith');
      assertError(await manager.get(`/api/uploads/${upload.id}/preview?target=nowhere`), 400, 'BAD_INPUT');
      assertError(await manager.get(`/api/uploads/${upload.id}/preview?target=individual&encoding=no-such-encoding`), 400);
    });

    it('creates an import job and follows its event stream until it is closed', async () => {
      const created = await manager.post<Created>('/api/imports', { uploadId: upload.id, target: 'individual' });
      assert.equal(created.status, 201, created.text);
      job = created.body.job;
      assert.equal(job.teamId, api.fixtures.north.id);
      assert.ok(['pending', 'running'].includes(job.status));
      assert.deepEqual(created.body.createdFields.map((field) => field.key), ['lead_source']);

      const stream = await readEventStream(manager, `/api/jobs/${job.id}/events`);
      assert.equal(stream.status, 200);
      assert.match(stream.contentType ?? '', /^text\/event-stream/);
      assert.ok(stream.events.some((event) => event.event === 'progress'));
      const end = stream.events.at(-1);
      assert.equal(end?.event, 'end');
      const ended = end?.data as Job;
      assert.equal(ended.status, 'close');
      assert.deepEqual([ended.success, ended.error, ended.duplicated, ended.total], [2, 1, 1, 4]);
    });

    it('shows the job with its files, rate and ETA, and lists it by status and target', async () => {
      const detail = await manager.get<Job & { files: Array<{ kind: string; records: number }>; rate: number | null; etaSeconds: number | null }>(`/api/jobs/${job.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.status, 'close');
      assert.deepEqual(detail.body.files.map((file) => file.kind).sort(), ['duplicated', 'error', 'original', 'success']);
      assert.equal(detail.body.etaSeconds, 0);
      assert.ok(detail.body.rate === null || detail.body.rate > 0);

      const closed = await manager.get<{ jobs: Job[] }>('/api/jobs?status=close&target=individual');
      assert.deepEqual(closed.body.jobs.map((listed) => listed.id), [job.id]);
      const none = await manager.get<{ jobs: Job[] }>('/api/jobs?target=blacklist');
      assert.deepEqual(none.body.jobs, []);
      const older = await manager.get<{ jobs: Job[] }>(`/api/jobs?before=${job.id}`);
      assert.deepEqual(older.body.jobs, []);
      assertError(await manager.get('/api/jobs?status=done'), 400, 'BAD_INPUT');
    });

    it('downloads all four files as attachments: success, error with line and reason, duplicated, and the original byte for byte', async () => {
      const success = await manager.get(`/api/jobs/${job.id}/files/success`);
      assert.equal(success.status, 200);
      assert.match(success.headers.get('content-disposition') ?? '', /^attachment; filename="job-\d+-success\.csv"/);
      assert.match(success.text, /Alice Smith/);
      assert.match(success.text, /Bob Jones/);
      assert.doesNotMatch(success.text, /Alice Again/);

      const error = await manager.get(`/api/jobs/${job.id}/files/error`);
      assert.equal(error.status, 200);
      assert.match(error.text, /line,reason/);
      assert.match(error.text, /nobody,5,/);

      const duplicated = await manager.get(`/api/jobs/${job.id}/files/duplicated`);
      assert.equal(duplicated.status, 200);
      assert.match(duplicated.text, /Alice Again/);

      const original = await manager.get(`/api/jobs/${job.id}/files/original`);
      assert.equal(original.status, 200);
      assert.equal(original.text, LEADS);
      assert.match(original.headers.get('content-disposition') ?? '', /filename="spring-leads\.csv"; filename\*=UTF-8''spring-leads\.csv/);
      assertError(await manager.get(`/api/jobs/${job.id}/files/everything`), 400, 'BAD_INPUT');
    });

    it('remembers the mapping used for the target: the next file with the same header maps itself', async () => {
      const next = await uploadLeads(manager, 'more-leads.csv');
      const preview = await manager.get<{ mapping: Array<{ field: string | null; source: string | null }>; proposedFields: unknown }>(`/api/uploads/${next.id}/preview?target=individual`);
      assert.deepEqual(preview.body.mapping.map((m) => [m.field, m.source]), [['name', 'saved'], ['phone', 'saved'], ['email', 'saved'], ['lead_source', 'saved']]);
      assert.equal(preview.body.proposedFields, null, 'the table is no longer empty');
      assert.equal((await manager.delete(`/api/uploads/${next.id}`)).status, 204);
    });

    it("joins a name split over columns when the mapping names every column, as the wizard sends it, and again for the same header", async () => {
      for (const [index, row] of ['Okafor,Ngozi,617-555-0142,12 Elm St,Apt 3', 'Nakamura,Kenji,617-555-0143,4 Oak Ave,Suite 9'].entries()) {
        const response = await manager.upload<Upload>(`split-${index}.csv`, `Last Name,First Name,Phone,Address,Address Line 2\r\n${row}\r\n`);
        assert.equal(response.status, 201, response.text);
        const preview = await manager.get<{ mapping: Array<{ header: string; field: string | null }> }>(`/api/uploads/${response.body.id}/preview?target=individual`);
        assert.deepEqual(preview.body.mapping.map((m) => m.field), ['name', 'name', 'phone', 'address', 'address']);
        const mapping = Object.fromEntries(preview.body.mapping.map((m) => [m.header, m.field]));
        const created = await manager.post<Created>('/api/imports', { uploadId: response.body.id, target: 'individual', mapping });
        assert.equal(created.status, 201, created.text);
        const stream = await readEventStream(manager, `/api/jobs/${created.body.job.id}/events`);
        assert.equal((stream.events.at(-1)?.data as Job).success, 1);
      }
      for (const [phone, name, address] of [['617-555-0142', 'Ngozi Okafor', '12 Elm St, Apt 3'], ['617-555-0143', 'Kenji Nakamura', '4 Oak Ave, Suite 9']]) {
        const found = await manager.get<{ customers: Array<{ values: Record<string, string | null> }> }>(`/api/customers?target=individual&q=${phone}`);
        assert.deepEqual(found.body.customers.map((customer) => [customer.values['name'], customer.values['address']]), [[name, address]]);
      }
    });

    it('keeps an upload a job uses: it cannot be deleted and never expires', async () => {
      const kept = await manager.get<Upload>(`/api/uploads/${upload.id}`);
      assert.equal(kept.body.expiresAt, null);
      assertError(await manager.delete(`/api/uploads/${upload.id}`), 409, 'CONFLICT');
    });

    it('answers 404 for another team\'s job, its files, events and upload, and 401/403 without a session or the role', async () => {
      const south = await api.signedIn('managerSouth');
      assertError(await south.get(`/api/jobs/${job.id}`), 404, 'NOT_FOUND');
      assertError(await south.post(`/api/jobs/${job.id}/cancel`), 404, 'NOT_FOUND');
      assertError(await south.post(`/api/jobs/${job.id}/revert`), 404, 'NOT_FOUND');
      for (const kind of ['success', 'error', 'duplicated', 'original']) assertError(await south.get(`/api/jobs/${job.id}/files/${kind}`), 404, 'NOT_FOUND');
      assertError(await south.get(`/api/jobs/${job.id}/events`), 404, 'NOT_FOUND');
      assertError(await south.get(`/api/uploads/${upload.id}`), 404, 'NOT_FOUND');
      assertError(await south.get(`/api/uploads/${upload.id}/preview?target=individual`), 404, 'NOT_FOUND');
      assertError(await south.delete(`/api/uploads/${upload.id}`), 404, 'NOT_FOUND');
      assertError(await south.post('/api/imports', { uploadId: upload.id, target: 'individual' }), 404, 'NOT_FOUND');
      const southJobs = await south.get<{ jobs: Job[] }>('/api/jobs');
      assert.deepEqual(southJobs.body.jobs, []);
      assertError(await south.get(`/api/jobs?teamId=${api.fixtures.north.id}`), 404, 'NOT_FOUND');

      const anonymous = api.client();
      for (const path of ['/api/jobs', `/api/jobs/${job.id}`, `/api/jobs/${job.id}/events`, `/api/jobs/${job.id}/files/success`, `/api/uploads/${upload.id}`, `/api/uploads/${upload.id}/preview?target=individual`]) {
        assertError(await anonymous.get(path), 401, 'UNAUTHENTICATED');
      }
      assertError(await anonymous.post('/api/imports', { uploadId: upload.id, target: 'individual' }), 401, 'UNAUTHENTICATED');
      assertError(await anonymous.upload('x.csv', 'a,b\n1,2\n'), 401, 'UNAUTHENTICATED');

      const agent = await api.signedIn('agentNorth');
      assertError(await agent.get('/api/jobs'), 403, 'FORBIDDEN');
      assertError(await agent.get(`/api/jobs/${job.id}/files/original`), 403, 'FORBIDDEN');
      assertError(await agent.post(`/api/jobs/${job.id}/revert`), 403, 'FORBIDDEN');
      assertError(await agent.upload('x.csv', 'a,b\n1,2\n'), 403, 'FORBIDDEN');
      assertError(await agent.post('/api/imports', { uploadId: upload.id, target: 'individual' }), 403, 'FORBIDDEN');
    });

    it('lets an administrator see every team\'s jobs and choose the team of an upload', async () => {
      const admin = await api.signedIn('admin');
      const all = await admin.get<{ jobs: Job[] }>('/api/jobs');
      assert.ok(all.body.jobs.some((listed) => listed.id === job.id));
      assertError(await admin.upload('south.csv', LEADS), 400, 'BAD_INPUT');
      const southUpload = await uploadLeads(admin, 'south.csv', `?teamId=${api.fixtures.south.id}`);
      assert.equal(southUpload.teamId, api.fixtures.south.id);
      const southJobs = await admin.get<{ jobs: Job[] }>(`/api/jobs?teamId=${api.fixtures.south.id}`);
      assert.deepEqual(southJobs.body.jobs, []);
      assert.equal((await admin.delete(`/api/uploads/${southUpload.id}`)).status, 204);
      assertError(await admin.get(`/api/uploads/${southUpload.id}`), 404, 'NOT_FOUND');
    });

    it('schedules a job for later and cancels it; a second cancel is refused', async () => {
      const later = await uploadLeads(manager);
      const created = await manager.post<Created>('/api/imports', { uploadId: later.id, target: 'mass-target', at: '2099-01-01T08:00:00Z', duplicate: 'update', dryRun: true });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.job.status, 'pending');
      const cancelled = await manager.post<Job>(`/api/jobs/${created.body.job.id}/cancel`);
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.status, 'cancelled');
      assertError(await manager.post(`/api/jobs/${created.body.job.id}/cancel`), 409, 'JOB_NOT_CANCELLABLE');
      // A dry run stored nothing: there is nothing to revert.
      assertError(await manager.post(`/api/jobs/${created.body.job.id}/revert`), 409, 'JOB_NOT_REVERTIBLE');
      const stream = await readEventStream(manager, `/api/jobs/${created.body.job.id}/events`);
      assert.equal(stream.events.at(-1)?.event, 'end');
      assertError(await manager.post('/api/imports', { uploadId: later.id, target: 'individual', at: 'tomorrow' }), 400, 'BAD_INPUT');
      assertError(await manager.post('/api/imports', { uploadId: later.id, target: 'individual', mapping: { Nope: 'name' } }), 400, 'BAD_INPUT');
      assertError(await manager.post('/api/imports', { uploadId: later.id, target: 'individual', surprise: true }), 400, 'BAD_INPUT');
    });

    it('asks to confirm a file whose name does not match the customer package (409 NAME_MISMATCH), then imports it', async () => {
      const campaign = await manager.post<{ id: number }>('/api/campaigns', { name: 'Autumn Promo' });
      assert.equal(campaign.status, 201, campaign.text);
      const mismatched = await uploadLeads(manager, 'spring-leads.csv');
      const refused = await manager.post('/api/imports', { uploadId: mismatched.id, target: 'campaign', campaignId: campaign.body.id });
      assertError(refused, 409, 'NAME_MISMATCH');
      assert.match((refused.body as { message: string }).message, /Import Not Match/);
      const confirmed = await manager.post<Created>('/api/imports', {
        uploadId: mismatched.id,
        target: 'campaign',
        campaignId: campaign.body.id,
        confirmNameMismatch: true,
        mapping: { 'Lead Source': null },
        dial: { phoneField: 'phone', priority: 3, dialAt: '2099-01-01T09:00:00Z', duplicates: 'ignore-success' },
      });
      assert.equal(confirmed.status, 201, confirmed.text);
      assert.equal(confirmed.body.campaign?.id, campaign.body.id);
      const south = await api.signedIn('managerSouth');
      const southUpload = await uploadLeads(south, 'autumn-promo.csv');
      assertError(await south.post('/api/imports', { uploadId: southUpload.id, target: 'campaign', campaignId: campaign.body.id }), 404, 'NOT_FOUND');
    });

    it('Import & Start: a new campaign name creates the campaign and its fields from the header, with chosen types', async () => {
      const file = await uploadLeads(manager, 'Summer Leads.csv');
      const preview = await manager.get<{ proposedFields: Array<{ header: string; key: string; type: string }> | null }>(
        `/api/uploads/${file.id}/preview?target=campaign&campaignName=${encodeURIComponent('Summer Leads')}`,
      );
      assert.deepEqual(preview.body.proposedFields?.map((field) => [field.header, field.key, field.type]), [
        ['Name', 'name', 'text'],
        ['Phone', 'phone', 'phone'],
        ['Email', 'email', 'email'],
        ['Lead Source', 'lead_source', 'text'],
      ]);
      // A dry run makes neither the campaign nor its fields: it checks the records against the fields it would have.
      const dry = await manager.post<Created>('/api/imports', { uploadId: file.id, target: 'campaign', campaignName: 'Summer Leads', fieldTypes: { 'Lead Source': 'number' }, dryRun: true });
      assert.equal(dry.status, 201, dry.text);
      assert.deepEqual([dry.body.campaign, dry.body.campaignCreated, dry.body.createdFields], [null, false, []]);
      assert.deepEqual(dry.body.draftFields.map((field) => `${field.key}:${field.type}`), ['name:text', 'phone:phone', 'email:email', 'lead_source:number']);
      assert.equal((await readEventStream(manager, `/api/jobs/${dry.body.job.id}/events`)).events.at(-1)?.event, 'end');
      assert.ok(!(await manager.get<{ campaigns: Array<{ name: string }> }>('/api/campaigns')).body.campaigns.some((campaign) => campaign.name === 'Summer Leads'));
      const created = await manager.post<Created>('/api/imports', { uploadId: file.id, target: 'campaign', campaignName: 'Summer Leads', fieldTypes: { 'Lead Source': 'number' } });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.campaign?.name, 'Summer Leads');
      assert.equal(created.body.campaignCreated, true);
      assert.deepEqual(created.body.createdFields.map((field) => `${field.key}:${field.type}`), ['name:text', 'phone:phone', 'email:email', 'lead_source:number']);
      const stream = await readEventStream(manager, `/api/jobs/${created.body.job.id}/events`);
      assert.equal((stream.events.at(-1)?.data as Job).status, 'close');
      // The next list into that campaign finds it: it is not made again, nor said to be.
      const next = await manager.post<Created>('/api/imports', { uploadId: (await uploadLeads(manager, 'summer-leads-2.csv')).id, target: 'campaign', campaignName: 'Summer Leads' });
      assert.equal(next.status, 201, next.text);
      assert.deepEqual([next.body.campaign?.name, next.body.campaignCreated], ['Summer Leads', false]);
    });

    it("names a list's own Do Not Call column in the preview of a customer import, whose marked rows it keeps out", async () => {
      const marked = await manager.upload<Upload>('crm.csv', 'Name,Phone,DNC\nAnn,(415) 555-0171,\nBo,(415) 555-0172,Y\n');
      assert.equal(marked.status, 201, marked.text);
      const preview = await manager.get<{ doNotCallColumn: string | null }>(`/api/uploads/${marked.body.id}/preview?target=mass-target`);
      assert.equal(preview.body.doNotCallColumn, 'DNC');
      assert.equal((await manager.get<{ doNotCallColumn: string | null }>(`/api/uploads/${marked.body.id}/preview?target=whitelist`)).body.doNotCallColumn, null);
      const created = await manager.post<Created>('/api/imports', { uploadId: marked.body.id, target: 'mass-target' });
      assert.equal(created.status, 201, created.text);
      const ended = (await readEventStream(manager, `/api/jobs/${created.body.job.id}/events`)).events.at(-1)?.data as Job;
      assert.deepEqual([ended.success, ended.error], [1, 1]);
    });

    it('adds a column the table has no field for as a new field (newFields), shown in the agent view after the others', async () => {
      // An import before, which left Lead Source out: the table is no longer empty, so its next lists make no field by
      // themselves (and the saved mapping leaves the column out too) unless asked to.
      const first = await manager.post<Created>('/api/imports', { uploadId: (await uploadLeads(manager, 'org-1.csv')).id, target: 'organization', mapping: { 'Lead Source': null } });
      assert.equal(first.status, 201, first.text);
      await readEventStream(manager, `/api/jobs/${first.body.job.id}/events`);
      const file = await uploadLeads(manager, 'org-2.csv');
      const created = await manager.post<Created>('/api/imports', { uploadId: file.id, target: 'organization', newFields: { 'Lead Source': 'auto' } });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(created.body.createdFields.map((field) => `${field.key}:${field.label}:${field.type}`), ['lead_source:Lead Source:text']);
      const fields = await manager.get<Array<{ key: string; isCustom: boolean }>>('/api/fields?target=organization');
      assert.deepEqual(fields.body.at(-1), { ...fields.body.at(-1), key: 'lead_source', isCustom: true });
      assertError(await manager.post('/api/imports', { uploadId: file.id, target: 'whitelist', newFields: { 'Lead Source': 'text' } }), 400, 'BAD_USAGE');
      assertError(await manager.post('/api/imports', { uploadId: file.id, target: 'organization', newFields: { 'Lead Source': 'colour' } }), 400);
    });

    it('reverts a closed job: its customers are removed, the job shows the revert, and its report lists what was kept', async () => {
      const file = await uploadLeads(manager, 'revert-me.csv');
      const created = await manager.post<Created>('/api/imports', { uploadId: file.id, target: 'mass-target' });
      assert.equal(created.status, 201, created.text);
      const id = created.body.job.id;
      const stream = await readEventStream(manager, `/api/jobs/${id}/events`);
      assert.equal((stream.events.at(-1)?.data as Job).success, 2);
      assertError(await manager.get(`/api/jobs/${id}/revert`), 404, 'NOT_FOUND');
      const reverted = await manager.post<{ status: string; removed: number; kept: number; keptRows: unknown[] }>(`/api/jobs/${id}/revert`);
      assert.equal(reverted.status, 200, reverted.text);
      assert.deepEqual([reverted.body.status, reverted.body.removed, reverted.body.kept, reverted.body.keptRows], ['reverted', 2, 0, []]);
      const shown = await manager.get<Job & { revert: { status: string; removed: number } | null }>(`/api/jobs/${id}`);
      assert.deepEqual([shown.body.status, shown.body.revert?.status, shown.body.revert?.removed], ['close', 'reverted', 2]);
      assert.equal((await manager.get<{ removed: number }>(`/api/jobs/${id}/revert`)).body.removed, 2);
      assertError(await manager.post(`/api/jobs/${id}/revert`), 409, 'JOB_NOT_REVERTIBLE');
    });
  },
  { hasWorker: true },
);
