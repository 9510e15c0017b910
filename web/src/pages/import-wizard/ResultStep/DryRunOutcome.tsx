// What a dry run finds, live: how many records would be imported, would fail, or are duplicates, and its result files
// (the error file says why each failed), so that the supervisor decides on the spot whether to import it for real.
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Job, JobDetail } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { formatCount } from '../../../utils/format';
import { JobDownloads } from '../../jobs/JobDownloads';
import { JobProgress } from '../../jobs/JobProgress';
import { useJobEvents } from '../../jobs/useJobEvents';

export function DryRunOutcome({ job }: { job: Job }) {
  const t = useT();
  const [isOver, setIsOver] = useState(false);
  const live = useJobEvents(job.id, !isOver, () => setIsOver(true));
  const shown: JobDetail = live ?? job;
  const isFinished = shown.status === 'close' || shown.status === 'failed' || shown.status === 'cancelled';
  return (
    <Stack gap="xs" data-testid="dry-run-outcome" data-status={shown.status}>
      <JobProgress job={shown} />
      <Text>
        {t('done.dryRunCounts', {
          success: formatCount(shown.success),
          error: formatCount(shown.error),
          duplicated: formatCount(shown.duplicated),
        })}
      </Text>
      {isFinished && <JobDownloads job={shown} />}
    </Stack>
  );
}
