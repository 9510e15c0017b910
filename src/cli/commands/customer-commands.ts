// `intake customers export`: the rows of a table (standard and custom fields, status, agent) as CSV or JSON.
import type { AppContext } from '../../app/app-context.js';
import { exportTable } from '../../customers/table-export.js';
import { encodeCsvRow } from '../../imports/accounting/csv-cells.js';
import { AppError } from '../../shared/app-error.js';
import { parseCommand, type CliIo } from '../cli-args.js';
import { requireTableSelection } from '../target-selection.js';

export const CUSTOMERS_USAGE = 'intake customers export --team NAME --target T [--campaign NAME] [--json]';

export async function runCustomersCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'export') throw new AppError('BAD_USAGE', `Usage: ${CUSTOMERS_USAGE}`);
  const { values, positionals } = parseCommand(rest, { team: { type: 'string' }, target: { type: 'string' }, campaign: { type: 'string' } }, CUSTOMERS_USAGE);
  if (positionals.length > 0) throw new AppError('BAD_USAGE', `Unexpected argument "${positionals[0]}".\nUsage: ${CUSTOMERS_USAGE}`);
  const { team, target, campaignId } = await requireTableSelection(context, values, CUSTOMERS_USAGE);
  const table = await exportTable(context.repositories, { teamId: team.id, target, campaignId });
  if (values.json) {
    // Streamed as one JSON array, a page at a time, so a big table never sits in memory.
    let isFirst = true;
    io.out('[');
    for await (const page of table.rows) {
      for (const row of page) {
        io.out(`${isFirst ? '\n' : ',\n'}  ${JSON.stringify(Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? ''])))}`);
        isFirst = false;
      }
    }
    io.out(isFirst ? ']\n' : '\n]\n');
    return 0;
  }
  io.out(encodeCsvRow(table.columns));
  for await (const page of table.rows) io.out(page.map(encodeCsvRow).join(''));
  return 0;
}
