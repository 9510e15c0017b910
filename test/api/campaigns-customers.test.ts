import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApi } from './support/api-harness.js';
import { assertError, readEventStream, type ApiClient } from './support/api-client.js';

type Campaign = { id: number; teamId: number; name: string; mainTable: string; packageName: string; hasDialer: boolean; agentIds?: number[] };
type Field = { key: string; label: string; type: string; position: number; isCustom: boolean; isVisible: boolean; isEditable: boolean };
type CustomerPage = { fields: Array<{ key: string }>; customers: Array<{ id: number; values: Record<string, string | null>; status: string; agent: string | null }>; nextAfter: number | null };
type CustomerCard = { id: number; campaignId: number | null; status: string; fields: Array<{ key: string; label: string; type: string; value: string | null; isEditable: boolean; actions: Array<{ kind: string; href: string }> }> };

const SUMMER = [
  'Name,Mobile,Email,Address,Fax,Lead Source',
  'Carol White,415-555-0141,carol@example.com,1 Market St San Francisco,415-555-0199,radio',
  'Dan Brown,415-555-0142,dan@example.com,2 Mission St San Francisco,,web',
  'Eve Black,415-555-0143,eve@example.com,3 Howard St San Francisco,,web',
].join('\n');

/** Uploads a file, imports it and follows the job to its end. */
async function importFile(client: ApiClient, fileName: string, content: string, request: Record<string, unknown>): Promise<{ campaignId: number | null }> {
  const upload = await client.upload<{ id: number }>(fileName, content);
  assert.equal(upload.status, 201, upload.text);
  const created = await client.post<{ job: { id: number }; campaign: { id: number } | null }>('/api/imports', { uploadId: upload.body.id, ...request });
  assert.equal(created.status, 201, created.text);
  const stream = await readEventStream(client, `/api/jobs/${created.body.job.id}/events`);
  assert.equal((stream.events.at(-1)?.data as { status: string }).status, 'close');
  return { campaignId: created.body.campaign?.id ?? null };
}

