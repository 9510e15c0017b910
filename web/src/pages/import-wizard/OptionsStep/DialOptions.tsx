// The dialer line of the options, for a campaign that uses the predictive dialer.
import { Fieldset, Group, NumberInput, Radio, Select, TextInput } from '@mantine/core';
import type { TargetField } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import type { ImportOptionsForm } from '../../../utils/import-request';

type Props = { options: ImportOptionsForm; fields: TargetField[]; onChange: (change: Partial<ImportOptionsForm>) => void };

export function DialOptions({ options, fields, onChange }: Props) {
  const t = useT();
  const phoneFields = fields.filter((field) => field.type === 'phone');
  const choices = (phoneFields.length > 0 ? phoneFields : fields).map((field) => ({ value: field.key, label: field.label }));
  return (
    <Fieldset legend={t('options.dialer')} data-testid="dial-options">
      <Group grow align="flex-start">
        <Select
          label={t('options.dialPhone')}
          data={choices}
          value={options.dialPhoneField}
          onChange={(value) => value && onChange({ dialPhoneField: value })}
          allowDeselect={false}
        />
        <NumberInput
          label={t('options.dialPriority')}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          value={options.dialPriority}
          onChange={(value) => onChange({ dialPriority: typeof value === 'number' ? value : Number(value) || 0 })}
        />
        <TextInput type="datetime-local" label={t('options.dialAt')} value={options.dialAt} onChange={(e) => onChange({ dialAt: e.currentTarget.value })} />
      </Group>
      <Radio.Group
        mt="sm"
        label={t('options.dialDuplicates')}
        value={options.dialDuplicates}
        onChange={(value) => onChange({ dialDuplicates: value as ImportOptionsForm['dialDuplicates'] })}
      >
        <Group mt={4}>
          <Radio value="ignore" label={t('options.dial.ignore')} />
          <Radio value="all" label={t('options.dial.all')} />
          <Radio value="ignore-success" label={t('options.dial.ignore-success')} />
        </Group>
      </Radio.Group>
    </Fieldset>
  );
}
