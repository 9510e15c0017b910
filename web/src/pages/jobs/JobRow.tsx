// One job in the Shell Jobs list; an active job follows its live progress.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Job } from '../../api/types';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { useT } from '../../i18n/i18n';
import { formatCount, formatTime } from '../../utils/format';
import { isDryRunJob, isJobActive } from '../../utils/job-progress';
import { JobProgress } from './JobProgress';
import { useJobEvents } from './useJobEvents';

export function JobRow({ job, isLive, onEnd }: { job: Job; isLive: boolean; onEnd: () => void }) {
  const t = useT();
  const live = useJobEvents(job.id, isLive, onEnd);
  // The newer of the two: the live stream, unless the list already knows the job has ended.
  const shown = live && live.id === job.id && (isJobActive(job) || !isJobActive(live)) ? { ...job, ...live } : job;
  return (
    <Table.Tr data-testid="job-row" data-job-id={job.id} data-status={shown.status}>
      <Table.Td>
        <Anchor component={Link} to={`/jobs/${job.id}`}>
          #{job.id}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate maw={220} title={job.fileName}>
          {job.fileName}
        </Text>
      </Table.Td>
      <Table.Td>{t(`target.${job.target}`)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <JobStatusBadge status={shown.status} isDryRun={isDryRunJob(job)} />
          {shown.revert && (
            <Badge color="orange" variant="outline" data-testid="job-reverted">
              {t(`revert.${shown.revert.status}`)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <JobProgress job={shown} isCompact />
      </Table.Td>
      <Table.Td ta="right">{formatCount(shown.success)}</Table.Td>
      <Table.Td ta="right">{formatCount(shown.error)}</Table.Td>
      <Table.Td ta="right">{formatCount(shown.duplicated)}</Table.Td>
      <Table.Td>
        <Text size="xs">{formatTime(job.createdAt)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
