// Administrators work across teams: the team a page shows, or imports and creates things in. Others have only their own.
import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import { useT } from '../i18n/i18n';
import { useUser } from '../session/SessionContext';
import { useAsync } from './useAsync';

/**
 * The team a page of one team's things works in: an administrator's session spans teams, so they choose it (their own
 * first) and the requests name it (`teamId`); everyone else works in their own, named by their session.
 */
export function useTeamChoice(): { isAdmin: boolean; teamId: number; setTeamId: (teamId: number) => void; requestTeamId: number | undefined } {
  const user = useUser();
  const isAdmin = user.role === 'admin';
  const [teamId, setTeamId] = useState(user.teamId);
  return { isAdmin, teamId, setTeamId, requestTeamId: isAdmin ? teamId : undefined };
}

export function TeamSelect({ teamId, onChange, description }: { teamId: number | undefined; onChange: (teamId: number) => void; description?: string }) {
  const t = useT();
  const teams = useAsync(() => api.listTeams(), []);
  // None chosen yet and only one team: there is nothing to choose, it is chosen (a file can be dropped at once).
  const onlyTeam = teams.data?.length === 1 ? teams.data[0] : undefined;
  useEffect(() => {
    if (teamId === undefined && onlyTeam !== undefined) onChange(onlyTeam.id);
  }, [teamId, onlyTeam, onChange]);
  return (
    <Select
      label={t('wizard.team')}
      description={description}
      data={(teams.data ?? []).map((team) => ({ value: String(team.id), label: `${team.name} (${team.country})` }))}
      value={teamId === undefined ? null : String(teamId)}
      onChange={(value) => value && onChange(Number(value))}
      allowDeselect={false}
      w={description ? 320 : 220}
    />
  );
}
