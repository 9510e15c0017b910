// The rows of one target table as a user sees them: its fields (standard and custom) in order, then status and agent.
import type { Repositories } from '../app/app-context.js';
import type { CustomerRow } from '../db/schema.js';
import { resolveTargetFields } from '../imports/target-fields.js';
import { isCustomerTarget, type FieldDefinition, type Target } from '../imports/targets.js';
import { CUSTOMER_COLUMNS } from '../imports/engine/row-layout.js';
import type { ListedRow } from './customers.repository.js';

const PAGE = 2000;

export type ExportedTable = {
  columns: string[];
  /** Pages of rows, each row holding one text (or '') per column. */
  rows: AsyncIterable<string[][]>;
};

export type TableSelection = { teamId: number; target: Target; campaignId: number | null };

/** Where the rows of a target live: a scope of the customers table, a number list, or the area codes or DIDs. */
export function customerScopeOf(target: Target, campaignId: number | null): string {
  return target === 'campaign' ? `campaign:${campaignId}` : target;
}

export async function exportTable(repositories: Repositories, selection: TableSelection): Promise<ExportedTable> {
  const fields = await resolveTargetFields(repositories.fields, selection.teamId, selection.target, selection.campaignId);
  if (isCustomerTarget(selection.target)) {
    return {
      columns: [...fields.map((field) => field.key), 'area', 'timezone', 'status', 'agent'],
      rows: customerPages(repositories, selection, fields),
    };
  }
  return { columns: fields.map((field) => field.key), rows: referencePages(repositories, selection, fields) };
}

async function* customerPages(repositories: Repositories, selection: TableSelection, fields: FieldDefinition[]): AsyncGenerator<string[][]> {
  const scope = customerScopeOf(selection.target, selection.campaignId);
  for (let afterId = 0; ; ) {
    const page = await repositories.customers.page(selection.teamId, scope, afterId, PAGE);
    if (page.length === 0) return;
    yield page.map((row) => customerValues(row, fields));
    afterId = page[page.length - 1]!.id;
  }
}

/** One customer's values in field order: standard fields from their columns, custom fields from `custom`. */
export function customerValues(row: CustomerRow & { agent_login: string | null }, fields: readonly FieldDefinition[]): string[] {
  const custom = parseCustom(row.custom);
  const values = fields.map((field) => {
    const value = CUSTOMER_COLUMNS.has(field.key) ? row[field.key as keyof CustomerRow] : custom.get(field.key);
    return value === null || value === undefined ? '' : String(value);
  });
  return [...values, row.area ?? '', row.timezone ?? '', row.status, row.agent_login ?? ''];
}

async function* referencePages(repositories: Repositories, selection: TableSelection, fields: FieldDefinition[]): AsyncGenerator<string[][]> {
  const { referenceRows } = repositories;
  const page = (afterId: number): Promise<ListedRow[]> => {
    switch (selection.target) {
      case 'area-code':
        return referenceRows.areaCodePage(selection.teamId, afterId, PAGE);
      case 'did':
        return referenceRows.didPage(selection.teamId, afterId, PAGE);
      case 'campaign-blacklist':
        return referenceRows.numberListPage(selection.teamId, `campaign-blacklist:${selection.campaignId}`, afterId, PAGE);
      default:
        return referenceRows.numberListPage(selection.teamId, selection.target, afterId, PAGE);
    }
  };
  for (let afterId = 0; ; ) {
    const rows = await page(afterId);
    if (rows.length === 0) return;
    yield rows.map((row) => fields.map((field) => (row[field.key] === null || row[field.key] === undefined ? '' : String(row[field.key]))));
    afterId = rows[rows.length - 1]!.id;
  }
}

function parseCustom(text: string): Map<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return new Map(Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
    }
  } catch {
    // Not JSON: no custom values to show.
  }
  return new Map();
}
