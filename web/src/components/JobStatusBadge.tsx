import { Badge } from '@mantine/core';
import type { JobStatus } from '../api/types';
import { useT } from '../i18n/i18n';

const COLORS: Record<JobStatus, string> = { pending: 'gray', running: 'blue', close: 'green', failed: 'red', cancelled: 'orange' };

/** A job's status, and beside it, for a dry run, that it writes nothing. */
export function JobStatusBadge({ status, isDryRun = false }: { status: JobStatus; isDryRun?: boolean }) {
  const t = useT();
  return (
    <>
      <Badge color={COLORS[status]} variant="light" data-testid="job-status" data-status={status}>
        {t(`status.${status}`)}
      </Badge>
      {isDryRun && (
        <Badge color="gray" variant="outline" data-testid="job-dry-run">
          {t('jobOptions.dryRun')}
        </Badge>
      )}
    </>
  );
}
