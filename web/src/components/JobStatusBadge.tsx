import { Badge } from '@mantine/core';
import type { JobStatus } from '../api/types';
import { useT } from '../i18n/i18n';

const COLORS: Record<JobStatus, string> = { pending: 'gray', running: 'blue', close: 'green', failed: 'red', cancelled: 'orange' };

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="job-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
