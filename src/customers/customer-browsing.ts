// Customers and reference lists as users browse them: keyset pages, search, and one customer as an agent sees it.
import type { Repositories } from '../app/app-context.js';
import { chooseTeam, isTeamInScope, requireCampaignInTeam, type Actor } from '../auth/actor.js';
import { requireVisibleCampaign } from '../campaigns/campaign-administration.js';
import type { CustomerRow } from '../db/schema.js';
import { isCustomerTarget, STANDARD_FIELDS, type CustomerStatus, type FieldType, type Target } from '../imports/targets.js';
import { AppError } from '../shared/app-error.js';
import type { CustomerWithAgent, ReferenceTable } from './customer-queries.repository.js';
import { actionsOf, type FieldAction } from './field-actions.js';

type Dependencies = Pick<Repositories, 'campaigns' | 'fields' | 'customerQueries'>;

/**
 * The standard fields of the customer tables, each a column of `customers` (the others are in its `custom` JSON):
 * the same set as the import engine's CUSTOMER_COLUMNS, derived from the fixed field names.
 */
const CUSTOMER_COLUMNS: ReadonlySet<string> = new Set(
  [...STANDARD_FIELDS.individual, ...STANDARD_FIELDS.organization, ...STANDARD_FIELDS['mass-target']].map((field) => field.key),
);

export type ListedField = { key: string; label: string; type: FieldType };
type LayoutField = ListedField & { isVisible: boolean; isEditable: boolean };

export type CustomerListItem = {
  id: number;
  values: Record<string, string | null>;
  status: CustomerStatus;
  agent: string | null;
  area: string | null;
  timezone: string | null;
};

export type CustomerPage = { fields: ListedField[]; customers: CustomerListItem[]; nextAfter: number | null };

export type CustomerQuery = { target: Target; campaignId?: number; teamId?: number; q?: string; status?: CustomerStatus; limit: number; after?: number };

