// Import & Start: the fields proposed from the header, with their detected types, adjustable before starting.
import { Badge, Checkbox, Select, Table, Text } from '@mantine/core';
import { FIELD_TYPES, type FieldType, type Preview } from '../../api/types';
import { FieldTypeIcon } from '../../components/FieldTypeIcon';
import { useT } from '../../i18n/i18n';
import { sampleValue } from '../../utils/column-mapping';
import type { ProposedFieldChoice } from '../../utils/import-request';

type Props = { preview: Preview; choices: ProposedFieldChoice[]; onChange: (index: number, change: Partial<ProposedFieldChoice>) => void };

export function ProposedFieldsTable({ preview, choices, onChange }: Props) {
  const t = useT();
  const typeOptions = FIELD_TYPES.map((type) => ({ value: type, label: t(`fieldType.${type}`) }));
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="proposed-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('start.include')}</Table.Th>
          <Table.Th>{t('start.header')}</Table.Th>
          <Table.Th>{t('start.key')}</Table.Th>
          <Table.Th>{t('mapping.sample')}</Table.Th>
          <Table.Th w={220}>{t('start.type')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {choices.map((choice, index) => {
          const detected = preview.proposedFields?.[index]?.type;
          return (
            <Table.Tr key={`${index}-${choice.header}`} data-testid="proposed-field" data-header={choice.header} data-type={choice.type}>
              <Table.Td>
                <Checkbox aria-label={t('start.includeFor', { header: choice.header })} checked={choice.isIncluded} onChange={(e) => onChange(index, { isIncluded: e.currentTarget.checked })} />
              </Table.Td>
              <Table.Td fw={500}>{choice.header}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {choice.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate maw={200}>
                  {sampleValue(preview.rows, preview.headers.indexOf(choice.header))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('start.typeFor', { header: choice.header })}
                  data={typeOptions}
                  value={choice.type}
                  onChange={(value) => value && onChange(index, { type: value as FieldType })}
                  allowDeselect={false}
                  disabled={!choice.isIncluded}
                  leftSection={<FieldTypeIcon type={choice.type} />}
                  rightSection={detected && detected !== choice.type ? <Badge size="xs" variant="light">{t(`fieldType.${detected}`)}</Badge> : undefined}
                  rightSectionWidth={detected && detected !== choice.type ? 70 : undefined}
                  size="sm"
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
