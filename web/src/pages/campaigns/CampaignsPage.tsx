// The team's campaigns, and a form to create one.
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TeamSelect, useTeamChoice } from '../../components/TeamSelect';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';

export function CampaignsPage() {
  const t = useT();
  const { isAdmin, teamId, setTeamId, requestTeamId } = useTeamChoice();
  const campaigns = useAsync(() => api.listCampaigns(requestTeamId), [requestTeamId]);
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('campaigns.title')}</Title>
      {isAdmin && <TeamSelect teamId={teamId} onChange={setTeamId} />}
      <AsyncContent state={campaigns}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('campaigns.empty')}</Text>
          ) : (
            <Table striped withTableBorder data-testid="campaigns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.table')}</Table.Th>
                  <Table.Th>{t('campaigns.package')}</Table.Th>
                  <Table.Th>{t('campaigns.dialer')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((campaign) => (
                  <Table.Tr key={campaign.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
                        {campaign.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`target.${campaign.mainTable}`)}</Table.Td>
                    <Table.Td>{campaign.packageName}</Table.Td>
                    <Table.Td>{campaign.hasDialer ? <Badge variant="light">{t('app.yes')}</Badge> : t('app.no')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </AsyncContent>
      <CreateCampaignForm teamId={requestTeamId} onCreated={campaigns.reload} />
    </Stack>
  );
}

function CreateCampaignForm({ teamId, onCreated }: { teamId: number | undefined; onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [table, setTable] = useState<'individual' | 'organization'>('individual');
  const [packageName, setPackageName] = useState('');
  const [hasDialer, setHasDialer] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      await api.createCampaign({ name: name.trim(), teamId, mainTable: table, packageName: packageName.trim() || undefined, hasDialer });
      setName('');
      setPackageName('');
      onCreated();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={(event: FormEvent) => void submit(event)}>
      <Title order={4} mb="xs">
        {t('campaigns.create')}
      </Title>
      <Group align="flex-end">
        <TextInput label={t('campaigns.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Select
          label={t('campaigns.table')}
          data={(['individual', 'organization'] as const).map((value) => ({ value, label: t(`target.${value}`) }))}
          value={table}
          onChange={(value) => setTable(value === 'organization' ? 'organization' : 'individual')}
          allowDeselect={false}
        />
        <TextInput label={t('campaigns.package')} value={packageName} onChange={(e) => setPackageName(e.currentTarget.value)} placeholder={name} />
        <Checkbox label={t('campaigns.dialer')} checked={hasDialer} onChange={(e) => setHasDialer(e.currentTarget.checked)} mb={8} />
        <Button type="submit" loading={isSaving} disabled={!name.trim()}>
          {t('campaigns.create')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Paper>
  );
}
