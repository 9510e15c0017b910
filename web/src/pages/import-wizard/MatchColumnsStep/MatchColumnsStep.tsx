// Step 2: the target table (and campaign), then the column mapping with required fields flagged.
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import type { Campaign, Preview, Target } from '../../../api/types';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n';
import { fieldsJoined, fieldsMappedTwice, missingOneOf, missingRequiredFields, newFieldHeaders, type ColumnChoices, type JoinKind } from '../../../utils/column-mapping';
import { isCustomerTarget, needsCampaign } from '../../../utils/import-request';
import { MappingTable } from './MappingTable';
import { TargetPicker } from './TargetPicker';

type Props = {
  target: Target;
  campaignId: number | undefined;
  campaigns: Campaign[];
  onTargetChange: (target: Target, campaignId: number | undefined) => void;
  preview: Preview | null;
  isLoading: boolean;
  choices: ColumnChoices;
  manualIndexes: ReadonlySet<number>;
  onChoose: (index: number, field: string | null) => void;
};

/** What the import does with the columns joined into one field, by the field's kind. */
const JOINED_MESSAGES: Record<JoinKind, MessageKey> = { name: 'mapping.joinedName', address: 'mapping.joinedAddress', text: 'mapping.joinedText' };

export function MatchColumnsStep(props: Props) {
  const t = useT();
  const { preview, choices } = props;
  const isWaitingForCampaign = needsCampaign(props.target) && props.campaignId === undefined;
  const missing = preview ? missingRequiredFields(choices, preview.fields) : [];
  const missingOne = preview ? missingOneOf(choices, preview.requiredOneOf, preview.fields) : [];
  const doubled = preview ? fieldsMappedTwice(choices, preview.headers, preview.fields) : [];
  const joined = preview ? fieldsJoined(choices, preview.headers, preview.fields) : [];
  const newFields = preview ? newFieldHeaders(choices, preview.headers) : [];
  return (
    <Stack>
      <TargetPicker target={props.target} campaignId={props.campaignId} campaigns={props.campaigns} onChange={props.onTargetChange} />
      {!isWaitingForCampaign && (
        <>
          <div>
            <Title order={4}>{t('mapping.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('mapping.hint')}
            </Text>
          </div>
          {missing.length > 0 && (
            <Alert color="red" data-testid="missing-required">
              {t('mapping.missingRequired', { fields: missing.map((field) => field.label).join(', ') })}
            </Alert>
          )}
          {missingOne.length > 0 && (
            <Alert color="red" data-testid="missing-one-of">
              {t('mapping.missingOneOf', { fields: missingOne.map((field) => field.label).join(t('mapping.or')) })}
            </Alert>
          )}
          {joined.map((entry) => (
            <Alert color="blue" key={`joined-${entry.field}`}>
              {t(JOINED_MESSAGES[entry.kind], { field: entry.field, headers: entry.headers.join(' + ') })}
            </Alert>
          ))}
          {newFields.length > 0 && (
            <Alert color="blue" data-testid="new-fields">
              {t('mapping.newFieldHint', { headers: newFields.join(', ') })}
            </Alert>
          )}
          {doubled.map((entry) => (
            <Alert color="yellow" key={entry.field}>
              {t('mapping.duplicateField', { field: entry.field, headers: entry.headers.join(', ') })}
            </Alert>
          ))}
          {props.isLoading && !preview ? (
            <Loader aria-label={t('app.loading')} />
          ) : (
            preview && <MappingTable preview={preview} choices={choices} manualIndexes={props.manualIndexes} onChoose={props.onChoose} canAddFields={isCustomerTarget(props.target)} />
          )}
        </>
      )}
    </Stack>
  );
}
