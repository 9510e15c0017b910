// Import & Start: a new campaign (or an empty main table) gets its fields from the file's header, then the import starts.
import { Alert, Button, Checkbox, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Target } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PreviewTable } from '../../components/PreviewTable';
import { useT } from '../../i18n/i18n';
import { useUser } from '../../session/SessionContext';
import { DEFAULT_OPTIONS, buildImportRequest, proposedFieldsPayload, type ProposedFieldChoice } from '../../utils/import-request';
import { NameMismatchModal } from '../import-wizard/NameMismatchModal';
import { ResultStep } from '../import-wizard/ResultStep/ResultStep';
import { UploadStep } from '../import-wizard/UploadStep/UploadStep';
import { useImportSubmission } from '../import-wizard/useImportSubmission';
import { useUploadedFile } from '../import-wizard/useUploadedFile';
import { ProposedFieldsTable } from './ProposedFieldsTable';

type Destination = 'campaign' | 'table';
type MainTable = 'individual' | 'organization';

export function ImportAndStartPage() {
  const t = useT();
  const user = useUser();
  const [destination, setDestination] = useState<Destination>('campaign');
  const [mainTable, setMainTable] = useState<MainTable>('individual');
  const [campaignName, setCampaignName] = useState('');
  const [isDryRun, setIsDryRun] = useState(false);
  const [choices, setChoices] = useState<ProposedFieldChoice[]>([]);
  const target: Target = destination === 'campaign' ? 'campaign' : mainTable;
  // The preview proposes fields for a campaign name that no campaign has yet (Import & Start), or an empty main table.
  const [previewName] = useDebouncedValue(campaignName.trim(), 400);
  const file = useUploadedFile(user.role === 'admin' ? undefined : user.teamId, { target, campaignName: destination === 'campaign' ? previewName || undefined : undefined });
  const submission = useImportSubmission();
  const preview = file.preview;

  const proposalKey = preview?.proposedFields ? preview.proposedFields.map((f) => `${f.header}:${f.key}:${f.type}`).join('|') : '';
  useEffect(() => {
    setChoices((preview?.proposedFields ?? []).map((field) => ({ header: field.header, key: field.key, type: field.type, isIncluded: true })));
  }, [proposalKey]); // Only a new proposal resets the user's adjustments.

  // The campaign is named after the file unless the user names it.
  useEffect(() => {
    if (file.upload && !campaignName) setCampaignName(file.upload.name.replace(/\.[^.]+$/, ''));
  }, [file.upload]); // Only when a new file arrives.

  if (submission.created) {
    return (
      <Stack maw={1100}>
        <Title order={2}>{t('start.title')}</Title>
        <ResultStep
          created={submission.created}
          onAnother={() => {
            submission.reset();
            setCampaignName('');
            // The job just made keeps the file: it is let go here, not deleted.
            file.forgetUpload();
          }}
          onImportForReal={() => void submission.importForReal()}
          isSubmitting={submission.isSubmitting}
        />
        <ErrorAlert error={submission.error} />
        <NameMismatchModal
          message={submission.mismatchMessage}
          onConfirm={() => void submission.confirmMismatch()}
          onCancel={submission.cancelMismatch}
          isSubmitting={submission.isSubmitting}
        />
      </Stack>
    );
  }

  const isNameMissing = destination === 'campaign' && campaignName.trim() === '';
  const canStart = file.upload !== null && choices.some((c) => c.isIncluded) && !isNameMissing;
  const start = () => {
    if (!file.upload) return;
    const payload = proposedFieldsPayload(choices);
    void submission.submit(
      buildImportRequest({
        uploadId: file.upload.id,
        target,
        campaignName: destination === 'campaign' ? campaignName : undefined,
        mapping: payload.mapping,
        fieldTypes: payload.fieldTypes,
        file: file.settings,
        options: { ...DEFAULT_OPTIONS, dryRun: isDryRun },
        hasDialer: false,
      }),
    );
  };

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('start.title')}</Title>
      <Text c="dimmed">{t('start.intro')}</Text>
      <UploadStep file={file} showPreview={false} />
      <Paper withBorder p="md">
        <Group align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="start-destination-label">
              {t('start.destination')}
            </Text>
            <SegmentedControl
              aria-labelledby="start-destination-label"
              value={destination}
              onChange={(value) => setDestination(value === 'table' ? 'table' : 'campaign')}
              data={[
                { value: 'campaign', label: t('start.newCampaign') },
                { value: 'table', label: t('start.emptyTable') },
              ]}
            />
          </Stack>
          {destination === 'campaign' ? (
            <TextInput
              label={t('start.campaignName')}
              value={campaignName}
              onChange={(e) => setCampaignName(e.currentTarget.value)}
              error={file.upload && isNameMissing ? t('start.nameRequired') : undefined}
              w={320}
              data-testid="campaign-name"
            />
          ) : (
            <Select
              label={t('start.table')}
              data={(['individual', 'organization'] as const).map((value) => ({ value, label: t(`target.${value}`) }))}
              value={mainTable}
              onChange={(value) => setMainTable(value === 'organization' ? 'organization' : 'individual')}
              allowDeselect={false}
            />
          )}
        </Group>
      </Paper>
      {file.upload && preview && (
        <>
          <Title order={4}>{t('start.fields')}</Title>
          {choices.length > 0 ? (
            <ProposedFieldsTable preview={preview} choices={choices} onChange={(index, change) => setChoices((current) => current.map((c, i) => (i === index ? { ...c, ...change } : c)))} />
          ) : (
            <Alert color="yellow">{t('start.noProposal')}</Alert>
          )}
          <PreviewTable preview={preview} />
          {preview.doNotCallColumn !== null && (
            <Alert color="yellow" data-testid="do-not-call">
              {t('options.doNotCall', { header: preview.doNotCallColumn })}
            </Alert>
          )}
        </>
      )}
      {file.upload && !preview && file.isPreviewLoading && <Loader aria-label={t('app.loading')} />}
      <ErrorAlert error={submission.error} />
      <Group justify="space-between">
        <Checkbox label={t('options.dryRun')} checked={isDryRun} onChange={(e) => setIsDryRun(e.currentTarget.checked)} />
        <Button onClick={start} disabled={!canStart} loading={submission.isSubmitting} data-testid="import-and-start">
          {t('start.submit')}
        </Button>
      </Group>
      <NameMismatchModal
        message={submission.mismatchMessage}
        onConfirm={() => void submission.confirmMismatch()}
        onCancel={submission.cancelMismatch}
        isSubmitting={submission.isSubmitting}
      />
    </Stack>
  );
}
