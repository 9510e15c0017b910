// One job: live progress, counts, timings, the options it was run with, the four downloads, cancel and revert.
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { JobDetail } from '../../api/types';
import { AsyncContent } from '../../components/AsyncContent';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/i18n';
import { formatCount, formatDuration, formatTime } from '../../utils/format';
import { isDryRunJob, isJobActive } from '../../utils/job-progress';
import { JobDownloads } from './JobDownloads';
import { JobOptions } from './JobOptions';
import { JobProgress } from './JobProgress';
import { RevertButton, RevertOutcome } from './JobRevert';
import { useJobEvents } from './useJobEvents';

export function JobPage() {
  const { jobId } = useParams();
  const id = Number(jobId);
  const job = useAsync(() => api.getJob(id), [id]);
  return <AsyncContent state={job}>{(loaded) => <JobView job={loaded} onChanged={job.reload} />}</AsyncContent>;
}

function JobView({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const t = useT();
  const live = useJobEvents(job.id, isJobActive(job), onChanged);
  const shown: JobDetail = live && (isJobActive(job) || !isJobActive(live)) ? { ...job, ...live } : job;
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const cancel = async () => {
    setIsCancelling(true);
    try {
      await api.cancelJob(job.id);
      onChanged();
    } catch (error) {
      setCancelError(error);
    } finally {
      setIsCancelling(false);
    }
  };
  const duration = shown.startedAt ? ((shown.finishedAt ?? Date.now()) - shown.startedAt) / 1000 : null;

  return (
    <Stack maw={1100} data-testid="job-page" data-job-id={job.id} data-status={shown.status}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('job.title', { id: job.id })}</Title>
          <JobStatusBadge status={shown.status} isDryRun={isDryRunJob(job)} />
        </Group>
        {isJobActive(shown) && (
          <Button color="red" variant="light" onClick={() => void cancel()} loading={isCancelling} disabled={shown.isCancelRequested} data-testid="cancel-job">
            {shown.isCancelRequested ? t('job.cancelRequested') : t('job.cancel')}
          </Button>
        )}
        <RevertButton job={shown} onReverted={onChanged} />
      </Group>
      <Text>
        {shown.fileName} → {t(`target.${shown.target}`)}
        {shown.campaignId !== null && (
          <>
            {' '}
            ({t('job.campaign')}{' '}
            <Anchor component={Link} to={`/campaigns/${shown.campaignId}`}>
              #{shown.campaignId}
            </Anchor>
            )
          </>
        )}
      </Text>
      <ErrorAlert error={cancelError} />
      {shown.failureReason && (
        <Alert color="red" title={t('job.failureReason')}>
          {shown.failureReason}
        </Alert>
      )}
      <RevertOutcome job={shown} />
      <JobProgress job={shown} />
      <SimpleGrid cols={2}>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('job.counts')}
          </Title>
          <Table>
            <Table.Tbody>
              <Row label={t('job.read')} value={formatCount(shown.recordsRead)} />
              <Row label={t('job.total')} value={formatCount(shown.total)} />
              <Row label={t('jobs.success')} value={formatCount(shown.success)} testId="count-success" />
              <Row label={t('jobs.error')} value={formatCount(shown.error)} testId="count-error" />
              <Row label={t('jobs.duplicated')} value={formatCount(shown.duplicated)} testId="count-duplicated" />
              {shown.dialQueued != null && <Row label={t('job.dialQueued')} value={formatCount(shown.dialQueued)} testId="count-dial-queued" />}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('job.timings')}
          </Title>
          <Table>
            <Table.Tbody>
              <Row label={t('job.createdAt')} value={formatTime(shown.createdAt)} />
              <Row label={t('job.dueAt')} value={formatTime(shown.dueAt)} />
              <Row label={t('job.startedAt')} value={formatTime(shown.startedAt)} />
              <Row label={t('job.finishedAt')} value={formatTime(shown.finishedAt)} />
              <Row label={t('job.duration')} value={formatDuration(duration)} />
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('job.downloads')}
        </Title>
        <JobDownloads job={shown} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('job.options')}
        </Title>
        <JobOptions options={shown.options ?? {}} />
      </Paper>
    </Stack>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td data-testid={testId}>{value}</Table.Td>
    </Table.Tr>
  );
}
