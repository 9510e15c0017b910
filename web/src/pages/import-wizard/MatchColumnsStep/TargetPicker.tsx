// Which table the file goes to, and the campaign when the table belongs to one.
import { Group, Select, Text } from '@mantine/core';
import { TARGETS, type Campaign, type Target } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { needsCampaign } from '../../../utils/import-request';

type Props = {
  target: Target;
  campaignId: number | undefined;
  campaigns: Campaign[];
  onChange: (target: Target, campaignId: number | undefined) => void;
};

export function TargetPicker({ target, campaignId, campaigns, onChange }: Props) {
  const t = useT();
  return (
    <Group align="flex-start" grow>
      <Select
        label={t('target.label')}
        description={t(`targetHint.${target}`)}
        data={TARGETS.map((value) => ({ value, label: t(`target.${value}`) }))}
        value={target}
        onChange={(value) => value && onChange(value as Target, needsCampaign(value as Target) ? campaignId : undefined)}
        allowDeselect={false}
        data-testid="target-select"
      />
      {needsCampaign(target) && (
        <Select
          label={t('target.campaignLabel')}
          placeholder={t('target.campaignPlaceholder')}
          data={campaigns.map((campaign) => ({ value: String(campaign.id), label: campaign.name }))}
          value={campaignId === undefined ? null : String(campaignId)}
          onChange={(value) => onChange(target, value ? Number(value) : undefined)}
          nothingFoundMessage={t('target.noCampaigns')}
          description={campaigns.length === 0 ? <Text size="xs">{t('target.noCampaigns')}</Text> : undefined}
          data-testid="campaign-select"
        />
      )}
    </Group>
  );
}