export async function listCustomers(deps: Dependencies, actor: Actor, query: CustomerQuery): Promise<CustomerPage> {
  if (!isCustomerTarget(query.target)) {
    throw new AppError('BAD_INPUT', `"${query.target}" is not a customer table; browse it with GET /api/lists/${query.target}.`);
  }
  let teamId: number;
  let scope: string;
  if (query.target === 'campaign') {
    if (query.campaignId === undefined) throw new AppError('BAD_INPUT', 'The campaign target needs a campaign (campaignId).');
    const campaign = await requireVisibleCampaign(deps, actor, query.campaignId);
    requireCampaignInTeam(actor, query.teamId, campaign);
    teamId = campaign.team_id;
    scope = `campaign:${campaign.id}`;
  } else {
    if (actor.role === 'agent') throw new AppError('FORBIDDEN', 'Agents see the customers of their campaigns (target=campaign).');
    teamId = chooseTeam(actor, query.teamId);
    scope = query.target;
  }
  const fields = (await layoutOf(deps, teamId, scope, query.target)).filter((field) => actor.role !== 'agent' || field.isVisible);
  const rows = await deps.customerQueries.searchCustomers({ teamId, scope, q: query.q, status: query.status, afterId: query.after ?? 0, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    fields: fields.map(({ key, label, type }) => ({ key, label, type })),
    customers: page.map((row) => ({
      id: row.id,
      values: Object.fromEntries(valuesOf(row, fields)),
      status: row.status,
      agent: row.agent_login,
      area: row.area,
      timezone: row.timezone,
    })),
    nextAfter: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export type CustomerCard = {
  id: number;
  campaignId: number | null;
  status: CustomerStatus;
  agent: string | null;
  fields: Array<ListedField & { value: string | null; isEditable: boolean; actions: FieldAction[] }>;
};

/** One customer as an agent sees it: the campaign's fields in its order (only the visible ones for agents), with actions. */
export async function getCustomerCard(deps: Dependencies, actor: Actor, id: number): Promise<CustomerCard> {
  const notFound = () => new AppError('NOT_FOUND', `There is no customer ${id}.`);
  const row = await deps.customerQueries.findCustomer(id);
  if (!row || !isTeamInScope(actor, row.team_id)) throw notFound();
  let target: Target;
  if (row.campaign_id !== null && row.scope.startsWith('campaign:')) {
    if (actor.role === 'agent' && !(await deps.campaigns.isAgent(row.campaign_id, actor.userId))) throw notFound();
    target = 'campaign';
  } else {
    if (actor.role === 'agent') throw notFound();
    target = row.scope as Target;
  }
  const fields = (await layoutOf(deps, row.team_id, row.scope, target)).filter((field) => actor.role !== 'agent' || field.isVisible);
  const stored = storedValuesOf(row, fields);
  const shown = valuesOf(row, fields);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    status: row.status,
    agent: row.agent_login,
    // The value as the file had it; the actions dial or mail the normalised one (+14155550134, not "(415) 555-0134").
    fields: fields.map((field, index) => {
      const value = shown[index]?.[1] ?? null;
      return { key: field.key, label: field.label, type: field.type, value, isEditable: field.isEditable, actions: actionsOf(field.type, stored[index]?.[1] ?? null, value) };
    }),
  };
}

export const LIST_TARGETS = ['blacklist', 'whitelist', 'campaign-blacklist', 'area-code', 'did'] as const;
export type ListTarget = (typeof LIST_TARGETS)[number];

export type ReferencePage = { fields: ListedField[]; rows: Array<{ id: number; values: Record<string, string | null>; createdAt: number }>; nextAfter: number | null };

export async function listReferenceRows(
  deps: Dependencies,
  actor: Actor,
  target: ListTarget,
  query: { campaignId?: number; teamId?: number; q?: string; after?: number; limit: number },
): Promise<ReferencePage> {
  let teamId: number;
  let list: string | undefined;
  if (target === 'campaign-blacklist') {
    if (query.campaignId === undefined) throw new AppError('BAD_INPUT', 'The campaign-blacklist list needs a campaign (campaignId).');
    const campaign = await requireVisibleCampaign(deps, actor, query.campaignId);
    requireCampaignInTeam(actor, query.teamId, campaign);
    teamId = campaign.team_id;
    list = `campaign-blacklist:${campaign.id}`;
  } else {
    teamId = chooseTeam(actor, query.teamId);
    list = target === 'blacklist' || target === 'whitelist' ? target : undefined;
  }
  const table: ReferenceTable = target === 'area-code' ? 'area_codes' : target === 'did' ? 'dids' : 'number_lists';
  const fields = STANDARD_FIELDS[target];
  const rows = await deps.customerQueries.searchReferenceRows(table, { teamId, list, q: query.q, afterId: query.after ?? 0, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    fields: fields.map(({ key, label, type }) => ({ key, label, type })),
    rows: page.map((row) => ({
      id: row.id,
      values: Object.fromEntries(fields.map((field) => [field.key, textOf(row[field.key])])),
      createdAt: Number(row.created_at),
    })),
    nextAfter: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** The field layout of a customer table or campaign package; the standard fields when none is stored. */
async function layoutOf(deps: Dependencies, teamId: number, owner: string, target: Target): Promise<LayoutField[]> {
  const rows = await deps.fields.list(teamId, owner);
  if (rows.length > 0) {
    return rows.map((row) => ({ key: row.key, label: row.label, type: row.type, isVisible: row.is_visible === 1, isEditable: row.is_editable === 1 }));
  }
  const standard = target === 'campaign' ? STANDARD_FIELDS.individual : STANDARD_FIELDS[target];
  return standard.map((field) => ({ ...field, isVisible: true, isEditable: false }));
}

/** Each field's value exactly as imported: the file's own text where normalisation changed it, else as stored. */
function valuesOf(row: CustomerWithAgent, fields: readonly ListedField[]): Array<[string, string | null]> {
  const originals = customValues(row.originals ?? '{}');
  return storedValuesOf(row, fields).map(([key, value]) => [key, textOf(originals[key]) ?? value]);
}

/** Each field's stored (normalised) value, in order: a standard field from its column, a custom one from `custom`. */
function storedValuesOf(row: CustomerWithAgent, fields: readonly ListedField[]): Array<[string, string | null]> {
  const custom = customValues(row.custom);
  return fields.map((field) => [field.key, textOf(CUSTOMER_COLUMNS.has(field.key) ? row[field.key as keyof CustomerRow] : custom[field.key])]);
}

function customValues(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    // Own properties only: a custom key such as "constructor" must not reach Object.prototype.
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return Object.assign(Object.create(null) as Record<string, unknown>, parsed);
  } catch {
    // Not JSON: the row has no custom values to show.
  }
  return Object.create(null) as Record<string, unknown>;
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}
