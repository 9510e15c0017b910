// One customer as the agent sees it: every field exactly as imported, with its actions.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints';
import { AsyncContent } from '../../components/AsyncContent';
import { FieldTypeIcon } from '../../components/FieldTypeIcon';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { FieldActions } from './FieldActions';

export function CustomerPage() {
  const t = useT();
  const id = Number(useParams().customerId);
  const customer = useAsync(() => api.getCustomer(id), [id]);
  return (
    <AsyncContent state={customer}>
      {(detail) => (
        <Stack maw={900} data-testid="customer-page">
          <Group>
            <Title order={2}>{t('customer.title', { id: detail.id })}</Title>
            <Badge variant="light">{detail.status}</Badge>
            {detail.agent && <Text c="dimmed">{detail.agent}</Text>}
          </Group>
          <Paper withBorder>
            <Table verticalSpacing="sm" data-testid="customer-fields">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">{t('customer.field')}</Table.Th>
                  <Table.Th>{t('customer.value')}</Table.Th>
                  <Table.Th w={160}>{t('customer.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.fields.map((field) => (
                  <Table.Tr key={field.key} data-testid="customer-field" data-key={field.key} data-type={field.type}>
                    <Table.Th>
                      <Group gap={6} wrap="nowrap">
                        <FieldTypeIcon type={field.type} />
                        {field.label}
                      </Group>
                    </Table.Th>
                    <Table.Td data-testid="customer-value" style={{ whiteSpace: 'pre-wrap' }}>
                      {field.value ?? ''}
                    </Table.Td>
                    <Table.Td>{field.value ? <FieldActions actions={field.actions} value={field.value} /> : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </AsyncContent>
  );
}
