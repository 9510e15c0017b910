// Step 3: import time, skip top, duplicates, reset status/agent, dialer line, dry run.
import { Alert, Checkbox, Fieldset, Group, Radio, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { Target, TargetField } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { isCustomerTarget, type ImportOptionsForm } from '../../../utils/import-request';
import { DialOptions } from './DialOptions';

type Props = {
  target: Target;
  hasDialer: boolean;
  fields: TargetField[];
  /** The list's own "Do Not Call" column, if it has one. */
  doNotCallColumn: string | null;
  options: ImportOptionsForm;
  onChange: (change: Partial<ImportOptionsForm>) => void;
};

export function OptionsStep({ target, hasDialer, fields, doNotCallColumn, options, onChange }: Props) {
  const t = useT();
  const isCustomers = isCustomerTarget(target);
  return (
    <Stack data-testid="options-step">
      <Fieldset legend={t('options.importTime')}>
        <Group align="flex-end">
          <Radio.Group value={options.isScheduled ? 'at' : 'now'} onChange={(value) => onChange({ isScheduled: value === 'at' })} aria-label={t('options.importTime')}>
            <Group>
              <Radio value="now" label={t('options.now')} />
              <Radio value="at" label={t('options.at')} />
            </Group>
          </Radio.Group>
          {options.isScheduled && (
            <TextInput
              type="datetime-local"
              step={1}
              label={t('options.atLabel')}
              value={options.at}
              onChange={(e) => onChange({ at: e.currentTarget.value })}
              required
            />
          )}
        </Group>
      </Fieldset>

      {isCustomers && (
        <Fieldset legend={t('options.duplicate')}>
          <Stack gap="xs">
            <Radio.Group value={options.duplicate} onChange={(value) => onChange({ duplicate: value === 'update' ? 'update' : 'skip' })} aria-label={t('options.duplicate')}>
              <Stack gap={6}>
                <Radio value="skip" label={t('options.duplicateSkip')} />
                <Radio value="update" label={t('options.duplicateUpdate')} />
              </Stack>
            </Radio.Group>
            <Switch label={t('options.resetStatus')} checked={options.resetStatus} onChange={(e) => onChange({ resetStatus: e.currentTarget.checked })} />
            <Switch label={t('options.resetAgent')} checked={options.resetAgent} onChange={(e) => onChange({ resetAgent: e.currentTarget.checked })} />
          </Stack>
        </Fieldset>
      )}

      {hasDialer && target === 'campaign' && <DialOptions options={options} fields={fields} onChange={onChange} />}

      <Group grow align="flex-start">
        <TextInput
          label={t('options.dedupeKey')}
          description={t('options.dedupeKeyHint')}
          placeholder="phone"
          value={options.dedupeKey}
          onChange={(e) => onChange({ dedupeKey: e.currentTarget.value })}
        />
        <Select
          label={t('options.dedupeScope')}
          data={(['file', 'table', 'team'] as const).map((value) => ({ value, label: t(`options.scope.${value}`) }))}
          value={options.dedupeScope}
          onChange={(value) => value && onChange({ dedupeScope: value as ImportOptionsForm['dedupeScope'] })}
          allowDeselect={false}
        />
        {isCustomers && (
          <Select
            label={t('options.blacklist')}
            data={(['reject', 'allow'] as const).map((value) => ({ value, label: t(`options.blacklist.${value}`) }))}
            value={options.blacklist}
            onChange={(value) => value && onChange({ blacklist: value as ImportOptionsForm['blacklist'] })}
            allowDeselect={false}
          />
        )}
      </Group>
      {isCustomers && doNotCallColumn !== null && (
        <Alert color="yellow" data-testid="do-not-call">
          {t('options.doNotCall', { header: doNotCallColumn })}
        </Alert>
      )}

      <Checkbox label={t('options.dryRun')} checked={options.dryRun} onChange={(e) => onChange({ dryRun: e.currentTarget.checked })} />
    </Stack>
  );
}
