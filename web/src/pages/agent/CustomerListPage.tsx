// The customers of one campaign, in its agent view's fields, with search, status filter and paging.
import { Anchor, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { CustomerPage, CustomerRow } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';

const STATUSES = ['new', 'pending', 'success', 'failed', 'callback'] as const;
const PAGE_SIZE = 50;

export function CustomerListPage() {
  const t = useT();
  const campaignId = Number(useParams().campaignId);
  const campaign = useAsync(() => api.getCampaign(campaignId), [campaignId]).data;
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [fields, setFields] = useState<CustomerPage['fields']>([]);
  const [rows, setRows] = useState<CustomerRow[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(true);

  const load = async (after: number | null) => {
    setIsLoading(true);
    try {
      const page = await api.listCustomers({ target: 'campaign', campaignId, q: debouncedQuery || undefined, status: status ?? undefined, limit: PAGE_SIZE, after: after ?? undefined });
      setFields(page.fields);
      setRows((current) => (after === null ? page.customers : [...current, ...page.customers]));
      setNextAfter(page.nextAfter);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsLoading(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, [campaignId, debouncedQuery, status]); // Each new filter starts from the first page.

  // The server sends the agent view's visible fields in order; the list shows the first few.
  const columns = fields.slice(0, 6);
  return (
    <Stack>
      <Title order={2}>{t('customers.title', { name: campaign?.name ?? `#${campaignId}` })}</Title>
      <Group align="flex-end">
        <TextInput label={t('customers.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={300} type="search" />
        <Select
          label={t('customers.status')}
          data={[{ value: '', label: t('jobs.all') }, ...STATUSES.map((value) => ({ value, label: t(`customerStatus.${value}`) }))]}
          value={status ?? ''}
          onChange={(value) => setStatus(value || null)}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <ErrorAlert error={error} />
      {rows.length === 0 ? (
        isLoading ? <Loader aria-label={t('app.loading')} /> : <Text c="dimmed">{t('customers.empty')}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="customers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              {columns.map((field) => (
                <Table.Th key={field.key}>{field.label}</Table.Th>
              ))}
              <Table.Th>{t('customers.status')}</Table.Th>
              <Table.Th>{t('customers.agent')}</Table.Th>
              <Table.Th>{t('customers.timezone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="customer-row">
                <Table.Td>
                  <Anchor component={Link} to={`/customers/${row.id}?campaignId=${campaignId}`}>
                    #{row.id}
                  </Anchor>
                </Table.Td>
                {columns.map((field) => (
                  <Table.Td key={field.key}>{row.values[field.key] ?? ''}</Table.Td>
                ))}
                <Table.Td>{STATUSES.includes(row.status as (typeof STATUSES)[number]) ? t(`customerStatus.${row.status as (typeof STATUSES)[number]}`) : row.status}</Table.Td>
                <Table.Td>{row.agent ?? '—'}</Table.Td>
                <Table.Td>{row.timezone ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {nextAfter !== null && (
        <Button variant="default" onClick={() => void load(nextAfter)} loading={isLoading}>
          {t('app.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
