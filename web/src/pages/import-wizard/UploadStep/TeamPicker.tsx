// Administrators choose the team to import into; everyone else imports into their own team.
import { Select, Text } from '@mantine/core';
import { useEffect } from 'react';
import { api } from '../../../api/endpoints';
import { useAsync } from '../../../components/useAsync';
import { useT } from '../../../i18n/i18n';
import { useUser } from '../../../session/SessionContext';

export function TeamPicker({ teamId, onChange }: { teamId: number | undefined; onChange: (teamId: number | undefined) => void }) {
  const t = useT();
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const teams = useAsync(() => (isAdmin ? api.listTeams() : Promise.resolve([])), [isAdmin]);
  // With only one team there is nothing to choose: it is chosen, and the file can be dropped at once.
  const onlyTeam = teams.data?.length === 1 ? teams.data[0] : undefined;
  useEffect(() => {
    if (teamId === undefined && onlyTeam !== undefined) onChange(onlyTeam.id);
  }, [teamId, onlyTeam, onChange]);
  if (!isAdmin) {
    return (
      <Text size="sm">
        {t('wizard.team')}: <b>{user.teamName}</b>
      </Text>
    );
  }
  return (
    <Select
      label={t('wizard.team')}
      description={t('wizard.teamHint')}
      data={(teams.data ?? []).map((team) => ({ value: String(team.id), label: `${team.name} (${team.country})` }))}
      value={teamId === undefined ? null : String(teamId)}
      onChange={(value) => onChange(value ? Number(value) : undefined)}
      allowDeselect={false}
      w={320}
    />
  );
}
