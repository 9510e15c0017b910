// An agent's campaigns (a supervisor sees the team's).
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { AsyncContent } from '../../components/AsyncContent';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';

export function AgentCampaignsPage() {
  const t = useT();
  const campaigns = useAsync(() => api.listCampaigns(), []);
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('agent.title')}</Title>
      <AsyncContent state={campaigns}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('agent.empty')}</Text>
          ) : (
            <SimpleGrid cols={3}>
              {list.map((campaign) => (
                <Card key={campaign.id} withBorder data-testid="agent-campaign">
                  <Group justify="space-between" mb="xs">
                    <Text fw={600}>{campaign.name}</Text>
                    {campaign.hasDialer && <Badge variant="light">{t('campaigns.dialer')}</Badge>}
                  </Group>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t(`target.${campaign.mainTable}`)} · {campaign.packageName}
                  </Text>
                  <Button component={Link} to={`/agent/campaigns/${campaign.id}`} variant="light" aria-label={`${t('agent.open')} ${campaign.name}`}>
                    {t('agent.open')}
                  </Button>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </AsyncContent>
    </Stack>
  );
}
