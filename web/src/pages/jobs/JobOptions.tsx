// The options a job was run with, and its column mapping.
import { Grid, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { describeOptionValue } from '../../utils/job-options';

type MappingEntry = { index?: number; header: string; field: string | null };

export function JobOptions({ options }: { options: Record<string, unknown> }) {
  const t = useT();
  const { mapping, ...rest } = options as { mapping?: MappingEntry[] } & Record<string, unknown>;
  const yesNo = { yes: t('app.yes'), no: t('app.no') };
  return (
    <Grid>
      <Grid.Col span={6}>
        <Table data-testid="job-options">
          <Table.Tbody>
            {Object.entries(rest).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th w="45%">{key}</Table.Th>
                <Table.Td>{describeOptionValue(value, yesNo)}</Table.Td>
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
