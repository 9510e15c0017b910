// Administrators choose the team to import into; everyone else imports into their own team.
import { Text } from '@mantine/core';
import { TeamSelect } from '../../../components/TeamSelect';
import { useT } from '../../../i18n/i18n';
import { useUser } from '../../../session/SessionContext';

export function TeamPicker({ teamId, onChange }: { teamId: number | undefined; onChange: (teamId: number | undefined) => void }) {
  const t = useT();
  const user = useUser();
  if (user.role !== 'admin') {
    return (
      <Text size="sm">
        {t('wizard.team')}: <b>{user.teamName}</b>
      </Text>
    );
  }
  return <TeamSelect teamId={teamId} onChange={onChange} description={t('wizard.teamHint')} />;
}
