// The job was created: its id and a link to it (the "Import Created Plan" message).
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportCreated } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { isDryRunJob } from '../../../utils/job-progress';
import { DryRunOutcome } from './DryRunOutcome';

export function ResultStep({ created, onAnother, onImportForReal, isSubmitting = false }: {
  created: ImportCreated;
  onAnother: () => void;
  /** After a dry run: the same import for real (same file, mapping and options). */
  onImportForReal?: () => void;
  isSubmitting?: boolean;
}) {
  const t = useT();
  const { job } = created;
  const isDryRun = isDryRunJob(job);
  return (
    <Stack data-testid="import-created">
      <Alert color="green" icon={<IconCircleCheck />} title={t('done.title')}>
        <Stack gap={4}>
          <Title order={3} data-testid="created-job-id" data-job-id={job.id}>
            {t('done.jobId', { id: job.id })}
          </Title>
          {created.campaign && created.campaignCreated && <Text>{t('done.createdCampaign', { name: created.campaign.name })}</Text>}
          {created.createdFields && created.createdFields.length > 0 && <Text>{t('done.createdFields', { count: created.createdFields.length })}</Text>}
          {created.draftFields.length > 0 && (
            <Text data-testid="draft-fields">{t('done.draftFields', { count: created.draftFields.length, names: created.draftFields.map((field) => field.label).join(', ') })}</Text>
          )}
          {isDryRun && <Text>{t('done.dryRun')}</Text>}
        </Stack>
      </Alert>
      {isDryRun && <DryRunOutcome job={job} />}
      <Group>
        <Button component={Link} to={`/jobs/${job.id}`}>
          {t('done.openJob', { id: job.id })}
        </Button>
        {isDryRun && onImportForReal && (
          <Button variant="light" onClick={onImportForReal} loading={isSubmitting} data-testid="import-for-real">
            {t('done.importForReal')}
          </Button>
        )}
        <Anchor component={Link} to="/jobs">
          {t('done.allJobs')}
        </Anchor>
        <Button variant="subtle" onClick={onAnother}>
          {t('done.another')}
        </Button>
      </Group>
    </Stack>
  );
}
