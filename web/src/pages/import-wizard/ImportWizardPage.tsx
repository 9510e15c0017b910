// The import wizard: file → target & columns → options → the job.
import { Button, Group, Stack, Stepper, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Target } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { useUser } from '../../session/SessionContext';
import { choicesFromSuggestions, fieldsMappedTwice, mappingPayload, missingOneOf, missingRequiredFields, newFieldHeaders, type ColumnChoices } from '../../utils/column-mapping';
import { DEFAULT_OPTIONS, buildImportRequest, needsCampaign, type ImportOptionsForm } from '../../utils/import-request';
import { MatchColumnsStep } from './MatchColumnsStep/MatchColumnsStep';
import { NameMismatchModal } from './NameMismatchModal';
import { OptionsStep } from './OptionsStep/OptionsStep';
import { ResultStep } from './ResultStep/ResultStep';
import { UploadStep } from './UploadStep/UploadStep';
import { useImportSubmission } from './useImportSubmission';
import { useUploadedFile } from './useUploadedFile';

export function ImportWizardPage() {
  const t = useT();
  const user = useUser();
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<Target>('individual');
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [manualIndexes, setManualIndexes] = useState<ReadonlySet<number>>(new Set());
  const [options, setOptions] = useState<ImportOptionsForm>(DEFAULT_OPTIONS);
  const isWaitingForCampaign = needsCampaign(target) && campaignId === undefined;
  const file = useUploadedFile(user.role === 'admin' ? undefined : user.teamId, isWaitingForCampaign ? null : { target, campaignId });
  const campaigns = useAsync(() => (file.teamId === undefined ? Promise.resolve([]) : api.listCampaigns(file.teamId)), [file.teamId]);
  const submission = useImportSubmission();
  const preview = file.preview;

  // A new preview (other file, target or campaign) brings new suggestions: start over from them.
  const mappingKey = preview ? `${target}/${campaignId ?? ''}/${preview.headers.join('\u0000')}/${preview.mapping.map((m) => m.field).join(',')}` : '';
  useEffect(() => {
    if (!preview) return;
    setChoices(choicesFromSuggestions(preview.mapping));
    setManualIndexes(new Set());
  }, [mappingKey]); // Only the key decides: a reloaded preview with the same suggestions keeps the user's changes.

  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const hasDialer = Boolean(campaign?.hasDialer);
  const isMappingValid =
    preview !== null &&
    !isWaitingForCampaign &&
    missingRequiredFields(choices, preview.fields).length === 0 &&
    missingOneOf(choices, preview.requiredOneOf, preview.fields).length === 0 &&
    fieldsMappedTwice(choices, preview.headers, preview.fields).length === 0;
  const canContinue = !file.isPreviewLoading && (step === 0 ? file.upload !== null && preview !== null : isMappingValid);

  const choose = (index: number, field: string | null) => {
    setChoices((current) => ({ ...current, [index]: field }));
    setManualIndexes((current) => new Set(current).add(index));
  };
  const startOver = () => {
    // The job just made keeps the file: it is let go here, not deleted.
    file.forgetUpload();
    submission.reset();
    setOptions(DEFAULT_OPTIONS);
    setStep(0);
  };
  const submit = () => {
    if (!file.upload || !preview) return;
    const body = buildImportRequest({
      uploadId: file.upload.id,
      target,
      campaignId,
      mapping: mappingPayload(choices, preview.headers),
      newFields: newFieldHeaders(choices, preview.headers),
      file: file.settings,
      options,
      hasDialer,
    });
    void submission.submit(body);
  };
  useEffect(() => {
    if (submission.created) setStep(3);
  }, [submission.created]);

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('wizard.title')}</Title>
      <Stepper active={step} onStepClick={(index) => index < step && step < 3 && setStep(index)} size="sm">
        <Stepper.Step label={t('wizard.stepFile')} description={t('wizard.stepFileHint')}>
          <UploadStep file={file} />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.stepColumns')} description={t('wizard.stepColumnsHint')}>
          <MatchColumnsStep
            target={target}
            campaignId={campaignId}
            campaigns={campaigns.data ?? []}
            onTargetChange={(nextTarget, nextCampaign) => {
              setTarget(nextTarget);
              setCampaignId(nextCampaign);
            }}
            preview={isWaitingForCampaign ? null : preview}
            isLoading={file.isPreviewLoading}
            choices={choices}
            manualIndexes={manualIndexes}
            onChoose={choose}
          />
        </Stepper.Step>
        <Stepper.Step label={t('wizard.stepOptions')} description={t('wizard.stepOptionsHint')}>
          <OptionsStep target={target} hasDialer={hasDialer} fields={preview?.fields ?? []} doNotCallColumn={preview?.doNotCallColumn ?? null} options={options} onChange={(change) => setOptions((o) => ({ ...o, ...change }))} />
        </Stepper.Step>
        <Stepper.Completed>
          {submission.created && (
            <ResultStep created={submission.created} onAnother={startOver} onImportForReal={() => void submission.importForReal()} isSubmitting={submission.isSubmitting} />
          )}
        </Stepper.Completed>
      </Stepper>
      <ErrorAlert error={submission.error} />
      {step < 3 && (
        <Group justify="space-between">
          <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={step === 0}>
            {t('app.back')}
          </Button>
          {step < 2 ? (
            <Button onClick={() => setStep((s) => s + 1)} disabled={!canContinue}>
              {t('app.next')}
            </Button>
          ) : (
            <Button onClick={submit} loading={submission.isSubmitting} disabled={!isMappingValid || file.isPreviewLoading} data-testid="submit-import">
              {t('options.import')}
            </Button>
          )}
        </Group>
      )}
      <NameMismatchModal
        message={submission.mismatchMessage}
        onConfirm={() => void submission.confirmMismatch()}
        onCancel={submission.cancelMismatch}
        isSubmitting={submission.isSubmitting}
      />
    </Stack>
  );
}