describeApi(
  'campaigns, fields, customers and lists',
  (api) => {
    let manager: ApiClient;
    let agent: ApiClient;
    let summerId: number;

    it('creates campaigns and lists them: supervisors see their team\'s, agents the ones they work', async () => {
      manager = await api.signedIn('managerNorth');
      agent = await api.signedIn('agentNorth');
      const created = await manager.post<Campaign>('/api/campaigns', { name: 'Spring Calls', mainTable: 'organization', hasDialer: true, agentIds: [api.fixtures.users.agentNorth.id] });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual([created.body.mainTable, created.body.packageName, created.body.hasDialer, created.body.agentIds], ['organization', 'Spring Calls', true, [api.fixtures.users.agentNorth.id]]);
      assertError(await manager.post('/api/campaigns', { name: 'Spring Calls' }), 409, 'CONFLICT');
      assertError(await manager.post('/api/campaigns', { name: 'Bad Agents', agentIds: [api.fixtures.users.agentSouth.id] }), 404, 'NOT_FOUND');
      assertError(await manager.post('/api/campaigns', { name: 'Elsewhere', teamId: api.fixtures.south.id }), 404, 'NOT_FOUND');
      assertError(await agent.post('/api/campaigns', { name: 'Mine' }), 403, 'FORBIDDEN');
      assertError(await (await api.signedIn('admin')).post('/api/campaigns', { name: 'Nowhere', teamId: 999_999 }), 404, 'NOT_FOUND');
      assertError(await api.client().get('/api/campaigns'), 401, 'UNAUTHENTICATED');

      const listed = await manager.get<{ campaigns: Campaign[] }>('/api/campaigns');
      assert.deepEqual(listed.body.campaigns.map((campaign) => campaign.name), ['Spring Calls']);
      assert.deepEqual((await agent.get<{ campaigns: Campaign[] }>('/api/campaigns')).body.campaigns.map((campaign) => campaign.name), ['Spring Calls']);
      const otherAgent = await api.signedIn('otherAgentNorth');
      assert.deepEqual((await otherAgent.get<{ campaigns: Campaign[] }>('/api/campaigns')).body.campaigns, []);
      assertError(await otherAgent.get(`/api/campaigns/${created.body.id}`), 404, 'NOT_FOUND');
      const south = await api.signedIn('managerSouth');
      assert.deepEqual((await south.get<{ campaigns: Campaign[] }>('/api/campaigns')).body.campaigns, []);
      assertError(await south.get(`/api/campaigns/${created.body.id}`), 404, 'NOT_FOUND');
      assertError(await south.put(`/api/campaigns/${created.body.id}/agents`, { userIds: [] }), 404, 'NOT_FOUND');
      assert.equal((await agent.get<Campaign>(`/api/campaigns/${created.body.id}`)).body.name, 'Spring Calls');
    });

    it('imports a new campaign (Import & Start) and sets the agents who work it', async () => {
      const imported = await importFile(manager, 'summer-leads.csv', SUMMER, { target: 'campaign', campaignName: 'Summer Leads' });
      assert.ok(imported.campaignId);
      summerId = imported.campaignId;
      const assigned = await manager.put<Campaign>(`/api/campaigns/${summerId}/agents`, { userIds: [api.fixtures.users.agentNorth.id] });
      assert.equal(assigned.status, 200, assigned.text);
      assert.deepEqual(assigned.body.agentIds, [api.fixtures.users.agentNorth.id]);
      assertError(await manager.put(`/api/campaigns/${summerId}/agents`, { userIds: [api.fixtures.users.managerSouth.id] }), 404, 'NOT_FOUND');
      assertError(await agent.put(`/api/campaigns/${summerId}/agents`, { userIds: [] }), 403, 'FORBIDDEN');
    });

    it('arranges the agent view: order, labels, types, visible and editable', async () => {
      const fields = await manager.get<Field[]>(`/api/fields?target=campaign&campaignId=${summerId}`);
      assert.equal(fields.status, 200, fields.text);
      assert.deepEqual(fields.body.map((field) => `${field.key}:${field.type}`), ['name:text', 'mobile:phone', 'email:email', 'address:address', 'fax:fax', 'lead_source:text']);
      const layout = [...fields.body].reverse().map((field) => ({
        ...field,
        label: field.key === 'lead_source' ? 'Source' : field.label,
        isVisible: field.key !== 'fax',
        isEditable: field.key === 'lead_source',
      }));
      const arranged = await manager.put<Field[]>(`/api/fields?target=campaign&campaignId=${summerId}`, layout);
      assert.equal(arranged.status, 200, arranged.text);
      assert.deepEqual(arranged.body.map((field) => field.key), ['lead_source', 'fax', 'address', 'email', 'mobile', 'name']);
      assert.deepEqual(arranged.body.map((field) => field.position), [0, 1, 2, 3, 4, 5]);
      assert.equal(arranged.body[0]?.label, 'Source');
      assert.equal(arranged.body.find((field) => field.key === 'fax')?.isVisible, false);

      assertError(await manager.put(`/api/fields?target=campaign&campaignId=${summerId}`, layout.slice(1)), 400, 'BAD_INPUT');
      assertError(await manager.put(`/api/fields?target=campaign&campaignId=${summerId}`, [...layout, { ...layout[0], key: 'extra' }]), 400, 'BAD_INPUT');
      assertError(await manager.put('/api/fields?target=blacklist', []), 400, 'BAD_INPUT');
      assertError(await agent.get(`/api/fields?target=campaign&campaignId=${summerId}`), 403, 'FORBIDDEN');
      const south = await api.signedIn('managerSouth');
      assertError(await south.get(`/api/fields?target=campaign&campaignId=${summerId}`), 404, 'NOT_FOUND');
      const individual = await manager.get<Field[]>('/api/fields?target=individual');
      assert.equal(individual.body[0]?.key, 'name');
      const blacklist = await manager.get<Field[]>('/api/fields?target=blacklist');
      assert.deepEqual(blacklist.body.map((field) => field.key), ['number', 'note']);
    });

    it('pages and searches a campaign\'s customers by name, phone digits and email', async () => {
      const all = await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}`);
      assert.equal(all.status, 200, all.text);
      assert.deepEqual(all.body.fields.map((field) => field.key), ['lead_source', 'fax', 'address', 'email', 'mobile', 'name']);
      assert.deepEqual(all.body.customers.map((customer) => customer.values.name), ['Carol White', 'Dan Brown', 'Eve Black']);
      assert.equal(all.body.customers[0]?.values.lead_source, 'radio');
      assert.equal(all.body.customers[0]?.status, 'new');
      assert.equal(all.body.nextAfter, null);

      const first = await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}&limit=2`);
      assert.equal(first.body.customers.length, 2);
      assert.ok(first.body.nextAfter);
      const second = await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}&limit=2&after=${first.body.nextAfter}`);
      assert.deepEqual(second.body.customers.map((customer) => customer.values.name), ['Eve Black']);
      assert.equal(second.body.nextAfter, null);

      const search = async (q: string) =>
        (await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}&q=${encodeURIComponent(q)}`)).body.customers.map((customer) => customer.values.name);
      assert.deepEqual(await search('dan'), ['Dan Brown']);
      assert.deepEqual(await search('(415) 555-0143'), ['Eve Black']);
      assert.deepEqual(await search('CAROL@EXAMPLE'), ['Carol White']);
      assert.deepEqual(await search('100%'), []);
      assert.deepEqual((await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}&status=success`)).body.customers, []);
      assertError(await manager.get('/api/customers?target=campaign'), 400, 'BAD_INPUT');
      assertError(await manager.get('/api/customers?target=blacklist'), 400, 'BAD_INPUT');
    });

    it('shows an agent only their campaigns\' customers and only the visible fields', async () => {
      const page = await agent.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}`);
      assert.equal(page.status, 200, page.text);
      assert.deepEqual(page.body.fields.map((field) => field.key), ['lead_source', 'address', 'email', 'mobile', 'name']);
      assert.equal(page.body.customers[0]?.values.fax, undefined);
      assertError(await agent.get('/api/customers?target=individual'), 403, 'FORBIDDEN');
      const otherAgent = await api.signedIn('otherAgentNorth');
      assertError(await otherAgent.get(`/api/customers?target=campaign&campaignId=${summerId}`), 404, 'NOT_FOUND');
      const southAgent = await api.signedIn('agentSouth');
      assertError(await southAgent.get(`/api/customers?target=campaign&campaignId=${summerId}`), 404, 'NOT_FOUND');
      assertError(await api.client().get(`/api/customers?target=campaign&campaignId=${summerId}`), 401, 'UNAUTHENTICATED');
    });

    it('shows one customer as an agent sees it: fields in the campaign\'s order, typed, with their actions', async () => {
      const page = await manager.get<CustomerPage>(`/api/customers?target=campaign&campaignId=${summerId}&q=carol`);
      const carolId = page.body.customers[0]?.id;
      assert.ok(carolId);
      const card = await agent.get<CustomerCard>(`/api/customers/${carolId}`);
      assert.equal(card.status, 200, card.text);
      assert.equal(card.body.campaignId, summerId);
      assert.deepEqual(card.body.fields.map((field) => field.key), ['lead_source', 'address', 'email', 'mobile', 'name']);
      const byKey = new Map(card.body.fields.map((field) => [field.key, field]));
      assert.equal(byKey.get('lead_source')?.isEditable, true);
      assert.equal(byKey.get('name')?.value, 'Carol White');
      assert.deepEqual(byKey.get('email')?.actions, [{ kind: 'mailto', href: 'mailto:carol@example.com' }]);
      const mobile = byKey.get('mobile');
      assert.deepEqual(mobile?.actions.map((action) => action.kind), ['tel', 'sms']);
      // Shown as the file had it, dialled as E.164.
      assert.equal(mobile?.value, '415-555-0141');
      assert.equal(mobile?.actions[0]?.href, 'tel:+14155550141');
      assert.deepEqual(byKey.get('address')?.actions.map((action) => action.kind), ['map']);
      assert.deepEqual(byKey.get('name')?.actions, []);

      const managerCard = await manager.get<CustomerCard>(`/api/customers/${carolId}`);
      assert.deepEqual(managerCard.body.fields.find((field) => field.key === 'fax')?.actions.map((action) => action.kind), ['fax']);
      assertError(await (await api.signedIn('otherAgentNorth')).get(`/api/customers/${carolId}`), 404, 'NOT_FOUND');
      assertError(await (await api.signedIn('managerSouth')).get(`/api/customers/${carolId}`), 404, 'NOT_FOUND');
      assertError(await manager.get('/api/customers/999999'), 404, 'NOT_FOUND');
      assertError(await api.client().get(`/api/customers/${carolId}`), 401, 'UNAUTHENTICATED');
    });

    it('browses a main table and keeps its customers from agents', async () => {
      await importFile(manager, 'people.csv', 'Name,Phone\nFrank Green,415-555-0151\n', { target: 'individual' });
      const page = await manager.get<CustomerPage>('/api/customers?target=individual');
      assert.deepEqual(page.body.customers.map((customer) => customer.values.name), ['Frank Green']);
      const frankId = page.body.customers[0]?.id;
      const card = await manager.get<CustomerCard>(`/api/customers/${frankId}`);
      assert.equal(card.body.campaignId, null);
      assertError(await agent.get(`/api/customers/${frankId}`), 404, 'NOT_FOUND');
      const admin = await api.signedIn('admin');
      assertError(await admin.get('/api/customers?target=individual'), 400, 'BAD_INPUT');
      assert.equal((await admin.get<CustomerPage>(`/api/customers?target=individual&teamId=${api.fixtures.north.id}`)).body.customers.length, 1);
      assert.deepEqual((await admin.get<CustomerPage>(`/api/customers?target=individual&teamId=${api.fixtures.south.id}`)).body.customers, []);
    });

    it('browses the blacklist, the area codes, the DIDs and a campaign blacklist', async () => {
      await importFile(manager, 'dnc.csv', 'Number,Note\n415-555-0188,asked twice\n415-555-0189,\n', { target: 'blacklist' });
      await importFile(manager, 'areas.csv', 'Prefix,Area,City,Timezone\n1415,Bay Area,San Francisco,America/Los_Angeles\n1212,NYC,New York,America/New_York\n', { target: 'area-code' });
      await importFile(manager, 'summer-leads dnc.csv', 'Number\n415-555-0177\n', { target: 'campaign-blacklist', campaignId: summerId });
      const blacklist = await manager.get<{ fields: Array<{ key: string }>; rows: Array<{ values: Record<string, string | null> }>; nextAfter: number | null }>('/api/lists/blacklist');
      assert.equal(blacklist.status, 200, blacklist.text);
      assert.deepEqual(blacklist.body.fields.map((field) => field.key), ['number', 'note']);
      assert.equal(blacklist.body.rows.length, 2);
      assert.equal(blacklist.body.rows[0]?.values.note, 'asked twice');
      const searched = await manager.get<{ rows: unknown[] }>('/api/lists/blacklist?q=0189');
      assert.equal(searched.body.rows.length, 1);
      const paged = await manager.get<{ rows: unknown[]; nextAfter: number | null }>('/api/lists/blacklist?limit=1');
      assert.ok(paged.body.nextAfter);
      const areas = await manager.get<{ rows: Array<{ values: Record<string, string | null> }> }>('/api/lists/area-code?q=1415');
      assert.deepEqual(areas.body.rows.map((row) => row.values.city), ['San Francisco']);
      assert.deepEqual((await manager.get<{ rows: unknown[] }>('/api/lists/did')).body.rows, []);
      assert.deepEqual((await manager.get<{ rows: unknown[] }>('/api/lists/whitelist')).body.rows, []);
      const campaignList = await manager.get<{ rows: unknown[] }>(`/api/lists/campaign-blacklist?campaignId=${summerId}`);
      assert.equal(campaignList.body.rows.length, 1);
      assertError(await manager.get('/api/lists/campaign-blacklist'), 400, 'BAD_INPUT');
      assertError(await manager.get('/api/lists/customers'), 400, 'BAD_INPUT');
      assertError(await agent.get('/api/lists/blacklist'), 403, 'FORBIDDEN');
      const south = await api.signedIn('managerSouth');
      assert.deepEqual((await south.get<{ rows: unknown[] }>('/api/lists/blacklist')).body.rows, []);
      assertError(await south.get(`/api/lists/campaign-blacklist?campaignId=${summerId}`), 404, 'NOT_FOUND');
      assertError(await api.client().get('/api/lists/blacklist'), 401, 'UNAUTHENTICATED');
    });
  },
  { hasWorker: true },
);
