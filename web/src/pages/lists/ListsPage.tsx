// Blacklist, whitelist, campaign blacklist, area codes and DIDs: browse and search what was imported.
import { Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { ListPage, ListRow, ListTarget } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TeamSelect, useTeamChoice } from '../../components/TeamSelect';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { NotFoundPage } from '../NotFoundPage';

const LIST_TARGETS: readonly ListTarget[] = ['blacklist', 'whitelist', 'campaign-blacklist', 'area-code', 'did'];

/** A list's page by its address (`/lists/area-code`); an address that names no list is a page that does not exist. */
export function ListsPage() {
  const param = useParams().listTarget;
  const list = LIST_TARGETS.find((target) => target === param);
  return list === undefined ? <NotFoundPage /> : <ListOfTarget list={list} />;
}

function ListOfTarget({ list }: { list: ListTarget }) {
  const t = useT();
  const needsCampaign = list === 'campaign-blacklist';
  const { isAdmin, teamId, setTeamId, requestTeamId } = useTeamChoice();
  const campaigns = useAsync(() => (needsCampaign ? api.listCampaigns(requestTeamId) : Promise.resolve([])), [needsCampaign, requestTeamId]);
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 300);
  const [rows, setRows] = useState<ListRow[]>([]);
  const [columns, setColumns] = useState<ListPage['fields']>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(false);

  const load = async (after: number | null) => {
    if (needsCampaign && campaignId === undefined) {
      setRows([]);
      setNextAfter(null);
      return;
    }
    setIsLoading(true);
    try {
      const page = await api.listEntries(list, { campaignId, q: debouncedQuery || undefined, after: after ?? undefined, teamId: requestTeamId });
      setRows((current) => (after === null ? page.rows : [...current, ...page.rows]));
      setColumns(page.fields);
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
  }, [list, campaignId, debouncedQuery, teamId]); // A new list, team or search starts from the first page.

  const title = t(`target.${list}`);
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Group align="flex-end">
        {isAdmin && (
          <TeamSelect
            teamId={teamId}
            onChange={(next) => {
              setTeamId(next);
              setCampaignId(undefined);
            }}
          />
        )}
        {needsCampaign && (
          <Select
            label={t('lists.campaign')}
            placeholder={t('target.campaignPlaceholder')}
            data={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={campaignId === undefined ? null : String(campaignId)}
            onChange={(value) => setCampaignId(value ? Number(value) : undefined)}
            w={260}
          />
        )}
        <TextInput label={t('lists.search', { list: title })} type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={300} />
      </Group>
      <ErrorAlert error={error} />
      {rows.length === 0 ? (
        isLoading ? <Loader aria-label={t('app.loading')} /> : <Text c="dimmed">{t('lists.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="list-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key}>{column.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{row.values[column.key] ?? ''}</Table.Td>
                ))}
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

