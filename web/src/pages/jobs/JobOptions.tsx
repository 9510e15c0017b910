// The options a job was run with, and its column mapping.
import { Grid, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { formatTime } from '../../utils/format';
import { describeJobOptions } from '../../utils/job-options';

type MappingEntry = { index?: number; header: string; field: string | null };

export function JobOptions({ options }: { options: Record<string, unknown> }) {
  const t = useT();
  const { mapping } = options as { mapping?: MappingEntry[] };
  return (
    <Grid>
      <Grid.Col span={6}>
        <Table data-testid="job-options">
          <Table.Tbody>
            {describeJobOptions(options, t, formatTime).map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th w="45%">{row.label}</Table.Th>
                <Table.Td>{row.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
      {Array.isArray(mapping) && (
        <Grid.Col span={6}>
          <Table data-testid="job-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mapping.column')}</Table.Th>
                <Table.Th>{t('mapping.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mapping.map((entry, index) => (
                <Table.Tr key={`${index}-${entry.header}`}>
                  <Table.Td>{entry.header}</Table.Td>
                  <Table.Td>{entry.field ?? <Text c="dimmed">{t('mapping.ignore')}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
      )}
    </Grid>
  );
}
