// Per column of the file: a sample value, the suggested field with its confidence, and a way to change or ignore it.
import { Badge, Select, Table, Text } from '@mantine/core';
import type { Preview } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { confidenceLevel, confidencePercent, NEW_FIELD, sampleValue, type ColumnChoices } from '../../../utils/column-mapping';

const IGNORE = '__ignore__';
const LEVEL_COLORS = { high: 'green', medium: 'yellow', low: 'orange', none: 'gray' } as const;

type Props = {
  preview: Preview;
  choices: ColumnChoices;
  manualIndexes: ReadonlySet<number>;
  onChoose: (index: number, field: string | null) => void;
  /** Whether a column may become a new field of its own (customer tables and campaigns). */
  canAddFields: boolean;
};

export function MappingTable({ preview, choices, manualIndexes, onChoose, canAddFields }: Props) {
  const t = useT();
  const ignore = { value: IGNORE, label: t('mapping.ignore') };
  const fieldOptions = preview.fields.map((field) => ({ value: field.key, label: `${field.label} (${field.key})${field.isRequired ? ' *' : ''}` }));
  /** A column's choices: ignored, a new field of its own (where the target can take one), or one of the fields. */
  const optionsFor = (header: string) => (canAddFields ? [ignore, { value: NEW_FIELD, label: t('mapping.newField', { header }) }, ...fieldOptions] : [ignore, ...fieldOptions]);
  const suggestionByIndex = new Map(preview.mapping.map((suggestion) => [suggestion.index, suggestion]));

  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="mapping-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('mapping.column')}</Table.Th>
          <Table.Th>{t('mapping.sample')}</Table.Th>
          <Table.Th w={320}>{t('mapping.field')}</Table.Th>
          <Table.Th w={160}>{t('mapping.confidence')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.headers.map((header, index) => {
          const suggestion = suggestionByIndex.get(index);
          const chosen = choices[index] ?? null;
          const isManual = manualIndexes.has(index);
          const field = preview.fields.find((f) => f.key === chosen);
          const level = confidenceLevel(suggestion?.confidence);
          return (
            <Table.Tr key={`${index}-${header}`} data-testid="mapping-row" data-header={header}>
              <Table.Td fw={500}>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate maw={220}>
                  {sampleValue(preview.rows, index)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('mapping.fieldFor', { header })}
                  data={optionsFor(header)}
                  value={chosen ?? IGNORE}
                  onChange={(value) => onChoose(index, !value || value === IGNORE ? null : value)}
                  allowDeselect={false}
                  searchable
                  size="sm"
                  rightSection={field?.isRequired ? <Badge size="xs" color="red" variant="light">{t('mapping.required')}</Badge> : undefined}
                  rightSectionWidth={field?.isRequired ? 70 : undefined}
                />
              </Table.Td>
              <Table.Td>
                {isManual ? (
                  <Badge color="blue" variant="light">
                    {t('mapping.manual')}
                  </Badge>
                ) : suggestion && suggestion.field ? (
                  <Badge color={LEVEL_COLORS[level]} variant="light" title={suggestion.source}>
                    {confidencePercent(suggestion.confidence)}% · {suggestion.source}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
