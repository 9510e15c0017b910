// A campaign: its agent view (fields) and its agents.
import { Anchor, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { CampaignDetail } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { AgentViewEditor } from './AgentViewEditor';

export function CampaignPage() {
  const t = useT();
  const id = Number(useParams().campaignId);
  const campaignState = useAsync(() => api.getCampaign(id), [id]);
  const fields = useAsync(() => api.listFields('campaign', id), [id]);
  const campaign = campaignState.data;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{campaign?.name ?? `#${id}`}</Title>
        <Anchor component={Link} to={`/agent/campaigns/${id}`}>
          {t('campaign.customers')}
        </Anchor>
      </Group>
      <Paper withBorder p="md">
        <Title order={4}>{t('campaign.fields')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('campaign.fieldsHint')}
        </Text>
        <AsyncContent state={fields}>{(list) => <AgentViewEditor campaignId={id} fields={list} />}</AsyncContent>
      </Paper>
      {campaign && <AgentsEditor campaign={campaign} />}
    </Stack>
  );
}

function AgentsEditor({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const users = useAsync(() => api.listUsers(campaign.teamId), [campaign.teamId]);
  const [selected, setSelected] = useState<string[]>(campaign.agentIds.map(String));
  const [error, setError] = useState<unknown>(null);
  const [isSaved, setIsSaved] = useState(false);
  useEffect(() => setSelected(campaign.agentIds.map(String)), [campaign.agentIds]);
  const agents = (users.data ?? []).filter((user) => user.role === 'agent');
  const save = async () => {
    setError(null);
    try {
      await api.setCampaignAgents(campaign.id, selected.map(Number));
      setIsSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('campaigns.agents')}
      </Title>
      <Group align="flex-end">
        <MultiSelect
          label={t('campaign.agentsHint')}
          data={agents.map((agent) => ({ value: String(agent.id), label: agent.login }))}
          value={selected}
          onChange={(value) => {
            setSelected(value);
            setIsSaved(false);
          }}
          w={420}
          searchable
        />
        <Button onClick={() => void save()}>{t('app.save')}</Button>
        {isSaved && <Text c="green">{t('app.saved')}</Text>}
      </Group>
      <ErrorAlert error={error} />
    </Paper>
  );
}
