// A job's progress bar with rows done, rate and ETA.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { JobDetail } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { formatCount, formatDuration, formatTime } from '../../utils/format';
import { jobEtaSeconds, jobRate, progressPercent } from '../../utils/job-progress';

const COLORS = { pending: 'gray', running: 'blue', close: 'green', failed: 'red', cancelled: 'orange' } as const;

export function JobProgress({ job, isCompact = false }: { job: JobDetail; isCompact?: boolean }) {
  const t = useT();
  // Re-render every second while running, so that the rate and ETA move between progress events.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (job.status !== 'running') return;
    const timer = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, [job.status]);
  const now = Date.now();
  const percent = progressPercent(job);
  const rate = jobRate(job, now);
  const eta = jobEtaSeconds(job, now);
  const records = job.total ? t('jobs.records', { done: formatCount(job.recordsRead), total: formatCount(job.total) }) : t('jobs.recordsNoTotal', { done: formatCount(job.recordsRead) });
  return (
    <Stack gap={2} miw={isCompact ? 200 : undefined} data-testid="job-progress" data-records-read={job.recordsRead} data-status={job.status}>
      <Progress
        value={percent ?? (job.status === 'running' ? 100 : 0)}
        striped={job.status === 'running'}
        animated={job.status === 'running'}
        color={COLORS[job.status]}
        size={isCompact ? 'sm' : 'lg'}
        aria-label={t('jobs.progressOf', { id: job.id })}
      />
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {job.status === 'pending' && job.dueAt && job.dueAt > now ? t('jobs.scheduled', { time: formatTime(job.dueAt) }) : records}
        </Text>
        {job.status === 'running' && rate !== null && (
          <Text size="xs" c="dimmed" data-testid="job-rate">
            {t('jobs.rate', { rate: formatCount(Math.round(rate)) })}
          </Text>
        )}
        {eta !== null && (
          <Text size="xs" c="dimmed" data-testid="job-eta">
            {t('jobs.eta', { eta: formatDuration(eta) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
