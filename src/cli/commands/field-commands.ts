// `intake fields list|set`: the fields of a customer table or campaign as agents see them (the agent view), and
// changing their order, labels, types, and which agents see and may edit: what the Campaigns page does.
import type { AppContext } from '../../app/app-context.js';
import { arrangeFields, getFieldLayout, type FieldView } from '../../campaigns/field-layout.js';
import { AppError } from '../../shared/app-error.js';
import { parseCommand, printJson, type CliIo } from '../cli-args.js';
import { operatorOf, requireTableSelection } from '../target-selection.js';
import { parseFieldType, parsePairs } from './import-commands.js';

export const FIELDS_USAGE = `intake fields list --team NAME --target T [--campaign NAME] [--json]
intake fields set --team NAME --target T [--campaign NAME] [--order 'key,…'] [--label 'key=Label,…'] [--type 'key=type,…']
  [--show 'key,…'] [--hide 'key,…'] [--editable 'key,…'] [--read-only 'key,…'] [--json]`;

export async function runFieldsCommand(context: AppContext, args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const list = { type: 'string', multiple: true } as const;
  const { values, positionals } = parseCommand(
    rest,
    { team: { type: 'string' }, target: { type: 'string' }, campaign: { type: 'string' }, order: list, label: list, type: list, show: list, hide: list, editable: list, 'read-only': list },
    FIELDS_USAGE,
  );
  if ((action !== 'list' && action !== 'set') || positionals.length > 0) throw new AppError('BAD_USAGE', `Usage: ${FIELDS_USAGE}`);
  const { team, target, campaignId } = await requireTableSelection(context, values, FIELDS_USAGE);
  const actor = operatorOf(team);
  const selection = { target, campaignId: campaignId ?? undefined, teamId: team.id };
  let fields = await getFieldLayout(context.repositories, actor, selection);
  if (action === 'set') {
    const keys = new Set(fields.map((field) => field.key));
    const known = (option: string) => (key: string) => {
      if (!keys.has(key)) throw new AppError('BAD_USAGE', `--${option}: "${key}" is no field of the ${target} target. Its fields: ${[...keys].join(', ')}.`);
      return key;
    };
    const keysOf = (option: 'order' | 'show' | 'hide' | 'editable' | 'read-only') => new Set(listed(values[option]).map(known(option)));
    const labels = new Map(parsePairs(values.label, 'label').map(([key, label]) => [known('label')(key), label]));
    const types = new Map(parsePairs(values.type, 'type').map(([key, type]) => [known('type')(key), parseFieldType(type, 'type')]));
    const [shown, hidden, editable, readOnly] = [keysOf('show'), keysOf('hide'), keysOf('editable'), keysOf('read-only')];
    const both = [...shown].filter((key) => hidden.has(key)).concat([...editable].filter((key) => readOnly.has(key)));
    if (both.length > 0) throw new AppError('BAD_USAGE', `A field cannot be both shown and hidden, nor both editable and read-only: ${both.join(', ')}.`);
    // The fields named by --order come first, in that order; the others keep theirs after them.
    const order = [...keysOf('order')];
    const ordered = [...order.map((key) => fields.find((field) => field.key === key)), ...fields.filter((field) => !order.includes(field.key))];
    fields = await arrangeFields(
      context.repositories,
      actor,
      selection,
      ordered.filter((field): field is FieldView => field !== undefined).map((field) => ({
        key: field.key,
        label: labels.get(field.key) ?? field.label,
        type: types.get(field.key) ?? field.type,
        isVisible: shown.has(field.key) || (field.isVisible && !hidden.has(field.key)),
        isEditable: editable.has(field.key) || (field.isEditable && !readOnly.has(field.key)),
      })),
    );
  }
  if (values.json) printJson(io, fields);
  else {
    for (const field of fields) {
      const flags = [field.isVisible ? 'shown' : 'hidden', field.isEditable ? 'editable' : 'read-only', field.isCustom ? 'custom' : 'standard'];
      io.out(`${field.position + 1}\t${field.key}\t${field.label}\t${field.type}\t${flags.join(', ')}\n`);
    }
  }
  return 0;
}

/** The keys of a list option, `'phone,email'` (given once or more). */
function listed(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((key) => key.trim()).filter((key) => key !== '');
}
